"""Every change to a nonconformity. Each checks who acts, validates before writing and records an audit
event inside its transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from aims.audit.trail import record
from aims.catalog.models import CatalogItem
from aims.improvement import permissions
from aims.improvement.models import Nonconformity
from aims.incidents.models import Incident
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_nonconformities(actor, organization):
        raise PermissionDenied(
            "Only owners, managers and contributors can raise and work on nonconformities."
        )


def _check(nc: Nonconformity) -> None:
    errors: dict[str, str] = {}
    if nc.incident is not None and nc.incident.organization_id != nc.organization_id:
        errors["incident"] = "Choose an incident of this organisation."
    if (
        nc.owner_id is not None
        and not Membership.objects.filter(organization_id=nc.organization_id, user_id=nc.owner_id).exists()
    ):
        errors["owner"] = "The owner must be a member of this organisation."
    if nc.due_on is not None and nc.due_on < nc.raised_on:
        errors["due_on"] = "The due date cannot be before the day it was raised."
    if errors:
        raise ValidationError(errors)
    nc.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


@transaction.atomic
def raise_nonconformity(
    *,
    actor: User,
    organization: Organization,
    title: str,
    description: str,
    source: str,
    grade: str,
    source_reference: str = "",
    source_url: str = "",
    requirement: CatalogItem | None = None,
    incident: Incident | None = None,
    owner: User | None = None,
    due_on: date | None = None,
) -> Nonconformity:
    """Record a nonconformity (10.2 a)), from an audit finding, an incident, a complaint, monitoring or a
    review; numbered NC-0001, NC-0002, … per organisation."""
    require_editor(actor, organization)
    nc = Nonconformity(
        organization=organization,
        title=(title or "").strip(),
        description=(description or "").strip(),
        source=source,
        grade=grade,
        source_reference=(source_reference or "").strip(),
        source_url=source_url,
        requirement=requirement,
        incident=incident,
        owner=owner,
        due_on=due_on,
        raised_by=actor,
    )
    _check(nc)
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    highest = Nonconformity.objects.filter(organization=organization).aggregate(n=Max("number"))["n"]
    nc.number = (highest or 0) + 1
    nc.reference = f"NC-{nc.number:04d}"
    nc.save()
    record(
        actor=actor,
        verb="nonconformity.raised",
        target=nc,
        after={
            "reference": nc.reference,
            "title": nc.title,
            "source": nc.source,
            "source_reference": nc.source_reference,
            "grade": nc.grade,
            "requirement": requirement.ref if requirement else None,
            "incident": incident.reference if incident else None,
            "owner": owner.pk if owner else None,
            "due_on": due_on.isoformat() if due_on else None,
        },
    )
    return nc
