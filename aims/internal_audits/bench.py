"""Synthetic internal audits for the benchmarks, and the full-scope checklist generation to time.

`seed_bench` tops the organisation up to `count` audits (each with a full checklist of clauses 4-10 and all
Annex A controls, results drawn at random), written with bulk_create; running it again adds only what is
missing. It writes no audit events.

`full_scope_audit` plans one planned audit of the whole standard (clauses 4 to 10 and every Annex A group);
`generate_full_checklist` is what to time: the target is under 200 ms for the whole standard.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.accounts.models import User
from aims.catalog.models import CatalogItem
from aims.internal_audits import scope
from aims.internal_audits.actions import add_missing_items, generate_checklist
from aims.internal_audits.models import ChecklistItem, InternalAudit, Result
from aims.organizations.models import Organization

BATCH = 200
Progress = Callable[[str], None]
FULL_SCOPE = (
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "10",
    "A.2",
    "A.3",
    "A.4",
    "A.5",
    "A.6",
    "A.7",
    "A.8",
    "A.9",
    "A.10",
)


def full_scope_items() -> list[CatalogItem]:
    return list(CatalogItem.objects.filter(framework__code="iso42001", ref__in=FULL_SCOPE))


def full_scope_audit(organization: Organization, lead: User) -> InternalAudit:
    """A planned audit of the whole standard, without a checklist yet (no actions, no events)."""
    number = (
        InternalAudit.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0
    ) + 1
    today = timezone.localdate()
    audit = InternalAudit.objects.create(
        organization=organization, number=number, reference=f"AUD-{number:04d}", title="Full-standard audit",
        lead_auditor=lead, planned_start=today, planned_end=today + timedelta(days=5),
    )  # fmt: skip
    audit.scope_items.set(full_scope_items())
    return audit


def generate_full_checklist(actor: User, audit: InternalAudit) -> tuple[int, float]:
    """Generate the checklist as the button does; returns (items added, seconds taken)."""
    started = time.perf_counter()
    added = generate_checklist(actor=actor, audit=audit)
    return added, time.perf_counter() - started


def time_full_checklist(organization: Organization, actor: User, runs: int = 5) -> list[float]:
    """Milliseconds to generate a full-standard checklist through the action, once per run; each run plans a
    fresh audit inside a transaction that is rolled back, so the benchmark leaves nothing behind."""
    timings = []
    for _ in range(runs):
        with transaction.atomic():
            audit = full_scope_audit(organization, actor)
            _added, seconds = generate_full_checklist(actor, audit)
            timings.append(seconds * 1000)
            transaction.set_rollback(True)
    return timings


def seed_bench(
    organization: Organization, count: int, *, lead: User, progress: Progress | None = None
) -> int:
    """Top up to `count` audits; returns how many were added."""
    have = InternalAudit.objects.filter(organization=organization).count()
    if have >= count:
        return 0
    draw = random.Random(f"{organization.pk}-audits-{have}")
    requirements = scope.expand(full_scope_items())
    start = (InternalAudit.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    today = timezone.localdate()
    added = 0
    with transaction.atomic():
        while added < count - have:
            size = min(BATCH, count - have - added)
            audits = []
            for n in range(size):
                begin = today - timedelta(days=draw.randrange(3 * 365))
                number = start + added + n
                audits.append(
                    InternalAudit(
                        organization=organization,
                        number=number,
                        reference=f"AUD-{number:04d}",
                        title=f"Synthetic audit {number}",
                        lead_auditor=lead,
                        planned_start=begin,
                        planned_end=begin + timedelta(days=5),
                        actual_start=begin,
                        actual_end=begin + timedelta(days=4),
                        status=InternalAudit.Status.REPORTED,
                        reported_on=begin + timedelta(days=5),
                        conclusion="Synthetic conclusion.",
                    )
                )
            batch = InternalAudit.objects.bulk_create(audits)
            ChecklistItem.objects.bulk_create(
                [
                    ChecklistItem(
                        audit=a,
                        requirement=r.item,
                        ref=r.item.ref,
                        group=r.group,
                        title=r.item.title,
                        position=r.item.position,
                        result=draw.choice(Result.values[1:]),
                    )
                    for a in batch
                    for r in requirements
                ],
                batch_size=2_000,
            )
            added += size
            if progress:
                progress(f"internal audits: {have + added}/{count}")
    return added


__all__ = [
    "add_missing_items",
    "full_scope_audit",
    "generate_full_checklist",
    "seed_bench",
    "time_full_checklist",
]
