"""Synthetic nonconformities for the benchmarks (the management-review bench), written with bulk_create in
batches.

`seed_bench` tops the organisation up to `count` nonconformities of mixed grades, sources, statuses and ages
(raised up to two years ago, some overdue); about half have one or two corrective actions, and the closed
ones an effective verification. Running it again adds only what is missing. It writes no audit events.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.accounts.models import User
from aims.improvement.models import CorrectiveAction, EffectivenessCheck, Nonconformity
from aims.organizations.models import Organization

BATCH = 1_000
Progress = Callable[[str], None]
S = Nonconformity.Status


def _nonconformity(
    organization: Organization, number: int, owners: Sequence[User | None], draw: random.Random
) -> Nonconformity:
    today = timezone.localdate()
    raised = today - timedelta(days=draw.randrange(730))
    status = draw.choice(S.values)
    closed = raised + timedelta(days=draw.randrange(1, 90)) if status == S.CLOSED else None
    return Nonconformity(
        organization=organization,
        number=number,
        reference=f"NC-{number:04d}",
        title=f"Synthetic nonconformity {number}",
        description=f"Synthetic nonconformity {number}. Made by `aims bench seed`.",
        source=draw.choice(Nonconformity.Source.values),
        grade=draw.choice(Nonconformity.Grade.values),
        status=status,
        owner=draw.choice(owners),
        raised_on=raised,
        due_on=raised + timedelta(days=draw.randrange(14, 120)),
        closed_on=min(closed, today) if closed else None,
        root_cause="Synthetic root cause." if status in (S.VERIFICATION, S.CLOSED) else "",
        cause_method=Nonconformity.CauseMethod.OTHER if status in (S.VERIFICATION, S.CLOSED) else "",
        verification_round=1 if status in (S.VERIFICATION, S.CLOSED) else 0,
        created_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _actions(nc: Nonconformity, draw: random.Random) -> list[CorrectiveAction]:
    """None while open; one or two once under way (the first still open), all done once verified."""
    if nc.status == S.OPEN:
        return []
    finished = nc.status in (S.VERIFICATION, S.CLOSED)
    return [_action(nc, draw, done=finished or n > 0) for n in range(draw.randint(1, 2))]


def _action(nc: Nonconformity, draw: random.Random, *, done: bool) -> CorrectiveAction:
    due = nc.raised_on + timedelta(days=draw.randrange(7, 60))
    return CorrectiveAction(
        nonconformity=nc,
        description="Synthetic corrective action.",
        owner=nc.owner,
        due_on=due,
        status=CorrectiveAction.Status.DONE if done else CorrectiveAction.Status.OPEN,
        done_on=min(due, nc.closed_on or timezone.localdate()) if done else None,
    )


def seed_bench(
    organization: Organization,
    count: int,
    *,
    owners: Sequence[User | None] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top up to `count` nonconformities; returns how many were added."""
    have = Nonconformity.objects.filter(organization=organization).count()
    if have >= count:
        return 0
    draw = random.Random(f"{organization.pk}-nc-{have}")
    start = (Nonconformity.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    owners = list(owners) if owners else [None]
    added = 0
    with transaction.atomic():
        while added < count - have:
            size = min(BATCH, count - have - added)
            batch = Nonconformity.objects.bulk_create(
                [_nonconformity(organization, start + added + n, owners, draw) for n in range(size)]
            )
            CorrectiveAction.objects.bulk_create([a for nc in batch for a in _actions(nc, draw)])
            EffectivenessCheck.objects.bulk_create(
                [
                    EffectivenessCheck(
                        nonconformity=nc,
                        round=1,
                        outcome=EffectivenessCheck.Outcome.EFFECTIVE,
                        checked_on=nc.closed_on,
                        notes="Synthetic verification.",
                    )
                    for nc in batch
                    if nc.status == S.CLOSED and nc.closed_on is not None
                ]
            )
            added += size
            if progress:
                progress(f"nonconformities: {have + added}/{count}")
    return added
