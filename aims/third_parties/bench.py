"""Synthetic suppliers and customers for the benchmarks (`aims bench seed`), written with bulk_create.

`seed_bench` tops the organisation up to `count` benchmark third parties (references `BTP-000001`, …), each
with its relationships (to the organisation's AI systems where there are some), a full responsibility matrix
per relationship, and one due diligence. Running it again adds only what is missing. No audit events are
written: the benchmark seeder makes those in bulk itself.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from aims.ai_systems.models import AISystem, LifecycleStage
from aims.organizations.models import Membership, Organization
from aims.organizations.permissions import EDITORS
from aims.third_parties.models import (
    DueDiligence,
    Outcome,
    Relationship,
    ResponsibilityAllocation,
    Responsible,
    ThirdParty,
)

PREFIX = "BTP-"
BATCH = 2_000
CATEGORIES = ThirdParty.Category.values
WORDS = ("Acorn", "Basalt", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Helix", "Iris", "Juniper")
SUFFIXES = ("Analytics", "Data", "Cloud", "Labs", "Systems", "Models", "Services", "AI")

Progress = Callable[[str], None]


@dataclass
class _Context:
    organization: Organization
    systems: list[int]
    members: list[int]
    draw: random.Random
    today: date


def _party(context: _Context, number: int) -> ThirdParty:
    draw = context.draw
    kind = draw.choices(ThirdParty.Kind.values, weights=(8, 3, 1))[0]
    outcome = draw.choices(Outcome.values, weights=(6, 3, 1))[0]
    performed = context.today - timedelta(days=draw.randrange(1, 700))
    name = f"{draw.choice(WORDS)} {draw.choice(WORDS)} {draw.choice(SUFFIXES)} {number}"
    return ThirdParty(
        organization=context.organization,
        reference=f"{PREFIX}{number:06d}",
        name=name,
        kind=kind,
        categories=sorted(set(draw.sample(CATEGORIES, draw.randint(1, 2))), key=CATEGORIES.index),
        country=draw.choice(("Germany", "France", "United Kingdom", "United States", "Ireland", "India")),
        contact=f"contact{number}@supplier.bench.example",
        status=draw.choices(ThirdParty.Status.values, weights=(1, 8, 1))[0],
        next_review_on=context.today + timedelta(days=draw.randrange(-60, 400)),
        due_diligence_outcome=outcome,
        due_diligence_on=performed,
    )


def _relationships(context: _Context, party: ThirdParty, per_party: int) -> list[Relationship]:
    role = (
        Relationship.Role.CUSTOMER if party.kind == ThirdParty.Kind.CUSTOMER else Relationship.Role.SUPPLIER
    )
    rows = []
    for index in range(per_party):
        system = context.draw.choice(context.systems) if context.systems and index else None
        rows.append(
            Relationship(
                organization=context.organization,
                third_party=party,
                ai_system_id=system,
                role=role,
                subject=f"Benchmark supply {index + 1} of {party.reference}",
                contract_reference=f"C-{party.reference}-{index + 1}",
                started_on=context.today - timedelta(days=800),
                next_review_on=party.next_review_on,
            )
        )
    return rows


def _allocations(context: _Context, relationship: Relationship) -> list[ResponsibilityAllocation]:
    return [
        ResponsibilityAllocation(
            relationship=relationship,
            stage=stage,
            party=(party := context.draw.choice(Responsible.values)),
            note="Split as the contract says." if party == Responsible.SHARED else "",
        )
        for stage in LifecycleStage.values
    ]


def _check(context: _Context, party: ThirdParty) -> DueDiligence:
    assert party.due_diligence_on is not None
    return DueDiligence(
        organization=context.organization,
        third_party=party,
        performed_on=party.due_diligence_on,
        performed_by_id=context.draw.choice(context.members) if context.members else None,
        outcome=party.due_diligence_outcome,
        findings="Synthetic benchmark check.",
        next_due_on=party.due_diligence_on + timedelta(days=365),
    )


@transaction.atomic
def _batch(context: _Context, numbers: range, per_party: int) -> None:
    parties = ThirdParty.objects.bulk_create([_party(context, number) for number in numbers])
    relationships = Relationship.objects.bulk_create(
        [row for party in parties for row in _relationships(context, party, per_party)]
    )
    ResponsibilityAllocation.objects.bulk_create(
        [row for relationship in relationships for row in _allocations(context, relationship)]
    )
    DueDiligence.objects.bulk_create([_check(context, party) for party in parties])


def seed_bench(
    organization: Organization,
    count: int,
    *,
    relationships_per_party: int = 2,
    batch_size: int = BATCH,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` benchmark third parties; returns how many were added."""
    have = ThirdParty.objects.filter(organization=organization, reference__startswith=PREFIX).count()
    if have >= count:
        return 0
    editors = Membership.objects.filter(organization=organization, role__in=EDITORS)
    context = _Context(
        organization=organization,
        systems=list(AISystem.objects.filter(organization=organization).values_list("pk", flat=True)[:5_000]),
        members=list(editors.values_list("user_id", flat=True)[:50]),
        draw=random.Random(have),
        today=timezone.localdate(),
    )
    for start in range(have + 1, count + 1, batch_size):
        numbers = range(start, min(start + batch_size, count + 1))
        _batch(context, numbers, relationships_per_party)
        if progress:
            progress(f"third parties: {numbers[-1]:,} of {count:,}")
    return count - have
