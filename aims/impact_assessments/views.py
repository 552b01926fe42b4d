"""The register of impact assessments, the pages to write and read one, and its transitions."""

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
from aims.impact_assessments import actions, permissions, queries
from aims.impact_assessments.access import get_assessment_for_user, get_item_for_user
from aims.impact_assessments.forms import AssessmentForm, FilterForm, ItemForm, NoteForm, RaiseRiskForm
from aims.impact_assessments.models import ImpactAssessment
from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.forms import attempt
from aims.web.htmx import render_records
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without

FILTER_NAMES = ("q", "ai_system", "state", "decision", "due")


@login_required
def assessment_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    valid = not form.is_bound or form.is_valid()
    page = paginate_request(request, queries.assessments_for(organization, form.wanted())) if valid else None
    if page is not None:
        queries.with_item_counts(page.items)
    context: dict[str, Any] = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": any(request.GET.get(name) for name in FILTER_NAMES),
        "query": query_without(request, "page"),
        "can_edit": permissions.can_edit_assessments(request.user, organization),
        "refs": ImpactAssessment.evidences,
    }
    return render_records(
        request, "impact_assessments/assessment_list.html", context, status=200 if valid else 400
    )


def _form_page(request: AuthedRequest, context: dict[str, Any], status: int) -> HttpResponse:
    return render(request, "impact_assessments/assessment_form.html", context, status=status)


def _start_from_system(form: AssessmentForm, organization: Organization, pk: int) -> None:
    """Fill the form from the system's record: its intended use, misuse and affected parties."""
    system = AISystem.objects.filter(organization=organization, pk=pk).first()
    if system is not None:
        form.initial.update(
            ai_system=system.reference,
            intended_use=system.intended_use,
            foreseeable_misuse=system.foreseeable_misuse,
            affected_individuals=system.affected_parties,
        )


@login_required
def assessment_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_assessments)
    form = AssessmentForm(posted(request), organization=organization)
    if request.method != "POST" and request.GET.get("ai_system", "").isdigit():
        _start_from_system(form, organization, int(request.GET["ai_system"]))
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.create_assessment(
                    actor=request.user, organization=organization, **form.values()
                ),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is started. Record its impacts next.")
                return redirect("impact_assessments:assessment_detail", org=org, pk=created.pk)
    return _form_page(request, {"organization": organization, "form": form, "assessment": None}, status)


@login_required
def assessment_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, org, pk, permissions.can_edit_assessments)
    form = AssessmentForm(posted(request), organization=assessment.organization, instance=assessment)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_assessment(
                    actor=request.user, assessment=assessment, changes=form.values()
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("impact_assessments:assessment_detail", org=org, pk=pk)
    context = {"organization": assessment.organization, "form": form, "assessment": assessment}
    return _form_page(request, context, status)


def _detail(
    request: AuthedRequest, assessment: ImpactAssessment, status: int = 200, **forms: Any
) -> HttpResponse:
    organization = assessment.organization
    can_edit = permissions.can_edit_assessments(request.user, organization)
    can_approve = permissions.can_approve_assessments(request.user, organization)
    context: dict[str, Any] = {
        "organization": organization,
        "assessment": assessment,
        "groups": queries.grouped_items(assessment),
        "trail": queries.trail(assessment),
        "superseded_by": queries.superseded_by(assessment),
        "can_edit": can_edit,
        "can_review": can_approve and assessment.state == ImpactAssessment.State.IN_REVIEW,
        "is_author": assessment.author_id == request.user.pk,
        "item_form": forms.get("item_form") or (ItemForm(prefix="item") if can_edit else None),
        "note_form": forms.get("note_form") or NoteForm(),
        "raise_form": forms.get("raise_form"),
        "refs": ImpactAssessment.evidences,
    }
    return render(request, "impact_assessments/assessment_detail.html", context, status=status)


@login_required
def assessment_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    return _detail(request, get_assessment_for_user(request.user, org, pk))


@login_required
@require_POST
def item_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, org, pk, permissions.can_edit_assessments)
    form = ItemForm(request.POST, prefix="item")
    if form.is_valid():
        added, status = attempt(
            form, lambda: actions.add_item(actor=request.user, assessment=assessment, **form.values())
        )
        if added is not None:
            messages.success(request, "The impact is recorded.")
            return redirect("impact_assessments:assessment_detail", org=org, pk=pk)
    else:
        status = 422
    return _detail(request, assessment, status, item_form=form)


@login_required
def item_edit(request: AuthedRequest, org: str, pk: int, item_id: int) -> HttpResponse:
    item = get_item_for_user(request.user, org, pk, item_id, permissions.can_edit_assessments)
    form = ItemForm(posted(request), instance=item)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form, lambda: actions.update_item(actor=request.user, item=item, changes=form.values())
            )
            if saved is not None:
                messages.success(request, "The impact is saved.")
                return redirect("impact_assessments:assessment_detail", org=org, pk=pk)
    context = {"organization": item.assessment.organization, "assessment": item.assessment, "item": item}
    return render(request, "impact_assessments/item_form.html", {**context, "form": form}, status=status)


def _transition(
    request: AuthedRequest, assessment: ImpactAssessment, run: Callable[[], Any], done: str
) -> HttpResponse:
    """Run a button's action; on a refusal or a rule broken, show the message and go back to the page."""
    try:
        run()
    except (ActionError, ValidationError) as exc:
        text = exc.message if isinstance(exc, ActionError) else " ".join(exc.messages)
        messages.error(request, text)
    except PermissionDenied:
        raise
    else:
        messages.success(request, done)
    return redirect(
        "impact_assessments:assessment_detail", org=assessment.organization.slug, pk=assessment.pk
    )


@login_required
@require_POST
def item_remove(request: AuthedRequest, org: str, pk: int, item_id: int) -> HttpResponse:
    item = get_item_for_user(request.user, org, pk, item_id, permissions.can_edit_assessments)
    run = lambda: actions.remove_item(actor=request.user, item=item)  # noqa: E731
    return _transition(request, item.assessment, run, "The impact is removed.")


@login_required
@require_POST
def item_raise_risk(request: AuthedRequest, org: str, pk: int, item_id: int) -> HttpResponse:
    item = get_item_for_user(request.user, org, pk, item_id, permissions.can_edit_assessments)
    assessment = item.assessment
    form = RaiseRiskForm(request.POST, organization=assessment.organization)
    if not form.is_valid():
        return _detail(request, assessment, 422, raise_form=form)
    run = lambda: actions.raise_risk_from_impact(  # noqa: E731
        actor=request.user, item=item, risk=form.cleaned_data["risk"]
    )
    return _transition(request, assessment, run, "The impact is tracked in the risk register.")


@login_required
@require_POST
def assessment_submit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, org, pk, permissions.can_edit_assessments)
    run = lambda: actions.submit_assessment(actor=request.user, assessment=assessment)  # noqa: E731
    return _transition(request, assessment, run, f"{assessment.reference} is sent for approval.")


@login_required
@require_POST
def assessment_approve(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, org, pk, permissions.can_approve_assessments)
    note = request.POST.get("note", "")
    run = lambda: actions.approve_assessment(actor=request.user, assessment=assessment, note=note)  # noqa: E731
    return _transition(request, assessment, run, f"{assessment.reference} is approved.")


@login_required
@require_POST
def assessment_request_changes(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, org, pk, permissions.can_approve_assessments)
    note = request.POST.get("note", "")
    run = lambda: actions.request_changes(actor=request.user, assessment=assessment, note=note)  # noqa: E731
    return _transition(request, assessment, run, f"{assessment.reference} is back with its author.")
