"""HTML pages of the AI policy (5.2, A.2), its reviews and top management's commitment (5.1).

Each page parses its form and calls one action. The version steps (submit, approve, publish, new version)
call the documents app's actions, so the policy's journey can be walked from this page alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aims.accounts.models import User
from aims.acknowledgements.links import document_url, version_url
from aims.acknowledgements.models import AcknowledgementRequest
from aims.acknowledgements.queries import version_panel
from aims.documents import actions as documents
from aims.documents.models import DocumentVersion
from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.organizations.permissions import can_edit_records, can_manage_members
from aims.policies import actions, queries
from aims.policies.access import get_aligned_for_user
from aims.policies.forms import (
    AlignedPolicyForm,
    CommitmentFilterForm,
    CommitmentForm,
    PolicyReviewForm,
    ReviewFilterForm,
)
from aims.policies.models import AIPolicy, AlignedPolicy, CommitmentRecord, PolicyReview
from aims.policies.permissions import can_draft_policy, can_record_leadership
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, query_without

T = TypeVar("T")
EVIDENCES = ("5.1", "5.2", "A.2.2", "A.2.3", "A.2.4")


def _attempt(form: forms.Form, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error too (answered 403), so the person sees why."""
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422


@login_required
def policy_home(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    status = queries.policy_status(organization)
    user = request.user
    context: dict[str, Any] = {
        "organization": organization,
        "status": status,
        "document_url": document_url(status.document, org) if status.document else "",
        "current_url": version_url(status.current, org) if status.current else "",
        "in_progress_url": version_url(status.in_progress, org) if status.in_progress else "",
        "panel": version_panel(status.current, user) if status.current else None,
        "my_request": _my_request(status.current, user),
        "aligned": list(queries.aligned_for(organization)[:50]),
        "reviews": list(queries.reviews_for(organization)[:5]),
        "commitments": list(queries.commitments_for(organization)[:5]),
        "can_draft": can_draft_policy(user, organization),
        "can_record": can_record_leadership(user, organization),
        "can_edit": can_edit_records(user, organization),
        "can_approve": can_manage_members(user, organization),
        # The author of a version never approves it (7.5.2): the button is offered to others only.
        "can_review": can_manage_members(user, organization)
        and status.in_progress is not None
        and status.in_progress.author_id != user.pk,
        "refs": EVIDENCES,
    }
    return render(request, "policies/policy_home.html", context)


def _my_request(version: DocumentVersion | None, user: User) -> AcknowledgementRequest | None:
    """The user's pending request to acknowledge the version in force, if they have one."""
    if version is None:
        return None
    pending = AcknowledgementRequest.objects.filter(
        campaign__version=version,
        campaign__closed_at__isnull=True,
        recipient=user,
        acknowledged_at__isnull=True,
    )
    return pending.first()


@login_required
@require_POST
def policy_start(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_draft_policy)
    try:
        policy = actions.start_ai_policy(actor=request.user, organization=organization)
    except (ActionError, ValidationError) as exc:
        messages.error(request, _message(exc))
    else:
        reference = policy.document.reference
        messages.success(
            request, f"Version 1 of {reference} is drafted from the template. Adapt it, then submit it."
        )
    return redirect("policies:policy_home", org=org)


def _message(exc: ActionError | ValidationError) -> str:
    return exc.message if isinstance(exc, ActionError) else " ".join(exc.messages)


def _policy_version(organization: Organization, pk: int) -> DocumentVersion:
    policy = AIPolicy.objects.filter(organization=organization).values("document_id")
    version = (
        DocumentVersion.objects.select_related("document__organization")
        .filter(pk=pk, document_id__in=policy)
        .first()
    )
    if version is None:
        raise Http404("No such version of the AI policy.")
    return version


STEPS: dict[str, tuple[Callable[..., Any], str]] = {
    "submit": (
        lambda actor, version, comment: documents.submit_version(actor=actor, version=version),
        "submitted for approval",
    ),
    "approve": (
        lambda actor, version, comment: documents.approve_version(
            actor=actor, version=version, comment=comment
        ),
        "approved",
    ),
    "publish": (
        lambda actor, version, comment: documents.publish_version(actor=actor, version=version),
        "published",
    ),
}


@login_required
@require_POST
def policy_version_step(request: AuthedRequest, org: str, pk: int, step: str) -> HttpResponse:
    """Submit, approve or publish a version of the AI policy (the documents app's actions decide)."""
    organization = get_organization_for_user(request.user, org, require=can_edit_records)
    if step not in STEPS:
        raise Http404("No such step.")
    version = _policy_version(organization, pk)
    action, done = STEPS[step]
    try:
        action(request.user, version, request.POST.get("comment", ""))
    except PermissionDenied as exc:
        messages.error(request, str(exc) or "Your role in this organisation does not allow this.")
        response = policy_home(request, org)
        response.status_code = 403
        return response
    except (ActionError, ValidationError) as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, f"Version {version.number} of the AI policy is {done}.")
    return redirect("policies:policy_home", org=org)


@login_required
@require_POST
def policy_new_version(request: AuthedRequest, org: str) -> HttpResponse:
    """Start the next version of the AI policy from the one in force (after a review asks for changes)."""
    organization = get_organization_for_user(request.user, org, require=can_edit_records)
    status = queries.policy_status(organization)
    if status.document is None:
        raise Http404("There is no AI policy yet.")
    try:
        version = documents.create_version(
            actor=request.user,
            document=status.document,
            change_summary=request.POST.get("change_summary", ""),
        )
    except (ActionError, ValidationError) as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, f"Version {version.number} of the AI policy is drafted.")
    return redirect("policies:policy_home", org=org)


def _form_page(
    request: AuthedRequest, organization: Organization, form: forms.Form, title: str, status: int
) -> HttpResponse:
    context = {"organization": organization, "form": form, "title": title}
    return render(request, "policies/record_form.html", context, status=status)


def _create(
    request: AuthedRequest,
    org: str,
    form_class: Callable[..., forms.Form],
    action: Callable[[Organization, dict[str, Any]], Any],
    title: str,
    done: str,
    require: Callable[..., bool],
    initial: dict[str, Any] | None = None,
) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=require)
    form = form_class(request.POST if request.method == "POST" else None, organization=organization)
    if initial and request.method != "POST":
        form.initial = initial
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = _attempt(form, lambda: action(organization, form.cleaned_data))
            if created is not None:
                messages.success(request, done)
                return redirect("policies:policy_home", org=org)
    return _form_page(request, organization, form, title, status)


@login_required
def aligned_create(request: AuthedRequest, org: str) -> HttpResponse:
    def link(organization: Organization, data: dict[str, Any]) -> AlignedPolicy:
        return actions.link_aligned_policy(actor=request.user, organization=organization, **data)

    return _create(
        request,
        org,
        AlignedPolicyForm,
        link,
        "Link a policy the AI policy aligns with",
        "The policy is linked.",
        can_draft_policy,
    )


@login_required
@require_POST
def aligned_remove(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    link = get_aligned_for_user(request.user, org, pk, can_draft_policy)
    actions.unlink_aligned_policy(actor=request.user, link=link)
    messages.success(request, f"{link.document.reference} is no longer linked.")
    return redirect("policies:policy_home", org=org)


@login_required
def review_create(request: AuthedRequest, org: str) -> HttpResponse:
    def review(organization: Organization, data: dict[str, Any]) -> PolicyReview:
        return actions.record_policy_review(actor=request.user, **data)

    organization = get_organization_for_user(request.user, org)
    policy = AIPolicy.objects.filter(organization=organization).values_list("document_id", flat=True).first()
    initial = {"document": policy, "reviewed_on": timezone.localdate(), "reviewers": [request.user.pk]}
    return _create(
        request,
        org,
        PolicyReviewForm,
        review,
        "Record a policy review",
        "The review is recorded.",
        can_record_leadership,
        initial,
    )


@login_required
def commitment_create(request: AuthedRequest, org: str) -> HttpResponse:
    def commit(organization: Organization, data: dict[str, Any]) -> CommitmentRecord:
        return actions.record_commitment(actor=request.user, organization=organization, **data)

    initial = {"occurred_on": timezone.localdate()}
    return _create(
        request,
        org,
        CommitmentForm,
        commit,
        "Record top management's commitment",
        "The commitment is recorded.",
        can_record_leadership,
        initial,
    )


def _filtered_list(
    request: AuthedRequest,
    org: str,
    form: forms.Form,
    rows: Callable[[Organization, dict[str, Any]], Any],
    template: str,
) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    page = None
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        page = paginate_request(request, rows(organization, data))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": any(request.GET.get(name) for name in form.fields),
        "query": query_without(request, "page"),
        "can_record": can_record_leadership(request.user, organization),
    }
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def review_list(request: AuthedRequest, org: str) -> HttpResponse:
    def rows(organization: Organization, data: dict[str, Any]) -> Any:
        return queries.reviews_for(
            organization, outcome=data.get("outcome") or "", q=(data.get("q") or "").strip()
        )

    return _filtered_list(
        request, org, ReviewFilterForm(request.GET or None), rows, "policies/review_list.html"
    )


@login_required
def commitment_list(request: AuthedRequest, org: str) -> HttpResponse:
    def rows(organization: Organization, data: dict[str, Any]) -> Any:
        return queries.commitments_for(
            organization, kind=data.get("kind") or "", q=(data.get("q") or "").strip()
        )

    return _filtered_list(
        request, org, CommitmentFilterForm(request.GET or None), rows, "policies/commitment_list.html"
    )
