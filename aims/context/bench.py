"""Many synthetic obligations and context issues for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` obligations and `count // 2` issues: running it again adds
only what is missing. It writes no audit events, and links a few records to the organisation's AI systems.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from itertools import islice
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.context.models import ContextIssue, Obligation, Status
from aims.organizations.models import Organization

BATCH = 2_000
PREFIX = "BEN-"
Progress = Callable[[str], None]

_SOURCES = ("EU AI Act Art. 26", "EU AI Act Art. 50", "GDPR Art. 22", "GDPR Art. 35", "DORA Art. 28",
            "Customer MSA §12", "Consumer Credit Directive Art. 18", "NIS2 Art. 21")  # fmt: skip
_TOPICS = ("transparency", "human oversight", "record keeping", "data protection", "fairness", "security",
           "supplier management", "incident reporting", "accessibility", "energy use")  # fmt: skip


def _common(number: int, owners: Sequence[User | None], draw: random.Random) -> dict[str, Any]:
    changed = timezone.now() - timedelta(minutes=draw.randrange(2 * 365 * 24 * 60))
    review = timezone.localdate() + timedelta(days=draw.randrange(-90, 365)) if draw.random() < 0.8 else None
    return {
        "reference": f"{PREFIX}{number:05d}",
        "owner": draw.choice(owners),
        "review_on": review,
        "status": draw.choices(Status.values, weights=(9, 1))[0],
        "created_at": changed - timedelta(days=draw.randrange(300)),
        "updated_at": changed,
    }


def _obligation(
    organization: Organization, number: int, owners: Sequence[User | None], draw: random.Random
) -> Obligation:
    topic = draw.choice(_TOPICS)
    return Obligation(
        organization=organization,
        title=f"{topic.capitalize()} duty {number}",
        kind=draw.choice(Obligation.Kind.values),
        source=draw.choice(_SOURCES),
        jurisdiction=draw.choice(("EU", "UK", "DE", "")),
        description=f"Synthetic obligation {number} on {topic}. Made by `aims bench seed`.",
        applicability=draw.choice(Obligation.Applicability.values),
        **_common(number, owners, draw),
    )


def _issue(
    organization: Organization, number: int, owners: Sequence[User | None], draw: random.Random
) -> ContextIssue:
    category = draw.choice(ContextIssue.Category.values)
    return ContextIssue(
        organization=organization,
        title=f"{draw.choice(_TOPICS).capitalize()} issue {number}",
        kind=draw.choice(ContextIssue.Kind.values),
        category=category,
        is_climate_related=category == ContextIssue.Category.CLIMATE,
        description=f"Synthetic issue {number}. Made by `aims bench seed`.",
        effect_on_aims="Synthetic effect.",
        **_common(number, owners, draw),
    )


def _top_up(
    model: type[Obligation] | type[ContextIssue],
    make: Callable[..., Any],
    organization: Organization,
    count: int,
    owners: Sequence[User | None],
    say: Progress,
) -> int:
    have = model.objects.filter(organization=organization).count()
    if count - have <= 0:
        return 0
    taken = set(
        model.objects.filter(organization=organization, reference__startswith=PREFIX).values_list(
            "reference", flat=True
        )
    )
    numbers = (n for n in range(1, count + len(taken) + 1) if f"{PREFIX}{n:05d}" not in taken)
    draw = random.Random(have)
    records: Iterator[Any] = (make(organization, n, owners, draw) for n in islice(numbers, count - have))
    systems = list(AISystem.objects.filter(organization=organization).values_list("pk", flat=True)[:200])
    added = 0
    while batch := list(islice(records, BATCH)):
        with transaction.atomic():
            model.objects.bulk_create(batch)
            _link(model, batch, systems, draw)
        added += len(batch)
        say(f"{str(model._meta.verbose_name_plural).capitalize()}: {have + added:,} of {count:,}")
    return added


def _link(model: Any, batch: list[Any], systems: list[int], draw: random.Random) -> None:
    """About a third of the records concern one or two AI systems."""
    if not systems or batch[0].pk is None:
        return  # some databases do not return ids from bulk_create; leave those unlinked
    through = model.ai_systems.through
    field = f"{model._meta.model_name}_id"
    links = {
        (record.pk, system)
        for record in batch
        if draw.random() < 0.33
        for system in draw.sample(systems, min(len(systems), draw.randint(1, 2)))
    }
    through.objects.bulk_create([through(**{field: pk, "aisystem_id": system}) for pk, system in links])


def seed_bench(
    organization: Organization,
    count: int = 1_000,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` obligations and `count // 2` issues; returns how many were added."""
    say = progress or (lambda message: None)
    people: list[User | None] = list(owners or User.objects.filter(memberships__organization=organization))
    people.append(None)
    added = _top_up(Obligation, _obligation, organization, count, people, say)
    return added + _top_up(ContextIssue, _issue, organization, count // 2, people, say)
