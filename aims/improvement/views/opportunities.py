"""The register of improvement opportunities (10.1): list, record, read, edit, decide, start, complete."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aims.improvement import actions, permissions, queries
from aims.improvement.access import get_opportunity_for_user
from aims.improvement.forms import CompleteOpportunityForm, DecideForm, OpportunityFilterForm, OpportunityForm
from aims.improvement.models import ImprovementOpportunity
from aims.improvement.views._common import button, form_page
from aims.organizations.access import get_organization_for_user
from aims.web.htmx import filtered_page, render_records
from aims.web.requests import AuthedRequest, posted

S = ImprovementOpportunity.Status


def detail_url(item: ImprovementOpportunity) -> str:
    return reverse("improvement:opportunity_detail", kwargs={"org": item.organization.slug, "pk": item.pk})


@login_required
def opportunity_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = OpportunityFilterForm(request.GET or None)
    context, status = filtered_page(
        request, form, lambda wanted: queries.opportunities_for(organization, wanted)
    )
    context.update(
        organization=organization,
        can_edit=permissions.can_edit_opportunities(request.user, organization),
        refs=ImprovementOpportunity.evidences,
    )
    return render_records(request, "improvement/opportunity_list.html", context, status=status)


@login_required
def opportunity_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_opportunities)
    form = OpportunityForm(posted(request), organization=organization)

    def run() -> ImprovementOpportunity:
        return actions.record_opportunity(actor=request.user, organization=organization, **form.values())

    context = {
        "organization": organization,
        "heading": "Record an improvement opportunity",
        "intro": "Anything that would make the AI management system more suitable, adequate or effective "
        "(10.1). Owners and managers decide whether to take it forward.",
        "submit": "Record it",
        "cancel_url": reverse("improvement:opportunity_list", kwargs={"org": org}),
    }
    return form_page(
        request, form, run, done=lambda i: f"{i.reference} is recorded.", next_url=detail_url, context=context
    )


@login_required
def opportunity_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    item = get_opportunity_for_user(request.user, org, pk)
    can_edit = permissions.can_edit_opportunities(request.user, item.organization)
    context: dict[str, Any] = {
        "organization": item.organization,
        "item": item,
        "history": queries.history(item),
        "can_edit": can_edit and not item.is_finished,
        "can_decide": permissions.can_decide_opportunities(request.user, item.organization)
        and item.status == S.PROPOSED,
        "can_start": can_edit and item.status == S.ACCEPTED,
        "can_complete": can_edit and item.status in (S.ACCEPTED, S.IN_PROGRESS),
        "refs": ImprovementOpportunity.evidences,
    }
    return render(request, "improvement/opportunity_detail.html", context)


def _context(item: ImprovementOpportunity, heading: str, submit: str, intro: str = "") -> dict[str, Any]:
    return {
        "organization": item.organization,
        "record": item,
        "heading": heading,
        "intro": intro,
        "submit": submit,
        "cancel_url": detail_url(item),
    }


@login_required
def opportunity_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    item = get_opportunity_for_user(request.user, org, pk, permissions.can_edit_opportunities)
    form = OpportunityForm(posted(request), organization=item.organization, instance=item)

    def run() -> ImprovementOpportunity:
        return actions.update_opportunity(actor=request.user, opportunity=item, changes=form.values())

    context = _context(item, f"Edit {item}", "Save changes")
    return form_page(
        request, form, run, done=lambda i: f"{i.reference} is saved.", next_url=detail_url, context=context
    )


@login_required
def opportunity_decide(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    item = get_opportunity_for_user(request.user, org, pk, permissions.can_decide_opportunities)
    form = DecideForm(posted(request))

    def run() -> ImprovementOpportunity:
        data = form.cleaned_data
        return actions.decide_opportunity(
            actor=request.user, opportunity=item, decision=data["decision"], reason=data["reason"]
        )

    context = _context(item, f"Decide on {item}", "Record the decision")
    return form_page(
        request,
        form,
        run,
        done=lambda i: f"{i.reference} is {i.get_status_display().lower()}.",
        next_url=detail_url,
        context=context,
    )


@login_required
@require_POST
def opportunity_start(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    item = get_opportunity_for_user(request.user, org, pk, permissions.can_edit_opportunities)
    run = lambda: actions.start_opportunity(actor=request.user, opportunity=item)  # noqa: E731
    return button(request, run, f"{item.reference} is in progress.", detail_url(item))


@login_required
def opportunity_complete(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    item = get_opportunity_for_user(request.user, org, pk, permissions.can_edit_opportunities)
    form = CompleteOpportunityForm(posted(request))

    def run() -> ImprovementOpportunity:
        data = form.cleaned_data
        return actions.complete_opportunity(
            actor=request.user, opportunity=item, outcome=data["outcome"], completed_on=data["completed_on"]
        )

    context = _context(
        item, f"Complete {item}", "Mark it done", "Say what came of it: what changed, and what it gave."
    )
    return form_page(
        request, form, run, done=lambda i: f"{i.reference} is done.", next_url=detail_url, context=context
    )
