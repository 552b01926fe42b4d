"""/api/v1/organizations: the organisations you belong to, their members and invitations."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.organizations import actions, permissions
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Membership, Organization
from aims.organizations.schemas import (
    AccessEndIn,
    ExternalAuditorIn,
    InvitationIn,
    InvitationOut,
    MemberOut,
    OrganizationIn,
    OrganizationOut,
    RolePatch,
)
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["organizations"])


@router.get("", response=list[OrganizationOut], summary="Organisations you belong to")
@paginate(PagePagination)
def organization_list(request: AuthedRequest) -> Any:
    return Organization.objects.visible_to(request.user).order_by("name")


@router.post("", response={201: OrganizationOut}, summary="Create an organisation (you become its owner)")
def organization_create(request: AuthedRequest, payload: OrganizationIn) -> Any:
    organization = actions.create_organization(
        actor=request.user,
        name=payload.name,
        slug=payload.slug,
        ai_roles=payload.ai_roles,
    )
    return Status(201, organization)


@router.get("/{slug}", response=OrganizationOut)
def organization_detail(request: AuthedRequest, slug: str) -> Any:
    return get_organization_for_user(request.user, slug)


@router.get("/{slug}/members", response=list[MemberOut])
@paginate(PagePagination)
def member_list(request: AuthedRequest, slug: str) -> Any:
    organization = get_organization_for_user(request.user, slug)
    return organization.memberships.select_related("user").order_by("user__email")


@router.post("/{slug}/invitations", response={201: InvitationOut}, summary="Invite someone by e-mail")
def invitation_create(request: AuthedRequest, slug: str, payload: InvitationIn) -> Any:
    organization = get_organization_for_user(request.user, slug, require=permissions.can_manage_members)
    invitation, secret = actions.invite_member(
        actor=request.user,
        organization=organization,
        email=payload.email,
        role=payload.role,
        expires_on=payload.expires_on,
    )
    invitation.link = actions.invitation_link(secret)  # type: ignore[attr-defined]
    return Status(201, invitation)


def _membership(request: AuthedRequest, slug: str, member_id: int) -> Membership:
    organization = get_organization_for_user(request.user, slug, require=permissions.can_manage_members)
    return get_object_or_404(
        Membership.objects.select_related("user", "organization"), pk=member_id, organization=organization
    )


@router.patch("/{slug}/members/{member_id}", response=MemberOut, summary="Change a member's role")
def member_update(request: AuthedRequest, slug: str, member_id: int, payload: RolePatch) -> Any:
    membership = _membership(request, slug, member_id)
    return actions.change_member_role(actor=request.user, membership=membership, role=payload.role)


@router.delete("/{slug}/members/{member_id}", response={204: None}, summary="Remove a member")
def member_delete(request: AuthedRequest, slug: str, member_id: int) -> Any:
    membership = _membership(request, slug, member_id)
    actions.remove_member(actor=request.user, membership=membership)
    return Status(204, None)


@router.post(
    "/{slug}/external-auditors",
    response={201: MemberOut},
    summary="Give someone with an account read-only access until a set day (external auditor)",
)
def external_auditor_create(request: AuthedRequest, slug: str, payload: ExternalAuditorIn) -> Any:
    organization = get_organization_for_user(request.user, slug, require=permissions.can_manage_members)
    membership = actions.grant_external_audit_access(
        actor=request.user, organization=organization, email=payload.email, expires_on=payload.expires_on
    )
    return Status(201, membership)


@router.post(
    "/{slug}/members/{member_id}/access",
    response=MemberOut,
    summary="Move the last day of an external auditor's access (also after it has ended)",
)
def member_access_extend(request: AuthedRequest, slug: str, member_id: int, payload: AccessEndIn) -> Any:
    membership = _membership(request, slug, member_id)
    return actions.extend_external_audit_access(
        actor=request.user, membership=membership, expires_on=payload.expires_on
    )


@router.post(
    "/{slug}/members/{member_id}/access/revoke",
    response=MemberOut,
    summary="End an external auditor's access now",
)
def member_access_revoke(request: AuthedRequest, slug: str, member_id: int) -> Any:
    membership = _membership(request, slug, member_id)
    return actions.revoke_external_audit_access(actor=request.user, membership=membership)
