"""What the review actions share: refusals, field cleaning, member checks and audit snapshots."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization
from aims.reviews import permissions
from aims.reviews.models import ManagementReview

if TYPE_CHECKING:
    from aims.accounts.models import User


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_reviews(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change management reviews.")


def require_decider(actor: User, organization: Organization) -> None:
    if not permissions.can_decide_reviews(actor, organization):
        raise PermissionDenied(
            "Only owners and managers can record a meeting as held, approve minutes or cancel a meeting."
        )


def require_writable(review: ManagementReview) -> None:
    if not review.is_writable:
        state = review.get_status_display().lower()
        raise ActionError(f"{review.reference} is {state}; its minutes can no longer change.")


def cleaned(values: Mapping[str, Any], allowed: Iterable[str], text: Iterable[str]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    texts = set(text)
    return {k: (v or "").strip() if k in texts else v for k, v in values.items()}


def shown(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: shown(getattr(instance, name)) for name in fields}


def check_member(errors: dict[str, str], organization: Organization, user: Any, field: str) -> None:
    if user is None:
        return
    if not Membership.objects.filter(organization=organization, user_id=user.pk).exists():
        errors[field] = "Choose a member of this organisation."


def raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)
