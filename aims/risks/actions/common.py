"""What the risk actions share: permission checks, validation of linked records, audit snapshots."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from aims.catalog.models import CatalogItem
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization
from aims.risks import permissions
from aims.risks.models import Risk

if TYPE_CHECKING:
    from aims.accounts.models import User


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_risks(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change the risk register.")


def refuse_if_closed(risk: Risk, doing: str) -> None:
    if risk.is_closed:
        raise ActionError(f"{risk.reference} is closed; reopen it before you {doing}.")


def check_member(organization: Organization, user: Any, field: str) -> None:
    if user is not None and not Membership.objects.filter(organization=organization, user=user).exists():
        raise ValidationError({field: "Choose a member of the organisation."})


def check_catalog(items: Iterable[CatalogItem | None], kind: str, field: str, what: str) -> None:
    for item in items:
        if item is None:
            continue
        if item.kind != kind or (kind == CatalogItem.Kind.OBJECTIVE and item.annex != "C"):
            raise ValidationError({field: f"{item.ref} is not {what}."})


def check_future(value: date | None, today: date, field: str, message: str) -> None:
    if value is None:
        raise ValidationError({field: "This field is required."})
    if value <= today:
        raise ValidationError({field: message})


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        shown[name] = value.pk if isinstance(value, models.Model) else value
    return shown


def clear_acceptance(risk: Risk) -> list[str]:
    risk.accepted_by, risk.accepted_at, risk.acceptance_rationale, risk.acceptance_expires_on = (
        None,
        None,
        "",
        None,
    )
    return ["accepted_by", "accepted_at", "acceptance_rationale", "acceptance_expires_on"]
