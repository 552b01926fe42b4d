"""Review actions across reviews: the list (open, overdue, by owner), editing, completing, cancelling."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aims.organizations.access import get_organization_for_user
from aims.reviews import actions, permissions, queries
from aims.reviews.access import get_review_action_for_user
from aims.reviews.forms import ActionFilterForm, ActionForm, CloseActionForm, ReasonForm
from aims.reviews.models import ReviewAction
from aims.reviews.views.common import run
from aims.web.forms import attempt
from aims.web.htmx import filtered_page, render_records
from aims.web.requests import AuthedRequest, posted


@login_required
def action_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = ActionFilterForm(request.GET or None, organization=organization)
    context, status = filtered_page(request, form, lambda wanted: queries.actions_for(organization, wanted))
    context.update(
        organization=organization,
        can_edit=permissions.can_edit_reviews(request.user, organization),
        close_form=CloseActionForm(),
        refs=ReviewAction.evidences,
    )
    return render_records(request, "reviews/action_list.html", context, status=status)


@login_required
def action_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    action = get_review_action_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = ActionForm(posted(request), organization=action.organization, instance=action)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_review_action(
                    actor=request.user, action=action, changes=form.values()
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect(_back(action))
    context = {"organization": action.organization, "form": form, "action": action}
    return render(request, "reviews/action_form.html", context, status=status)


def _back(action: ReviewAction) -> str:
    return reverse("reviews:action_list", kwargs={"org": action.organization.slug}) + f"#{action.reference}"


@login_required
@require_POST
def action_complete(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    action = get_review_action_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = CloseActionForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    call = lambda: actions.complete_review_action(  # noqa: E731
        actor=request.user, action=action, done_on=data.get("done_on"), notes=data.get("notes", "")
    )
    return run(request, _back(action), call, f"{action.reference} is done.")


@login_required
@require_POST
def action_cancel(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    action = get_review_action_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    call = lambda: actions.cancel_review_action(actor=request.user, action=action, reason=reason)  # noqa: E731
    return run(request, _back(action), call, f"{action.reference} is cancelled.")
