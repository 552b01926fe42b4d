"""HTML pages of roles, assignments and the RACI (5.3, A.3.2). Each parses its form and calls one action."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aims.organizations.access import get_organization_for_user
from aims.people import actions, permissions, queries
from aims.people.access import get_assignment_for_user, get_raci_entry_for_user, get_role_for_user
from aims.people.forms import AssignmentForm, EndAssignmentForm, RaciForm, RoleFilterForm, RoleForm
from aims.people.models import AIMSRole, RaciEntry
from aims.people.views.common import is_partial, sort_columns
from aims.web.forms import attempt
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without


@login_required
def role_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = RoleFilterForm(request.GET or None)
    page, wanted = None, queries.RoleFilter()
    if not form.is_bound or form.is_valid():
        wanted = form.role_filter()
        page = paginate_request(request, queries.roles_for(organization, wanted))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": bool(wanted.q or wanted.area),
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": sort_columns(wanted.sort, queries.ROLE_SORTS),
        "can_manage": permissions.can_manage_roles(request.user, organization),
        "refs": AIMSRole.evidences,
    }
    template = "people/role_list.html#roles" if is_partial(request) else "people/role_list.html"
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def role_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_roles)
    form = RoleForm(posted(request), organization=organization)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            role, status = attempt(
                form,
                lambda: actions.create_role(
                    actor=request.user, organization=organization, **form.cleaned_data
                ),
            )
            if role is not None:
                messages.success(request, f"The role {role} is defined.")
                return redirect("people:role_detail", org=org, pk=role.pk)
    context = {"organization": organization, "form": form, "role": None}
    return render(request, "people/role_form.html", context, status=status)


@login_required
def role_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    role = get_role_for_user(request.user, org, pk, permissions.can_manage_roles)
    form = RoleForm(posted(request), organization=role.organization, initial=RoleForm.initial_for(role))
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            done, status = attempt(
                form, lambda: actions.update_role(actor=request.user, role=role, changes=form.cleaned_data)
            )
            if done is not None:
                messages.success(request, f"The role {role} is saved.")
                return redirect("people:role_detail", org=org, pk=role.pk)
    context = {"organization": role.organization, "form": form, "role": role}
    return render(request, "people/role_form.html", context, status=status)


def _detail_context(request: AuthedRequest, role: AIMSRole, **extra: Any) -> dict[str, Any]:
    can_manage = permissions.can_manage_roles(request.user, role.organization)
    return {
        "organization": role.organization,
        "role": role,
        "can_manage": can_manage,
        "assignments": role.assignments.select_related("user").order_by("until", "-since"),
        "competences": role.competences.all(),
        "raci": role.raci_entries.select_related("control", "ai_system"),
        "assign_form": AssignmentForm(organization=role.organization) if can_manage else None,
        "end_form": EndAssignmentForm(),
        **extra,
    }


@login_required
def role_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    role = get_role_for_user(request.user, org, pk)
    return render(request, "people/role_detail.html", _detail_context(request, role))


@login_required
@require_POST
def role_assign(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    role = get_role_for_user(request.user, org, pk, permissions.can_manage_roles)
    form = AssignmentForm(request.POST, organization=role.organization)
    status = 422
    if form.is_valid():
        done, status = attempt(
            form, lambda: actions.assign_role(actor=request.user, role=role, **form.cleaned_data)
        )
        if done is not None:
            messages.success(request, f"{done.user.email} now holds {role}.")
            return redirect("people:role_detail", org=org, pk=role.pk)
    context = _detail_context(request, role, assign_form=form)
    return render(request, "people/role_detail.html", context, status=status)


@login_required
@require_POST
def assignment_end(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    assignment = get_assignment_for_user(request.user, org, pk, permissions.can_manage_roles)
    role = assignment.role
    form = EndAssignmentForm(request.POST)
    status = 422
    if form.is_valid():
        done, status = attempt(
            form,
            lambda: actions.end_assignment(
                actor=request.user, assignment=assignment, until=form.cleaned_data["until"]
            ),
        )
        if done is not None:
            messages.success(request, f"{assignment.user.email} no longer holds {role}.")
            return redirect("people:role_detail", org=org, pk=role.pk)
    context = _detail_context(request, role, end_form=form)
    return render(request, "people/role_detail.html", context, status=status)


def _raci_url(org: str, kind: str) -> str:
    return reverse("people:raci_matrix", kwargs={"org": org}) + f"?kind={kind}"


def _kind(request: AuthedRequest) -> str:
    kind = request.GET.get("kind") or request.POST.get("kind") or RaciEntry.Kind.PROCESS
    return kind if kind in RaciEntry.Kind.values else RaciEntry.Kind.PROCESS


@login_required
def raci_matrix(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    return _render_raci(request, organization, _kind(request), None, 200)


def _render_raci(
    request: AuthedRequest, organization: Any, kind: str, form: RaciForm | None, status: int
) -> HttpResponse:
    can_manage = permissions.can_manage_roles(request.user, organization)
    if form is None and can_manage:
        form = RaciForm(organization=organization, kind=kind)
    context = {
        "organization": organization,
        "kind": kind,
        "kinds": RaciEntry.Kind.choices,
        "matrix": queries.raci_matrix(organization, kind),
        "can_manage": can_manage,
        "form": form,
        "refs": RaciEntry.evidences,
    }
    return render(request, "people/raci.html", context, status=status)


@login_required
@require_POST
def raci_set(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_roles)
    kind = _kind(request)
    form = RaciForm(request.POST, organization=organization, kind=kind)
    status = 422
    if form.is_valid():
        done, status = attempt(
            form,
            lambda: actions.set_raci(
                actor=request.user, organization=organization, kind=kind, **form.cleaned_data
            ),
        )
        if done is not None:
            messages.success(
                request, f"{done.role} is now {done.get_letter_display()} for {done.subject_label}."
            )
            return redirect(_raci_url(org, kind))
    return _render_raci(request, organization, kind, form, status)


@login_required
@require_POST
def raci_clear(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    entry = get_raci_entry_for_user(request.user, org, pk, permissions.can_manage_roles)
    kind = entry.kind
    actions.clear_raci(actor=request.user, entry=entry)
    messages.success(request, "The RACI letter is removed.")
    return redirect(_raci_url(org, kind))
