"""The review list, planning and editing a review, its page, its transitions and its minutes PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aims.organizations.access import get_organization_for_user
from aims.reviews import actions, permissions, queries
from aims.reviews.access import get_review_for_user
from aims.reviews.forms import HoldForm, ReasonForm, ReviewForm
from aims.reviews.minutes_pdf import filename, minutes_pdf
from aims.reviews.models import ManagementReview
from aims.reviews.views.common import detail, run
from aims.web.forms import attempt
from aims.web.htmx import render_records
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without


@login_required
def review_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    status = request.GET.get("status", "")
    status = status if status in ManagementReview.Status.values else ""
    context: dict[str, Any] = {
        "organization": organization,
        "page": paginate_request(request, queries.reviews_for(organization, status)),
        "status": status,
        "statuses": ManagementReview.Status.choices,
        "query": query_without(request, "page"),
        "can_edit": permissions.can_edit_reviews(request.user, organization),
        "refs": ManagementReview.evidences,
    }
    return render_records(request, "reviews/review_list.html", context)


@login_required
def review_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_reviews)
    form = ReviewForm(posted(request), organization=organization)
    if request.method != "POST":
        form.initial.setdefault("chair", request.user.pk)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.plan_review(actor=request.user, organization=organization, **form.values()),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is planned.")
                return redirect("reviews:review_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "review": None}
    return render(request, "reviews/review_form.html", context, status=status)


@login_required
def review_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_edit_reviews)
    form = ReviewForm(posted(request), organization=review.organization, instance=review)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form, lambda: actions.update_review(actor=request.user, review=review, changes=form.values())
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("reviews:review_detail", org=org, pk=pk)
    context = {"organization": review.organization, "form": form, "review": review}
    return render(request, "reviews/review_form.html", context, status=status)


@login_required
def review_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    return detail(request, get_review_for_user(request.user, org, pk))


def _back(review: ManagementReview) -> str:
    return reverse("reviews:review_detail", kwargs={"org": review.organization.slug, "pk": review.pk})


@login_required
@require_POST
def review_hold(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_decide_reviews)
    form = HoldForm(request.POST)
    held_on = form.cleaned_data.get("held_on") if form.is_valid() else None
    call = lambda: actions.hold_review(actor=request.user, review=review, held_on=held_on)  # noqa: E731
    return run(
        request, _back(review), call, f"{review.reference} is recorded as held; its inputs are frozen."
    )


@login_required
@require_POST
def review_approve(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_decide_reviews)
    call = lambda: actions.approve_minutes(actor=request.user, review=review)  # noqa: E731
    return run(request, _back(review), call, f"The minutes of {review.reference} are approved.")


@login_required
@require_POST
def review_cancel(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk, permissions.can_decide_reviews)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    call = lambda: actions.cancel_review(actor=request.user, review=review, reason=reason)  # noqa: E731
    return run(request, _back(review), call, f"{review.reference} is cancelled.")


@login_required
def review_minutes_pdf(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    review = get_review_for_user(request.user, org, pk)
    data = queries.minutes(review)
    response = HttpResponse(minutes_pdf(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(review, timezone.now())}"'
    return response
