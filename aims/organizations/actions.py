"""Every change to organisations, memberships and invitations: permission, validation, write, audit."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.lib.hashing import sha256_hex
from aims.organizations import permissions
from aims.organizations.models import Invitation, Membership, Organization, Role

if TYPE_CHECKING:
    from aims.accounts.models import User


@transaction.atomic
def create_organization(
    *, actor: User, name: str, slug: str = "", ai_roles: list[str] | None = None
) -> Organization:
    """Anyone signed in may create an organisation; they become its first owner."""
    organization = Organization(name=name.strip(), slug=slug or slugify(name)[:60], ai_roles=ai_roles or [])
    organization.full_clean()
    bad_roles = set(organization.ai_roles) - set(Organization.AIRole.values)
    if bad_roles:
        raise ValidationError({"ai_roles": f"Unknown AI role(s): {', '.join(sorted(bad_roles))}."})
    organization.save()
    Membership.objects.create(organization=organization, user=actor, role=Role.OWNER)
    permissions.forget_roles(actor)
    record(actor=actor, verb="organization.created", target=organization, after={"name": name, "slug": slug})
    record(
        actor=actor,
        verb="membership.created",
        target=organization,
        data={"user": actor.email, "role": "owner"},
    )
    return organization


def _owner_count(organization: Organization) -> int:
    return Membership.objects.filter(organization=organization, role=Role.OWNER).count()


def _check_role_value(role: str) -> None:
    if role not in Role.values:
        raise ValidationError({"role": f"{role!r} is not a role; choose one of {', '.join(Role.values)}."})


@transaction.atomic
def invite_member(
    *, actor: User, organization: Organization, email: str, role: str, send_email: bool = True
) -> tuple[Invitation, str]:
    """Invite someone by e-mail. Returns the invitation and its one-time secret for the link."""
    if not permissions.can_manage_members(actor, organization):
        raise PermissionDenied("Only owners and managers can invite members.")
    _check_role_value(role)
    if not permissions.can_grant_role(actor, organization, role):
        raise PermissionDenied("Only an owner can invite another owner.")
    email = email.strip().lower()
    invitation = Invitation(organization=organization, email=email, role=role, invited_by=actor)
    invitation.full_clean(exclude=["digest"])
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ActionError(f"{email} is already a member of {organization}.")
    if Invitation.objects.filter(
        organization=organization, email=email, status=Invitation.Status.PENDING
    ).exists():
        raise ActionError(f"{email} already has a pending invitation; revoke it first to send a new one.")
    secret = secrets.token_urlsafe(32)
    invitation.digest = sha256_hex(secret)
    invitation.save()
    record(actor=actor, verb="invitation.created", target=organization, data={"email": email, "role": role})
    link = invitation_link(secret)
    if send_email:
        transaction.on_commit(lambda: _send_invitation(invitation, link))
    return invitation, secret


def invitation_link(secret: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("organizations:invitation_accept", args=[secret])


def _send_invitation(invitation: Invitation, link: str) -> None:
    inviter = invitation.invited_by.display_name if invitation.invited_by else "Someone"
    send_mail(
        subject=f"You are invited to {invitation.organization.name} on aims",
        message=(
            f"{inviter} invited you to join {invitation.organization.name} on aims as "
            f"{invitation.get_role_display().lower()}.\n\nAccept the invitation: {link}\n\n"
            f"The link works until {invitation.expires_at:%d %B %Y}."
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def revoke_invitation(*, actor: User, invitation: Invitation) -> Invitation:
    if not permissions.can_manage_members(actor, invitation.organization):
        raise PermissionDenied("Only owners and managers can revoke invitations.")
    if invitation.status != Invitation.Status.PENDING:
        raise ActionError("Only a pending invitation can be revoked.")
    invitation.status = Invitation.Status.REVOKED
    invitation.save(update_fields=["status"])
    record(
        actor=actor,
        verb="invitation.revoked",
        target=invitation.organization,
        data={"email": invitation.email},
    )
    return invitation


def find_invitation(secret: str) -> Invitation | None:
    return Invitation.objects.select_related("organization").filter(digest=sha256_hex(secret)).first()


@transaction.atomic
def accept_invitation(*, actor: User, invitation: Invitation) -> Membership:
    if not invitation.is_usable:
        raise ActionError("This invitation has expired, been revoked or been used already.")
    if actor.email.lower() != invitation.email.lower():
        raise PermissionDenied(f"This invitation was sent to {invitation.email}; sign in with that address.")
    membership, created = Membership.objects.get_or_create(
        organization=invitation.organization, user=actor, defaults={"role": invitation.role}
    )
    invitation.status, invitation.accepted_at = Invitation.Status.ACCEPTED, timezone.now()
    invitation.save(update_fields=["status", "accepted_at"])
    permissions.forget_roles(actor)
    if created:
        record(
            actor=actor,
            verb="membership.created",
            target=invitation.organization,
            data={"user": actor.email, "role": invitation.role, "via": "invitation"},
        )
    return membership


@transaction.atomic
def change_member_role(*, actor: User, membership: Membership, role: str) -> Membership:
    organization = membership.organization
    if not permissions.can_manage_members(actor, organization):
        raise PermissionDenied("Only owners and managers can change roles.")
    _check_role_value(role)
    if not permissions.can_grant_role(actor, organization, role) or (
        membership.role == Role.OWNER and not permissions.can_change_organization(actor, organization)
    ):
        raise PermissionDenied("Only an owner can make or unmake owners.")
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.OWNER and role != Role.OWNER and _owner_count(organization) <= 1:
        raise ActionError("An organisation must keep at least one owner; make someone else owner first.")
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    permissions.forget_roles(membership.user)
    record(
        actor=actor,
        verb="membership.role_changed",
        target=organization,
        before={"role": before},
        after={"role": role},
        data={"user": membership.user.email},
    )
    return membership


@transaction.atomic
def remove_member(*, actor: User, membership: Membership) -> None:
    organization = membership.organization
    leaving_self = membership.user_id == actor.pk
    if not leaving_self and not permissions.can_manage_members(actor, organization):
        raise PermissionDenied("Only owners and managers can remove members.")
    if (
        not leaving_self
        and membership.role == Role.OWNER
        and not permissions.can_change_organization(actor, organization)
    ):
        raise PermissionDenied("Only an owner can remove an owner.")
    if membership.role == Role.OWNER and _owner_count(organization) <= 1:
        raise ActionError("An organisation must keep at least one owner; make someone else owner first.")
    email, role = membership.user.email, membership.role
    membership.delete()
    permissions.forget_roles(membership.user)
    record(actor=actor, verb="membership.removed", target=organization, data={"user": email, "role": role})
