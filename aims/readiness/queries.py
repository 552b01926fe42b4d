"""Reads over readiness: filtering its rules, one clause or rule, the trend, and the AI systems an auditor
is likely to sample (the weakest first)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, IntegerField, OuterRef, QuerySet, Value
from django.db.models.functions import Cast
from django.http import Http404

from aims.ai_systems.models import AISystem
from aims.evidence.models import EvidenceLink
from aims.impact_assessments.models import ImpactAssessment
from aims.incidents.models import Incident
from aims.readiness.context import Context
from aims.readiness.engine import Readiness, requirement_dict, result_dict, settings_for, within
from aims.readiness.models import ReadinessSnapshot
from aims.risks.models import Risk

if TYPE_CHECKING:
    from aims.organizations.models import Organization

STAGE_SEVERITIES = {
    "1": {"stage1_blocker"},
    "2": {"stage1_blocker", "stage2_nonconformity"},
}
TREND_DAYS = 90


def filter_rules(
    rules: list[dict[str, Any]], *, stage: str | None = None, clause: str | None = None, failing: bool = False
) -> list[dict[str, Any]]:
    """The rules of a readiness result as dicts, kept by stage ("1", "2"), clause and failing."""
    kept = rules
    if stage in STAGE_SEVERITIES:
        kept = [r for r in kept if r["severity"] in STAGE_SEVERITIES[stage]]
    if clause:
        kept = [r for r in kept if any(within(ref, clause) for ref in r["refs"])]
    if failing:
        kept = [r for r in kept if r["status"] != "pass"]
    return kept


def clause_dict(readiness: Readiness, ref: str) -> dict[str, Any]:
    found = readiness.clause(ref) or next((c for c in readiness.controls if c.ref == ref), None)
    if found is None:
        raise Http404(f"No clause or included control {ref}.")
    return {**requirement_dict(found), "results": [result_dict(r) for r in readiness.results_for(ref)]}


def rule_dict(readiness: Readiness, rule_id: str) -> dict[str, Any]:
    found = next((r for r in readiness.results if r.id == rule_id), None)
    if found is None:
        raise Http404(f"No readiness rule {rule_id}.")
    return result_dict(found)


def trend(organization: Organization, days: int = TREND_DAYS) -> list[ReadinessSnapshot]:
    """The last `days` snapshots, oldest first."""
    newest = ReadinessSnapshot.objects.filter(organization=organization).order_by("-taken_on")[:days]
    return sorted(newest, key=lambda snapshot: snapshot.taken_on)


@dataclass(frozen=True)
class Completeness:
    """What an auditor sampling one AI system would look for."""

    system: AISystem
    checks: tuple[tuple[str, bool], ...]

    @property
    def score(self) -> int:
        return sum(ok for _, ok in self.checks)


CHECK_NAMES = (
    ("has_owner", "Owner"),
    ("is_classified", "Classified"),
    ("has_risk_assessment", "Risk assessment"),
    ("has_impact_assessment", "Impact assessment"),
    ("has_controls", "Controls"),
    ("has_evidence", "Evidence"),
    ("no_open_incident", "No open incident"),
)


def _flag(condition: Any) -> Cast:
    return Cast(condition, IntegerField())


def systems_by_completeness(organization: Organization, today: date) -> QuerySet[AISystem]:
    """The in-scope AI systems, each annotated with the checks of `CHECK_NAMES` (0 or 1) and their sum
    `score`, weakest first: the ones an auditor is likely to sample. One query per page, whatever the size."""
    context = Context(organization, today, settings_for(organization))
    risk_cutoff = context.months_ago(context.settings.risk_assessment_months)
    impact_cutoff = context.months_ago(context.settings.impact_assessment_months)
    system_type = ContentType.objects.get_for_model(AISystem)
    risks = Risk.objects.filter(ai_system=OuterRef("pk"))
    flags = {
        "has_owner": _flag(Exists(AISystem.objects.filter(pk=OuterRef("pk"), owner__isnull=False))),
        "is_classified": _flag(Exists(AISystem.objects.filter(pk=OuterRef("pk")).exclude(risk_class=""))),
        "has_risk_assessment": _flag(Exists(risks.filter(assessed_at__date__gte=risk_cutoff))),
        "has_impact_assessment": _flag(
            Exists(
                ImpactAssessment.objects.filter(
                    ai_system=OuterRef("pk"), state="approved", approved_at__date__gte=impact_cutoff
                )
            )
        ),
        "has_controls": _flag(Exists(risks.filter(controls__isnull=False))),
        "has_evidence": _flag(
            Exists(
                EvidenceLink.objects.filter(
                    organization=organization, content_type=system_type, object_id=OuterRef("pk")
                )
            )
        ),
        "no_open_incident": _flag(
            ~Exists(Incident.objects.filter(ai_systems=OuterRef("pk"), status__in=["open", "contained"]))
        ),
    }
    total: Any = Value(0)
    for name in flags:
        total = total + F(name)
    systems = AISystem.objects.filter(organization=organization, in_scope=True).current()
    return (
        systems.annotate(**flags).annotate(score=total).select_related("owner").order_by("score", "reference")
    )


def completeness_rows(systems: list[AISystem]) -> list[Completeness]:
    return [
        Completeness(system, tuple((label, bool(getattr(system, key))) for key, label in CHECK_NAMES))
        for system in systems
    ]
