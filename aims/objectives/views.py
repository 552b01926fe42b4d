"""The objective list, the objective page with its trend and plan, the forms, and the buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aims.lib.errors import ActionError
from aims.objectives import actions, permissions, queries
from aims.objectives.access import get_objective_for_user, get_plan_item
from aims.objectives.forms import FilterForm, ObjectiveForm, OutcomeForm, PlanItemForm, WithdrawForm
from aims.objectives.models import Objective
from aims.objectives.progress import progress
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.htmx import filtered_page, render_records
from aims.web.requests import AuthedRequest, posted


@login_required
def objective_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    context, status = filtered_page(
        request, form, lambda wanted: queries.objectives_for(organization, wanted)
    )
    page, today = context["page"], timezone.localdate()
    context.update(
        organization=organization,
        rows=[(o, queries.progress_of(o, today)) for o in page.items] if page else [],
        labels=queries.PROGRESS_LABELS,
        can_edit=permissions.can_edit_objectives(request.user, organization),
        refs=Objective.evidences,
    )
    return render_records(request, "objectives/objective_list.html", context, status=status)


@login_required
def objective_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_objectives)
    form = ObjectiveForm(posted(request), organization=organization)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.create_objective(
                    actor=request.user, organization=organization, annex_c=form.annex_c(), **form.values()
                ),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is set, as a draft.")
                return redirect("objectives:objective_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "objective": None}
    return render(request, "objectives/objective_form.html", context, status=status)


@login_required
def objective_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request.user, org, pk, permissions.can_edit_objectives)
    form = ObjectiveForm(posted(request), organization=objective.organization, instance=objective)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_objective(
                    actor=request.user, objective=objective, changes=form.values(), annex_c=form.annex_c()
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("objectives:objective_detail", org=org, pk=pk)
    context = {"organization": objective.organization, "form": form, "objective": objective}
    return render(request, "objectives/objective_form.html", context, status=status)


def _detail(request: AuthedRequest, objective: Objective, status: int = 200, **forms: Any) -> HttpResponse:
    organization = objective.organization
    today = timezone.localdate()
    items = queries.plan(objective)
    points = queries.trend(objective)
    plan_config, plan_figures = queries.plan_chart(items, today)
    overdue = sum(1 for i in items if i.is_overdue(today))
    can_edit = permissions.can_edit_objectives(request.user, organization)
    context: dict[str, Any] = {
        "organization": organization,
        "objective": objective,
        "annex_c": list(objective.annex_c.order_by("position")),
        "progress": progress(objective, today, overdue) if objective.is_open else "",
        "labels": queries.PROGRESS_LABELS,
        "items": [(i, i.is_overdue(today)) for i in items],
        "points": points,
        "chart": queries.trend_chart(objective, points),
        "plan_chart": plan_config,
        "plan_figures": plan_figures,
        "history": queries.history(objective),
        "can_edit": can_edit and objective.is_open,
        "can_decide": permissions.can_decide_objectives(request.user, organization) and objective.is_open,
        "plan_form": forms.get("plan_form") or PlanItemForm(organization=organization),
        "outcome_form": forms.get("outcome_form") or OutcomeForm(),
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(),
        "refs": Objective.evidences,
    }
    return render(request, "objectives/objective_detail.html", context, status=status)


@login_required
def objective_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    return _detail(request, get_objective_for_user(request.user, org, pk))


def _run(request: AuthedRequest, objective: Objective, run: Callable[[], Any], done: str) -> HttpResponse:
    """Run a button's action; a rule broken shows its message on the page it came from."""
    try:
        run()
    except (ActionError, ValidationError) as exc:
        messages.error(request, exc.message if isinstance(exc, ActionError) else " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("objectives:objective_detail", org=objective.organization.slug, pk=objective.pk)


@login_required
@require_POST
def objective_activate(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request.user, org, pk, permissions.can_edit_objectives)
    run = lambda: actions.activate_objective(actor=request.user, objective=objective)  # noqa: E731
    return _run(request, objective, run, f"{objective.reference} is active.")


@login_required
@require_POST
def objective_outcome(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request.user, org, pk, permissions.can_decide_objectives)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        return _detail(request, objective, 422, outcome_form=form)
    run = lambda: actions.record_outcome(  # noqa: E731
        actor=request.user,
        objective=objective,
        achieved=form.cleaned_data["achieved"],
        note=form.cleaned_data["note"],
    )
    return _run(request, objective, run, f"The outcome of {objective.reference} is recorded.")


@login_required
@require_POST
def objective_withdraw(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request.user, org, pk, permissions.can_decide_objectives)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _detail(request, objective, 422, withdraw_form=form)
    run = lambda: actions.withdraw_objective(  # noqa: E731
        actor=request.user, objective=objective, reason=form.cleaned_data["reason"]
    )
    return _run(request, objective, run, f"{objective.reference} is withdrawn.")


@login_required
@require_POST
def plan_item_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    objective = get_objective_for_user(request.user, org, pk, permissions.can_edit_objectives)
    form = PlanItemForm(request.POST, organization=objective.organization)
    status = 422
    if form.is_valid():
        added, status = attempt(
            form, lambda: actions.add_plan_item(actor=request.user, objective=objective, **form.values())
        )
        if added is not None:
            messages.success(request, "The step is added to the plan.")
            return redirect("objectives:objective_detail", org=org, pk=pk)
    return _detail(request, objective, status, plan_form=form)


@login_required
def plan_item_edit(request: AuthedRequest, org: str, pk: int, item_id: int) -> HttpResponse:
    objective = get_objective_for_user(request.user, org, pk, permissions.can_edit_objectives)
    item = get_plan_item(objective, item_id)
    form = PlanItemForm(posted(request), organization=objective.organization, instance=item, prefix=None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form, lambda: actions.update_plan_item(actor=request.user, item=item, changes=form.values())
            )
            if saved is not None:
                messages.success(request, "The step is saved.")
                return redirect("objectives:objective_detail", org=org, pk=pk)
    context = {"organization": objective.organization, "objective": objective, "item": item, "form": form}
    return render(request, "objectives/plan_item_form.html", context, status=status)


@login_required
@require_POST
def plan_item_complete(request: AuthedRequest, org: str, pk: int, item_id: int) -> HttpResponse:
    objective = get_objective_for_user(request.user, org, pk, permissions.can_edit_objectives)
    item = get_plan_item(objective, item_id)
    run = lambda: actions.complete_plan_item(actor=request.user, item=item)  # noqa: E731
    return _run(request, objective, run, "The step is done.")
