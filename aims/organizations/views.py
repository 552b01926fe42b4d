"""HTML views for organisations and members. Each parses its form and calls one action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from aims.accounts.adapter import INVITATION_SESSION_KEY
from aims.accounts.models import User
from aims.catalog import queries as catalog_queries
from aims.lib.errors import ActionError
from aims.organizations import actions, permissions
from aims.organizations.access import get_organization_for_user
from aims.organizations.forms import AccessEndForm, InvitationForm, OrganizationForm, RoleForm
from aims.organizations.models import ROLE_HELP, Invitation, Membership, Organization
from aims.readiness import cockpit, engine
from aims.readiness import queries as readiness_queries
from aims.readiness.clauses import live_tree
from aims.web.forms import call_action
from aims.web.requests import AuthedRequest


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("account_login")
    organizations = list(Organization.objects.visible_to(request.user)[:2])
    if len(organizations) == 1:
        return redirect("organizations:organization_home", org=organizations[0].slug)
    return redirect("organizations:organization_list")


@login_required
def organization_list(request: AuthedRequest) -> HttpResponse:
    rows = (
        Membership.objects.current()
        .filter(user=request.user)
        .select_related("organization")
        .annotate(members=Count("organization__memberships"))
        .order_by("organization__name")
    )
    return render(request, "organizations/organization_list.html", {"memberships": rows})


@login_required
def organization_create(request: AuthedRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = call_action(
            form,
            lambda: actions.create_organization(
                actor=request.user,
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                ai_roles=form.cleaned_data["ai_roles"],
            ),
        )
        if organization is not None:
            messages.success(request, f"{organization.name} is ready. Invite the people who run its AIMS.")
            return redirect("organizations:organization_home", org=organization.slug)
    return render(request, "organizations/organization_form.html", {"form": form})


@login_required
def organization_home(request: AuthedRequest, org: str) -> HttpResponse:
    """The cockpit: readiness, the blockers, what falls due, what awaits me; first steps when new."""
    organization = get_organization_for_user(request.user, org)
    readiness = engine.evaluate(organization)
    today, new = readiness.judged_on, cockpit.is_new(organization)
    incidents, nonconformities = cockpit.open_problems(organization)
    context = {
        "organization": organization,
        "member_count": organization.memberships.count(),
        "readiness": readiness,
        "summary": readiness.counts(),
        "is_new": new,
        "steps": cockpit.first_steps(organization, readiness),
        "blockers": readiness.blockers,
        "clause_chart": None if new else cockpit.clause_chart(readiness),
        "trend_chart": cockpit.trend_chart(readiness_queries.trend(organization)),
        "due": cockpit.falling_due(organization, today, engine.settings_for(organization).due_soon_days),
        "awaiting": cockpit.awaiting(request.user, organization),
        "incidents": incidents,
        "nonconformities": nonconformities,
        "today": today,
    }
    return render(request, "organizations/organization_home.html", context)


@login_required
def clause_detail(request: AuthedRequest, org: str, clause: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    tree = catalog_queries.clause_with_children(clause)
    if tree is None:
        raise Http404("No such clause.")
    readiness = engine.evaluate(organization)
    context = {
        "organization": organization,
        "clause": live_tree(organization, tree, readiness),
        "judged": readiness.clause(clause),
    }
    return render(request, "organizations/clause_detail.html", context)


@login_required
def member_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    search = request.GET.get("q", "").strip()
    members = organization.memberships.select_related("user").order_by("user__email")
    if search:
        members = members.filter(Q(user__email__icontains=search) | Q(user__full_name__icontains=search))
    can_manage = permissions.can_manage_members(request.user, organization)
    invitations = (
        organization.invitations.filter(status=Invitation.Status.PENDING).select_related("invited_by")
        if can_manage
        else Invitation.objects.none()
    )
    context = {
        "organization": organization,
        "members": members,
        "invitations": invitations,
        "can_manage": can_manage,
        "invite_form": InvitationForm(),
        "role_form": RoleForm(),
        "access_form": AccessEndForm(),
        "role_help": ROLE_HELP,
        "search": search,
    }
    return render(request, "organizations/member_list.html", context)


@login_required
def member_invite(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_members)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = call_action(
            form,
            lambda: actions.invite_member(
                actor=request.user,
                organization=organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                expires_on=form.cleaned_data["expires_on"],
            ),
        )
        if result is not None:
            invitation, secret = result
            link = actions.invitation_link(secret)
            messages.success(request, f"Invitation sent to {invitation.email}. The link: {link}")
            return redirect("organizations:member_list", org=organization.slug)
    return render(
        request,
        "organizations/member_invite.html",
        {"organization": organization, "form": form, "role_help": ROLE_HELP},
        status=422 if form.errors else 200,
    )


def _membership(organization: Organization, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "organization"), pk=pk, organization=organization
    )


@login_required
@require_POST
def member_role_change(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_members)
    membership = _membership(organization, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        done = call_action(
            form,
            lambda: actions.change_member_role(
                actor=request.user,
                membership=membership,
                role=form.cleaned_data["role"],
            ),
        )
        if done is not None:
            messages.success(request, f"{membership.user} is now {done.get_role_display().lower()}.")
            return redirect("organizations:member_list", org=organization.slug)
    for error in [*form.non_field_errors(), *form.errors.get("role", [])]:
        messages.error(request, str(error))
    return redirect("organizations:member_list", org=organization.slug)


@login_required
@require_POST
def member_remove(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    membership = _membership(organization, pk)
    try:
        actions.remove_member(actor=request.user, membership=membership)
    except ActionError as exc:
        messages.error(request, exc.message)
        return redirect("organizations:member_list", org=organization.slug)
    if membership.user_id == request.user.pk:
        messages.success(request, f"You have left {organization.name}.")
        return redirect("home")
    messages.success(request, f"{membership.user} was removed from {organization.name}.")
    return redirect("organizations:member_list", org=organization.slug)


@login_required
@require_POST
def member_access_extend(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    """Move the last day of an external auditor's access (also once it has ended)."""
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_members)
    membership = _membership(organization, pk)
    form = AccessEndForm(request.POST)
    if form.is_valid():
        done = call_action(
            form,
            lambda: actions.extend_external_audit_access(
                actor=request.user, membership=membership, expires_on=form.cleaned_data["expires_on"]
            ),
        )
        if done is not None:
            messages.success(request, f"{membership.user} has access through {done.ends_on:%d %B %Y}.")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))
    return redirect("organizations:member_list", org=organization.slug)


@login_required
@require_POST
def member_access_revoke(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    """End an external auditor's access now; they stay on the list, shown as expired."""
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_members)
    membership = _membership(organization, pk)
    try:
        actions.revoke_external_audit_access(actor=request.user, membership=membership)
        messages.success(request, f"{membership.user}'s access has ended.")
    except ActionError as exc:
        messages.error(request, exc.message)
    return redirect("organizations:member_list", org=organization.slug)


@login_required
@require_POST
def invitation_revoke(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_members)
    invitation = get_object_or_404(Invitation, pk=pk, organization=organization)
    try:
        actions.revoke_invitation(actor=request.user, invitation=invitation)
        messages.success(request, f"The invitation to {invitation.email} is revoked.")
    except ActionError as exc:
        messages.error(request, exc.message)
    return redirect("organizations:member_list", org=organization.slug)


def invitation_accept(request: HttpRequest, secret: str) -> HttpResponse:
    invitation = actions.find_invitation(secret)
    if invitation is None:
        raise Http404("No such invitation.")
    if not isinstance(request.user, User):
        request.session[INVITATION_SESSION_KEY] = secret
        return render(
            request, "organizations/invitation_anonymous.html", {"invitation": invitation}, status=200
        )
    if request.method == "POST":
        try:
            actions.accept_invitation(actor=request.user, invitation=invitation)
        except ActionError as exc:
            messages.error(request, exc.message)
            return redirect("home")
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect("home")
        request.session.pop(INVITATION_SESSION_KEY, None)
        messages.success(request, f"Welcome to {invitation.organization.name}.")
        return redirect("organizations:organization_home", org=invitation.organization.slug)
    return render(request, "organizations/invitation_accept.html", {"invitation": invitation})
