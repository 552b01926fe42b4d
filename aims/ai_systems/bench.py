"""Many synthetic AI systems for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` systems: running it again adds only what is missing. It
writes no audit events or history rows (the benchmark's audit trail is generated separately).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from itertools import islice

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem, LifecycleStage
from aims.organizations.models import Organization

BATCH = 2_000
BENCH_PREFIX = "BEN-"

_DOMAINS = (
    "credit scoring", "fraud detection", "churn prediction", "demand forecasting", "document triage",
    "CV screening", "customer support chat", "claims assessment", "route planning", "quality inspection",
    "anomaly detection", "price optimisation", "translation", "speech transcription", "code review",
)  # fmt: skip
_KINDS = ("model", "assistant", "engine", "classifier", "service", "pipeline")
_UNITS = ("Retail", "Lending", "Operations", "HR", "Marketing", "IT", "Claims", "Logistics", "Legal")
_ROLES = tuple(Organization.AIRole.values)

Progress = Callable[[str], None]


def _system(
    organization: Organization, number: int, owners: Sequence[User | None], draw: random.Random
) -> AISystem:
    domain, kind = draw.choice(_DOMAINS), draw.choice(_KINDS)
    changed = timezone.now() - timedelta(minutes=draw.randrange(3 * 365 * 24 * 60))
    review = timezone.localdate() + timedelta(days=draw.randrange(-120, 365)) if draw.random() < 0.8 else None
    return AISystem(
        organization=organization,
        reference=f"{BENCH_PREFIX}{number:05d}",
        name=f"{domain.capitalize()} {kind} {number}",
        purpose=f"Synthetic system {number} for {domain} in {draw.choice(_UNITS)}.",
        description="Made by `aims bench seed`.",
        intended_use=f"{domain.capitalize()} for internal teams.",
        ai_roles=sorted(draw.sample(_ROLES, draw.randint(1, 2))),
        lifecycle_stage=draw.choice(LifecycleStage.values),
        deployment_environment=draw.choice(AISystem.Environment.values),
        in_scope=draw.random() < 0.9,
        owner=draw.choice(owners),
        business_unit=draw.choice(_UNITS),
        automation_level=draw.choice(AISystem.Automation.values),
        status=draw.choices(AISystem.Status.values, weights=(1, 8, 1))[0],
        risk_class=draw.choices(AISystem.RiskClass.values, weights=(4, 0.1, 2, 2, 4))[0],
        next_review_on=review,
        created_at=changed - timedelta(days=draw.randrange(400)),
        updated_at=changed,
    )


def _systems(
    organization: Organization, numbers: Iterator[int], owners: Sequence[User | None], seed: int
) -> Iterator[AISystem]:
    draw = random.Random(seed)
    for number in numbers:
        yield _system(organization, number, owners, draw)


def seed_bench(
    organization: Organization,
    count: int = 10_000,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` AI systems; returns how many were added.

    Owners are drawn from `owners` (default: the organisation's members), a few systems left without one.
    """
    say = progress or (lambda message: None)
    have = AISystem.objects.filter(organization=organization).count()
    missing = count - have
    if missing <= 0:
        return 0
    people: list[User | None] = list(owners or User.objects.filter(memberships__organization=organization))
    people.append(None)
    taken = set(
        AISystem.objects.filter(organization=organization, reference__startswith=BENCH_PREFIX).values_list(
            "reference", flat=True
        )
    )
    numbers = (n for n in range(1, count + len(taken) + 1) if f"{BENCH_PREFIX}{n:05d}" not in taken)
    systems = _systems(organization, islice(numbers, missing), people, seed=have)
    added = 0
    while batch := list(islice(systems, BATCH)):
        with transaction.atomic():
            AISystem.objects.bulk_create(batch)
        added += len(batch)
        say(f"AI systems: {have + added:,} of {count:,}")
    return added
