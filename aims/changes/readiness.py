"""Readiness rules for planned changes (6.3, 8.1): changes made as planned, their risk weighed before the
decision, and the risks and impact assessments they called into question looked at again once made.
Each rule reads in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from aims.changes.models import PlannedChange
from aims.impact_assessments.models import ImpactAssessment
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, rule
from aims.risks.models import Risk

NC, OBSERVATION = Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION
S = PlannedChange.Status


def _changes(ctx: Context) -> QuerySet[PlannedChange]:
    return PlannedChange.objects.filter(organization=ctx.organization)


def _change_link(ctx: Context, change: PlannedChange) -> Link:
    return ctx.link(reference_label(change), "changes:change_detail", pk=change.pk)


def _list_link(ctx: Context, label: str) -> Link:
    return ctx.link(label, "changes:change_list")


@rule("6.3-changes-on-time", "6.3", "Changes are decided and made by their planned date", OBSERVATION)
def changes_on_time(ctx: Context) -> Outcome:
    late = _changes(ctx).filter(status__in=(S.SUBMITTED, S.APPROVED), planned_on__lt=ctx.today)
    return none_of(
        late.order_by("planned_on", "number"),
        ok="No submitted or approved change is past its planned date.",
        problem=lambda n: (
            f"{plural(n, 'change is', 'changes are')} past the planned date, "
            "still awaiting a decision or not recorded as made."
        ),
        link=lambda change: _change_link(ctx, change),
        fix=_list_link(ctx, "Decide them or record them as made"),
    )


@rule(
    "6.3-change-risks-weighed",
    ("6.3", "8.1"),
    "Every change to an AI system has its risk assessed before it is decided",
    NC,
)
def change_risks_weighed(ctx: Context) -> Outcome:
    touching = PlannedChange.ai_systems.through.objects.filter(plannedchange_id=OuterRef("pk"))
    unweighed = (
        _changes(ctx)
        .filter(status__in=(S.SUBMITTED, S.APPROVED, S.IMPLEMENTED))
        .filter(Q(kind=PlannedChange.Kind.AI_SYSTEM) | Exists(touching))
        .filter(risk_assessment="")
    )
    return none_of(
        unweighed.order_by("number"),
        ok="Every change to an AI system put up for decision has its risk assessment written down.",
        problem=lambda n: (
            f"{plural(n, 'change to AI systems was', 'changes to AI systems were')} "
            "put up for decision with no risk assessment written down."
        ),
        link=lambda change: _change_link(ctx, change),
        fix=_list_link(ctx, "Record the risk of these changes"),
    )


@rule(
    "6.3-changes-followed-up",
    ("6.3", "8.1"),
    "Once a change is made, the risks and impact assessments it affected are assessed again",
    NC,
)
def changes_followed_up(ctx: Context) -> Outcome:
    risks = Risk.objects.filter(pk=OuterRef("risk_id"), reassessment_requested_on__isnull=False).open()
    assessments = ImpactAssessment.objects.filter(
        pk=OuterRef("impactassessment_id"), reassessment_requested_on__isnull=False
    )
    waiting_risk = PlannedChange.marked_risks.through.objects.filter(plannedchange_id=OuterRef("pk")).filter(
        Exists(risks)
    )
    waiting_assessment = PlannedChange.marked_assessments.through.objects.filter(
        plannedchange_id=OuterRef("pk")
    ).filter(Exists(assessments))
    unfollowed = (
        _changes(ctx).filter(status=S.IMPLEMENTED).filter(Exists(waiting_risk) | Exists(waiting_assessment))
    )
    return none_of(
        unfollowed.order_by("implemented_on", "number"),
        ok="Every change made has had the risks and impact assessments it affected assessed again.",
        problem=lambda n: (
            f"{plural(n, 'change was', 'changes were')} made while risks or impact assessments it marked are "
            "still to be assessed again."
        ),
        link=lambda change: _change_link(ctx, change),
        fix=ctx.link("Reassess the risks in the risk register", "risks:risk_list"),
    )


RULES = [changes_on_time, change_risks_weighed, changes_followed_up]
