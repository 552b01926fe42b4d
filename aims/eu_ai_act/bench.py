"""Many EU AI Act classifications for the benchmarks, written with bulk_create in batches.

`seed_bench` gives up to `count` of the organisation's AI systems a current classification: a system that
has a risk class already gets the typical answers for that class, one without gets a class drawn at random.
Running it again classifies only systems that have none, so it tops up. It writes no audit events (the
benchmark's audit trail is generated separately).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from itertools import islice

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.eu_ai_act import examples, rules
from aims.eu_ai_act.models import Classification
from aims.organizations.models import Organization

BATCH = 2_000
Progress = Callable[[str], None]

_OUTCOMES = {
    risk_class: rules.classify(answers, role) for risk_class, (role, answers) in examples.BY_CLASS.items()
}
_WEIGHTS = {"prohibited": 0.05, "high": 2, "limited": 3, "minimal": 5}


def _classification(
    system: AISystem, actor: User | None, draw: random.Random, rules_version: int
) -> Classification:
    risk_class = system.risk_class or draw.choices(list(_WEIGHTS), weights=list(_WEIGHTS.values()))[0]
    outcome = _OUTCOMES[risk_class]
    system.risk_class = risk_class
    return Classification(
        organization_id=system.organization_id,
        ai_system=system,
        answers=outcome.answers,
        declared_role=outcome.declared_role,
        operator_role=outcome.operator_role,
        risk_class=outcome.risk_class,
        reasons=outcome.reasons,
        obligations=[obligation.as_dict() for obligation in outcome.obligations],
        rules_version=rules_version,
        classified_by=actor,
        classified_at=timezone.now(),
    )


def _unclassified(organization: Organization, limit: int) -> Iterator[list[AISystem]]:
    """Batches of systems without a current classification (their ids read first, so writing between
    batches does not disturb the reading)."""
    pks = list(
        AISystem.objects.filter(organization=organization)
        .exclude(eu_classifications__is_current=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    numbers = iter(pks)
    while chunk := list(islice(numbers, BATCH)):
        yield list(AISystem.objects.filter(pk__in=chunk).only("pk", "organization_id", "risk_class"))


def seed_bench(
    organization: Organization,
    count: int,
    *,
    actor: User | None = None,
    seed: int = 42,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` classified AI systems (as many as it has); returns how many were
    added."""
    have = Classification.objects.filter(organization=organization, is_current=True).count()
    wanted = max(count - have, 0)
    draw, added = random.Random(seed + have), 0
    rules_version = _OUTCOMES["minimal"].rules_version
    for batch in _unclassified(organization, wanted):
        rows = [_classification(system, actor, draw, rules_version) for system in batch]
        with transaction.atomic():
            Classification.objects.bulk_create(rows, batch_size=BATCH)
            AISystem.objects.bulk_update(batch, ["risk_class"], batch_size=BATCH)
        added += len(rows)
        if progress is not None:
            progress(f"EU AI Act classifications: {have + added}/{count}")
    return added
