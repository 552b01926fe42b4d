"""Synthetic management reviews and review actions for the benchmarks, written with bulk_create.

`seed_bench` makes one held review (with no frozen inputs) and one planned review in the organisation,
and tops the review actions up to `count` (a third overdue, a third open, a third done). Running it again
adds only what is missing. It writes no audit events.

What to time: compiling every input for an organisation (10,000 AI systems, 100,000 risks) must take under
a second. `compile_for_bench(organization)` does exactly that for the last twelve months; the same work is
behind `GET /api/v1/management-reviews/inputs?organization=<slug>&start=...&end=...` and the page of a
planned review (`GET /o/<slug>/management-reviews/<pk>/`), which compiles its inputs live.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.reviews.inputs import compile_inputs
from aims.reviews.models import ManagementReview, ReviewAction
from aims.reviews.registry import Period, ReviewSection

BATCH = 1_000
HELD = "Synthetic management review (held)"
PLANNED = "Synthetic management review (planned)"
Progress = Callable[[str], None]


def bench_period() -> Period:
    today = timezone.localdate()
    return Period(start=today - timedelta(days=364), end=today)


def compile_for_bench(organization: Organization) -> list[ReviewSection]:
    """Every registered input for the last twelve months: the work to time (under 1 s)."""
    return compile_inputs(organization, bench_period())


def _review(organization: Organization, title: str, status: str, number: int) -> ManagementReview:
    found = ManagementReview.objects.filter(organization=organization, title=title).first()
    if found is not None:
        return found
    today = timezone.localdate()
    planned = today + timedelta(days=30) if status == ManagementReview.Status.PLANNED else today
    period = bench_period()
    return ManagementReview.objects.create(
        organization=organization, number=number, reference=f"MR-{number:04d}", title=title,
        period_start=period.start, period_end=planned, planned_on=planned, status=status,
        held_on=today if status == ManagementReview.Status.HELD else None,
    )  # fmt: skip


@transaction.atomic
def seed_bench(
    organization: Organization,
    count: int,
    *,
    owners: Sequence[User | None] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top up to `count` review actions; returns how many were added."""
    highest = ManagementReview.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0
    held = _review(organization, HELD, ManagementReview.Status.HELD, highest + 1)
    _review(organization, PLANNED, ManagementReview.Status.PLANNED, max(highest, held.number) + 1)
    have = ReviewAction.objects.filter(organization=organization).count()
    people = list(owners or [None])
    today = timezone.localdate()
    first = (ReviewAction.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    numbers = range(first, first + max(count - have, 0))
    for offset in range(0, len(numbers), BATCH):
        batch = [_action(organization, held, n, people, today) for n in numbers[offset : offset + BATCH]]
        ReviewAction.objects.bulk_create(batch)
        if progress:
            progress(f"review actions: {offset + len(batch)} of {len(numbers)}")
    return len(numbers)


def _action(
    organization: Organization, review: ManagementReview, number: int, owners: list[User | None], today: date
) -> ReviewAction:
    kind = number % 3  # 0: overdue, 1: open, 2: done
    return ReviewAction(
        organization=organization, review=review, number=number, reference=f"MRA-{number:04d}",
        description=f"Synthetic review action {number}. Made by `aims bench seed`.",
        owner=owners[number % len(owners)], due_on=today + timedelta(days=30 if kind == 1 else -10),
        status=ReviewAction.Status.DONE if kind == 2 else ReviewAction.Status.OPEN,
        done_on=today if kind == 2 else None,
    )  # fmt: skip
