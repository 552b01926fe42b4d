"""Readiness rules for AI risk (6.1.1 to 6.1.3, 8.2, 8.3): the process in use, the criteria in force, every AI
system in scope assessed recently and since it last changed, and each risk treated, accepted or followed up.

Each rule reads in a fixed number of queries: per-system facts are `Exists` or `Subquery` columns of one query
over the AI systems, never a query per system or per risk.
"""

from __future__ import annotations

import operator
from datetime import date, datetime, time
from functools import reduce

from django.db.models import DateTimeField, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.ai_systems.readiness import in_scope, system_link
from aims.changes.models import PlannedChange
from aims.controls.models import Control, Decision
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule
from aims.risks.models import Risk, RiskCriteria, RiskLevel, TreatmentAction

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION
CURRENT_SYSTEM = (AISystem.Status.DRAFT, AISystem.Status.ACTIVE)


def start_of(day: date) -> datetime:
    """The first moment of `day` in the current time zone, to compare with a stored time."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _register(ctx: Context) -> QuerySet[Risk]:
    """Open risks of the whole organisation or of an AI system in scope."""
    in_scope_system = Q(ai_system__in_scope=True, ai_system__status__in=CURRENT_SYSTEM)
    return (
        Risk.objects.filter(organization=ctx.organization)
        .open()
        .filter(Q(ai_system__isnull=True) | in_scope_system)
    )


def _risk_link(ctx: Context, risk: Risk) -> Link:
    return ctx.link(reference_label(risk), "risks:risk_detail", pk=risk.pk)


def _register_link(ctx: Context, label: str) -> Link:
    return ctx.link(label, "risks:risk_list")


def _criteria(ctx: Context) -> RiskCriteria | None:
    return ctx.once(
        "risks.criteria",
        lambda: RiskCriteria.objects.in_force().filter(organization=ctx.organization).first(),
    )


@rule("6.1.1-risks-recorded", "6.1.1", "The risk register is in use", BLOCKER)
def risks_recorded(ctx: Context) -> Outcome:
    if not Risk.objects.filter(organization=ctx.organization, kind=Risk.Kind.RISK).open().exists():
        return failed(
            "No open risk is recorded in the risk register.",
            fix=ctx.link("Record a risk", "risks:risk_create"),
        )
    return passed("Risks are recorded in the risk register.")


@rule("6.1.1-systems-risks-identified", "6.1.1", "Every AI system in scope has its risks identified", NC)
def systems_risks_identified(ctx: Context) -> Outcome:
    risks = Risk.objects.filter(organization=ctx.organization, ai_system=OuterRef("pk"), kind=Risk.Kind.RISK)
    silent = in_scope(ctx).filter(~Exists(risks.open())).order_by("reference")
    return none_of(
        silent,
        ok="Every AI system in scope has at least one open risk recorded.",
        problem=lambda n: (
            f"{plural(n, 'AI system in scope has', 'AI systems in scope have')} no open risk recorded."
        ),
        link=lambda system: system_link(ctx, system),
        fix=ctx.link("Record their risks", "risks:risk_create"),
    )


@rule("6.1.1-opportunities", "6.1.1", "Opportunities are considered as well as risks", OBSERVATION)
def opportunities(ctx: Context) -> Outcome:
    if not Risk.objects.filter(organization=ctx.organization, kind=Risk.Kind.OPPORTUNITY).exists():
        return failed(
            "No opportunity has ever been recorded: only what may go wrong is on the register.",
            fix=ctx.link("Record an opportunity", "risks:risk_create"),
        )
    return passed("Opportunities are recorded alongside risks.")


@rule("6.1.2-risk-criteria", "6.1.2", "Risk criteria are in force", BLOCKER)
def risk_criteria(ctx: Context) -> Outcome:
    criteria = _criteria(ctx)
    if criteria is None:
        return failed(
            "No risk criteria are in force: risks cannot be rated or accepted against them.",
            fix=ctx.link("Set the risk criteria", "risks:criteria"),
        )
    return passed(f"Risk criteria version {criteria.version} are in force.")


@rule(
    "6.1.2-risk-criteria-approved",
    "6.1.2",
    "The risk criteria in force were approved by a person",
    OBSERVATION,
)
def risk_criteria_approved(ctx: Context) -> Outcome:
    criteria = _criteria(ctx)
    if criteria is None:
        return failed(
            "No risk criteria are in force.", fix=ctx.link("Set the risk criteria", "risks:criteria")
        )
    if criteria.approved_by_id is None:
        return failed(
            f"The risk criteria in force (version {criteria.version}) are the defaults aims put in place; "
            "no one has reviewed and approved them.",
            fix=ctx.link("Review and approve the risk criteria", "risks:criteria"),
        )
    return passed(f"The risk criteria in force (version {criteria.version}) were approved by a person.")


@rule("6.1.2-risks-rated", "6.1.2", "Every risk identified is rated", OBSERVATION)
def risks_rated(ctx: Context) -> Outcome:
    # Identified is the status of a risk never rated (reopening a rated risk makes it assessed).
    unrated = _register(ctx).filter(kind=Risk.Kind.RISK, status=Risk.Status.IDENTIFIED).order_by("number")
    return none_of(
        unrated,
        ok="Every open risk has been rated against the criteria.",
        problem=lambda n: f"{plural(n, 'open risk has', 'open risks have')} never been rated.",
        link=lambda risk: _risk_link(ctx, risk),
        fix=_register_link(ctx, "Assess them in the risk register"),
    )


def _stale_systems(ctx: Context) -> QuerySet[AISystem]:
    """In-scope systems with no open risk assessed since the latest of: the cutoff, the last approved change
    touching the system, its last move along the life cycle. One anti-join; the cutoff, a plain column test,
    is applied before the per-system dates."""
    cutoff = start_of(ctx.months_ago(ctx.settings.risk_assessment_months))
    floor = Value(cutoff, DateTimeField())
    last_change = (
        PlannedChange.objects.filter(
            ai_systems=OuterRef("pk"),
            status__in=(PlannedChange.Status.APPROVED, PlannedChange.Status.IMPLEMENTED),
            decided_at__isnull=False,
        )
        .order_by("-decided_at")
        .values("decided_at")[:1]
    )
    since = Greatest(
        Coalesce(Subquery(last_change, output_field=DateTimeField()), floor),
        Coalesce("stage_changed_at", floor),
        output_field=DateTimeField(),
    )
    fresh = (
        Risk.objects.filter(organization=ctx.organization, ai_system=OuterRef("pk"), kind=Risk.Kind.RISK)
        .open()
        .filter(assessed_at__gte=cutoff)
        .filter(assessed_at__gte=OuterRef("since"))
    )
    return in_scope(ctx).annotate(since=since).filter(~Exists(fresh)).order_by("reference")


@rule(
    "6.1.2-systems-assessed",
    ("6.1.2", "8.2"),
    "Every AI system in scope has a risk assessed recently and since it last changed",
    NC,
)
def systems_assessed(ctx: Context) -> Outcome:
    months = ctx.settings.risk_assessment_months
    return none_of(
        _stale_systems(ctx),
        ok=f"Every AI system in scope has a risk assessed in the last {plural(months, 'month')} "
        "and since its last approved change.",
        problem=lambda n: (
            f"{plural(n, 'AI system in scope has', 'AI systems in scope have')} no risk assessed in the last "
            f"{plural(months, 'month')}, or none since an approved change or a move to another "
            "life-cycle stage."
        ),
        link=lambda system: system_link(ctx, system),
        fix=_register_link(ctx, "Assess their risks in the risk register"),
    )


@rule("8.2-risks-reviewed", ("6.1.2", "8.2"), "Every risk is reviewed by its review date", NC)
def risks_reviewed(ctx: Context) -> Outcome:
    lapsed = _register(ctx).filter(next_review_on__lt=ctx.today).order_by("next_review_on", "number")
    return none_of(
        lapsed,
        ok="No open risk is past its review date.",
        problem=lambda n: f"{plural(n, 'open risk is', 'open risks are')} past the review date.",
        link=lambda risk: _risk_link(ctx, risk),
        fix=_register_link(ctx, "Review them in the risk register"),
    )


@rule(
    "8.2-reassessment-requested",
    ("6.1.2", "8.2"),
    "Risks an approved change asked to reassess are reassessed",
    OBSERVATION,
)
def reassessment_requested(ctx: Context) -> Outcome:
    waiting = _register(ctx).filter(reassessment_requested_on__isnull=False)
    return none_of(
        waiting.order_by("reassessment_requested_on", "number"),
        ok="No risk is waiting to be reassessed after an approved change.",
        problem=lambda n: (
            f"{plural(n, 'open risk is', 'open risks are')} still to be reassessed after an approved change."
        ),
        link=lambda risk: _risk_link(ctx, risk),
        fix=_register_link(ctx, "Reassess them in the risk register"),
    )


@rule(
    "6.1.3-relied-controls-included",
    ("6.1.3", "8.3"),
    "Every control a risk treatment relies on is included in the Statement of Applicability",
    NC,
)
def relied_controls_included(ctx: Context) -> Outcome:
    through = Risk.controls.through
    relying = through.objects.filter(control_id=OuterRef("pk"), risk__organization=ctx.organization).exclude(
        risk__status=Risk.Status.CLOSED
    )
    found = (
        Control.objects.filter(organization=ctx.organization)
        .exclude(decision=Decision.INCLUDED)
        .filter(Exists(relying))
        .order_by("position", "reference")
    )
    return none_of(
        found,
        ok="Every control chosen to treat a risk is included in the Statement of Applicability.",
        problem=lambda n: (
            f"{plural(n, 'control chosen to treat risks is', 'controls chosen to treat risks are')} "
            "not included in the Statement of Applicability."
        ),
        link=lambda control: ctx.link(
            f"{reference_label(control)}: {control.get_decision_display().lower()}",
            "controls:control_detail",
            pk=control.pk,
        ),
        fix=ctx.link("Decide them in the Statement of Applicability", "controls:soa"),
    )


def _unacceptable_levels(ctx: Context) -> list[tuple[int, str, int]]:
    """(criteria version pk, level key, rank) of each level the organisation's criteria let no one accept."""
    levels = RiskLevel.objects.filter(criteria__organization=ctx.organization)
    return [
        (criteria_id, key, rank)
        for criteria_id, key, rank, roles in levels.values_list("criteria_id", "key", "rank", "acceptable_by")
        if not roles
    ]


def _unacceptable(ctx: Context) -> Q | None:
    """Risks at a level the criteria let no one accept: assessed and untreated at such an inherent level, or
    treated to such a residual level. None when every level of every version is acceptable to someone.

    Each term names the organisation and the rank, so that it reads from the rank indexes."""
    levels = ctx.once("risks.unacceptable_levels", lambda: _unacceptable_levels(ctx))
    org = ctx.organization
    terms = [
        Q(organization=org, status=Risk.Status.ASSESSED, level_rank=rank, criteria_id=pk, level_key=key)
        for pk, key, rank in levels
    ] + [
        Q(
            organization=org,
            status=Risk.Status.TREATED,
            residual_level_rank=rank,
            residual_criteria_id=pk,
            residual_level_key=key,
        )
        for pk, key, rank in levels
    ]
    return reduce(operator.or_, terms) if terms else None


@rule(
    "6.1.3-treatment-planned",
    ("6.1.3", "8.3"),
    "Every risk above the acceptable level has a treatment that brings it within it",
    NC,
)
def treatment_planned(ctx: Context) -> Outcome:
    unacceptable = _unacceptable(ctx)
    ok = "No open risk is left at a level the risk criteria do not accept."
    if unacceptable is None:
        return passed(ok)
    found = _register(ctx).filter(unacceptable, kind=Risk.Kind.RISK).order_by("number")
    return none_of(
        found,
        ok=ok,
        problem=lambda n: (
            f"{plural(n, 'open risk is', 'open risks are')} at a level the risk criteria do not accept, "
            "with no treatment planned that brings it within them."
        ),
        link=lambda risk: _risk_link(ctx, risk),
        fix=_register_link(ctx, "Plan their treatment in the risk register"),
    )


@rule("6.1.3-treatment-decided", ("6.1.3", "8.3"), "Every assessed risk has a treatment decided", OBSERVATION)
def treatment_decided(ctx: Context) -> Outcome:
    undecided = _register(ctx).filter(kind=Risk.Kind.RISK, status=Risk.Status.ASSESSED)
    unacceptable = _unacceptable(ctx)
    if unacceptable is not None:
        undecided = undecided.exclude(unacceptable)  # those are nonconformities of 6.1.3-treatment-planned
    return none_of(
        undecided.order_by("number"),
        ok="Every assessed risk has a treatment option chosen.",
        problem=lambda n: (
            f"{plural(n, 'assessed risk has', 'assessed risks have')} no treatment option chosen yet "
            "(modify, avoid, share or retain)."
        ),
        link=lambda risk: _risk_link(ctx, risk),
        fix=_register_link(ctx, "Choose their treatment in the risk register"),
    )


@rule("6.1.3-acceptance-current", ("6.1.3", "8.3"), "No risk acceptance has expired", NC)
def acceptance_current(ctx: Context) -> Outcome:
    expired = _register(ctx).filter(status=Risk.Status.ACCEPTED, acceptance_expires_on__lt=ctx.today)
    return none_of(
        expired.order_by("acceptance_expires_on", "number"),
        ok="Every accepted risk's acceptance is still in force.",
        problem=lambda n: (
            f"{plural(n, 'accepted risk has its', 'accepted risks have their')} acceptance expired."
        ),
        link=lambda risk: _risk_link(ctx, risk),
        fix=_register_link(ctx, "Accept them again or treat them further"),
    )


@rule("8.3-actions-on-time", ("6.1.3", "8.3"), "Treatment actions are done by their due date", NC)
def actions_on_time(ctx: Context) -> Outcome:
    # Read from the overdue actions (few) and look each one's risk up, not from the register (many).
    of_register = _register(ctx).filter(pk=OuterRef("risk_id"))
    overdue = (
        TreatmentAction.objects.filter(
            Exists(of_register), status=TreatmentAction.Status.OPEN, due_on__lt=ctx.today
        )
        .select_related("risk")
        .order_by("due_on", "pk")
    )
    return none_of(
        overdue,
        ok="No treatment action is overdue.",
        problem=lambda n: f"{plural(n, 'treatment action is', 'treatment actions are')} overdue.",
        link=lambda action: ctx.link(
            f"{action.risk.reference}: {action.title}", "risks:risk_detail", pk=action.risk_id
        ),
        fix=_register_link(ctx, "Complete or replan them in the risk register"),
    )


RULES = [
    risks_recorded,
    systems_risks_identified,
    opportunities,
    risk_criteria,
    risk_criteria_approved,
    risks_rated,
    systems_assessed,
    risks_reviewed,
    reassessment_requested,
    relied_controls_included,
    treatment_planned,
    treatment_decided,
    acceptance_current,
    actions_on_time,
]
