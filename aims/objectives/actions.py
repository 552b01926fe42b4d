"""Every change to an AI objective and its plan (6.2): set and change it, activate it, record the outcome
(achieved or not) or withdraw it, and add, change and complete the steps of its plan. Each checks permission
first, validates before writing, and records an audit event inside its transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.catalog.models import CatalogItem
from aims.lib.errors import ActionError
from aims.monitoring.thresholds import plain
from aims.objectives import permissions
from aims.objectives.models import Objective, ObjectivePlanItem
from aims.organizations.models import Membership, Organization
from aims.organizations.numbering import assign_reference

if TYPE_CHECKING:
    from aims.accounts.models import User

OBJECTIVE_FIELDS = (
    "title", "description", "policy", "policy_statement", "owner", "metric", "manual_measure", "baseline",
    "target_value", "unit", "direction", "due_on", "evaluation",
)  # fmt: skip
PLAN_FIELDS = ("what", "resources", "responsible", "due_on")
_TEXT = {
    "title",
    "description",
    "policy_statement",
    "manual_measure",
    "unit",
    "evaluation",
    "what",
    "resources",
}
S = Objective.Status


def _cleaned(values: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {k: (v or "").strip() if k in _TEXT else v for k, v in values.items()}


def _shown(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain(value)
    return value


def _snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _shown(getattr(instance, name)) for name in fields}


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_objectives(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change AI objectives and plans.")


def require_decider(actor: User, organization: Organization) -> None:
    if not permissions.can_decide_objectives(actor, organization):
        raise PermissionDenied("Only owners and managers can record an objective's outcome or withdraw it.")


def _member(organization_id: int, user_id: int | None) -> bool:
    return (
        user_id is None
        or Membership.objects.filter(organization_id=organization_id, user_id=user_id).exists()
    )


def _check(objective: Objective, annex_c: list[CatalogItem] | None) -> None:
    errors: dict[str, str] = {}
    org_id = objective.organization_id
    if objective.policy is not None and objective.policy.organization_id != org_id:
        errors["policy"] = "Choose this organisation's AI policy."
    if objective.metric is not None and objective.metric.organization_id != org_id:
        errors["metric"] = "Choose a metric of this organisation."
    if not _member(org_id, objective.owner_id):
        errors["owner"] = "The owner must be a member of this organisation."
    if annex_c is not None and any(i.kind != "objective" or i.annex != "C" for i in annex_c):
        errors["annex_c"] = "Choose objectives of Annex C (C.2.1 to C.2.11)."
    if errors:
        raise ValidationError(errors)
    objective.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


def _require_measurable(objective: Objective) -> None:
    errors: dict[str, str] = {}
    if objective.metric_id is None and not objective.manual_measure:
        errors["metric"] = "Say how the objective is measured: a metric, or the measure in words."
    if objective.metric_id is not None and objective.target_value is None:
        errors["target_value"] = "Give the target the metric must reach."
    if objective.due_on is None:
        errors["due_on"] = "Say when the objective should be achieved."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_objective(
    *, actor: User, organization: Organization, annex_c: Iterable[CatalogItem] = (), **values: Any
) -> Objective:
    """Set a new AI objective, as a draft; numbered OBJ-001, OBJ-002, … per organisation."""
    require_editor(actor, organization)
    cleaned = _cleaned(values, OBJECTIVE_FIELDS)
    items = list(annex_c)
    objective = Objective(organization=organization, **cleaned)
    _check(objective, items)
    assign_reference(objective, "OBJ", digits=3)
    objective.save()
    objective.annex_c.set(items)
    after = {**_snapshot(objective, cleaned), "annex_c": sorted(i.ref for i in items)}
    record(actor=actor, verb="objective.created", target=objective, after=after)
    return objective


@transaction.atomic
def update_objective(
    *,
    actor: User,
    objective: Objective,
    changes: Mapping[str, Any],
    annex_c: Iterable[CatalogItem] | None = None,
) -> Objective:
    """Change what the objective says; `annex_c`, when given, replaces its Annex C objectives."""
    require_editor(actor, objective.organization)
    if not objective.is_open:
        raise ActionError(f"{objective.reference} is {objective.get_status_display().lower()}; it is closed.")
    values = _cleaned(changes, OBJECTIVE_FIELDS)
    items = list(annex_c) if annex_c is not None else None
    before = _snapshot(objective, values)
    for name, value in values.items():
        setattr(objective, name, value)
    _check(objective, items)
    if objective.status == S.ACTIVE:
        _require_measurable(objective)
    objective.updated_at = timezone.now()
    objective.save()
    after = _snapshot(objective, values)
    if items is not None:
        before["annex_c"] = sorted(objective.annex_c.values_list("ref", flat=True))
        objective.annex_c.set(items)
        after["annex_c"] = sorted(i.ref for i in items)
    record(actor=actor, verb="objective.updated", target=objective, before=before, after=after)
    return objective


def _move(actor: User, objective: Objective, status: str, verb: str, **extra: Any) -> Objective:
    before = objective.status
    objective.status, objective.updated_at = status, timezone.now()
    for name, value in extra.items():
        setattr(objective, name, value)
    objective.save(update_fields=["status", "updated_at", *extra])
    after = {"status": status, **{k: _shown(v) for k, v in extra.items()}}
    record(actor=actor, verb=verb, target=objective, before={"status": before}, after=after)
    return objective


@transaction.atomic
def activate_objective(*, actor: User, objective: Objective) -> Objective:
    """Put a draft objective to work, once it says how it is measured, the target and the due date."""
    require_editor(actor, objective.organization)
    if objective.status != S.DRAFT:
        raise ActionError(f"Only a draft objective is activated; {objective.reference} is not a draft.")
    _require_measurable(objective)
    return _move(actor, objective, S.ACTIVE, "objective.activated", activated_on=timezone.localdate())


@transaction.atomic
def record_outcome(*, actor: User, objective: Objective, achieved: bool, note: str) -> Objective:
    """Record the evaluation of an active objective: achieved or not achieved, and what was found."""
    require_decider(actor, objective.organization)
    if objective.status != S.ACTIVE:
        raise ActionError(f"Only an active objective has an outcome; {objective.reference} is not active.")
    if not (note or "").strip():
        raise ValidationError({"note": "Say what the evaluation found."})
    return _move(
        actor, objective, S.ACHIEVED if achieved else S.NOT_ACHIEVED, "objective.outcome_recorded",
        outcome_note=note.strip(), outcome_on=timezone.localdate(), outcome_by=actor,
    )  # fmt: skip


@transaction.atomic
def withdraw_objective(*, actor: User, objective: Objective, reason: str) -> Objective:
    """Withdraw an objective that no longer serves the policy, saying why."""
    require_decider(actor, objective.organization)
    if not objective.is_open:
        raise ActionError(f"{objective.reference} is closed already.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the objective is withdrawn."})
    return _move(actor, objective, S.WITHDRAWN, "objective.withdrawn", outcome_note=reason.strip())


def _check_item(item: ObjectivePlanItem, organization_id: int) -> None:
    if not _member(organization_id, item.responsible_id):
        raise ValidationError(
            {"responsible": "The responsible person must be a member of this organisation."}
        )
    item.full_clean(exclude=["objective"])


def _require_plannable(actor: User, objective: Objective) -> None:
    require_editor(actor, objective.organization)
    if not objective.is_open:
        raise ActionError(f"{objective.reference} is closed; its plan no longer changes.")


@transaction.atomic
def add_plan_item(*, actor: User, objective: Objective, **values: Any) -> ObjectivePlanItem:
    """Add a step to the plan: what will be done, with what resources, by whom and by when (6.2)."""
    _require_plannable(actor, objective)
    cleaned = _cleaned(values, PLAN_FIELDS)
    item = ObjectivePlanItem(objective=objective, **cleaned)
    _check_item(item, objective.organization_id)
    item.save()
    record(
        actor=actor, verb="objective.plan_item_added", target=objective,
        after={"item": item.pk, **_snapshot(item, cleaned)},
    )  # fmt: skip
    return item


@transaction.atomic
def update_plan_item(
    *, actor: User, item: ObjectivePlanItem, changes: Mapping[str, Any]
) -> ObjectivePlanItem:
    """Change a step of the plan."""
    objective = item.objective
    _require_plannable(actor, objective)
    values = _cleaned(changes, PLAN_FIELDS)
    before = {"item": item.pk, **_snapshot(item, values)}
    for name, value in values.items():
        setattr(item, name, value)
    _check_item(item, objective.organization_id)
    item.save()
    after = {"item": item.pk, **_snapshot(item, values)}
    record(actor=actor, verb="objective.plan_item_updated", target=objective, before=before, after=after)
    return item


@transaction.atomic
def complete_plan_item(*, actor: User, item: ObjectivePlanItem) -> ObjectivePlanItem:
    """Mark a step of the plan done, today."""
    objective = item.objective
    _require_plannable(actor, objective)
    if item.is_done:
        raise ActionError("This step is done already.")
    item.is_done, item.done_on = True, timezone.localdate()
    item.save(update_fields=["is_done", "done_on"])
    record(
        actor=actor, verb="objective.plan_item_completed", target=objective,
        after={"item": item.pk, "what": item.what, "done_on": item.done_on.isoformat()},
    )  # fmt: skip
    return item
