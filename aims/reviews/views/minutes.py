"""The forms of a review's page: attendees, discussion notes (saved by htmx in place), decisions, actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aims.reviews import actions, permissions
from aims.reviews.access import get_review_for_user
from aims.reviews.forms import ActionForm, AttendeeForm, DecisionForm, DiscussionForm
from aims.reviews.models import ReviewAttendee
from aims.reviews.views.common import detail, run
from aims.web.forms import attempt
from aims.web.htmx import is_partial
from aims.web.requests import AuthedRequest


@login_required
@require_POST
def attendee_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = AttendeeForm(request.POST, organization=review.organization)
    status = 422
    if form.is_valid():
        added, status = attempt(
            form, lambda: actions.add_attendee(actor=request.user, review=review, **form.values())
        )
        if added is not None:
            messages.success(request, f"{added.display_name} is listed.")
            return redirect("reviews:review_detail", org=org, pk=pk)
    return detail(request, review, status, attendee_form=form)


@login_required
@require_POST
def attendee_remove(request: AuthedRequest, org: str, pk: int, attendee_id: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_edit_reviews)
    attendee = ReviewAttendee.objects.filter(review=review, pk=attendee_id).select_related("review").first()
    if attendee is None:
        raise Http404("No such attendee.")
    attendee.review = review
    back = reverse("reviews:review_detail", kwargs={"org": org, "pk": pk})
    call = lambda: actions.remove_attendee(actor=request.user, attendee=attendee)  # noqa: E731
    return run(request, back, call, f"{attendee.display_name} is no longer listed.")


@login_required
@require_POST
def discussion_save(request: AuthedRequest, org: str, pk: int, key: str) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = DiscussionForm(request.POST)
    saved, status = None, 422
    if form.is_valid():
        saved, status = attempt(
            form,
            lambda: actions.save_discussion(
                actor=request.user, review=review, section_key=key, notes=form.cleaned_data["notes"]
            ),
        )
    if is_partial(request):
        context = {"organization": review.organization, "review": review, "key": key, "form": form,
                   "saved": saved is not None}  # fmt: skip
        return render(request, "reviews/_discussion.html", context, status=status)
    if saved is not None:
        messages.success(request, "The discussion notes are saved.")
    else:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()) or "Not saved.")
    return redirect(reverse("reviews:review_detail", kwargs={"org": org, "pk": pk}) + f"#input-{key}")


@login_required
@require_POST
def decision_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = DecisionForm(request.POST)
    status = 422
    if form.is_valid():
        added, status = attempt(
            form,
            lambda: actions.record_decision(
                actor=request.user,
                review=review,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
            ),
        )
        if added is not None:
            messages.success(request, f"Decision {added.number} is recorded.")
            return redirect("reviews:review_detail", org=org, pk=pk)
    return detail(request, review, status, decision_form=form)


@login_required
@require_POST
def action_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = ActionForm(request.POST, organization=review.organization, review=review)
    status = 422
    if form.is_valid():
        added, status = attempt(
            form,
            lambda: actions.add_review_action(
                actor=request.user, review=review, decision=form.cleaned_data.get("decision"), **form.values()
            ),
        )
        if added is not None:
            messages.success(request, f"{added.reference} is recorded.")
            return redirect("reviews:review_detail", org=org, pk=pk)
    return detail(request, review, status, action_form=form)
