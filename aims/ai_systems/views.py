"""HTML pages of the AI system inventory. Each parses its form and calls one action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aims.ai_systems import actions, permissions, queries
from aims.ai_systems.access import get_ai_system_for_user
from aims.ai_systems.forms import AISystemForm, ArchiveForm, StageChangeForm, SystemFilterForm
from aims.ai_systems.models import AISystem
from aims.ai_systems.panels import panels_for
from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, query_without

T = TypeVar("T")


def _attempt(form: forms.Form, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error too (answered 403), so the person sees why."""
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422


def _posted(request: AuthedRequest) -> QueryDict | None:
    """The submitted data of a POST (even an empty one), None otherwise: a form is bound only when posted."""
    return request.POST if request.method == "POST" else None


@dataclass(frozen=True)
class Column:
    label: str
    link: str = ""  # the sort value the header link asks for; empty for a column that does not sort
    state: str = ""  # "ascending" or "descending" when the list is sorted by it (for aria-sort)


def _columns(current: str) -> list[Column]:
    def sortable(key: str) -> Column:
        state = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        return Column(queries.SORTS[key], f"-{key}" if state == "ascending" else key, state)

    return [
        sortable("reference"),
        sortable("name"),
        sortable("stage"),
        Column("EU AI Act"),
        Column("Owner"),
        sortable("next_review"),
        sortable("updated"),
    ]


@login_required
def system_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = SystemFilterForm(request.GET or None, members=list(queries.members_of(organization)))
    page, wanted = None, queries.SystemFilter()
    if not form.is_bound or form.is_valid():
        wanted = form.system_filter()
        page = paginate_request(request, queries.list_rows(queries.systems_for(organization, wanted)))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": replace(wanted, sort=queries.DEFAULT_SORT) != queries.SystemFilter(),
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": _columns(wanted.sort),
        "can_edit": permissions.can_edit_ai_systems(request.user, organization),
        "refs": AISystem.evidences,
        # A system's page is the list's address plus its id (see urls.py): one reverse() for the whole page.
        "list_url": reverse("ai_systems:system_list", kwargs={"org": organization.slug}),
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    template = "ai_systems/system_list.html#systems" if partial else "ai_systems/system_list.html"
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def system_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_ai_systems)
    initial = {"ai_roles": organization.ai_roles, "owner": request.user}
    form = AISystemForm(_posted(request), organization=organization, initial=initial)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            system, status = _attempt(
                form,
                lambda: actions.register_ai_system(
                    actor=request.user, organization=organization, **form.cleaned_data
                ),
            )
            if system is not None:
                messages.success(request, f"{system} is registered.")
                return redirect("ai_systems:system_detail", org=organization.slug, pk=system.pk)
    context = {"organization": organization, "form": form, "system": None}
    return render(request, "ai_systems/system_form.html", context, status=status)


@login_required
def system_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    system = get_ai_system_for_user(request.user, org, pk)
    organization = system.organization
    context = {
        "organization": organization,
        "system": system,
        "can_edit": permissions.can_edit_ai_systems(request.user, organization),
        "can_approve": permissions.can_approve_stage(request.user, organization),
        "stage_form": StageChangeForm(initial={"stage": system.lifecycle_stage}),
        "stage_changes": queries.stage_history(system),
        "revisions": queries.revisions(system),
        "panels": panels_for(system, request.user),
    }
    return render(request, "ai_systems/system_detail.html", context)


@login_required
def system_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    system = get_ai_system_for_user(request.user, org, pk, permissions.can_edit_ai_systems)
    if system.is_archived:
        messages.error(request, f"{system} is archived; restore it before editing it.")
        return redirect("ai_systems:system_detail", org=org, pk=system.pk)
    form = AISystemForm(
        _posted(request),
        organization=system.organization,
        editing=True,
        initial=AISystemForm.initial_for(system),
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            done, status = _attempt(
                form,
                lambda: actions.update_ai_system(
                    actor=request.user, system=system, changes=form.cleaned_data
                ),
            )
            if done is not None:
                messages.success(request, f"{done} is saved.")
                return redirect("ai_systems:system_detail", org=org, pk=done.pk)
    context = {"organization": system.organization, "form": form, "system": system}
    return render(request, "ai_systems/system_form.html", context, status=status)


@login_required
def system_stage_change(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    system = get_ai_system_for_user(request.user, org, pk, permissions.can_edit_ai_systems)
    form = StageChangeForm(_posted(request), initial={"stage": system.lifecycle_stage})
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            change, status = _attempt(
                form,
                lambda: actions.change_lifecycle_stage(
                    actor=request.user,
                    system=system,
                    stage=form.cleaned_data["stage"],
                    note=form.cleaned_data["note"],
                ),
            )
            if change is not None:
                messages.success(request, f"{system} moved to {change.get_to_stage_display().lower()}.")
                return redirect("ai_systems:system_detail", org=org, pk=system.pk)
    context = {
        "organization": system.organization,
        "system": system,
        "form": form,
        "can_approve": permissions.can_approve_stage(request.user, system.organization),
    }
    return render(request, "ai_systems/stage_form.html", context, status=status)


@login_required
def system_archive(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    system = get_ai_system_for_user(request.user, org, pk, permissions.can_edit_ai_systems)
    form = ArchiveForm(_posted(request))
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            done, status = _attempt(
                form,
                lambda: actions.archive_ai_system(
                    actor=request.user, system=system, reason=form.cleaned_data["reason"]
                ),
            )
            if done is not None:
                messages.success(
                    request, f"{system} is archived. Restore it from this page if you need it back."
                )
                return redirect("ai_systems:system_detail", org=org, pk=system.pk)
    context = {"organization": system.organization, "system": system, "form": form}
    return render(request, "ai_systems/archive_form.html", context, status=status)


@login_required
@require_POST
def system_restore(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    system = get_ai_system_for_user(request.user, org, pk, permissions.can_edit_ai_systems)
    try:
        actions.restore_ai_system(actor=request.user, system=system)
        messages.success(request, f"{system} is back in the inventory.")
    except ActionError as exc:
        messages.error(request, exc.message)
    return redirect("ai_systems:system_detail", org=org, pk=system.pk)
