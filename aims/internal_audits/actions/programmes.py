"""The audit programme of a cycle (9.2.2): draft it, change it, approve it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.internal_audits import permissions
from aims.internal_audits.actions._common import cleaned, require, snapshot
from aims.internal_audits.models import AuditProgramme, Method
from aims.lib.errors import ActionError
from aims.organizations.models import Organization

if TYPE_CHECKING:
    from aims.accounts.models import User

PROGRAMME_FIELDS = (
    "name", "cycle", "period_start", "period_end", "frequency", "methods", "criteria", "scope",
    "responsibilities", "objectives",
)  # fmt: skip


def require_worker(actor: User, organization: Organization) -> None:
    require(
        permissions.can_work_on_audits(actor, organization),
        "Only owners, managers, contributors and auditors can plan internal audits.",
    )


def require_decider(actor: User, organization: Organization) -> None:
    require(
        permissions.can_decide_audits(actor, organization),
        "Only owners and managers can approve audit programmes, close and cancel audits.",
    )


def _check(programme: AuditProgramme) -> None:
    errors: dict[str, str] = {}
    start, end = programme.period_start, programme.period_end
    if start is not None and end is not None and end < start:
        errors["period_end"] = "The period cannot end before it starts."
    methods = programme.methods or []
    if not isinstance(methods, list) or any(m not in Method.values for m in methods):
        errors["methods"] = f"Choose methods among: {', '.join(Method.values)}."
    clash = AuditProgramme.objects.filter(organization_id=programme.organization_id, cycle=programme.cycle)
    if programme.cycle and clash.exclude(pk=programme.pk).exists():
        errors["cycle"] = f"There is a programme for {programme.cycle} already."
    if errors:
        raise ValidationError(errors)
    programme.full_clean(exclude=["organization"], validate_constraints=False)


@transaction.atomic
def create_programme(*, actor: User, organization: Organization, **values: Any) -> AuditProgramme:
    """Draft the audit programme of a cycle: frequency, methods, criteria, scope, responsibilities and
    objectives (9.2.2)."""
    require_worker(actor, organization)
    values = cleaned(values, PROGRAMME_FIELDS)
    values["methods"] = list(dict.fromkeys(values.get("methods") or []))
    programme = AuditProgramme(organization=organization, **values)
    _check(programme)
    programme.save()
    record(actor=actor, verb="audit_programme.created", target=programme, after=snapshot(programme, values))
    return programme


@transaction.atomic
def update_programme(*, actor: User, programme: AuditProgramme, changes: Mapping[str, Any]) -> AuditProgramme:
    """Change the programme; an approved programme goes back to draft and needs approving again."""
    require_worker(actor, programme.organization)
    values = cleaned(changes, PROGRAMME_FIELDS)
    if "methods" in values:
        values["methods"] = list(dict.fromkeys(values["methods"] or []))
    before = snapshot(programme, [*values, "status"])
    for name, value in values.items():
        setattr(programme, name, value)
    _check(programme)
    programme.status, programme.approved_by, programme.approved_at = AuditProgramme.Status.DRAFT, None, None
    programme.updated_at = timezone.now()
    programme.save()
    after = snapshot(programme, [*values, "status"])
    record(actor=actor, verb="audit_programme.updated", target=programme, before=before, after=after)
    return programme


@transaction.atomic
def approve_programme(*, actor: User, programme: AuditProgramme) -> AuditProgramme:
    """Approve the programme (owners and managers)."""
    require_decider(actor, programme.organization)
    if programme.is_approved:
        raise ActionError(f"The {programme.cycle} programme is approved already.")
    missing = {
        name: "Fill this in before you approve the programme."
        for name in ("frequency", "criteria", "scope", "responsibilities", "objectives")
        if not getattr(programme, name).strip()
    }
    if not programme.methods:
        missing["methods"] = "Choose at least one method before you approve the programme."
    if missing:
        raise ValidationError(missing)
    programme.status, programme.approved_by = AuditProgramme.Status.APPROVED, actor
    programme.approved_at = programme.updated_at = timezone.now()
    programme.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    record(
        actor=actor, verb="audit_programme.approved", target=programme, before={"status": "draft"},
        after={"status": "approved"},
    )  # fmt: skip
    return programme
