"""The nonconformity register with its ageing chart, the pages to raise (also from an incident), read and
edit a nonconformity."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from aims.improvement import actions, permissions, queries
from aims.improvement.access import get_nonconformity_for_user
from aims.improvement.forms import FilterForm, NonconformityForm, ReasonForm
from aims.improvement.models import EffectivenessCheck, Nonconformity
from aims.improvement.views._common import form_page
from aims.incidents.access import get_incident_for_user
from aims.organizations.access import get_organization_for_user
from aims.web.htmx import filtered_page, render_records
from aims.web.requests import AuthedRequest, posted


def detail_url(nc: Nonconformity) -> str:
    return reverse("improvement:nonconformity_detail", kwargs={"org": nc.organization.slug, "pk": nc.pk})


@login_required
def nonconformity_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    context, status = filtered_page(
        request, form, lambda wanted: queries.nonconformities_for(organization, wanted)
    )
    ageing = queries.ageing(organization)
    context.update(
        organization=organization,
        can_edit=permissions.can_edit_nonconformities(request.user, organization),
        ageing=ageing,
        ageing_chart=queries.ageing_chart(ageing),
        refs=Nonconformity.evidences,
    )
    return render_records(request, "improvement/nonconformity_list.html", context, status=status)


def _raise(request: AuthedRequest, org: str, form: NonconformityForm, **fixed: Any) -> HttpResponse:
    organization = form.organization

    def run() -> Nonconformity:
        return actions.raise_nonconformity(
            actor=request.user, organization=organization, **form.values(), **fixed
        )

    incident = fixed.get("incident")
    context = {
        "organization": organization,
        "heading": f"Raise a nonconformity from {incident.reference}"
        if incident
        else "Raise a nonconformity",
        "intro": "Say what does not conform and where, and which requirement it fails. The correction, "
        "the root cause and the corrective actions are recorded on the nonconformity's page.",
        "submit": "Raise the nonconformity",
        "cancel_url": reverse("improvement:nonconformity_list", kwargs={"org": org}),
    }
    return form_page(
        request, form, run, done=lambda nc: f"{nc.reference} is raised.", next_url=detail_url, context=context
    )


@login_required
def nonconformity_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_nonconformities)
    form = NonconformityForm(posted(request), organization=organization)
    return _raise(request, org, form)


@login_required
def nonconformity_from_incident(request: AuthedRequest, org: str, incident_pk: int) -> HttpResponse:
    """Raise a nonconformity from an AI incident (A.8.4), prefilled from what happened."""
    incident = get_incident_for_user(request.user, org, incident_pk, permissions.can_edit_nonconformities)
    form = NonconformityForm(posted(request), organization=incident.organization)
    if request.method != "POST":
        form.initial.update(
            {
                "title": incident.title,
                "description": incident.what_happened,
                "source": Nonconformity.Source.INCIDENT,
                "source_reference": incident.reference,
                "grade": Nonconformity.Grade.MAJOR if incident.is_serious else Nonconformity.Grade.MINOR,
                "owner": incident.owner_id,
            }
        )
    return _raise(request, org, form, incident=incident)


@login_required
def nonconformity_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = get_nonconformity_for_user(request.user, org, pk, permissions.can_edit_nonconformities)
    form = NonconformityForm(posted(request), organization=nc.organization, instance=nc)

    def run() -> Nonconformity:
        return actions.update_nonconformity(actor=request.user, nonconformity=nc, changes=form.values())

    context = {
        "organization": nc.organization,
        "record": nc,
        "heading": f"Edit {nc}",
        "submit": "Save changes",
        "cancel_url": detail_url(nc),
    }
    return form_page(
        request,
        form,
        run,
        done=lambda saved: f"{saved.reference} is saved.",
        next_url=detail_url,
        context=context,
    )


def _verify_state(
    request: AuthedRequest, nc: Nonconformity, checks: list[EffectivenessCheck]
) -> dict[str, Any]:
    can_decide = permissions.can_decide_nonconformities(request.user, nc.organization)
    verified = any(c.round == nc.verification_round for c in checks)
    awaiting = nc.status == Nonconformity.Status.VERIFICATION
    latest = checks[-1] if checks else None
    return {
        "can_verify": can_decide and awaiting and not verified,
        "verify_conflict": actions.verifier_conflict(request.user, nc) if can_decide and awaiting else None,
        "can_close": can_decide and awaiting and latest is not None and latest.is_effective and verified,
        "latest_check": latest,
    }


@login_required
def nonconformity_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = get_nonconformity_for_user(request.user, org, pk)
    organization = nc.organization
    can_edit = permissions.can_edit_nonconformities(request.user, organization)
    can_decide = permissions.can_decide_nonconformities(request.user, organization)
    corrective = queries.corrective_actions(nc)
    checks = queries.checks(nc)
    workable = nc.status in (Nonconformity.Status.OPEN, Nonconformity.Status.ACTION)
    context: dict[str, Any] = {
        "organization": organization,
        "nc": nc,
        "corrective": corrective,
        "checks": checks,
        "history": queries.history(nc),
        "can_edit": can_edit,
        "can_decide": can_decide,
        "can_work": can_edit and workable,
        "can_request": can_edit
        and nc.status == Nonconformity.Status.ACTION
        and bool(corrective)
        and all(not a.is_open for a in corrective),
        "reopen_form": ReasonForm(prefix="reopen"),
        "refs": Nonconformity.evidences,
        **_verify_state(request, nc, checks),
    }
    return render(request, "improvement/nonconformity_detail.html", context)
