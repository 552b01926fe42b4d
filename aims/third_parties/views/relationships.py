"""HTML views of relationships, their responsibilities and due diligence. Each calls one action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect

from aims.ai_systems.models import AISystem
from aims.organizations.models import Organization
from aims.third_parties import actions, permissions
from aims.third_parties.access import get_relationship_for_user, get_third_party_for_user
from aims.third_parties.forms import (
    DueDiligenceForm,
    EndRelationshipForm,
    RelationshipForm,
    ResponsibilityForm,
)
from aims.third_parties.models import ResponsibilityAllocation
from aims.third_parties.views.common import form_page
from aims.web.forms import call_action
from aims.web.requests import AuthedRequest

SYSTEM_OPTIONS = 500  # suggestions in the AI system field; any reference may still be typed


def _system_options(organization: Organization) -> list[AISystem]:
    systems = AISystem.objects.filter(organization=organization).exclude(status=AISystem.Status.ARCHIVED)
    return list(systems.only("reference", "name").order_by("reference")[:SYSTEM_OPTIONS])


def _to_party(relationship_party_pk: int, org: str, anchor: str = "") -> HttpResponse:
    response = redirect("third_parties:party_detail", org=org, pk=relationship_party_pk)
    response["Location"] += anchor
    return response


@login_required
def relationship_create(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    party = get_third_party_for_user(request.user, org, pk, permissions.can_edit_third_parties)
    form = RelationshipForm(request.POST or None, organization=party.organization)
    if request.method == "POST" and form.is_valid():
        relationship = call_action(
            form,
            lambda: actions.create_relationship(
                actor=request.user, third_party=party, **form.action_values()
            ),
        )
        if relationship is not None:
            messages.success(request, "The relationship is recorded. Now allocate the responsibilities.")
            return redirect("third_parties:responsibilities_edit", org=org, pk=relationship.pk)
    context = {
        "organization": party.organization,
        "party": party,
        "systems": _system_options(party.organization),
        "title": f"New relationship with {party.name}",
    }
    return form_page(request, "third_parties/relationship_form.html", context, form)


@login_required
def relationship_update(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, org, pk, permissions.can_edit_third_parties)
    party = relationship.third_party
    form = RelationshipForm(
        request.POST or None, instance=relationship, organization=relationship.organization
    )
    if request.method == "POST" and form.is_valid():
        done = call_action(
            form,
            lambda: actions.update_relationship(
                actor=request.user, relationship=relationship, changes=form.action_values()
            ),
        )
        if done is not None:
            messages.success(request, "The relationship is saved.")
            return _to_party(party.pk, org, f"#relationship-{done.pk}")
    context = {
        "organization": relationship.organization,
        "party": party,
        "relationship": relationship,
        "systems": _system_options(relationship.organization),
        "title": f"Edit the relationship with {party.name}",
    }
    return form_page(request, "third_parties/relationship_form.html", context, form)


@login_required
def relationship_end(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, org, pk, permissions.can_edit_third_parties)
    form = EndRelationshipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = call_action(
            form,
            lambda: actions.end_relationship(
                actor=request.user,
                relationship=relationship,
                ended_on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["reason"],
            ),
        )
        if done is not None:
            messages.success(request, f"The relationship ended on {done.ended_on:%d %B %Y}.")
            return _to_party(relationship.third_party_id, org, f"#relationship-{done.pk}")
    context = {"organization": relationship.organization, "relationship": relationship}
    return form_page(request, "third_parties/relationship_end.html", context, form)


@login_required
def responsibilities_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, org, pk, permissions.can_edit_third_parties)
    rows = ResponsibilityAllocation.objects.filter(relationship=relationship)
    form = ResponsibilityForm(request.POST or None, relationship=relationship, current=list(rows))
    if request.method == "POST" and form.is_valid():
        done = call_action(
            form,
            lambda: actions.set_responsibilities(
                actor=request.user, relationship=relationship, allocations=form.allocations()
            ),
        )
        if done is not None:
            messages.success(request, "The responsibilities are allocated.")
            return _to_party(relationship.third_party_id, org, f"#relationship-{relationship.pk}")
    context = {"organization": relationship.organization, "relationship": relationship}
    return form_page(request, "third_parties/responsibilities_form.html", context, form)


@login_required
def due_diligence_create(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    party = get_third_party_for_user(request.user, org, pk, permissions.can_record_due_diligence)
    initial = {"relationship": request.GET.get("relationship")} if request.GET.get("relationship") else None
    form = DueDiligenceForm(request.POST or None, party=party, actor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        check = call_action(
            form,
            lambda: actions.record_due_diligence(actor=request.user, third_party=party, **form.cleaned_data),
        )
        if check is not None:
            messages.success(request, f"Due diligence recorded: {check.get_outcome_display().lower()}.")
            return _to_party(party.pk, org, "#due-diligence")
    context = {"organization": party.organization, "party": party}
    return form_page(request, "third_parties/due_diligence_form.html", context, form)
