"""What every improvement action shares: who may act, membership checks, and audit snapshots."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone

from aims.improvement import permissions
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_nonconformities(actor, organization):
        raise PermissionDenied(
            "Only owners, managers and contributors can raise and work on nonconformities."
        )


def require_decider(actor: User, organization: Organization) -> None:
    if not permissions.can_decide_nonconformities(actor, organization):
        raise PermissionDenied(
            "Only owners and managers can verify effectiveness, close, reopen and decide on improvements."
        )


def is_member(organization_id: int, user_id: int | None) -> bool:
    return (
        user_id is not None
        and Membership.objects.filter(organization_id=organization_id, user_id=user_id).exists()
    )


def cleaned(values: Mapping[str, Any], allowed: Iterable[str], text: Iterable[str]) -> dict[str, Any]:
    """The values, refusing any field that may not be set this way; text trimmed."""
    allowed, text = set(allowed), set(text)
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {k: (v or "").strip() if k in text else v for k, v in values.items()}


def shown(value: Any) -> Any:
    """A value as the audit trail keeps it."""
    if isinstance(value, models.Model):
        return getattr(value, "ref", None) or getattr(value, "reference", None) or value.pk
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: shown(getattr(instance, name)) for name in fields}


def not_future(errors: dict[str, str], name: str, value: date | None) -> None:
    if value is not None and value > timezone.localdate():
        errors[name] = "This cannot be in the future."
