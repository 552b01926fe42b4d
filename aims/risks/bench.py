"""Many synthetic risks for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` risks spread over its existing AI systems (a tenth are
organisation-wide): running it again adds only what is missing. It writes no audit events or assessment
history rows; ratings follow the criteria in force, so levels and heat maps are consistent.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from itertools import islice
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.organizations.models import Organization
from aims.risks.actions import ensure_default_criteria
from aims.risks.levels import level_for
from aims.risks.models import Risk, RiskCriteria
from aims.risks.queries import risk_sources

BATCH = 2_000
Progress = Callable[[str], None]

_EVENTS = (
    "Biased outputs",
    "Model drift",
    "Unexplainable decisions",
    "Personal data leakage",
    "Supplier model change",
    "Prompt injection",
    "Poor training data",
    "Over-reliance by users",
    "Outage of the inference service",
    "Energy use above target",
)
_STATUSES = (
    Risk.Status.IDENTIFIED,
    Risk.Status.ASSESSED,
    Risk.Status.TREATED,
    Risk.Status.ACCEPTED,
    Risk.Status.CLOSED,
)


class _Maker:
    def __init__(
        self,
        organization: Organization,
        criteria: RiskCriteria,
        owners: Sequence[User | None],
        systems: list[int],
        sources: list[int],
        draw: random.Random,
    ) -> None:
        self.organization, self.criteria, self.spec = organization, criteria, criteria.spec()
        self.owners, self.systems, self.sources, self.draw = owners, systems, sources, draw
        self.now = timezone.now()

    def _rating(self) -> tuple[int, int, Any]:
        likelihood = self.draw.randint(1, len(self.spec.likelihood))
        consequence = self.draw.randint(1, len(self.spec.consequence))
        return likelihood, consequence, level_for(self.spec, likelihood, consequence)

    def _rate(self, values: dict[str, Any], status: str) -> None:
        likelihood, consequence, level = self._rating()
        values.update(
            likelihood=likelihood,
            consequence=consequence,
            level_key=level.key,
            level_label=level.label,
            level_colour=level.colour,
            level_rank=level.rank,
            criteria=self.criteria,
            assessed_at=self.now - timedelta(days=self.draw.randrange(1, 700)),
        )
        if status in (Risk.Status.TREATED, Risk.Status.ACCEPTED, Risk.Status.CLOSED):
            low_l, low_c = self.draw.randint(1, likelihood), self.draw.randint(1, consequence)
            residual = level_for(self.spec, low_l, low_c)
            values.update(
                treatment_option=self.draw.choice(Risk.Option.values),
                treatment_plan="Synthetic plan.",
                residual_likelihood=low_l,
                residual_consequence=low_c,
                residual_level_key=residual.key,
                residual_level_label=residual.label,
                residual_level_colour=residual.colour,
                residual_level_rank=residual.rank,
                residual_criteria=self.criteria,
                treated_at=values["assessed_at"],
            )

    def risk(self, number: int) -> Risk:
        draw = self.draw
        status = draw.choices(_STATUSES, weights=(2, 3, 3, 1, 1))[0]
        changed = self.now - timedelta(minutes=draw.randrange(2 * 365 * 24 * 60))
        values: dict[str, Any] = {
            "organization": self.organization,
            "number": number,
            "reference": f"RSK-{number:04d}",
            "kind": Risk.Kind.OPPORTUNITY if draw.random() < 0.05 else Risk.Kind.RISK,
            "ai_system_id": draw.choice(self.systems) if self.systems and draw.random() < 0.9 else None,
            "title": f"{draw.choice(_EVENTS)} {number}",
            "description": "Synthetic risk. Made by `aims bench seed`.",
            "risk_source_id": draw.choice(self.sources) if self.sources else None,
            "owner": draw.choice(self.owners),
            "status": status,
            "next_review_on": timezone.localdate() + timedelta(days=draw.randrange(-90, 365)),
            "created_at": changed - timedelta(days=draw.randrange(300)),
            "updated_at": changed,
        }
        if status != Risk.Status.IDENTIFIED:
            self._rate(values, status)
        if status == Risk.Status.CLOSED:
            values["closed_reason"] = "Synthetic: no longer relevant."
        return Risk(**values)


def seed_bench(
    organization: Organization,
    count: int = 100_000,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` risks over its AI systems; returns how many were added."""
    say = progress or (lambda message: None)
    have = Risk.objects.filter(organization=organization).count()
    if count - have <= 0:
        return 0
    people: list[User | None] = list(owners or User.objects.filter(memberships__organization=organization))
    people.append(None)
    systems = list(AISystem.objects.filter(organization=organization).values_list("pk", flat=True))
    sources = list(risk_sources().values_list("pk", flat=True))
    maker = _Maker(
        organization, ensure_default_criteria(organization), people, systems, sources, random.Random(have)
    )
    start = (Risk.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    records: Iterator[Risk] = (maker.risk(number) for number in range(start, start + count - have))
    added = 0
    while batch := list(islice(records, BATCH)):
        with transaction.atomic():
            Risk.objects.bulk_create(batch)
        added += len(batch)
        say(f"Risks: {have + added:,} of {count:,}")
    return added
