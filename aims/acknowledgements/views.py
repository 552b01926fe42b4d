"""HTML pages of acknowledgement campaigns (7.3). Each parses its form and calls one action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.acknowledgements import actions, queries
from aims.acknowledgements.access import get_campaign_for_user, get_request_for_user
from aims.acknowledgements.forms import CampaignFilterForm, CampaignForm, RequestFilterForm
from aims.acknowledgements.links import version_url
from aims.acknowledgements.models import Campaign
from aims.lib.errors import ActionError
from aims.lib.markdown import render_markdown
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_manage_members
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


def _is_partial(request: AuthedRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


@login_required
def campaign_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = CampaignFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        campaigns = queries.campaigns_for(
            organization, state=data.get("state") or "open", q=(data.get("q") or "").strip()
        )
        page = paginate_request(request, campaigns)
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": bool(request.GET.get("q") or request.GET.get("state")),
        "query": query_without(request, "page"),
        "can_manage": can_manage_members(request.user, organization),
        "refs": Campaign.evidences,
        "my_pending": queries.pending_for(request.user, organization).count(),
    }
    template = "acknowledgements/campaign_list.html"
    return render(
        request,
        f"{template}#campaigns" if _is_partial(request) else template,
        context,
        status=400 if form.errors else 200,
    )


@login_required
def campaign_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_manage_members)
    initial = {"version": request.GET.get("version")} if request.GET.get("version") else None
    form = CampaignForm(
        request.POST if request.method == "POST" else None, organization=organization, initial=initial
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            campaign, status = _attempt(
                form,
                lambda: actions.start_campaign(
                    actor=request.user,
                    version=form.cleaned_data["version"],
                    due_on=form.cleaned_data["due_on"],
                    message=form.cleaned_data["message"],
                ),
            )
            if campaign is not None:
                messages.success(
                    request, f"{campaign.requests.count()} people are asked to read {campaign.version}."
                )
                return redirect("acknowledgements:campaign_detail", org=org, pk=campaign.pk)
    context = {"organization": organization, "form": form}
    return render(request, "acknowledgements/campaign_form.html", context, status=status)


@login_required
def campaign_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    campaign = get_campaign_for_user(request.user, org, pk)
    form = RequestFilterForm(request.GET or None)
    state = form.cleaned_data.get("state") or "all" if form.is_valid() else "all"
    page = paginate_request(request, queries.requests_of(campaign, state=state))
    context: dict[str, Any] = {
        "organization": campaign.organization,
        "campaign": campaign,
        "form": form,
        "page": page,
        "query": query_without(request, "page"),
        "version_url": version_url(campaign.version, org),
        "can_manage": can_manage_members(request.user, campaign.organization),
        "refs": Campaign.evidences,
    }
    return render(request, "acknowledgements/campaign_detail.html", context)


def _refused(request: AuthedRequest, exc: ActionError | PermissionDenied) -> None:
    messages.error(request, exc.message if isinstance(exc, ActionError) else str(exc))


@login_required
@require_POST
def campaign_remind(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    campaign = get_campaign_for_user(request.user, org, pk, can_manage_members)
    try:
        sent = actions.send_reminders(actor=request.user, campaign=campaign)
    except ActionError as exc:
        _refused(request, exc)
        return redirect("acknowledgements:campaign_detail", org=org, pk=pk)
    if sent:
        messages.success(request, f"Reminders sent to {sent} {'person' if sent == 1 else 'people'}.")
    else:
        messages.info(
            request, "Nobody to remind: everyone has acknowledged or was reminded in the last 24 hours."
        )
    return redirect("acknowledgements:campaign_detail", org=org, pk=pk)


@login_required
@require_POST
def campaign_close(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    campaign = get_campaign_for_user(request.user, org, pk, can_manage_members)
    try:
        actions.close_campaign(actor=request.user, campaign=campaign)
    except ActionError as exc:
        _refused(request, exc)
    else:
        messages.success(request, "The campaign is closed; its record is kept.")
    return redirect("acknowledgements:campaign_detail", org=org, pk=pk)


@login_required
def my_acknowledgements(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    page = paginate_request(request, queries.pending_for(request.user, organization), default_size=10)
    for item in page.items:
        version = item.campaign.version
        item.body_html = render_markdown(version.body)
        item.version_url = version_url(version, org)
    context = {
        "organization": organization,
        "page": page,
        "query": query_without(request, "page"),
        "done": list(queries.acknowledged_by(request.user, organization)[:10]),
        "refs": Campaign.evidences,
    }
    return render(request, "acknowledgements/my_acknowledgements.html", context)


@login_required
@require_POST
def request_acknowledge(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    ack = get_request_for_user(request.user, org, pk)
    try:
        actions.acknowledge_version(actor=request.user, request=ack)
    except ActionError as exc:
        _refused(request, exc)
        return redirect("acknowledgements:my_acknowledgements", org=org)
    messages.success(request, f"Thank you: your acknowledgement of {ack.campaign.version} is recorded.")
    return redirect("acknowledgements:my_acknowledgements", org=org)
