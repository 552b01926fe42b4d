"""Many synthetic models, datasets, resources and competence needs for the benchmarks, with bulk_create.

`seed_bench` tops each register of the organisation up to `count` rows, linked to the organisation's AI
systems (make those first): running it again adds only what is missing. It writes no audit events or history
rows (the benchmark's audit trail is generated separately).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from itertools import islice
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.components.models import AIModel, CompetenceNeed, ComponentModel, Dataset, ProvenanceEvent, Resource
from aims.organizations.models import Organization

BATCH = 2_000
BENCH_PREFIX = "BEN-"

_SUBJECTS = (
    "credit", "fraud", "churn", "demand", "document", "CV", "support", "claims", "route", "inspection",
    "anomaly", "pricing", "translation", "speech", "code",
)  # fmt: skip
_PROVIDERS = (
    "In-house data science",
    "Platform team",
    "Vendor A",
    "Vendor B",
    "Open source",
    "Cloud provider",
)
_WHO = ("Data engineering", "Data platform team", "Analytics", "Vendor A", "Legal review")

Progress = Callable[[str], None]


def _common(organization: Organization, prefix: str, number: int, draw: random.Random) -> dict[str, Any]:
    changed = timezone.now() - timedelta(minutes=draw.randrange(3 * 365 * 24 * 60))
    return {
        "organization": organization,
        "reference": f"{BENCH_PREFIX}{prefix}-{number:05d}",
        "provider": draw.choice(_PROVIDERS),
        "description": "Made by `aims bench seed`.",
        "status": "archived" if draw.random() < 0.1 else "active",
        "created_at": changed - timedelta(days=draw.randrange(400)),
        "updated_at": changed,
    }


def _ai_model(organization: Organization, number: int, draw: random.Random) -> AIModel:
    subject = draw.choice(_SUBJECTS)
    return AIModel(
        **_common(organization, "MOD", number, draw),
        name=f"{subject.capitalize()} model {number}",
        model_type=draw.choice(AIModel.ModelType.values),
        version=f"{draw.randint(1, 5)}.{draw.randint(0, 9)}",
        evaluation_results=[
            {"metric": "AUC", "value": round(draw.uniform(0.6, 0.95), 3), "dataset": "hold-out"}
        ],
    )


def _dataset(organization: Organization, number: int, draw: random.Random) -> Dataset:
    subject = draw.choice(_SUBJECTS)
    personal = draw.random() < 0.6
    retention = date.today() + timedelta(days=draw.randrange(-200, 3000)) if draw.random() < 0.7 else None
    return Dataset(
        **_common(organization, "DS", number, draw),
        name=f"{subject.capitalize()} data {number}",
        category=draw.choice(Dataset.Category.values),
        acquisition_method=draw.choice(Dataset.Acquisition.values),
        source=f"{subject.capitalize()} source system",
        contains_personal_data=personal,
        retention_until=retention,
        disposal_method="Deleted at the end of retention." if retention else "",
    )


def _resource(organization: Organization, number: int, draw: random.Random) -> Resource:
    kind = draw.choice(Resource.Kind.values)
    return Resource(
        **_common(organization, "RES", number, draw),
        name=f"{'Tool' if kind == 'tooling' else 'Cluster'} {number}",
        kind=kind,
        location=draw.choice(Resource.Location.values),
    )


_MAKERS: tuple[tuple[type[ComponentModel], str, Callable[[Organization, int, random.Random], Any]], ...] = (
    (AIModel, "MOD", _ai_model),
    (Dataset, "DS", _dataset),
    (Resource, "RES", _resource),
)


def _free_numbers(model: type[ComponentModel], organization: Organization, prefix: str) -> Iterator[int]:
    taken = set(
        model.objects.filter(
            organization=organization, reference__startswith=f"{BENCH_PREFIX}{prefix}-"
        ).values_list("reference", flat=True)
    )
    number = 0
    while True:
        number += 1
        if f"{BENCH_PREFIX}{prefix}-{number:05d}" not in taken:
            yield number


def _links(
    model: type[ComponentModel], rows: list[Any], system_ids: Sequence[int], draw: random.Random
) -> None:
    if not system_ids:
        return
    through: Any = model.ai_systems.through
    column = f"{model._meta.model_name}_id"
    links = [
        through(**{column: row.pk, "aisystem_id": system_id})
        for row in rows
        for system_id in set(draw.choices(system_ids, k=draw.randint(1, 2)))
    ]
    through.objects.bulk_create(links)


def _provenance(rows: list[Dataset], draw: random.Random) -> None:
    events = []
    for row in rows:
        start = row.created_at.date()
        events.append(
            ProvenanceEvent(
                dataset=row,
                kind="created",
                actor_name=draw.choice(_WHO),
                occurred_on=start,
                description="Collected.",
                recorded_at=row.created_at,
            )
        )
        events.append(
            ProvenanceEvent(
                dataset=row,
                kind="transformed",
                actor_name=draw.choice(_WHO),
                occurred_on=min(start + timedelta(days=draw.randrange(1, 60)), date.today()),
                description="Cleaned and prepared.",
                recorded_at=row.created_at,
            )
        )
    ProvenanceEvent.objects.bulk_create(events)


def _top_up_register(
    maker: tuple[type[ComponentModel], str, Callable[[Organization, int, random.Random], Any]],
    organization: Organization,
    count: int,
    system_ids: Sequence[int],
    say: Progress,
) -> int:
    model, prefix, make = maker
    have = model.objects.filter(organization=organization).count()
    missing = count - have
    draw = random.Random(have)
    numbers = islice(_free_numbers(model, organization, prefix), max(missing, 0))
    added = 0
    while batch := [make(organization, number, draw) for number in islice(numbers, BATCH)]:
        with transaction.atomic():
            rows = model.objects.bulk_create(batch)
            _links(model, rows, system_ids, draw)
            _provenance([row for row in rows if isinstance(row, Dataset)], draw)
        added += len(rows)
        say(f"{model._meta.verbose_name_plural}: {have + added:,} of {count:,}")
    return added


def _top_up_competences(
    organization: Organization, count: int, system_ids: Sequence[int], members: Sequence[int], say: Progress
) -> int:
    have = CompetenceNeed.objects.filter(organization=organization).count()
    if have >= count or not system_ids:
        return 0
    draw, added = random.Random(have), 0
    holders: Any = CompetenceNeed.holders.through
    while (todo := min(BATCH, count - have - added)) > 0:
        batch = [
            CompetenceNeed(
                organization=organization,
                ai_system_id=draw.choice(system_ids),
                competence=f"{draw.choice(_SUBJECTS).capitalize()} expertise {have + added + index + 1}",
                area=draw.choice(CompetenceNeed.Area.values),
            )
            for index in range(todo)
        ]
        with transaction.atomic():
            rows = CompetenceNeed.objects.bulk_create(batch)
            if members:
                holders.objects.bulk_create(
                    [
                        holders(competenceneed_id=row.pk, user_id=draw.choice(members))
                        for row in rows
                        if draw.random() < 0.7
                    ]
                )
        added += len(rows)
        say(f"competence needs: {have + added:,} of {count:,}")
    return added


def seed_bench(organization: Organization, count: int = 10_000, *, progress: Progress | None = None) -> int:
    """Top each component register (and competence needs) up to `count` rows; returns how many were added."""
    say = progress or (lambda message: None)
    system_ids = list(AISystem.objects.filter(organization=organization).values_list("pk", flat=True))
    members = list(User.objects.filter(memberships__organization=organization).values_list("pk", flat=True))
    added = sum(_top_up_register(maker, organization, count, system_ids, say) for maker in _MAKERS)
    return added + _top_up_competences(organization, count, system_ids, members, say)


__all__ = ["BATCH", "BENCH_PREFIX", "seed_bench"]
