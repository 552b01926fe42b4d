"""Every change to organisations, memberships and invitations: permission, validation, write, audit."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from aims.accounts.models import User
from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.lib.hashing import sha256_hex
from aims.organizations import permissions
from aims.organizations.models import Invitation, Membership, Organization, Role, end_of_day


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


def external_access_end(expires_on: date | None) -> datetime:
    """The moment an external auditor's access ends: the end of `expires_on`, which must be given, today or
    later, and no more than AIMS_EXTERNAL_AUDIT_MAX_DAYS ahead."""
    if expires_on is None:
        raise ValidationError({"expires_on": "Set the last day of the external auditor's access."})
    today, longest = timezone.localdate(), settings.AIMS_EXTERNAL_AUDIT_MAX_DAYS
    if expires_on < today:
        raise ValidationError(
            {"expires_on": f"{expires_on:%d %B %Y} is in the past; choose today or a later day."}
        )
    if expires_on > today + timedelta(days=longest):
        latest = today + timedelta(days=longest)
        raise ValidationError(
            {
                "expires_on": f"External audit access lasts at most {longest} days: "
                f"choose {latest:%d %B %Y} or earlier."
            }
        )
    return end_of_day(expires_on)


def _access_end_for(role: str, expires_on: date | None) -> datetime | None:
    if role == Role.EXTERNAL_AUDITOR:
        return external_access_end(expires_on)
    if expires_on is not None:
        raise ValidationError({"expires_on": "Only an external auditor's access ends on a set day."})
    return None


@transaction.atomic
def invite_member(
    *,
    actor: User,
    organization: Organization,
    email: str,
    role: str,
    expires_on: date | None = None,
    send_email: bool = True,
) -> tuple[Invitation, str]:
    """Invite someone by e-mail. Returns the invitation and its one-time secret for the link.

    An external auditor's invitation carries the last day of their access (`expires_on`)."""
    if not permissions.can_manage_members(actor, organization):
        raise PermissionDenied("Only owners and managers can invite members.")
    _check_role_value(role)
    if not permissions.can_grant_role(actor, organization, role):
        raise PermissionDenied("Only an owner can invite another owner.")
    access_end = _access_end_for(role, expires_on)
    email = email.strip().lower()
    invitation = Invitation(
        organization=organization, email=email, role=role, invited_by=actor, access_expires_at=access_end
    )
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
    data = {"email": email, "role": role}
    if invitation.access_ends_on is not None:
        data["expires_on"] = invitation.access_ends_on.isoformat()
    record(actor=actor, verb="invitation.created", target=organization, data=data)
    link = invitation_link(secret)
    if send_email:
        transaction.on_commit(lambda: _send_invitation(invitation, link))
    return invitation, secret


def invitation_link(secret: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("organizations:invitation_accept", args=[secret])


def _send_invitation(invitation: Invitation, link: str) -> None:
    inviter = invitation.invited_by.display_name if invitation.invited_by else "Someone"
    access = ""
    if invitation.access_ends_on is not None:
        access = (
            f" Your access ends after {invitation.access_ends_on:%d %B %Y}, and every page you open is"
            " recorded in the organisation's audit trail."
        )
    send_mail(
        subject=f"You are invited to {invitation.organization.name} on aims",
        message=(
            f"{inviter} invited you to join {invitation.organization.name} on aims as "
            f"{invitation.get_role_display().lower()}.{access}\n\nAccept the invitation: {link}\n\n"
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
    access_end = invitation.access_expires_at
    if access_end is not None and access_end <= timezone.now():
        raise ActionError(
            f"The access this invitation grants ended after {invitation.access_ends_on:%d %B %Y}; "
            "ask for a new one."
        )
    if not invitation.is_usable:
        raise ActionError("This invitation has expired, been revoked or been used already.")
    if actor.email.lower() != invitation.email.lower():
        raise PermissionDenied(f"This invitation was sent to {invitation.email}; sign in with that address.")
    membership, created = Membership.objects.get_or_create(
        organization=invitation.organization,
        user=actor,
        defaults={"role": invitation.role, "expires_at": access_end},
    )
    invitation.status, invitation.accepted_at = Invitation.Status.ACCEPTED, timezone.now()
    invitation.save(update_fields=["status", "accepted_at"])
    permissions.forget_roles(actor)
    if created:
        data = {"user": actor.email, "role": invitation.role, "via": "invitation"}
        if membership.ends_on is not None:
            data["expires_on"] = membership.ends_on.isoformat()
        record(actor=actor, verb="membership.created", target=invitation.organization, data=data)
    return membership


@transaction.atomic
def change_member_role(*, actor: User, membership: Membership, role: str) -> Membership:
    organization = membership.organization
    if not permissions.can_manage_members(actor, organization):
        raise PermissionDenied("Only owners and managers can change roles.")
    _check_role_value(role)
    if Role.EXTERNAL_AUDITOR in (role, membership.role) and role != membership.role:
        raise ActionError(
            "An external auditor's access is time-boxed: grant it with an end date, or remove the member and "
            "invite them again with another role."
        )
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


# --- External auditors: time-boxed, read-only access for a certification body's auditor ---


def _check_can_grant_external(actor: User, organization: Organization) -> None:
    if not permissions.can_manage_members(actor, organization) or not permissions.can_grant_role(
        actor, organization, Role.EXTERNAL_AUDITOR
    ):
        raise PermissionDenied("Only owners and managers can grant, extend or revoke external audit access.")


def _external(membership: Membership) -> Membership:
    """The membership, locked, if it is an external auditor's."""
    locked = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    if locked.role != Role.EXTERNAL_AUDITOR:
        raise ActionError(f"{locked.user} is not an external auditor; their membership does not expire.")
    return locked


@transaction.atomic
def grant_external_audit_access(
    *, actor: User, organization: Organization, email: str, expires_on: date | None
) -> Membership:
    """Let the person with an account at `email` read everything in the organisation through `expires_on`.

    Someone without an account is invited instead (`invite_member` with the external auditor role and the
    same end date)."""
    _check_can_grant_external(actor, organization)
    access_end = external_access_end(expires_on)
    email = email.strip().lower()
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        raise ActionError(f"No account uses {email}; invite them as an external auditor instead.")
    existing = Membership.objects.filter(organization=organization, user=person).first()
    if existing is not None and existing.role == Role.EXTERNAL_AUDITOR:
        raise ActionError(f"{email} already has external audit access; extend it instead.")
    if existing is not None:
        raise ActionError(f"{email} is already a member of {organization}.")
    membership = Membership.objects.create(
        organization=organization, user=person, role=Role.EXTERNAL_AUDITOR, expires_at=access_end
    )
    permissions.forget_roles(person)
    record(
        actor=actor,
        verb="external_audit.granted",
        target=organization,
        after={"expires_on": expires_on},
        data={"user": email, "role": Role.EXTERNAL_AUDITOR},
    )
    return membership


@transaction.atomic
def extend_external_audit_access(
    *, actor: User, membership: Membership, expires_on: date | None
) -> Membership:
    """Move the last day of an external auditor's access (also after it has expired, to let them back in)."""
    organization = membership.organization
    _check_can_grant_external(actor, organization)
    access_end = external_access_end(expires_on)
    membership = _external(membership)
    before = membership.ends_on
    membership.expires_at = access_end
    membership.save(update_fields=["expires_at"])
    permissions.forget_roles(membership.user)
    record(
        actor=actor,
        verb="external_audit.extended",
        target=organization,
        before={"expires_on": before},
        after={"expires_on": expires_on},
        data={"user": membership.user.email},
    )
    return membership


@transaction.atomic
def revoke_external_audit_access(*, actor: User, membership: Membership) -> Membership:
    """End an external auditor's access now. The membership stays, shown as expired, to extend or remove."""
    organization = membership.organization
    _check_can_grant_external(actor, organization)
    membership = _external(membership)
    if membership.is_expired:
        raise ActionError(f"{membership.user}'s access has already ended.")
    before = membership.ends_on
    membership.expires_at = timezone.now()
    membership.save(update_fields=["expires_at"])
    permissions.forget_roles(membership.user)
    record(
        actor=actor,
        verb="external_audit.revoked",
        target=organization,
        before={"expires_on": before},
        after={"expires_on": membership.ends_on},
        data={"user": membership.user.email},
    )
    return membership
