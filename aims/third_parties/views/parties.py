"""HTML views of the register of suppliers and customers. Each parses its form and calls one action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.third_parties import actions, permissions, queries
from aims.third_parties.access import get_third_party_for_user
from aims.third_parties.forms import ArchiveForm, PartyFilterForm, ThirdPartyForm
from aims.third_parties.models import Responsible, ThirdParty
from aims.third_parties.views.common import form_page, query_without_page, wants_partial
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest


@login_required
def party_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = PartyFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        wanted = form.party_filter() if form.is_bound else None
        page = paginate_request(request, queries.parties_for(organization, wanted))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": form.is_bound and any(form.data.get(name) for name in form.fields),
        "query": query_without_page(request),
        "can_edit": permissions.can_edit_third_parties(request.user, organization),
        "evidences": ThirdParty.evidences,
    }
    template = (
        "third_parties/party_list.html#parties" if wants_partial(request) else "third_parties/party_list.html"
    )
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def party_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    party = get_third_party_for_user(request.user, org, pk)
    organization = party.organization
    context = {
        "organization": organization,
        "party": party,
        "page": queries.party_page(party),
        "responsible": Responsible.choices,
        "can_edit": permissions.can_edit_third_parties(request.user, organization),
        "can_record": permissions.can_record_due_diligence(request.user, organization),
        "archive_form": ArchiveForm(),
        "evidences": ThirdParty.evidences,
    }
    return render(request, "third_parties/party_detail.html", context)


@login_required
def party_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_third_parties)
    form = ThirdPartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        party = call_action(
            form,
            lambda: actions.create_third_party(
                actor=request.user, organization=organization, **form.cleaned_data
            ),
        )
        if party is not None:
            messages.success(request, f"{party.name} is in the register. Add what they supply or buy next.")
            return redirect("third_parties:party_detail", org=organization.slug, pk=party.pk)
    context = {"organization": organization, "title": "New supplier or customer"}
    return form_page(request, "third_parties/party_form.html", context, form)


@login_required
def party_update(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    party = get_third_party_for_user(request.user, org, pk, permissions.can_edit_third_parties)
    form = ThirdPartyForm(request.POST or None, instance=party)
    if request.method == "POST" and form.is_valid():
        done = call_action(
            form,
            lambda: actions.update_third_party(
                actor=request.user, third_party=party, changes=form.cleaned_data
            ),
        )
        if done is not None:
            messages.success(request, f"{done.name} is saved.")
            return redirect("third_parties:party_detail", org=org, pk=done.pk)
    context = {"organization": party.organization, "party": party, "title": f"Edit {party.name}"}
    return form_page(request, "third_parties/party_form.html", context, form)


@login_required
@require_POST
def party_archive(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    party = get_third_party_for_user(request.user, org, pk, permissions.can_edit_third_parties)
    form = ArchiveForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("reason", []):
            messages.error(request, f"Reason: {error}")
        return redirect("third_parties:party_detail", org=org, pk=party.pk)
    try:
        actions.archive_third_party(actor=request.user, third_party=party, reason=form.cleaned_data["reason"])
        messages.success(request, f"{party.name} is archived.")
    except ActionError as exc:
        messages.error(request, exc.message)
    return redirect("third_parties:party_detail", org=org, pk=party.pk)
