"""HTML pages of the context registers and the scope. Each parses its form and calls one action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.context import actions, queries
from aims.context.access import get_party_for_user, get_requirement_for_user, get_scope_for_user
from aims.context.forms import RequirementForm, ScopeForm
from aims.context.models import ScopeStatement
from aims.context.registers import ISSUES, OBLIGATIONS, PARTIES, Register
from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.organizations.permissions import can_edit_records, can_manage_members
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
    return request.POST if request.method == "POST" else None


@dataclass(frozen=True)
class Column:
    label: str
    link: str = ""
    state: str = ""


def _columns(register: Register, current: str) -> list[Column]:
    shown = []
    for label, key in register.columns:
        state = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        shown.append(Column(label, (f"-{key}" if state == "ascending" else key) if key else "", state))
    return shown


def record_list(request: AuthedRequest, org: str, register: Register) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = register.filter_form(request.GET or None)
    page = None
    wanted = form.record_filter() if not form.is_bound or form.is_valid() else None
    if wanted is not None:
        page = paginate_request(request, register.rows(organization, wanted))
    context = {
        "organization": organization,
        "register": register,
        "form": form,
        "page": page,
        "filtered": bool(request.GET.get("q") or request.GET.get("kind") or request.GET.get("choice")),
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": _columns(register, wanted.sort if wanted else ""),
        "can_edit": can_edit_records(request.user, organization),
        "refs": register.model.evidences,  # type: ignore[attr-defined]
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    template = "context/record_list.html#records" if partial else "context/record_list.html"
    return render(request, template, context, status=400 if form.errors else 200)


def _form_page(request: AuthedRequest, context: dict[str, Any], status: int) -> HttpResponse:
    return render(request, "context/record_form.html", context, status=status)


def record_create(request: AuthedRequest, org: str, register: Register) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_edit_records)
    form = register.form(_posted(request), organization=organization)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = _attempt(
                form, lambda: register.create(actor=request.user, organization=organization, form=form)
            )
            if created is not None:
                messages.success(request, f"{created} is recorded.")
                return redirect(f"context:{register.key}_detail", org=organization.slug, pk=created.pk)
    context = {"organization": organization, "register": register, "form": form, "record": None}
    return _form_page(request, context, status)


def record_edit(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    record = register.get(request.user, org, pk, can_edit_records)
    form = register.form(_posted(request), organization=record.organization, instance=record)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = _attempt(
                form, lambda: register.update(actor=request.user, record=record, form=form)
            )
            if saved is not None:
                messages.success(request, f"{saved} is saved.")
                return redirect(f"context:{register.key}_detail", org=org, pk=pk)
    context = {"organization": record.organization, "register": register, "form": form, "record": record}
    return _form_page(request, context, status)


def _shown(record: Model, name: str) -> tuple[str, Any]:
    field = record._meta.get_field(name)
    display = getattr(record, f"get_{name}_display", None)
    value = display() if display else getattr(record, name)
    if isinstance(value, bool):
        value = "Yes" if value else "No"
    return str(getattr(field, "verbose_name", name)).capitalize(), value


def record_detail(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    record = register.get(request.user, org, pk)
    organization = record.organization
    context: dict[str, Any] = {
        "organization": organization,
        "register": register,
        "record": record,
        "fields": [_shown(record, name) for name in register.detail_fields],
        "can_edit": can_edit_records(request.user, organization),
        "refs": register.model.evidences,  # type: ignore[attr-defined]
    }
    if register is PARTIES:
        context["requirements"] = list(queries.requirements_of(record))
        context["requirement_form"] = RequirementForm(organization=organization)
    else:
        context["systems"] = list(record.ai_systems.order_by("reference").only("pk", "reference", "name"))
    return render(request, "context/record_detail.html", context)


def _bind(view: Callable[..., HttpResponse], register: Register) -> Callable[..., HttpResponse]:
    def bound(request: AuthedRequest, **kwargs: Any) -> HttpResponse:
        return view(request, register=register, **kwargs)

    bound.__name__ = f"{register.key}_{view.__name__.removeprefix('record_')}"
    return login_required(bound)


issue_list, issue_create, issue_detail, issue_edit = (
    _bind(view, ISSUES) for view in (record_list, record_create, record_detail, record_edit)
)
obligation_list, obligation_create, obligation_detail, obligation_edit = (
    _bind(view, OBLIGATIONS) for view in (record_list, record_create, record_detail, record_edit)
)
party_list, party_create, party_detail, party_edit = (
    _bind(view, PARTIES) for view in (record_list, record_create, record_detail, record_edit)
)


@login_required
def requirement_create(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    party = get_party_for_user(request.user, org, pk, can_edit_records)
    form = RequirementForm(_posted(request), organization=party.organization)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            added, status = _attempt(
                form, lambda: actions.add_requirement(actor=request.user, party=party, **form.values())
            )
            if added is not None:
                messages.success(request, "The requirement is recorded.")
                return redirect("context:party_detail", org=org, pk=pk)
    context = {"organization": party.organization, "party": party, "form": form, "requirement": None}
    return render(request, "context/requirement_form.html", context, status=status)


@login_required
def requirement_edit(request: AuthedRequest, org: str, pk: int, requirement_id: int) -> HttpResponse:
    requirement = get_requirement_for_user(request.user, org, requirement_id, can_edit_records)
    party = requirement.party
    if party.pk != pk:
        return redirect("context:requirement_edit", org=org, pk=party.pk, requirement_id=requirement_id)
    form = RequirementForm(_posted(request), organization=party.organization, instance=requirement)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = _attempt(
                form,
                lambda: actions.update_requirement(
                    actor=request.user, requirement=requirement, changes=form.values()
                ),
            )
            if saved is not None:
                messages.success(request, "The requirement is saved.")
                return redirect("context:party_detail", org=org, pk=pk)
    context = {"organization": party.organization, "party": party, "form": form, "requirement": requirement}
    return render(request, "context/requirement_form.html", context, status=status)


@login_required
@require_POST
def requirement_remove(request: AuthedRequest, org: str, pk: int, requirement_id: int) -> HttpResponse:
    requirement = get_requirement_for_user(request.user, org, requirement_id, can_edit_records)
    actions.remove_requirement(actor=request.user, requirement=requirement)
    messages.success(request, "The requirement is removed.")
    return redirect("context:party_detail", org=org, pk=requirement.party.pk)


def _scope_page(
    request: AuthedRequest,
    organization: Organization,
    form: ScopeForm,
    status: int = 200,
    errors: list[str] | None = None,
) -> HttpResponse:
    versions = list(
        ScopeStatement.objects.filter(organization=organization)
        .select_related("author", "approved_by")
        .prefetch_related("exclusions")
        .order_by("-version")[:50]
    )
    context = {
        "organization": organization,
        "versions": versions,
        "current": next((version for version in versions if version.is_approved), None),
        "draft": versions[0] if versions and not versions[0].is_approved else None,
        "systems_now": actions.in_scope_references(organization),
        "form": form,
        "can_edit": can_edit_records(request.user, organization),
        "can_approve": can_manage_members(request.user, organization),
        "refs": ScopeStatement.evidences,
        "errors": errors or [],
    }
    return render(request, "context/scope.html", context, status=status)


def _scope_initial(organization: Organization) -> dict[str, Any]:
    latest = ScopeStatement.objects.filter(organization=organization).order_by("-version").first()
    if latest is None:
        return {"ai_roles": organization.ai_roles}
    lines = [f"{what}: {reason}" for what, reason in latest.exclusions.values_list("what", "reason")]
    return {"boundaries": latest.boundaries, "ai_roles": latest.ai_roles, "exclusions": "\n".join(lines)}


@login_required
def scope(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    if request.method != "POST":
        return _scope_page(request, organization, ScopeForm(initial=_scope_initial(organization)))
    organization = get_organization_for_user(request.user, org, require=can_edit_records)
    form = ScopeForm(request.POST)
    if form.is_valid():
        drafted, status = _attempt(
            form,
            lambda: actions.draft_scope(actor=request.user, organization=organization, **form.cleaned_data),
        )
        if drafted is not None:
            messages.success(request, f"Version {drafted.version} of the scope is drafted.")
            return redirect("context:scope", org=org)
        return _scope_page(request, organization, form, status)
    return _scope_page(request, organization, form, 422)


@login_required
@require_POST
def scope_approve(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    statement = get_scope_for_user(request.user, org, pk, can_manage_members)
    try:
        approved = actions.approve_scope(actor=request.user, scope=statement)
    except ActionError as exc:
        form = ScopeForm(initial=_scope_initial(statement.organization))
        return _scope_page(request, statement.organization, form, 409, errors=[exc.message])
    messages.success(request, f"Version {approved.version} of the scope is approved.")
    return redirect("context:scope", org=org)
