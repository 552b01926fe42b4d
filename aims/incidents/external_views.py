"""External reports of adverse impacts (A.8.3): the public form, the page that turns the link on and off,
and the triage list where members open incidents from reports or dismiss them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from aims.incidents import external, permissions
from aims.incidents.models import ExternalReport, ExternalReportLink, Incident
from aims.lib.errors import ActionError
from aims.lib.hashing import sha256_hex
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, query_without

WINDOW_SECONDS = 3600


class PublicReportForm(forms.Form):
    what_happened = forms.CharField(
        label="What happened",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the AI system did, and how it affected you or other people.",
    )
    product = forms.CharField(
        label="Which product or service", max_length=200, required=False, help_text="If you know it."
    )
    contact = forms.CharField(
        label="Contact (optional)",
        max_length=200,
        required=False,
        help_text="An email or phone number if you would like an answer. Leave empty to stay anonymous.",
    )


def rate_limited(token: str) -> bool:
    """True once a link has taken more reports this hour than AIMS_INCIDENT_REPORTS_PER_HOUR (default 20)."""
    limit = getattr(settings, "AIMS_INCIDENT_REPORTS_PER_HOUR", 20)
    key = f"incidents:external-reports:{sha256_hex(token)}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > limit


@never_cache
@csrf_protect
def public_report(request: HttpRequest, token: str) -> HttpResponse:
    link = external.find_report_link(token)
    if link is None:
        raise Http404(external.NOT_IN_USE)
    form = PublicReportForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"organization_name": link.organization.name, "form": form, "reference": ""}
    status = 200
    if request.method == "POST":
        if rate_limited(token):
            form.add_error(None, "Too many reports through this link just now; please try again in an hour.")
            return render(request, "incidents/public_report.html", context, status=429)
        status = 422
        if form.is_valid():
            report, status = attempt(
                form, lambda: external.receive_external_report(link=link, **form.cleaned_data)
            )
            if report is not None:
                context["reference"] = report.reference
                status = 201
    return render(request, "incidents/public_report.html", context, status=status)


def _public_path(token: str) -> str:
    """The public form's path; until the lead mounts it, the path it will have (see public_urls)."""
    try:
        return reverse("incidents_public:report", kwargs={"token": token})
    except NoReverseMatch:
        return f"/adverse-impact/{token}/"


@login_required
def report_link(request: AuthedRequest, org: str) -> HttpResponse:
    """Owners and managers turn the public link on (a new token each time, shown once) or off."""
    organization = get_organization_for_user(request.user, org, require=permissions.can_decide_incidents)
    url = ""
    if request.method == "POST":
        if request.POST.get("disable"):
            try:
                external.disable_report_link(actor=request.user, organization=organization)
            except ActionError as exc:
                messages.error(request, exc.message)
            return redirect("incidents:report_link", org=org)
        _, token = external.enable_report_link(actor=request.user, organization=organization)
        url = request.build_absolute_uri(_public_path(token))
    enabled = ExternalReportLink.objects.filter(organization=organization, is_enabled=True).exists()
    context = {"organization": organization, "url": url, "enabled": enabled}
    return render(request, "incidents/report_link.html", context)


@login_required
def external_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    status = request.GET.get("status", "")
    records = ExternalReport.objects.filter(organization=organization)
    if status in ExternalReport.Status.values:
        records = records.filter(status=status)
    records = records.select_related("incident", "triaged_by").order_by("-number")
    context = {
        "organization": organization,
        "page": paginate_request(request, records),
        "status": status,
        "query": query_without(request, "page"),
        "statuses": ExternalReport.Status.choices,
        "can_edit": permissions.can_edit_incidents(request.user, organization),
        "can_decide": permissions.can_decide_incidents(request.user, organization),
        "refs": ExternalReport.evidences,
    }
    return render(request, "incidents/external_list.html", context)


def _report(request: AuthedRequest, org: str, pk: int) -> ExternalReport:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_incidents)
    found = (
        ExternalReport.objects.select_related("organization").filter(organization=organization, pk=pk).first()
    )
    if found is None:
        raise Http404("No such report.")
    return found


def _done(request: AuthedRequest, org: str, run: Any, text: str) -> HttpResponse:
    try:
        run()
    except (ActionError, ValidationError) as exc:
        messages.error(request, exc.message if isinstance(exc, ActionError) else " ".join(exc.messages))
    else:
        messages.success(request, text)
    return redirect("incidents:external_list", org=org)


@login_required
@require_POST
def external_open_incident(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    report = _report(request, org, pk)
    reference = request.POST.get("incident", "").strip()
    existing = None
    if reference:
        existing = Incident.objects.filter(
            organization=report.organization, reference__iexact=reference
        ).first()
        if existing is None:
            messages.error(request, f"No incident {reference} in {report.organization.name}.")
            return redirect("incidents:external_list", org=org)
    run = lambda: external.open_incident_from_report(actor=request.user, report=report, incident=existing)  # noqa: E731
    return _done(request, org, run, f"{report.reference} is triaged into an incident.")


@login_required
@require_POST
def external_dismiss(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    report = _report(request, org, pk)
    note = request.POST.get("note", "")
    run = lambda: external.dismiss_external_report(actor=request.user, report=report, note=note)  # noqa: E731
    return _done(request, org, run, f"{report.reference} is dismissed.")
