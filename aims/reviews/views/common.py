"""What the review views share: the detail page's context, and running a button's action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from aims.lib.errors import ActionError
from aims.reviews import permissions, queries
from aims.reviews.forms import (
    ActionForm,
    AttendeeForm,
    DecisionForm,
    DiscussionForm,
    HoldForm,
    ReasonForm,
)
from aims.reviews.models import ManagementReview
from aims.web.requests import AuthedRequest


def detail(request: AuthedRequest, review: ManagementReview, status: int = 200, **forms: Any) -> HttpResponse:
    organization = review.organization
    can_edit = permissions.can_edit_reviews(request.user, organization)
    can_decide = permissions.can_decide_reviews(request.user, organization)
    writable = can_edit and review.is_writable
    planned = review.status == ManagementReview.Status.PLANNED
    data = queries.minutes(review)
    context: dict[str, Any] = {
        "organization": organization,
        "review": review,
        "minutes": data,
        "agenda": [(item, DiscussionForm(initial={"notes": item.notes})) for item in data.agenda],
        "history": queries.history(review),
        "verified": queries.inputs_verified(review),
        "can_edit": can_edit,
        "can_decide": can_decide,
        "writable": writable,
        "planned": planned,
        "attendee_form": forms.get("attendee_form")
        or (AttendeeForm(organization=organization) if can_edit and planned else None),
        "decision_form": forms.get("decision_form") or (DecisionForm() if writable else None),
        "action_form": forms.get("action_form")
        or (ActionForm(organization=organization, review=review) if writable else None),
        "hold_form": HoldForm(),
        "cancel_form": ReasonForm(),
        "refs": ManagementReview.evidences,
    }
    return render(request, "reviews/review_detail.html", context, status=status)


def run(request: AuthedRequest, back: str, call: Callable[[], Any], done: str) -> HttpResponse:
    """Run a button's action; a rule broken shows its message on the page it came from."""
    try:
        call()
    except (ActionError, ValidationError) as exc:
        text = exc.message if isinstance(exc, ActionError) else " ".join(exc.messages)
        messages.error(request, text)
    except PermissionDenied:
        raise
    else:
        messages.success(request, done)
    return redirect(back)
