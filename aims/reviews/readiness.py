"""Readiness rules for management review (9.3.1 to 9.3.3): a review held within the interval, its frozen
inputs covering every item the review must consider with the meeting's notes on each, its decisions and
approved minutes, and its actions done on time.

The latest held review is read once for all the rules that judge it.
"""

from __future__ import annotations

import re

from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule
from aims.reviews.models import ManagementReview, ReviewAction, ReviewDiscussion

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION
S = ManagementReview.Status

# The items of 9.3.2 a review considers, as the input sections name them ("9.3.2 b), c)"), in our words.
INPUT_ITEMS = {
    "a": "the status of actions from earlier reviews",
    "b": "changes in internal and external issues",
    "c": "changes in what interested parties need and expect",
    "d": "how the AIMS performs",
    "e": "opportunities for continual improvement",
}
ITEM = re.compile(r"\b([a-z])\)")


def _latest_held(ctx: Context) -> ManagementReview | None:
    """The review most recently held (minutes approved or not)."""
    return ctx.once(
        "reviews.latest_held",
        lambda: (
            ManagementReview.objects.filter(
                organization=ctx.organization, status__in=(S.HELD, S.APPROVED), held_on__isnull=False
            )
            .order_by("-held_on", "-number")
            .first()
        ),
    )


def _review_link(ctx: Context, review: ManagementReview, note: str = "") -> Link:
    label = reference_label(review) + (f": {note}" if note else "")
    return ctx.link(label, "reviews:review_detail", pk=review.pk)


def _none_held(ctx: Context, consequence: str) -> Outcome:
    return failed(
        f"No management review has been held, {consequence}.",
        fix=ctx.link("Plan a management review", "reviews:review_create"),
    )


@rule("9.3-review-held", "9.3.1", "Top management reviews the AIMS at the planned interval", BLOCKER)
def review_held(ctx: Context) -> Outcome:
    months = ctx.settings.management_review_months
    latest = _latest_held(ctx)
    if latest is not None and latest.held_on is not None and latest.held_on >= ctx.months_ago(months):
        return passed(
            f"{latest.reference} was held on {latest.held_on:%Y-%m-%d}, within the last "
            f"{plural(months, 'month')}."
        )
    message = f"No management review has been held within the last {plural(months, 'month')}"
    if latest is not None and latest.held_on is not None:
        message += f"; the last, {latest.reference}, was held on {latest.held_on:%Y-%m-%d}"
    planned = (
        ManagementReview.objects.filter(organization=ctx.organization, status=S.PLANNED)
        .order_by("planned_on", "number")
        .first()
    )
    if planned is None:
        return failed(message + ".", fix=ctx.link("Plan a management review", "reviews:review_create"))
    link = _review_link(ctx, planned, f"planned for {planned.planned_on:%Y-%m-%d}")
    return failed(message + ".", records=[link], fix=Link(f"Hold {planned.reference}", link.url))


def _items_of(snapshot: list[dict[str, object]]) -> set[str]:
    return {letter for section in snapshot for letter in ITEM.findall(str(section.get("clause", "")))}


@rule("9.3-inputs-considered", "9.3.2", "The latest review considered every input, with notes on each", NC)
def inputs_considered(ctx: Context) -> Outcome:
    review = _latest_held(ctx)
    if review is None:
        return _none_held(ctx, "so no input has been considered")
    if not review.inputs_snapshot:
        return failed(
            f"The inputs of {review.reference} were not frozen when it was held.",
            records=[_review_link(ctx, review)],
            fix=ctx.link("Hold the next review in aims, which freezes its inputs", "reviews:review_create"),
        )
    sections = review.inputs_snapshot
    missing = [words for letter, words in INPUT_ITEMS.items() if letter not in _items_of(sections)]
    noted = set(
        ReviewDiscussion.objects.filter(review=review).exclude(notes="").values_list("section_key", flat=True)
    )
    silent = [section for section in sections if section.get("key") not in noted]
    if not missing and not silent:
        return passed(f"{review.reference} considered every input and recorded notes on each.")
    parts = []
    if missing:
        parts.append(f"{review.reference} had no input on {'; '.join(missing)}")
    if silent:
        parts.append(f"{plural(len(silent), 'input section has', 'input sections have')} no notes")
    records = [_review_link(ctx, review, f"no notes on {section.get('title', '')}") for section in silent]
    return failed(
        "; ".join(parts) + ".",
        records=records or [_review_link(ctx, review)],
        count=len(silent) or 1,
        fix=Link(f"Record the meeting's notes in {review.reference}", _review_link(ctx, review).url),
    )


@rule("9.3-decisions-recorded", "9.3.3", "The latest review recorded its decisions", NC)
def decisions_recorded(ctx: Context) -> Outcome:
    review = _latest_held(ctx)
    if review is None:
        return _none_held(ctx, "so no decision is recorded")
    count = review.decisions.count()
    if not count:
        link = _review_link(ctx, review)
        return failed(
            f"{review.reference} recorded no decision on improvement or on changes to the AIMS.",
            records=[link],
            fix=Link(f"Record the decisions of {review.reference}", link.url),
        )
    return passed(f"{review.reference} recorded {plural(count, 'decision')}.")


@rule("9.3-minutes-approved", "9.3.3", "The minutes of the latest review are approved", BLOCKER)
def minutes_approved(ctx: Context) -> Outcome:
    review = _latest_held(ctx)
    if review is None:
        return _none_held(ctx, "so there are no minutes to approve")
    if review.status != S.APPROVED:
        link = _review_link(ctx, review)
        return failed(
            f"The minutes of {review.reference} are not approved.",
            records=[link],
            fix=Link(f"Approve the minutes of {review.reference}", link.url),
        )
    return passed(f"The minutes of {review.reference} are approved.")


@rule("9.3-actions-on-time", "9.3.3", "The actions of management reviews are done on time", NC)
def actions_on_time(ctx: Context) -> Outcome:
    late = ReviewAction.objects.filter(organization=ctx.organization).overdue(ctx.today)
    return none_of(
        late.order_by("due_on", "number"),
        ok="No action of a management review is overdue.",
        problem=lambda n: (
            f"{plural(n, 'action of a management review is', 'actions of management reviews are')} overdue."
        ),
        link=lambda action: ctx.link(
            f"{action.reference} {action.description[:60]}: due {action.due_on:%Y-%m-%d}",
            "reviews:review_detail",
            pk=action.review_id,
        ),
        fix=ctx.link("Bring the review actions up to date", "reviews:action_list"),
    )


RULES = [review_held, inputs_considered, decisions_recorded, minutes_approved, actions_on_time]
