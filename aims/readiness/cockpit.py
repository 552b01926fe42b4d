"""The organisation's home page as its cockpit: readiness by clause and by Annex A group, the Stage 1 blockers
first, what is overdue or falls due soon, what awaits me, open incidents and nonconformities, and the trend.
A new organisation sees its first steps instead of empty charts.

Every list is read in one query of at most `ROWS` rows; readiness comes from `engine.evaluate`, cached
under the organisation's audit-chain head, so the page costs a fixed number of queries at any size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Model, Q, QuerySet
from django.urls import reverse

from aims.ai_systems.models import AISystem
from aims.changes.models import PlannedChange
from aims.context.models import ScopeStatement
from aims.documents.models import Document, DocumentVersion
from aims.evidence.models import Evidence
from aims.impact_assessments.models import ImpactAssessment
from aims.improvement.models import CorrectiveAction, Nonconformity
from aims.incidents.models import Incident
from aims.organizations.permissions import can_manage_members
from aims.readiness.engine import Readiness
from aims.readiness.models import ReadinessSnapshot
from aims.reminders.models import Notice
from aims.reviews.models import ReviewAction
from aims.risks.models import Risk, TreatmentAction

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

ROWS = 8


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    when: date | None = None
    kind: str = ""

    overdue: bool = False


@dataclass(frozen=True)
class Step:
    title: str
    url: str
    done: bool


# The first steps of a new AIMS, in order, each done when its readiness rule passes.
FIRST_STEPS = (
    ("4.1-issues", "Describe the context: the internal and external issues", "context:issue_list"),
    ("4.2-parties", "Record the interested parties and what they require", "context:party_list"),
    ("4.4-aims-established", "Register the AI systems", "ai_systems:system_list"),
    ("4.3-scope-approved", "Draft and approve the scope of the AIMS", "context:scope"),
    ("5.2-policy-published", "Write and publish the AI policy", "policies:policy_home"),
    ("6.1.2-risk-criteria", "Put the risk criteria in force", "risks:risk_list"),
    ("6.1.2-systems-assessed", "Assess the risks of every AI system in scope", "risks:risk_list"),
    (
        "6.1.3-soa-approved",
        "Decide the Annex A controls and approve the Statement of Applicability",
        "controls:soa",
    ),
)


def _link(organization: Organization, name: str, **kwargs: Any) -> str:
    return reverse(name, kwargs={"org": organization.slug, **kwargs})


def first_steps(organization: Organization, readiness: Readiness) -> list[Step]:
    passed = {r.id for r in readiness.results if r.ok}
    known = {r.id for r in readiness.results}
    return [
        Step(title, _link(organization, url_name), rule_id in passed)
        for rule_id, title, url_name in FIRST_STEPS
        if rule_id in known
    ]


def is_new(organization: Organization) -> bool:
    """No AI system and no approved scope yet: the cockpit guides rather than charts."""
    has_system = AISystem.objects.filter(organization=organization).exists()
    has_scope = ScopeStatement.objects.filter(organization=organization, state="approved").exists()
    return not (has_system or has_scope)


def _rows(
    organization: Organization,
    records: QuerySet[Any],
    kind: str,
    when: str,
    label: Callable[[Any], str],
    page: str,
) -> list[Item]:
    return [
        Item(label(record), _link(organization, page, pk=_pk(record)), getattr(record, when), kind)
        for record in records.order_by(when, "pk")[:ROWS]
    ]


def _pk(record: Model) -> int:
    parent = getattr(record, "risk_id", None) or getattr(record, "nonconformity_id", None)
    return int(parent or record.pk)


def falling_due(organization: Organization, today: date, days: int) -> list[Item]:
    """What is overdue or falls due within `days`, soonest first (at most `ROWS` of each kind)."""
    until = today + timedelta(days=days)
    org = {"organization": organization}
    sources = [
        (Document.objects.filter(**org, status="active", next_review_on__lte=until), "Document review",
         "next_review_on", lambda d: f"{d.reference} {d.title}", "documents:document_detail"),
        (Risk.objects.filter(**org, next_review_on__lte=until).exclude(status="closed"), "Risk review",
         "next_review_on", lambda r: f"{r.reference} {r.title}", "risks:risk_detail"),
        (TreatmentAction.objects.filter(risk__organization=organization, status="open", due_on__lte=until)
         .select_related("risk"), "Treatment action", "due_on", lambda a: f"{a.risk.reference}: {a.title}",
         "risks:risk_detail"),
        (Nonconformity.objects.filter(**org, due_on__lte=until).exclude(status="closed"), "Nonconformity",
         "due_on", lambda n: f"{n.reference} {n.title}", "improvement:nonconformity_detail"),
        (CorrectiveAction.objects.filter(nonconformity__organization=organization, status="open",
                                         due_on__lte=until).select_related("nonconformity"),
         "Corrective action", "due_on", lambda a: f"{a.nonconformity.reference}: {a.description[:80]}",
         "improvement:nonconformity_detail"),
        (Evidence.objects.filter(**org, status="active", valid_until__lte=until), "Evidence expires",
         "valid_until", lambda e: e.title, "evidence:evidence_detail"),
    ]  # fmt: skip
    items: list[Item] = []
    for records, kind, when, label, page in sources:
        items += _rows(organization, records, kind, when, label, page)
    actions = ReviewAction.objects.filter(**org, status="open", due_on__lte=until).select_related("review")
    items += [
        Item(f"{a.reference} {a.description[:80]}",
             _link(organization, "reviews:review_detail", pk=a.review_id),
             a.due_on, "Management review action")
        for a in actions.order_by("due_on", "pk")[:ROWS]
    ]  # fmt: skip
    return sorted(
        (Item(i.label, i.url, i.when, i.kind, overdue=i.when is not None and i.when < today) for i in items),
        key=lambda item: (item.when or today, item.kind),
    )


def awaiting(user: User, organization: Organization) -> list[Item]:
    """What waits for this person: their unread notices, and for managers the approvals that wait."""
    notices = Notice.objects.filter(organization=organization, recipient=user, read_at__isnull=True)
    items = [Item(n.subject, n.url, None, "Notice") for n in notices.order_by("-created_at")[:ROWS]]
    if not can_manage_members(user, organization):
        return items
    versions = DocumentVersion.objects.filter(document__organization=organization, state="in_review")
    items += [
        Item(f"{v.document.reference} {v.document.title} v{v.number}",
             _link(organization, "documents:version_detail", pk=v.document_id, number=v.number), None,
             "Document to approve")
        for v in versions.select_related("document").order_by("submitted_at")[:ROWS]
    ]  # fmt: skip
    changes = PlannedChange.objects.filter(organization=organization, status="submitted")
    items += [
        Item(f"{c.reference} {c.title}", _link(organization, "changes:change_detail", pk=c.pk), None,
             "Change to decide")
        for c in changes.order_by("submitted_at")[:ROWS]
    ]  # fmt: skip
    assessments = ImpactAssessment.objects.filter(organization=organization, state="in_review")
    items += [
        Item(f"{a.reference}", _link(organization, "impact_assessments:assessment_detail", pk=a.pk), None,
             "Impact assessment to approve")
        for a in assessments.order_by("submitted_at")[:ROWS]
    ]  # fmt: skip
    return items


def open_problems(organization: Organization) -> tuple[list[Item], list[Item]]:
    incidents = Incident.objects.filter(organization=organization).filter(
        Q(status="open") | Q(status="contained")
    )
    ncs = Nonconformity.objects.filter(organization=organization).exclude(status="closed")
    return (
        [
            Item(f"{i.reference} {i.title}", _link(organization, "incidents:incident_detail", pk=i.pk),
                 i.detected_on, i.get_severity_display())
            for i in incidents.order_by("-detected_on", "-pk")[:ROWS]
        ],
        [
            Item(f"{n.reference} {n.title}", _link(organization, "improvement:nonconformity_detail", pk=n.pk),
                 n.due_on, n.get_grade_display())
            for n in ncs.order_by("due_on", "pk")[:ROWS]
        ],
    )  # fmt: skip


def clause_chart(readiness: Readiness) -> dict[str, Any]:
    """Per main clause (and per Annex A group): how many of its sub-clauses (controls) are satisfied."""
    labels, satisfied, missing = [], [], []
    for clause in readiness.main_clauses:
        subs = [c for c in readiness.clauses if c.depth == 1 and c.ref.startswith(clause.ref + ".")] or [
            clause
        ]
        labels.append(f"{clause.ref} {clause.title}")
        done = sum(c.satisfied for c in subs)
        satisfied.append(done)
        missing.append(len(subs) - done)
    for ref, title, done, total in readiness.groups:
        labels.append(f"{ref} {title}")
        satisfied.append(done)
        missing.append(total - done)
    return {
        "type": "bar",
        "data": {
            "labels": labels,
            "datasets": [
                {"label": "Satisfied", "data": satisfied, "backgroundColor": "#2e7d32"},
                {"label": "Not yet", "data": missing, "backgroundColor": "#c62828"},
            ],
        },
        "options": {
            "indexAxis": "y",
            "scales": {"x": {"stacked": True, "ticks": {"precision": 0}}, "y": {"stacked": True}},
        },
    }


def trend_chart(snapshots: list[ReadinessSnapshot]) -> dict[str, Any]:
    return {
        "type": "line",
        "data": {
            "labels": [s.taken_on.isoformat() for s in snapshots],
            "datasets": [
                {"label": "Clauses satisfied", "data": [s.clauses_satisfied for s in snapshots],
                 "borderColor": "#2e7d32"},
                {"label": "Stage 1 blockers", "data": [s.blockers for s in snapshots],
                 "borderColor": "#c62828"},
                {"label": "Stage 2 nonconformities", "data": [s.nonconformities for s in snapshots],
                 "borderColor": "#ef6c00"},
            ],
        },
        "options": {"scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}}},
    }  # fmt: skip
