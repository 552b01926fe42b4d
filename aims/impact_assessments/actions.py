"""Every change to an impact assessment: write and change a draft and its impacts, raise a negative impact
as a risk, submit, approve (by someone other than the author) or send back. Each records an audit event."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.impact_assessments import permissions
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.numbering import assign_reference
from aims.risks.actions import identify_risk
from aims.risks.models import Risk

if TYPE_CHECKING:
    from aims.accounts.models import User

ASSESSMENT_FIELDS = (
    "ai_system", "trigger", "trigger_details", "intended_use", "foreseeable_misuse", "affected_individuals",
    "affected_groups", "affected_vulnerable", "affected_society", "mitigations", "conclusion", "decision",
    "retain_until", "next_assessment_on",
)  # fmt: skip
ITEM_FIELDS = (
    "dimension", "effect", "description", "affected_group", "severity", "likelihood", "reversibility",
    "mitigation",
)  # fmt: skip
_TEXT = {
    "trigger_details", "intended_use", "foreseeable_misuse", "affected_individuals", "affected_groups",
    "affected_vulnerable", "affected_society", "mitigations", "conclusion", "description", "affected_group",
    "mitigation",
}  # fmt: skip
SELF_APPROVAL = "You wrote this assessment; someone else must approve it."


def _cleaned(values: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {k: (v or "").strip() if k in _TEXT else v for k, v in values.items()}


def _snapshot(instance: models.Model, fields: Any) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        shown[name] = value.pk if isinstance(value, models.Model) else value
    return shown


def _require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_assessments(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change impact assessments.")


def _require_draft(assessment: ImpactAssessment, doing: str) -> None:
    if not assessment.is_draft:
        raise ActionError(
            f"{assessment.reference} is {assessment.get_state_display().lower()}; only a draft can {doing}."
        )


def _check(assessment: ImpactAssessment) -> None:
    system: AISystem | None = getattr(assessment, "ai_system", None) if assessment.ai_system_id else None
    if system is None or system.organization_id != assessment.organization_id:
        raise ValidationError({"ai_system": "Choose an AI system of this organisation."})
    if (
        assessment.retain_until
        and assessment.next_assessment_on
        and assessment.retain_until < assessment.next_assessment_on
    ):
        raise ValidationError({"retain_until": "Keep the assessment at least until the next one is due."})
    assessment.full_clean(
        exclude=["organization", "number", "reference", "author"], validate_constraints=False
    )


@transaction.atomic
def create_assessment(*, actor: User, organization: Organization, **values: Any) -> ImpactAssessment:
    """Start a draft impact assessment of one AI system (6.1.4)."""
    _require_editor(actor, organization)
    cleaned = _cleaned(values, ASSESSMENT_FIELDS)
    assessment = ImpactAssessment(organization=organization, author=actor, **cleaned)
    _check(assessment)
    assign_reference(assessment, "IA")
    assessment.save()
    after = _snapshot(assessment, cleaned)
    record(actor=actor, verb="impact_assessment.created", target=assessment, after=after)
    return assessment


@transaction.atomic
def update_assessment(
    *, actor: User, assessment: ImpactAssessment, changes: Mapping[str, Any]
) -> ImpactAssessment:
    """Change what a draft says."""
    _require_editor(actor, assessment.organization)
    _require_draft(assessment, "be changed")
    values = _cleaned(changes, ASSESSMENT_FIELDS)
    before = _snapshot(assessment, values)
    for name, value in values.items():
        setattr(assessment, name, value)
    _check(assessment)
    assessment.updated_at = timezone.now()
    assessment.save()
    after = _snapshot(assessment, values)
    record(actor=actor, verb="impact_assessment.updated", target=assessment, before=before, after=after)
    return assessment


def _touch(assessment: ImpactAssessment) -> None:
    assessment.updated_at = timezone.now()
    assessment.save(update_fields=["updated_at"])


@transaction.atomic
def add_item(*, actor: User, assessment: ImpactAssessment, **values: Any) -> ImpactItem:
    """Record one impact of the system, by dimension, positive or negative (A.5.4, A.5.5)."""
    _require_editor(actor, assessment.organization)
    _require_draft(assessment, "take new impacts")
    cleaned = _cleaned(values, ITEM_FIELDS)
    item = ImpactItem(assessment=assessment, **cleaned)
    item.full_clean(exclude=["assessment", "risk"])
    item.save()
    _touch(assessment)
    record(
        actor=actor,
        verb="impact_assessment.item_added",
        target=assessment,
        after={"item": item.pk, **_snapshot(item, cleaned)},
    )
    return item


@transaction.atomic
def update_item(*, actor: User, item: ImpactItem, changes: Mapping[str, Any]) -> ImpactItem:
    assessment = item.assessment
    _require_editor(actor, assessment.organization)
    _require_draft(assessment, "have its impacts changed")
    values = _cleaned(changes, ITEM_FIELDS)
    before = {"item": item.pk, **_snapshot(item, values)}
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean(exclude=["assessment", "risk"])
    item.save()
    _touch(assessment)
    after = {"item": item.pk, **_snapshot(item, values)}
    record(actor=actor, verb="impact_assessment.item_updated", target=assessment, before=before, after=after)
    return item


@transaction.atomic
def remove_item(*, actor: User, item: ImpactItem) -> ImpactAssessment:
    assessment = item.assessment
    _require_editor(actor, assessment.organization)
    _require_draft(assessment, "have its impacts removed")
    before = {"item": item.pk, **_snapshot(item, ITEM_FIELDS)}
    item.delete()
    _touch(assessment)
    record(actor=actor, verb="impact_assessment.item_removed", target=assessment, before=before)
    return assessment


def _new_risk(actor: User, item: ImpactItem) -> Risk:
    assessment = item.assessment
    title = f"{item.get_dimension_display()} impact: {item.description.splitlines()[0]}"[:200]
    return identify_risk(
        actor=actor,
        organization=assessment.organization,
        ai_system=assessment.ai_system,
        title=title,
        description=f"Raised from impact assessment {assessment.reference}.\n\n{item.description}",
        consequence_individuals=item.affected_group,
        existing_controls=item.mitigation,
    )


@transaction.atomic
def raise_risk_from_impact(*, actor: User, item: ImpactItem, risk: Risk | None = None) -> ImpactItem:
    """Track a negative impact in the risk register: a new risk of the system, or an existing risk of the
    organisation. The item keeps the link, and the risk finds its impacts through `risk.impact_items`."""
    assessment = item.assessment
    _require_editor(actor, assessment.organization)
    if not item.is_negative:
        raise ActionError("Only a negative impact can be raised as a risk.")
    if item.risk_id is not None:
        raise ActionError("This impact is linked to a risk already.")
    if risk is not None and risk.organization_id != assessment.organization_id:
        raise ValidationError({"risk": "Choose a risk of this organisation."})
    if risk is not None and risk.is_closed:
        raise ValidationError({"risk": f"{risk.reference} is closed; reopen it or raise a new risk."})
    linked = risk if risk is not None else _new_risk(actor, item)
    item.risk = linked
    item.save(update_fields=["risk"])
    record(
        actor=actor,
        verb="impact_assessment.risk_raised",
        target=assessment,
        data={"item": item.pk, "risk": linked.reference, "created": risk is None},
    )
    return item


@transaction.atomic
def submit_assessment(*, actor: User, assessment: ImpactAssessment) -> ImpactAssessment:
    """Send a complete draft for approval."""
    _require_editor(actor, assessment.organization)
    _require_draft(assessment, "be submitted")
    missing = {
        name: "Fill this in before you submit the assessment."
        for name in ("intended_use", "conclusion", "decision", "next_assessment_on")
        if not getattr(assessment, name)
    }
    if missing:
        raise ValidationError(missing)
    if not assessment.items.exists():
        raise ValidationError("Record at least one impact before you submit the assessment.")
    assessment.state, assessment.submitted_at = ImpactAssessment.State.IN_REVIEW, timezone.now()
    assessment.save(update_fields=["state", "submitted_at"])
    record(
        actor=actor,
        verb="impact_assessment.submitted",
        target=assessment,
        before={"state": "draft"},
        after={"state": assessment.state},
    )
    return assessment


def _require_review(actor: User, assessment: ImpactAssessment) -> None:
    if not permissions.can_approve_assessments(actor, assessment.organization):
        raise PermissionDenied("Only owners and managers can approve impact assessments.")
    if assessment.state != ImpactAssessment.State.IN_REVIEW:
        raise ActionError(f"{assessment.reference} is not in review.")


@transaction.atomic
def approve_assessment(*, actor: User, assessment: ImpactAssessment, note: str = "") -> ImpactAssessment:
    """Approve the assessment; from now on it never changes."""
    _require_review(actor, assessment)
    if assessment.author_id == actor.pk:
        raise ActionError(SELF_APPROVAL, code="self_approval")
    now = timezone.now()
    assessment.state, assessment.approved_by, assessment.approved_at, assessment.updated_at = (
        ImpactAssessment.State.APPROVED,
        actor,
        now,
        now,
    )
    assessment.save(update_fields=["state", "approved_by", "approved_at", "updated_at"])
    # A newer approved assessment meets any planned change's request to reassess the system (6.3, 8.4).
    ImpactAssessment.objects.filter(
        ai_system_id=assessment.ai_system_id, reassessment_requested_on__isnull=False
    ).update(reassessment_requested_on=None, reassessment_reason="")
    record(
        actor=actor,
        verb="impact_assessment.approved",
        target=assessment,
        before={"state": "in_review"},
        after={"state": assessment.state},
        data={"note": note.strip()},
    )
    return assessment


@transaction.atomic
def request_changes(*, actor: User, assessment: ImpactAssessment, note: str) -> ImpactAssessment:
    """Send an assessment in review back to draft, saying what to change."""
    _require_review(actor, assessment)
    if not note.strip():
        raise ValidationError({"note": "Say what should change, so the author can act on it."})
    assessment.state, assessment.submitted_at = ImpactAssessment.State.DRAFT, None
    assessment.updated_at = timezone.now()
    assessment.save(update_fields=["state", "submitted_at", "updated_at"])
    record(
        actor=actor,
        verb="impact_assessment.changes_requested",
        target=assessment,
        before={"state": "in_review"},
        after={"state": assessment.state},
        data={"note": note.strip()},
    )
    return assessment
