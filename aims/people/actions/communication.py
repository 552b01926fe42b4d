"""Communication plan and log (7.4): editors keep them; every change is audited."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from aims.audit.trail import record
from aims.organizations import permissions as org_permissions
from aims.organizations.models import Membership
from aims.people.models import CommunicationLog, CommunicationPlanItem

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

PLAN_FIELDS = ("what", "audience", "frequency", "channel", "communicator", "purpose")
REFUSED = "Only owners, managers and contributors can change the communication plan and log."


def _check(actor: User, organization: Organization) -> None:
    if not org_permissions.can_edit_records(actor, organization):
        raise PermissionDenied(REFUSED)


def _check_member(organization: Organization, user: User | None, field: str) -> None:
    if user is not None and not Membership.objects.filter(organization=organization, user=user).exists():
        raise ValidationError({field: "Choose a member of the organisation."})


def _snapshot(item: CommunicationPlanItem) -> dict[str, Any]:
    values = {f: getattr(item, f) for f in PLAN_FIELDS if f != "communicator"}
    values["communicator"] = item.communicator.email if item.communicator else None
    return values


@transaction.atomic
def add_plan_item(*, actor: User, organization: Organization, **fields: Any) -> CommunicationPlanItem:
    _check(actor, organization)
    if set(fields) - set(PLAN_FIELDS):
        raise ValidationError({"__all__": "Unknown field(s)."})
    item = CommunicationPlanItem(organization=organization, **fields)
    item.full_clean()
    _check_member(organization, item.communicator, "communicator")
    item.save()
    record(actor=actor, verb="communication_plan.added", target=item, after=_snapshot(item))
    return item


@transaction.atomic
def update_plan_item(
    *, actor: User, item: CommunicationPlanItem, changes: Mapping[str, Any]
) -> CommunicationPlanItem:
    _check(actor, item.organization)
    if set(changes) - set(PLAN_FIELDS):
        raise ValidationError({"__all__": "Unknown field(s)."})
    before = _snapshot(item)
    for field, value in changes.items():
        setattr(item, field, value)
    item.full_clean()
    _check_member(item.organization, item.communicator, "communicator")
    item.save()
    record(actor=actor, verb="communication_plan.updated", target=item, before=before, after=_snapshot(item))
    return item


@transaction.atomic
def log_communication(
    *,
    actor: User,
    organization: Organization,
    communicated_on: date,
    audience: str,
    summary: str,
    plan_item: CommunicationPlanItem | None = None,
    communicated_by: User | None = None,
    evidence_link: str = "",
) -> CommunicationLog:
    _check(actor, organization)
    if plan_item is not None and plan_item.organization_id != organization.pk:
        raise ValidationError({"plan_item": "Choose an item of this organisation's plan."})
    entry = CommunicationLog(
        organization=organization,
        plan_item=plan_item,
        communicated_on=communicated_on,
        audience=audience.strip(),
        summary=summary.strip(),
        communicated_by=communicated_by or actor,
        evidence_link=evidence_link,
    )
    entry.full_clean()
    _check_member(organization, entry.communicated_by, "communicated_by")
    entry.save()
    record(
        actor=actor,
        verb="communication.logged",
        target=entry,
        data={
            "audience": entry.audience,
            "on": communicated_on,
            "plan_item": plan_item.pk if plan_item else None,
        },
    )
    return entry
