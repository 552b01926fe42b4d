"""The AI policy and its reviews, top management's commitment, and the impact assessments and documents due:
context for the meeting beyond the 9.3.2 list, reported under 9.3.2 d). Six queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from aims.documents.models import Document
from aims.impact_assessments.models import ImpactAssessment
from aims.policies.models import AIPolicy, CommitmentRecord, PolicyReview
from aims.reviews.inputs.periods import on_days
from aims.reviews.registry import Period, ReviewRow, ReviewSection

if TYPE_CHECKING:
    from aims.organizations.models import Organization

MAX_ROWS = 20


def _policy_rows(organization: Organization, period: Period) -> list[ReviewRow]:
    reviews = (
        PolicyReview.objects.filter(organization=organization)
        .filter(on_days("reviewed_on", period))
        .select_related("document")
        .order_by("-reviewed_on", "-pk")[:MAX_ROWS]
    )
    url = reverse("policies:review_list", kwargs={"org": organization.slug})
    return [
        ReviewRow(r.document.reference, r.document.title, r.get_outcome_display(), url,
                  f"Policy review of {r.reviewed_on.isoformat()}")
        for r in reviews
    ]  # fmt: skip


def _assessment_rows(organization: Organization, due: list[ImpactAssessment]) -> list[ReviewRow]:
    rows = []
    for a in due:
        when = a.reassessment_requested_on or a.next_assessment_on
        reason = "reassessment requested" if a.reassessment_requested_on else "next assessment passed"
        url = reverse("impact_assessments:assessment_detail", kwargs={"org": organization.slug, "pk": a.pk})
        system = a.ai_system.reference if a.ai_system else "-"
        rows.append(
            ReviewRow(a.reference, f"Impact assessment of {system}", "Due", url,
                      f"{reason} {when.isoformat() if when else ''}".strip())
        )  # fmt: skip
    return rows


def section(organization: Organization, period: Period) -> ReviewSection:
    today = timezone.localdate()
    policy = AIPolicy.objects.filter(organization=organization).select_related("document").first()
    outcomes = dict(
        PolicyReview.objects.filter(organization=organization)
        .filter(on_days("reviewed_on", period))
        .values("outcome")
        .annotate(n=Count("pk"))
        .values_list("outcome", "n")
    )
    commitments = CommitmentRecord.objects.filter(organization=organization).filter(
        on_days("occurred_on", period)
    )
    due = ImpactAssessment.objects.filter(organization=organization).due(today)
    shown = list(due.select_related("ai_system").order_by("next_assessment_on", "pk")[:MAX_ROWS])
    documents_due = Document.objects.filter(organization=organization).review_due(today).count()
    if policy is None:
        state: str = "No AI policy yet"
    else:
        doc = policy.document
        state = (
            f"{doc.reference}, next review {doc.next_review_on.isoformat() if doc.next_review_on else '-'}"
        )
    figures: list[tuple[str, int | str]] = [("AI policy", state)]
    figures += [
        (f"Policy reviews: {label.lower()}", outcomes.get(value, 0))
        for value, label in PolicyReview.Outcome.choices
    ]
    figures += [
        ("Top management commitment records", commitments.count()),
        ("Impact assessments due", due.count()),
        ("Documents due for review", documents_due),
    ]
    rows = [*_policy_rows(organization, period), *_assessment_rows(organization, shown)][:MAX_ROWS]
    return ReviewSection(
        key="policy",
        title="AI policy, commitment and assessments due",
        clause="9.3.2 d)",
        figures=tuple(figures),
        rows=tuple(rows),
        empty="No policy review in the period and no impact assessment due.",
    )
