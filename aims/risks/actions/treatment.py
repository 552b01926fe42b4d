"""Treating risks and accepting the residual risk (6.1.3, 8.3)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.controls.models import Control
from aims.lib.errors import ActionError
from aims.risks import permissions
from aims.risks.actions.common import (
    check_future,
    check_member,
    clear_acceptance,
    refuse_if_closed,
    require_editor,
    snapshot,
)
from aims.risks.actions.criteria import ensure_default_criteria
from aims.risks.levels import level_for
from aims.risks.models import Risk, RiskAssessment, TreatmentAction

if TYPE_CHECKING:
    from aims.accounts.models import User

TREATABLE = (Risk.Status.ASSESSED, Risk.Status.TREATED, Risk.Status.ACCEPTED)
_TREATMENT_AUDIT = (
    "status",
    "treatment_option",
    "residual_likelihood",
    "residual_consequence",
    "residual_level_key",
)


def _check_treatment(risk: Risk, option: str, plan: str, controls: list[Control]) -> None:
    errors: dict[str, str] = {}
    if option not in Risk.Option.values:
        errors["treatment_option"] = f"Choose one of: {', '.join(Risk.Option.values)}."
    if not plan.strip():
        errors["treatment_plan"] = "Describe the treatment and how you will check that it works."
    if any(control.organization_id != risk.organization_id for control in controls):
        errors["controls"] = "Choose controls of this organisation."
    if option == Risk.Option.MODIFY and not controls:
        errors["controls"] = "Modifying a risk needs at least one control (Annex A or your own)."
    excluded = [control.reference for control in controls if getattr(control, "decision", "") == "excluded"]
    if excluded:
        errors["controls"] = (
            f"Excluded from the Statement of Applicability: {', '.join(excluded)}. Include a control there "
            "before a treatment relies on it."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def plan_treatment(
    *,
    actor: User,
    risk: Risk,
    option: str,
    plan: str,
    controls: list[Control],
    residual_likelihood: int,
    residual_consequence: int,
    note: str = "",
) -> Risk:
    """Choose the option and controls, and rate the residual risk under the criteria in force (6.1.3).

    A new plan withdraws any earlier acceptance: the residual risk must be accepted again.
    """
    require_editor(actor, risk.organization)
    refuse_if_closed(risk, "treat it")
    if risk.status not in TREATABLE:
        raise ActionError(f"Assess {risk.reference} before you plan its treatment.")
    _check_treatment(risk, option, plan, controls)
    criteria = ensure_default_criteria(risk.organization)
    level = level_for(criteria.spec(), residual_likelihood, residual_consequence)
    if risk.criteria_id == criteria.pk and level.rank > risk.level_rank:
        raise ValidationError(
            {
                "residual_likelihood": f"The residual risk ({level.label}) cannot be higher than the "
                f"inherent risk ({risk.level_label})."
            }
        )
    before = snapshot(risk, _TREATMENT_AUDIT)
    now = timezone.now()
    risk.treatment_option, risk.treatment_plan = option, plan.strip()
    risk.residual_likelihood, risk.residual_consequence, risk.residual_criteria = (
        residual_likelihood,
        residual_consequence,
        criteria,
    )
    risk.residual_level_key, risk.residual_level_label = level.key, level.label
    risk.residual_level_colour, risk.residual_level_rank = level.colour, level.rank
    risk.status, risk.treated_at, risk.updated_at = Risk.Status.TREATED, now, now
    clear_acceptance(risk)
    risk.save()
    risk.controls.set(controls)
    RiskAssessment.objects.create(
        risk=risk,
        stage=RiskAssessment.Stage.RESIDUAL,
        likelihood=residual_likelihood,
        consequence=residual_consequence,
        criteria=criteria,
        level_key=level.key,
        level_label=level.label,
        level_colour=level.colour,
        level_rank=level.rank,
        note=note.strip(),
        assessed_by=actor,
        assessed_at=now,
    )
    record(
        actor=actor,
        verb="risk.treatment_planned",
        target=risk,
        before=before,
        after=snapshot(risk, _TREATMENT_AUDIT) | {"controls": [c.reference for c in controls]},
        data={"criteria_version": criteria.version, "plan": risk.treatment_plan},
    )
    return risk


@transaction.atomic
def add_treatment_action(
    *, actor: User, risk: Risk, title: str, owner: User | None = None, due_on: date | None = None
) -> TreatmentAction:
    """Add an action to a risk's treatment plan, with its owner and due date (6.1.3)."""
    require_editor(actor, risk.organization)
    refuse_if_closed(risk, "add actions")
    check_member(risk.organization, owner, "owner")
    action = TreatmentAction(risk=risk, title=title.strip(), owner=owner, due_on=due_on)
    action.full_clean(exclude=["risk"])
    action.save()
    record(
        actor=actor,
        verb="risk.action_added",
        target=risk,
        after={
            "id": action.pk,
            "title": action.title,
            "owner": owner.pk if owner else None,
            "due_on": due_on,
        },
    )
    return action


@transaction.atomic
def complete_treatment_action(*, actor: User, action: TreatmentAction, outcome: str = "") -> TreatmentAction:
    """Mark an action done, with what was done and the evidence that it works (8.3)."""
    risk = action.risk
    require_editor(actor, risk.organization)
    if action.status == TreatmentAction.Status.DONE:
        raise ActionError(f"“{action.title}” is done already.")
    action.status, action.completed_at, action.completed_by = (
        TreatmentAction.Status.DONE,
        timezone.now(),
        actor,
    )
    action.outcome = outcome.strip()
    action.save(update_fields=["status", "completed_at", "completed_by", "outcome"])
    record(
        actor=actor,
        verb="risk.action_completed",
        target=risk,
        data={"id": action.pk, "title": action.title, "outcome": action.outcome},
    )
    return action


@transaction.atomic
def accept_risk(*, actor: User, risk: Risk, rationale: str, expires_on: date | None) -> Risk:
    """Accept the residual risk, if the criteria it was rated under allow the actor's role at its level."""
    if not permissions.can_edit_risks(actor, risk.organization):
        raise PermissionDenied("Your role in this organisation does not allow accepting risks.")
    refuse_if_closed(risk, "accept it")
    if risk.status not in (Risk.Status.TREATED, Risk.Status.ACCEPTED) or risk.residual_criteria is None:
        raise ActionError(f"Plan the treatment of {risk.reference} and rate its residual risk first.")
    level = risk.residual_criteria.spec().level(risk.residual_level_key)
    if not level.is_acceptable:
        raise ActionError(level.rule(), code="not_acceptable")
    if not permissions.can_accept_level(actor, risk.organization, level):
        raise PermissionDenied(level.rule())
    if not rationale.strip():
        raise ValidationError({"rationale": "Say why the residual risk is acceptable."})
    check_future(expires_on, timezone.localdate(), "expires_on", "The acceptance must expire after today.")
    risk.status, risk.accepted_by, risk.accepted_at = Risk.Status.ACCEPTED, actor, timezone.now()
    risk.acceptance_rationale, risk.acceptance_expires_on = rationale.strip(), expires_on
    risk.updated_at = risk.accepted_at
    risk.save(
        update_fields=[
            "status",
            "accepted_by",
            "accepted_at",
            "acceptance_rationale",
            "acceptance_expires_on",
            "updated_at",
        ]
    )
    record(
        actor=actor,
        verb="risk.accepted",
        target=risk,
        data={
            "level": level.key,
            "criteria_version": risk.residual_criteria.version,
            "rationale": risk.acceptance_rationale,
            "expires_on": expires_on,
        },
    )
    return risk
