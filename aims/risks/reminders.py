"""Reminders of the risk register (6.1.3, 8.2, 8.3): an open risk's next review, an open treatment action's
due date, and the expiry of an accepted risk's acceptance. The risk's (or action's) owner is told; without
one, the organisation's owners and managers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.reminders.recipients import Fallback
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due
from aims.risks.models import Risk, TreatmentAction

REVIEW, ACTION, ACCEPTANCE = "risk_review", "risk_action", "risk_acceptance"


def _url(risk: Risk) -> str:
    return reverse("risks:risk_detail", kwargs={"org": risk.organization.slug, "pk": risk.pk})


def _horizon(today: date) -> date:
    return today + timedelta(days=DEFAULT_LEAD_DAYS)


def due_reviews(today: date) -> Iterator[Due]:
    """Open risks to review within the lead time or overdue; two queries."""
    found = list(
        Risk.objects.open()
        .filter(next_review_on__lte=_horizon(today))
        .select_related("organization")
        .order_by("next_review_on", "pk")
    )
    fallback = Fallback(r.organization_id for r in found if r.owner_id is None)
    for risk in found:
        assert risk.next_review_on is not None
        yield Due(
            organization_id=risk.organization_id,
            kind=REVIEW,
            key=f"risks.risk:{risk.pk}:review:{risk.next_review_on.isoformat()}",
            subject=f"Review of risk {risk.reference} {risk.title}",
            due_on=risk.next_review_on,
            url=_url(risk),
            recipient_ids=fallback.recipients(risk.organization_id, risk.owner_id),
        )


def due_actions(today: date) -> Iterator[Due]:
    """Open treatment actions of open risks due within the lead time or overdue; two queries."""
    found = list(
        TreatmentAction.objects.filter(status=TreatmentAction.Status.OPEN, due_on__lte=_horizon(today))
        .exclude(risk__status=Risk.Status.CLOSED)
        .select_related("risk__organization")
        .order_by("due_on", "pk")
    )
    unowned = [a for a in found if a.owner_id is None and a.risk.owner_id is None]
    fallback = Fallback(a.risk.organization_id for a in unowned)
    for action in found:
        risk = action.risk
        assert action.due_on is not None
        yield Due(
            organization_id=risk.organization_id,
            kind=ACTION,
            key=f"risks.treatmentaction:{action.pk}:due:{action.due_on.isoformat()}",
            subject=f"Treatment action of {risk.reference}: {action.title}",
            due_on=action.due_on,
            url=_url(risk),
            recipient_ids=fallback.recipients(risk.organization_id, action.owner_id or risk.owner_id),
        )


def due_acceptances(today: date) -> Iterator[Due]:
    """Accepted risks whose acceptance expires within the lead time or has expired; two queries."""
    found = list(
        Risk.objects.filter(status=Risk.Status.ACCEPTED, acceptance_expires_on__lte=_horizon(today))
        .select_related("organization")
        .order_by("acceptance_expires_on", "pk")
    )
    fallback = Fallback(r.organization_id for r in found if r.owner_id is None and r.accepted_by_id is None)
    for risk in found:
        assert risk.acceptance_expires_on is not None
        yield Due(
            organization_id=risk.organization_id,
            kind=ACCEPTANCE,
            key=f"risks.risk:{risk.pk}:acceptance:{risk.acceptance_expires_on.isoformat()}",
            subject=f"Acceptance of risk {risk.reference} {risk.title} expires",
            due_on=risk.acceptance_expires_on,
            url=_url(risk),
            recipient_ids=fallback.recipients(risk.organization_id, risk.owner_id, risk.accepted_by_id),
        )
