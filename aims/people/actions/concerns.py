"""Concerns (A.3.3): reporting (by a member or anonymously), investigation and outcome, the public link.

An anonymous report keeps no identity: the action takes no person, the audit event has no actor, and
nothing about the request (address, browser, session) reaches the database.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.lib.hashing import sha256_hex
from aims.organizations import permissions as org_permissions
from aims.organizations.models import Membership
from aims.people.models import Concern, PublicConcernLink

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.organizations.models import Organization

MANAGERS_ONLY = "Only owners and managers can do this with concerns."


def _next_reference(organization: Organization) -> str:
    last = (
        Concern.objects.filter(organization=organization).order_by("-pk").values_list("reference", flat=True)
    )
    previous = last.first()
    number = int(previous.rsplit("-", 1)[1]) + 1 if previous else 1
    return f"CON-{number:03d}"


def _new_concern(organization: Organization, **fields: object) -> Concern:
    concern = Concern(
        organization=organization,
        reference=_next_reference(organization),
        received_on=timezone.localdate(),
        **fields,
    )
    concern.full_clean()
    concern.save()
    return concern


@transaction.atomic
def report_concern(
    *,
    actor: User,
    organization: Organization,
    category: str,
    description: str,
    ai_system: AISystem | None = None,
    is_confidential: bool = True,
) -> Concern:
    """Any member may report a concern; they can follow their own report afterwards."""
    if not org_permissions.can_take_part(actor, organization):
        raise PermissionDenied("Only members can use this form; use the organisation's public link instead.")
    if ai_system is not None and ai_system.organization_id != organization.pk:
        raise ValidationError({"ai_system": "Choose an AI system of this organisation."})
    concern = _new_concern(
        organization,
        channel=Concern.Channel.MEMBER,
        reporter=actor,
        category=category,
        description=description.strip(),
        ai_system=ai_system,
        is_confidential=is_confidential,
    )
    # The reporter is protected (A.3.3): the audit trail, which auditors read, does not name them. The
    # concern itself keeps the reporter, visible only to them, owners, managers and the investigator.
    record(
        actor=None, verb="concern.reported", target=concern, data={"category": category, "channel": "member"}
    )
    return concern


@transaction.atomic
def report_anonymous_concern(*, link: PublicConcernLink, category: str, description: str) -> Concern:
    """A concern through the public link. Takes no person on purpose: there is nobody to record."""
    if not link.is_enabled:
        raise ActionError("This reporting link is not in use.")
    concern = _new_concern(
        link.organization,
        channel=Concern.Channel.ANONYMOUS,
        reporter=None,
        category=category,
        description=description.strip(),
        is_confidential=True,
    )
    record(
        actor=None,
        verb="concern.reported",
        target=concern,
        data={"category": category, "channel": "anonymous"},
    )
    return concern


def _check_manager(actor: User, organization: Organization) -> None:
    if not org_permissions.can_manage_members(actor, organization):
        raise PermissionDenied(MANAGERS_ONLY)


@transaction.atomic
def assign_investigator(*, actor: User, concern: Concern, investigator: User) -> Concern:
    _check_manager(actor, concern.organization)
    if concern.status == Concern.Status.CLOSED:
        raise ActionError("This concern is closed.")
    if not Membership.objects.filter(organization=concern.organization, user=investigator).exists():
        raise ValidationError({"investigator": "Only a member of the organisation can investigate."})
    if concern.reporter_id is not None and concern.reporter_id == investigator.pk:
        raise ValidationError({"investigator": "The person who reported a concern cannot investigate it."})
    concern.assigned_investigator, concern.status = investigator, Concern.Status.INVESTIGATING
    concern.save(update_fields=["assigned_investigator", "status", "updated_at"])
    record(
        actor=actor,
        verb="concern.investigator_assigned",
        target=concern,
        data={"investigator": investigator.email},
    )
    return concern


@transaction.atomic
def close_concern(*, actor: User, concern: Concern, outcome: str) -> Concern:
    """The investigator, an owner or a manager records the outcome and closes the concern."""
    is_investigator = concern.assigned_investigator_id == actor.pk
    if not is_investigator and not org_permissions.can_manage_members(actor, concern.organization):
        raise PermissionDenied("Only the investigator, an owner or a manager can close a concern.")
    if concern.status == Concern.Status.CLOSED:
        raise ActionError("This concern is already closed.")
    if not outcome.strip():
        raise ValidationError({"outcome": "Say what the investigation found and what was done."})
    concern.outcome, concern.status = outcome.strip(), Concern.Status.CLOSED
    concern.save(update_fields=["outcome", "status", "updated_at"])
    record(actor=actor, verb="concern.closed", target=concern)
    return concern


@transaction.atomic
def enable_public_link(*, actor: User, organization: Organization) -> tuple[PublicConcernLink, str]:
    """Turn the anonymous link on, with a new token (the old one stops working). Returns the token once."""
    _check_manager(actor, organization)
    token = secrets.token_urlsafe(24)
    link, _ = PublicConcernLink.objects.update_or_create(
        organization=organization,
        defaults={"digest": sha256_hex(token), "is_enabled": True, "rotated_at": timezone.now()},
    )
    record(actor=actor, verb="concern_link.enabled", target=organization)
    return link, token


@transaction.atomic
def disable_public_link(*, actor: User, organization: Organization) -> None:
    _check_manager(actor, organization)
    updated = PublicConcernLink.objects.filter(organization=organization, is_enabled=True).update(
        is_enabled=False
    )
    if not updated:
        raise ActionError("The public link is not in use.")
    record(actor=actor, verb="concern_link.disabled", target=organization)


def find_public_link(token: str) -> PublicConcernLink | None:
    return (
        PublicConcernLink.objects.select_related("organization")
        .filter(digest=sha256_hex(token), is_enabled=True)
        .first()
    )
