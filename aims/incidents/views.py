"""The incident register, the pages to record and read an incident, and its buttons."""

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
from aims.incidents import actions, permissions, queries
from aims.incidents.access import get_incident_for_user
from aims.incidents.forms import CommunicationForm, FilterForm, IncidentForm, ReportForm, SeriousnessForm
from aims.incidents.models import Incident
from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.htmx import filtered_page, render_records
from aims.web.requests import AuthedRequest, posted


@login_required
def incident_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    context, status = filtered_page(request, form, lambda wanted: queries.incidents_for(organization, wanted))
    context.update(
        organization=organization,
        can_edit=permissions.can_edit_incidents(request.user, organization),
        refs=Incident.evidences,
    )
    return render_records(request, "incidents/incident_list.html", context, status=status)


@login_required
def incident_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_incidents)
    form = IncidentForm(posted(request), organization=organization)
    if request.method != "POST" and request.GET.get("ai_system"):
        system = AISystem.objects.filter(
            organization=organization, reference=request.GET["ai_system"]
        ).first()
        form.initial["ai_systems"] = system.reference if system else ""
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.record_incident(
                    actor=request.user, organization=organization, ai_systems=form.systems(), **form.values()
                ),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is recorded.")
                return redirect("incidents:incident_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "incident": None}
    return render(request, "incidents/incident_form.html", context, status=status)


@login_required
def incident_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, org, pk, permissions.can_edit_incidents)
    form = IncidentForm(posted(request), organization=incident.organization, instance=incident)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_incident(
                    actor=request.user, incident=incident, changes=form.values(), ai_systems=form.systems()
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("incidents:incident_detail", org=org, pk=pk)
    context = {"organization": incident.organization, "form": form, "incident": incident}
    return render(request, "incidents/incident_form.html", context, status=status)


def _detail(request: AuthedRequest, incident: Incident, status: int = 200, **forms: Any) -> HttpResponse:
    organization = incident.organization
    can_edit = permissions.can_edit_incidents(request.user, organization)
    can_decide = permissions.can_decide_incidents(request.user, organization)
    moves = actions.TRANSITIONS.get(incident.status, ())
    allowed = [
        m for m in moves if can_decide or (can_edit and m not in actions.DECIDED and not incident.is_closed)
    ]
    context: dict[str, Any] = {
        "organization": organization,
        "incident": incident,
        "systems": list(incident.ai_systems.order_by("reference")),
        "communications": queries.communications(incident),
        "history": queries.history(incident),
        "can_edit": can_edit,
        "can_decide": can_decide,
        "moves": [(m, Incident.Status(m).label) for m in allowed],
        "comm_form": forms.get("comm_form") or (CommunicationForm() if can_edit else None),
        "serious_form": forms.get("serious_form")
        or SeriousnessForm(
            initial={"is_serious": incident.is_serious, "serious_kind": incident.serious_kind}
        ),
        "report_form": forms.get("report_form") or ReportForm(initial={"authority": incident.authority}),
        "refs": Incident.evidences,
    }
    return render(request, "incidents/incident_detail.html", context, status=status)


@login_required
def incident_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    return _detail(request, get_incident_for_user(request.user, org, pk))


def _run(request: AuthedRequest, incident: Incident, run: Callable[[], Any], done: str) -> HttpResponse:
    """Run a button's action; a rule broken shows its message on the page it came from."""
    try:
        run()
    except (ActionError, ValidationError) as exc:
        text = exc.message if isinstance(exc, ActionError) else " ".join(exc.messages)
        messages.error(request, text)
    except PermissionDenied:
        raise
    else:
        messages.success(request, done)
    return redirect("incidents:incident_detail", org=incident.organization.slug, pk=incident.pk)


@login_required
@require_POST
def communication_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, org, pk, permissions.can_edit_incidents)
    form = CommunicationForm(request.POST)
    if form.is_valid():
        added, status = attempt(
            form, lambda: actions.log_communication(actor=request.user, incident=incident, **form.values())
        )
        if added is not None:
            messages.success(request, "The communication is logged.")
            return redirect("incidents:incident_detail", org=org, pk=pk)
    else:
        status = 422
    return _detail(request, incident, status, comm_form=form)


@login_required
@require_POST
def incident_status(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, org, pk, permissions.can_edit_incidents)
    wanted = request.POST.get("status", "")
    run = lambda: actions.change_status(actor=request.user, incident=incident, status=wanted)  # noqa: E731
    return _run(request, incident, run, f"{incident.reference} is now {wanted}.")


@login_required
@require_POST
def incident_assess(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, org, pk, permissions.can_decide_incidents)
    form = SeriousnessForm(request.POST)
    if not form.is_valid():
        return _detail(request, incident, 422, serious_form=form)
    run = lambda: actions.assess_seriousness(  # noqa: E731
        actor=request.user,
        incident=incident,
        is_serious=form.cleaned_data["is_serious"],
        serious_kind=form.cleaned_data["serious_kind"],
    )
    return _run(request, incident, run, "The seriousness assessment is saved.")


@login_required
@require_POST
def incident_report(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, org, pk, permissions.can_decide_incidents)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _detail(request, incident, 422, report_form=form)
    run = lambda: actions.record_authority_report(  # noqa: E731
        actor=request.user,
        incident=incident,
        reported_at=form.cleaned_data["reported_at"],
        authority=form.cleaned_data["authority"],
    )
    return _run(request, incident, run, "The report to the authority is recorded.")
