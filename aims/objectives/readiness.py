"""Readiness rules for AI objectives and the planning to achieve them (6.2): objectives at work, each owned,
measurable, dated and planned, and evaluated once due. Each rule reads in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from aims.objectives.models import Objective, ObjectivePlanItem
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def _active(ctx: Context) -> QuerySet[Objective]:
    return Objective.objects.filter(organization=ctx.organization, status=Objective.Status.ACTIVE)


def _objective_link(ctx: Context, objective: Objective, label: str | None = None) -> Link:
    return ctx.link(label or reference_label(objective), "objectives:objective_detail", pk=objective.pk)


@rule("6.2-objectives-set", "6.2", "AI objectives are set and active", BLOCKER)
def objectives_set(ctx: Context) -> Outcome:
    count = _active(ctx).count()
    if not count:
        return failed(
            "No AI objective is active.",
            fix=ctx.link("Set an AI objective", "objectives:objective_create"),
        )
    return passed(f"{plural(count, 'AI objective is', 'AI objectives are')} active.")


def _missing(objective: Objective) -> list[str]:
    """What an active objective lacks to be planned (6.2), in words."""
    found = []
    if objective.owner_id is None:
        found.append("no owner")
    if objective.target_value is None and not objective.manual_measure.strip():
        found.append("no target")
    if objective.due_on is None:
        found.append("no due date")
    if not getattr(objective, "has_plan", True):
        found.append("no plan")
    if not objective.evaluation.strip():
        found.append("no evaluation method")
    return found


@rule(
    "6.2-objectives-planned",
    "6.2",
    "Every active objective has an owner, a target, a due date, a plan and an evaluation method",
    NC,
)
def objectives_planned(ctx: Context) -> Outcome:
    steps = ObjectivePlanItem.objects.filter(objective=OuterRef("pk"))
    incomplete = (
        _active(ctx)
        .annotate(has_plan=Exists(steps))
        .filter(
            Q(owner__isnull=True)
            | (Q(target_value__isnull=True) & Q(manual_measure=""))
            | Q(due_on__isnull=True)
            | Q(has_plan=False)
            | Q(evaluation="")
        )
        .order_by("number")
    )
    return none_of(
        incomplete,
        ok="Every active objective has an owner, a target, a due date, a plan and a way to evaluate it.",
        problem=lambda n: (
            f"{plural(n, 'active objective lacks', 'active objectives lack')} "
            "an owner, a target, a due date, a plan or an evaluation method."
        ),
        link=lambda objective: _objective_link(
            ctx, objective, f"{reference_label(objective)}: {', '.join(_missing(objective))}"
        ),
        fix=ctx.link("Complete them", "objectives:objective_list"),
    )


@rule("6.2-objectives-evaluated", "6.2", "Every objective past its due date has its outcome recorded", NC)
def objectives_evaluated(ctx: Context) -> Outcome:
    overdue = _active(ctx).filter(due_on__lt=ctx.today).order_by("due_on", "number")
    return none_of(
        overdue,
        ok="No active objective is past its due date without an outcome.",
        problem=lambda n: (
            f"{plural(n, 'objective is', 'objectives are')} past the due date with no outcome recorded."
        ),
        link=lambda objective: _objective_link(ctx, objective),
        fix=ctx.link("Record their outcome", "objectives:objective_list"),
    )


@rule("6.2-plan-on-time", "6.2", "The steps of the objectives' plans are done by their due date", OBSERVATION)
def plan_on_time(ctx: Context) -> Outcome:
    overdue = (
        ObjectivePlanItem.objects.filter(objective__in=_active(ctx), is_done=False, due_on__lt=ctx.today)
        .select_related("objective")
        .order_by("due_on", "pk")
    )
    return none_of(
        overdue,
        ok="No step of an active objective's plan is overdue.",
        problem=lambda n: f"{plural(n, 'plan step is', 'plan steps are')} overdue.",
        link=lambda item: _objective_link(ctx, item.objective, f"{item.objective.reference}: {item.what}"),
        fix=ctx.link("Complete or replan them", "objectives:objective_list"),
    )


RULES = [objectives_set, objectives_planned, objectives_evaluated, plan_on_time]
