"""Identifying, describing, assessing, closing and reopening risks (6.1.2, 8.2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.catalog.models import CatalogItem
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.numbering import assign_reference
from aims.risks import permissions
from aims.risks.actions.common import (
    check_catalog,
    check_member,
    clear_acceptance,
    refuse_if_closed,
    require_editor,
    snapshot,
)
from aims.risks.actions.criteria import ensure_default_criteria
from aims.risks.levels import level_for
from aims.risks.models import Risk, RiskAssessment

if TYPE_CHECKING:
    from aims.accounts.models import User

RISK_FIELDS = (
    "kind",
    "ai_system",
    "title",
    "description",
    "risk_source",
    "custom_source",
    "consequence_organization",
    "consequence_individuals",
    "consequence_society",
    "existing_controls",
    "owner",
    "next_review_on",
)
_TEXT = {
    "title",
    "description",
    "custom_source",
    "consequence_organization",
    "consequence_individuals",
    "consequence_society",
    "existing_controls",
}


def _cleaned(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(RISK_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {k: (v or "").strip() if k in _TEXT else v for k, v in values.items()}


def _check(risk: Risk, objectives: list[CatalogItem] | None) -> None:
    organization = risk.organization
    if risk.ai_system is not None and risk.ai_system.organization_id != organization.pk:
        raise ValidationError({"ai_system": "Choose an AI system of this organisation."})
    check_member(organization, risk.owner, "owner")
    check_catalog([risk.risk_source], CatalogItem.Kind.RISK_SOURCE, "risk_source", "an Annex C.3 risk source")
    check_catalog(objectives or [], CatalogItem.Kind.OBJECTIVE, "objectives", "an Annex C.2 objective")
    risk.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


def _audit_after(
    risk: Risk, values: Mapping[str, Any], objectives: list[CatalogItem] | None
) -> dict[str, Any]:
    after = snapshot(risk, values)
    if objectives is not None:
        after["objectives"] = [item.ref for item in objectives]
    return after


@transaction.atomic
def identify_risk(
    *, actor: User, organization: Organization, objectives: list[CatalogItem] | None = None, **values: Any
) -> Risk:
    """Register a risk or opportunity of an AI system or of the whole organisation (6.1.1, 6.1.2)."""
    require_editor(actor, organization)
    risk = Risk(organization=organization, **_cleaned(values))
    _check(risk, objectives)
    assign_reference(risk, "RSK")
    risk.save()
    if objectives:
        risk.objectives.set(objectives)
    after = _audit_after(risk, _cleaned(values), objectives)
    record(actor=actor, verb="risk.identified", target=risk, after=after)
    return risk


@transaction.atomic
def update_risk(
    *, actor: User, risk: Risk, changes: Mapping[str, Any], objectives: list[CatalogItem] | None = None
) -> Risk:
    """Change what a risk says; the status and ratings change only through their own actions."""
    require_editor(actor, risk.organization)
    refuse_if_closed(risk, "change it")
    values = _cleaned(changes)
    before = snapshot(risk, values)
    if objectives is not None:
        before["objectives"] = list(risk.objectives.values_list("ref", flat=True))
    for name, value in values.items():
        setattr(risk, name, value)
    _check(risk, objectives)
    risk.updated_at = timezone.now()
    risk.save()
    if objectives is not None:
        risk.objectives.set(objectives)
    record(
        actor=actor,
        verb="risk.updated",
        target=risk,
        before=before,
        after=_audit_after(risk, values, objectives),
    )
    return risk


@transaction.atomic
def assess_risk(*, actor: User, risk: Risk, likelihood: int, consequence: int, note: str = "") -> Risk:
    """Rate the inherent risk under the criteria in force; the level and the version are kept (8.2).

    A new assessment puts a treated or accepted risk back to "assessed": its treatment is looked at
    again.
    """
    require_editor(actor, risk.organization)
    refuse_if_closed(risk, "assess it")
    criteria = ensure_default_criteria(risk.organization)
    level = level_for(criteria.spec(), likelihood, consequence)
    now = timezone.now()
    before = snapshot(risk, ("status", "likelihood", "consequence", "level_key"))
    risk.likelihood, risk.consequence, risk.criteria = likelihood, consequence, criteria
    risk.level_key, risk.level_label, risk.level_colour, risk.level_rank = (
        level.key,
        level.label,
        level.colour,
        level.rank,
    )
    risk.assessed_at, risk.assessed_by, risk.updated_at = now, actor, now
    risk.status = Risk.Status.ASSESSED
    risk.reassessment_requested_on, risk.reassessment_reason = None, ""  # a planned change's request is met
    clear_acceptance(risk)
    risk.save()
    RiskAssessment.objects.create(
        risk=risk,
        stage=RiskAssessment.Stage.INHERENT,
        likelihood=likelihood,
        consequence=consequence,
        criteria=criteria,
        level_key=level.key,
        level_label=level.label,
        level_colour=level.colour,
        level_rank=level.rank,
        note=note.strip(),
        assessed_by=actor,
        assessed_at=now,
    )
    after = snapshot(risk, ("status", "likelihood", "consequence", "level_key"))
    record(
        actor=actor,
        verb="risk.assessed",
        target=risk,
        before=before,
        after=after,
        data={"criteria_version": criteria.version, "note": note.strip()},
    )
    return risk


@transaction.atomic
def close_risk(*, actor: User, risk: Risk, reason: str) -> Risk:
    """Take a risk off the working register, with the reason (it no longer exists, the system is retired…)."""
    if not permissions.can_close_risks(actor, risk.organization):
        raise PermissionDenied("Only owners and managers can close a risk.")
    if risk.is_closed:
        raise ActionError(f"{risk.reference} is closed already.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the risk is closed; an auditor will ask."})
    before = risk.status
    risk.status, risk.closed_reason, risk.updated_at = Risk.Status.CLOSED, reason.strip(), timezone.now()
    risk.save(update_fields=["status", "closed_reason", "updated_at"])
    record(
        actor=actor,
        verb="risk.closed",
        target=risk,
        before={"status": before},
        after={"status": risk.status},
        data={"reason": risk.closed_reason},
    )
    return risk


@transaction.atomic
def reopen_risk(*, actor: User, risk: Risk, reason: str = "") -> Risk:
    """Bring a closed risk back: assessed if it was ever rated, otherwise identified. It must be accepted
    again if it is to be accepted."""
    require_editor(actor, risk.organization)
    if not risk.is_closed:
        raise ActionError(f"{risk.reference} is not closed.")
    risk.status = Risk.Status.ASSESSED if risk.assessed_at else Risk.Status.IDENTIFIED
    risk.closed_reason, risk.updated_at = "", timezone.now()
    fields = ["status", "closed_reason", "updated_at", *clear_acceptance(risk)]
    risk.save(update_fields=fields)
    record(
        actor=actor,
        verb="risk.reopened",
        target=risk,
        before={"status": Risk.Status.CLOSED},
        after={"status": risk.status},
        data={"reason": reason.strip()},
    )
    return risk
