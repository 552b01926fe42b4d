"""Synthetic planned changes for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` changes, each affecting one of its AI systems, in every
status; running it again adds only what is missing. It writes no audit events and marks nothing for
reassessment.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.changes.models import PlannedChange
from aims.organizations.models import Organization

BATCH = 1_000
Progress = Callable[[str], None]


def _change(
    organization: Organization, number: int, requesters: Sequence[User | None], draw: random.Random
) -> PlannedChange:
    created = timezone.now() - timedelta(hours=draw.randrange(24 * 365))
    status = draw.choice(PlannedChange.Status.values)
    decided = status in ("approved", "rejected", "implemented")
    planned = timezone.localdate(created) + timedelta(days=draw.randrange(90))
    return PlannedChange(
        organization=organization,
        number=number,
        reference=f"CHG-{number:04d}",
        title=f"Synthetic change {number}",
        description=f"Synthetic change {number}. Made by `aims bench seed`.",
        purpose="Synthetic purpose.",
        kind=draw.choice(PlannedChange.Kind.values),
        risk_level=draw.choice(PlannedChange.RiskLevel.values),
        risk_assessment="Synthetic assessment.",
        resources="Synthetic resources.",
        planned_on=planned,
        requester=draw.choice(requesters),
        status=status,
        submitted_at=created + timedelta(hours=1) if status != "draft" else None,
        decided_at=created + timedelta(days=1) if decided else None,
        implemented_on=planned if status == "implemented" else None,
        created_at=created,
        updated_at=created,
    )


def seed_bench(
    organization: Organization,
    count: int,
    *,
    requesters: Sequence[User | None] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top up to `count` planned changes; returns how many were added. Needs at least one AI system."""
    systems = list(
        AISystem.objects.filter(organization=organization).order_by("pk").values_list("pk", flat=True)
    )
    have = PlannedChange.objects.filter(organization=organization).count()
    if not systems or have >= count:
        return 0
    draw = random.Random(f"{organization.pk}-changes-{have}")
    start = (PlannedChange.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    requesters = list(requesters) if requesters else [None]
    through = PlannedChange.ai_systems.through
    added = 0
    with transaction.atomic():
        while added < count - have:
            size = min(BATCH, count - have - added)
            batch = PlannedChange.objects.bulk_create(
                [_change(organization, start + added + n, requesters, draw) for n in range(size)]
            )
            through.objects.bulk_create(
                [through(plannedchange_id=c.pk, aisystem_id=draw.choice(systems)) for c in batch]
            )
            added += size
            if progress:
                progress(f"planned changes: {have + added}/{count}")
    return added
