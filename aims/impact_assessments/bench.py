"""Synthetic impact assessments for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` assessments, each with three impacts, spread over its AI
systems; running it again adds only what is missing. It writes no audit events.
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
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.organizations.models import Organization

BATCH = 1_000
Progress = Callable[[str], None]


def _assessment(
    organization: Organization,
    number: int,
    systems: Sequence[AISystem],
    owners: Sequence[User | None],
    draw: random.Random,
) -> ImpactAssessment:
    state = draw.choices(ImpactAssessment.State.values, weights=(3, 1, 6))[0]
    approved = state == ImpactAssessment.State.APPROVED
    created = timezone.now() - timedelta(days=draw.randrange(2 * 365))
    return ImpactAssessment(
        organization=organization,
        ai_system=draw.choice(systems),
        number=number,
        reference=f"IA-{number:04d}",
        trigger=draw.choice(ImpactAssessment.Trigger.values),
        intended_use=f"Synthetic assessment {number}. Made by `aims bench seed`.",
        conclusion=f"Conclusion of synthetic assessment {number}.",
        decision=draw.choice(ImpactAssessment.Decision.values) if state != "draft" else "",
        state=state,
        author=draw.choice(owners),
        approved_by=draw.choice(owners) if approved else None,
        approved_at=created + timedelta(days=7) if approved else None,
        next_assessment_on=timezone.localdate() + timedelta(days=draw.randrange(-90, 365)),
        created_at=created,
        updated_at=created,
    )


def _items(assessment: ImpactAssessment, draw: random.Random) -> list[ImpactItem]:
    return [
        ImpactItem(
            assessment=assessment,
            dimension=draw.choice(ImpactItem.Dimension.values),
            effect=draw.choices(ImpactItem.Effect.values, weights=(3, 1))[0],
            description=f"Synthetic impact of {assessment.reference}.",
            severity=draw.randint(1, 4),
            likelihood=draw.randint(1, 4),
            reversibility=draw.choice(ImpactItem.Reversibility.values),
        )
        for _ in range(3)
    ]


def seed_bench(
    organization: Organization,
    count: int,
    *,
    owners: Sequence[User | None] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top up to `count` assessments; returns how many were added. Needs at least one AI system."""
    systems = list(AISystem.objects.filter(organization=organization).order_by("pk"))
    have = ImpactAssessment.objects.filter(organization=organization).count()
    if not systems or have >= count:
        return 0
    draw = random.Random(f"{organization.pk}-{have}")
    start = (
        ImpactAssessment.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0
    ) + 1
    owners = list(owners) if owners else [None]
    added = 0
    with transaction.atomic():
        while added < count - have:
            size = min(BATCH, count - have - added)
            batch = [_assessment(organization, start + added + n, systems, owners, draw) for n in range(size)]
            ImpactAssessment.objects.bulk_create(batch)
            ImpactItem.objects.bulk_create([item for a in batch for item in _items(a, draw)])
            added += size
            if progress:
                progress(f"impact assessments: {have + added}/{count}")
    return added
