"""Readiness rules for AI system impact assessment (6.1.4, 8.4): assessments approved and in use, and every
high-risk AI system in scope covered by a current one. Each rule reads in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from aims.ai_systems.models import AISystem
from aims.ai_systems.readiness import any_in_scope, in_scope, system_link
from aims.impact_assessments.models import ImpactAssessment
from aims.readiness.checks import none_of, plural
from aims.readiness.context import Context
from aims.readiness.registry import Outcome, Severity, failed, passed, rule
from aims.risks.readiness import start_of

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION
HIGH_RISK = (AISystem.RiskClass.HIGH, AISystem.RiskClass.PROHIBITED)
APPROVED = ImpactAssessment.State.APPROVED


def _approved(ctx: Context) -> QuerySet[ImpactAssessment]:
    return ImpactAssessment.objects.filter(organization=ctx.organization, state=APPROVED)


@rule("6.1.4-assessment-approved", ("6.1.4", "8.4"), "Impact assessments are done and approved", BLOCKER)
def assessment_approved(ctx: Context) -> Outcome:
    if not any_in_scope(ctx):
        return passed("No AI system is in scope yet, so no impact assessment is due.")
    if not _approved(ctx).exists():
        return failed(
            "No impact assessment has been approved, though AI systems are in scope.",
            fix=ctx.link("Start an impact assessment", "impact_assessments:assessment_create"),
        )
    return passed("Approved impact assessments are on record.")


def _uncovered_high_risk(ctx: Context) -> QuerySet[AISystem]:
    """High-risk systems in scope whose latest approved assessment is missing, too old, past its next
    assessment date or marked for reassessment by an approved change."""
    latest = _approved(ctx).filter(ai_system=OuterRef("pk")).order_by("-approved_at", "-pk")
    cutoff = start_of(ctx.months_ago(ctx.settings.impact_assessment_months))
    systems = (
        in_scope(ctx)
        .filter(risk_class__in=HIGH_RISK)
        .annotate(
            ia_approved_at=Subquery(latest.values("approved_at")[:1]),
            ia_next_on=Subquery(latest.values("next_assessment_on")[:1]),
            ia_requested_on=Subquery(latest.values("reassessment_requested_on")[:1]),
        )
    )
    return systems.filter(
        Q(ia_approved_at__isnull=True)
        | Q(ia_approved_at__lt=cutoff)
        | Q(ia_next_on__lt=ctx.today)
        | Q(ia_requested_on__isnull=False)
    ).order_by("reference")


@rule(
    "6.1.4-high-risk-assessed",
    ("6.1.4", "8.4"),
    "Every high-risk AI system in scope has a current approved impact assessment",
    NC,
)
def high_risk_assessed(ctx: Context) -> Outcome:
    months = ctx.settings.impact_assessment_months
    return none_of(
        _uncovered_high_risk(ctx),
        ok=f"Every high-risk AI system in scope has an impact assessment approved in the last "
        f"{plural(months, 'month')} and not due again.",
        problem=lambda n: (
            f"{plural(n, 'high-risk AI system in scope has', 'high-risk AI systems in scope have')} "
            f"no impact assessment approved in the last {plural(months, 'month')}, or theirs is due again."
        ),
        link=lambda system: system_link(ctx, system),
        fix=ctx.link("Assess their impacts", "impact_assessments:assessment_create"),
    )


@rule("6.1.4-systems-assessed", "6.1.4", "Every AI system in scope has had its impacts assessed", OBSERVATION)
def systems_assessed(ctx: Context) -> Outcome:
    assessed = _approved(ctx).filter(ai_system=OuterRef("pk"))
    never = in_scope(ctx).exclude(risk_class__in=HIGH_RISK).filter(~Exists(assessed)).order_by("reference")
    return none_of(
        never,
        ok="Every AI system in scope that is not high-risk has an approved impact assessment.",
        problem=lambda n: (
            f"{plural(n, 'AI system', 'AI systems')} in scope, not high-risk, "
            f"{'has' if n == 1 else 'have'} never had an impact assessment approved."
        ),
        link=lambda system: system_link(ctx, system),
        fix=ctx.link("Assess their impacts", "impact_assessments:assessment_create"),
    )


RULES = [assessment_approved, high_risk_assessed, systems_assessed]
