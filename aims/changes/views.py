"""The register of planned changes (6.3, 8.1), the pages to plan and read a change, and its buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.ai_systems.models import AISystem
from aims.changes import actions, permissions, queries
from aims.changes.access import get_change_for_user
from aims.changes.forms import ChangeForm, DecisionForm, FilterForm, ImplementForm
from aims.changes.models import PlannedChange
from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.htmx import filtered_page, render_records
from aims.web.requests import AuthedRequest, posted

S = PlannedChange.Status


@login_required
def change_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    context, status = filtered_page(request, form, lambda wanted: queries.changes_for(organization, wanted))
    context.update(
        organization=organization,
        can_edit=permissions.can_edit_changes(request.user, organization),
        refs=PlannedChange.evidences,
    )
    return render_records(request, "changes/change_list.html", context, status=status)


@login_required
def change_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_changes)
    form = ChangeForm(posted(request), organization=organization)
    if request.method != "POST" and request.GET.get("ai_system"):
        system = AISystem.objects.filter(
            organization=organization, reference=request.GET["ai_system"]
        ).first()
        form.initial["ai_systems"] = system.reference if system else ""
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.plan_change(
                    actor=request.user, organization=organization, ai_systems=form.systems(), **form.values()
                ),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is planned as a draft.")
                return redirect("changes:change_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "change": None}
    return render(request, "changes/change_form.html", context, status=status)


@login_required
def change_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    change = get_change_for_user(request.user, org, pk, permissions.can_edit_changes)
    form = ChangeForm(posted(request), organization=change.organization, instance=change)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_change(
                    actor=request.user, change=change, changes=form.values(), ai_systems=form.systems()
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("changes:change_detail", org=org, pk=pk)
    context = {"organization": change.organization, "form": form, "change": change}
    return render(request, "changes/change_form.html", context, status=status)


def _detail(request: AuthedRequest, change: PlannedChange, status: int = 200, **forms: Any) -> HttpResponse:
    organization = change.organization
    can_edit = permissions.can_edit_changes(request.user, organization)
    can_decide = permissions.can_decide_changes(request.user, organization)
    context: dict[str, Any] = {
        "organization": organization,
        "change": change,
        "systems": list(change.ai_systems.order_by("reference")),
        "marked": queries.marked(change) if change.status in (S.APPROVED, S.IMPLEMENTED) else None,
        "history": queries.history(change),
        "can_edit": can_edit,
        "can_submit": can_edit and change.status == S.DRAFT,
        "can_decide": can_decide and change.status == S.SUBMITTED,
        "own_request": change.requester_id == request.user.pk,
        "can_implement": can_edit and change.status == S.APPROVED,
        "can_cancel": (change.status in (S.DRAFT, S.SUBMITTED) and can_edit)
        or (change.status == S.APPROVED and can_decide),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "implement_form": forms.get("implement_form") or ImplementForm(),
        "refs": PlannedChange.evidences,
    }
    return render(request, "changes/change_detail.html", context, status=status)


@login_required
def change_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    return _detail(request, get_change_for_user(request.user, org, pk))


def _run(request: AuthedRequest, change: PlannedChange, run: Callable[[], Any], done: str) -> HttpResponse:
    """Run a button's action; a rule broken shows its message on the page it came from."""
    try:
        run()
    except (ActionError, ValidationError) as exc:
        text = exc.message if isinstance(exc, ActionError) else " ".join(exc.messages)
        messages.error(request, text)
    except PermissionDenied:
        raise
    else:
        messages.success(request, done)
    return redirect("changes:change_detail", org=change.organization.slug, pk=change.pk)


@login_required
@require_POST
def change_submit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    change = get_change_for_user(request.user, org, pk, permissions.can_edit_changes)
    run = lambda: actions.submit_change(actor=request.user, change=change)  # noqa: E731
    return _run(request, change, run, f"{change.reference} is submitted for approval.")


@login_required
@require_POST
def change_decide(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    change = get_change_for_user(request.user, org, pk, permissions.can_decide_changes)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _detail(request, change, 422, decision_form=form)
    note = form.cleaned_data["note"]
    if request.POST.get("decision") == "reject":
        reject = lambda: actions.reject_change(actor=request.user, change=change, reason=note)  # noqa: E731
        return _run(request, change, reject, f"{change.reference} is rejected.")
    approve = lambda: actions.approve_change(actor=request.user, change=change, note=note)  # noqa: E731
    return _run(request, change, approve, f"{change.reference} is approved.")


@login_required
@require_POST
def change_implement(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    change = get_change_for_user(request.user, org, pk, permissions.can_edit_changes)
    form = ImplementForm(request.POST)
    if not form.is_valid():
        return _detail(request, change, 422, implement_form=form)
    run = lambda: actions.implement_change(  # noqa: E731
        actor=request.user,
        change=change,
        implemented_on=form.cleaned_data["implemented_on"],
        note=form.cleaned_data["note"],
    )
    return _run(request, change, run, f"{change.reference} is recorded as implemented.")


@login_required
@require_POST
def change_cancel(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    change = get_change_for_user(request.user, org, pk, permissions.can_edit_changes)
    reason = request.POST.get("reason", "")
    run = lambda: actions.cancel_change(actor=request.user, change=change, reason=reason)  # noqa: E731
    return _run(request, change, run, f"{change.reference} is cancelled.")
