"""Readiness rules for improvement (10.1, 10.2): opportunities recorded and decided, and every nonconformity
taken through root cause, corrective action and a check that it worked, on time.

Each rule is one query over the register (two when more records are at fault than are listed); what a
closed nonconformity lacks is read as `Exists` columns of that query.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q

from aims.improvement.models import (
    CorrectiveAction,
    EffectivenessCheck,
    ImprovementOpportunity,
    Nonconformity,
)
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION
DECIDE_WITHIN_DAYS = 90
"""A proposed opportunity still undecided after this many days is waiting too long."""


def _nc_link(ctx: Context, nc: Nonconformity, note: str = "") -> Link:
    label = reference_label(nc) + (f": {note}" if note else "")
    return ctx.link(label, "improvement:nonconformity_detail", pk=nc.pk)


def _opportunity_link(ctx: Context, item: ImprovementOpportunity) -> Link:
    return ctx.link(reference_label(item), "improvement:opportunity_detail", pk=item.pk)


@rule("10.1-opportunities-recorded", "10.1", "Opportunities for improvement are recorded", OBSERVATION)
def opportunities_recorded(ctx: Context) -> Outcome:
    months = ctx.settings.management_review_months
    count = ImprovementOpportunity.objects.filter(
        organization=ctx.organization, raised_on__gte=ctx.months_ago(months)
    ).count()
    if not count:
        return failed(
            f"No opportunity for improvement has been recorded within the last {plural(months, 'month')}.",
            fix=ctx.link("Record an opportunity for improvement", "improvement:opportunity_create"),
        )
    return passed(
        f"{plural(count, 'opportunity for improvement was', 'opportunities for improvement were')} recorded "
        f"within the last {plural(months, 'month')}."
    )


@rule("10.1-opportunities-decided", "10.1", "Opportunities for improvement are decided", OBSERVATION)
def opportunities_decided(ctx: Context) -> Outcome:
    waiting = ImprovementOpportunity.objects.filter(
        organization=ctx.organization,
        status=ImprovementOpportunity.Status.PROPOSED,
        raised_on__lt=ctx.today - timedelta(days=DECIDE_WITHIN_DAYS),
    )
    return none_of(
        waiting.order_by("raised_on", "number"),
        ok=f"No opportunity for improvement has waited more than {DECIDE_WITHIN_DAYS} days for a decision.",
        problem=lambda n: (
            f"{plural(n, 'opportunity for improvement has', 'opportunities for improvement have')} waited "
            f"more than {DECIDE_WITHIN_DAYS} days to be accepted or declined."
        ),
        link=lambda item: _opportunity_link(ctx, item),
        fix=ctx.link("Decide the proposed opportunities", "improvement:opportunity_list"),
    )


def _gaps(nc: Nonconformity) -> str:
    found = []
    if not nc.root_cause.strip():
        found.append("no root cause")
    if not getattr(nc, "has_done_action", True):
        found.append("no corrective action done")
    if not getattr(nc, "verified_effective", True):
        found.append("not verified as effective")
    return ", ".join(found)


@rule(
    "10.2-closed-complete",
    "10.2",
    "Every closed nonconformity has its root cause, corrective action and proof it worked",
    NC,
)
def closed_complete(ctx: Context) -> Outcome:
    done = CorrectiveAction.objects.filter(nonconformity=OuterRef("pk"), status=CorrectiveAction.Status.DONE)
    effective = EffectivenessCheck.objects.filter(
        nonconformity=OuterRef("pk"),
        round=OuterRef("verification_round"),
        outcome=EffectivenessCheck.Outcome.EFFECTIVE,
    )
    incomplete = (
        Nonconformity.objects.filter(organization=ctx.organization, status=Nonconformity.Status.CLOSED)
        .annotate(has_done_action=Exists(done), verified_effective=Exists(effective))
        .filter(Q(root_cause="") | Q(has_done_action=False) | Q(verified_effective=False))
    )
    return none_of(
        incomplete.order_by("number"),
        ok="Every closed nonconformity has a root cause, a corrective action done and an effective check.",
        problem=lambda n: (
            f"{plural(n, 'closed nonconformity lacks', 'closed nonconformities lack')} a root cause, a "
            "corrective action done or a check that found it effective."
        ),
        link=lambda nc: _nc_link(ctx, nc, _gaps(nc)),
        fix=ctx.link("Reopen and complete them", "improvement:nonconformity_list"),
    )


@rule("10.2-nonconformities-on-time", "10.2", "No nonconformity is open past its due date", NC)
def nonconformities_on_time(ctx: Context) -> Outcome:
    late = Nonconformity.objects.filter(organization=ctx.organization).overdue(ctx.today)
    return none_of(
        late.order_by("due_on", "number"),
        ok="No nonconformity is open past its due date.",
        problem=lambda n: f"{plural(n, 'nonconformity is', 'nonconformities are')} open past the due date.",
        link=lambda nc: _nc_link(ctx, nc, f"due {nc.due_on:%Y-%m-%d}"),
        fix=ctx.link("Bring the nonconformities up to date", "improvement:nonconformity_list"),
    )


@rule("10.2-actions-on-time", "10.2", "No corrective action is open past its due date", NC)
def actions_on_time(ctx: Context) -> Outcome:
    late = CorrectiveAction.objects.filter(nonconformity__organization=ctx.organization).overdue(ctx.today)
    return none_of(
        late.select_related("nonconformity").order_by("due_on", "pk"),
        ok="No corrective action is open past its due date.",
        problem=lambda n: (
            f"{plural(n, 'corrective action is', 'corrective actions are')} open past the due date."
        ),
        link=lambda action: ctx.link(
            f"{action.nonconformity.reference} {action.description[:60]}: due {action.due_on:%Y-%m-%d}",
            "improvement:nonconformity_detail",
            pk=action.nonconformity_id,
        ),
        fix=ctx.link("Bring the corrective actions up to date", "improvement:nonconformity_list"),
    )


def _unplanned(nc: Nonconformity) -> str:
    missing = [
        word for word, absent in (("owner", nc.owner_id is None), ("due date", nc.due_on is None)) if absent
    ]
    return " and ".join(f"no {word}" for word in missing)


@rule(
    "10.2-nonconformities-planned",
    "10.2",
    "Every open nonconformity has an owner and a due date",
    OBSERVATION,
)
def nonconformities_planned(ctx: Context) -> Outcome:
    unplanned = (
        Nonconformity.objects.filter(organization=ctx.organization)
        .unclosed()
        .filter(Q(owner__isnull=True) | Q(due_on__isnull=True))
    )
    return none_of(
        unplanned.order_by("number"),
        ok="Every open nonconformity has an owner and a due date.",
        problem=lambda n: (
            f"{plural(n, 'open nonconformity has', 'open nonconformities have')} no owner or no due date."
        ),
        link=lambda nc: _nc_link(ctx, nc, _unplanned(nc)),
        fix=ctx.link("Name owners and due dates", "improvement:nonconformity_list"),
    )


RULES = [
    opportunities_recorded,
    opportunities_decided,
    closed_complete,
    nonconformities_on_time,
    actions_on_time,
    nonconformities_planned,
]
