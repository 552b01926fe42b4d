"""The pages of the model, dataset and resource registers: one set of views, told which register to serve."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aims.components import actions, queries
from aims.components.access import get_ai_system_for_user, get_dataset_for_user, record_for_register
from aims.components.forms import LinkForm, ProvenanceForm
from aims.components.models import Dataset
from aims.components.views.common import query_without_page, wants_partial
from aims.components.views.register import Component, Register
from aims.lib.errors import ActionError
from aims.organizations import permissions
from aims.organizations.access import get_organization_for_user
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest


@login_required
def component_list(request: AuthedRequest, org: str, register: Register) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = register.filter_form(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        page = paginate_request(
            request, queries.components(register.model, organization, form.component_filter())
        )
    context = {
        "organization": organization,
        "register": register,
        "form": form,
        "page": page,
        "filtered": form.is_bound and form.has_changed(),
        "query": query_without_page(request),
        "can_edit": permissions.can_edit_records(request.user, organization),
        "refs": register.model.evidences,
        "create_url": reverse(register.url_name("create"), kwargs={"org": organization.slug}),
    }
    template = "components/component_list.html"
    template += "#rows" if wants_partial(request) else ""
    return render(request, template, context, status=400 if form.errors else 200)


def _record_urls(register: Register, record: Component) -> dict[str, str]:
    kwargs = {"org": record.organization.slug, "pk": record.pk}
    urls = {
        view: reverse(register.url_name(view), kwargs=kwargs)
        for view in ("edit", "archive", "restore", "link")
    }
    if isinstance(record, Dataset):
        urls["provenance"] = reverse("components:dataset_provenance_add", kwargs=kwargs)
    return urls


def _detail(
    request: AuthedRequest, register: Register, record: Component, status: int = 200, **forms: Any
) -> HttpResponse:
    organization = record.organization
    systems = list(queries.linked_systems(record))
    for system in systems:
        system.unlink_url = reverse(  # type: ignore[attr-defined]
            register.url_name("unlink"),
            kwargs={"org": organization.slug, "pk": record.pk, "system_pk": system.pk},
        )
    context: dict[str, Any] = {
        "organization": organization,
        "register": register,
        "record": record,
        "systems": systems,
        "urls": _record_urls(register, record),
        "can_edit": permissions.can_edit_records(request.user, organization),
        "link_form": forms.get("link_form") or LinkForm(organization=organization),
        "refs": register.model.evidences,
        "provenance": None,
    }
    if isinstance(record, Dataset):
        context["provenance"] = list(queries.provenance_of(record))
        context["provenance_form"] = forms.get("provenance_form") or ProvenanceForm()
    return render(request, "components/component_detail.html", context, status=status)


@login_required
def component_detail(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    record = record_for_register(register.model, request.user, org, pk)
    return _detail(request, register, record)


@login_required
def component_create(request: AuthedRequest, org: str, register: Register) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_records)
    initial = {"ai_system": request.GET.get("system", "")}
    form = register.form(request.POST or None, organization=organization, creating=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        system = form.cleaned_data.get("ai_system")
        record = call_action(
            form,
            lambda: register.create(
                actor=request.user,
                organization=organization,
                data=form.action_data(),
                ai_systems=[system] if system else [],
            ),
        )
        if record is not None:
            messages.success(request, f"{record.reference} {record.name} is on the register.")
            return redirect(register.url_name("detail"), org=organization.slug, pk=record.pk)
    context = {
        "organization": organization,
        "register": register,
        "form": form,
        "record": None,
        "cancel_url": reverse(register.url_name("list"), kwargs={"org": organization.slug}),
    }
    return render(request, "components/component_form.html", context, status=422 if form.errors else 200)


@login_required
def component_edit(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    record = record_for_register(register.model, request.user, org, pk, require=permissions.can_edit_records)
    organization = record.organization
    initial = model_to_dict(record, fields=register.model.editable_fields)
    form = register.form(request.POST or None, organization=organization, creating=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = call_action(
            form,
            lambda: register.on_record(register.update, record, actor=request.user, data=form.action_data()),
        )
        if done is not None:
            messages.success(request, f"{done.reference} {done.name} is saved.")
            return redirect(register.url_name("detail"), org=organization.slug, pk=record.pk)
    context = {
        "organization": organization,
        "register": register,
        "form": form,
        "record": record,
        "cancel_url": reverse(
            register.url_name("detail"), kwargs={"org": organization.slug, "pk": record.pk}
        ),
    }
    return render(request, "components/component_form.html", context, status=422 if form.errors else 200)


def _run(request: AuthedRequest, work: Any, success: str) -> None:
    """Run a button's action; its refusal becomes a message on the page it returns to."""
    try:
        work()
    except ActionError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)


@login_required
@require_POST
def component_archive(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    record = record_for_register(register.model, request.user, org, pk, require=permissions.can_edit_records)
    _run(
        request,
        lambda: register.on_record(register.archive, record, actor=request.user),
        f"{record.reference} is archived. It stays on record and can be restored.",
    )
    return redirect(register.url_name("detail"), org=org, pk=pk)


@login_required
@require_POST
def component_restore(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    record = record_for_register(register.model, request.user, org, pk, require=permissions.can_edit_records)
    _run(
        request,
        lambda: register.on_record(register.restore, record, actor=request.user),
        f"{record.reference} is active again.",
    )
    return redirect(register.url_name("detail"), org=org, pk=pk)


@login_required
@require_POST
def component_link(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    record = record_for_register(register.model, request.user, org, pk, require=permissions.can_edit_records)
    form = LinkForm(request.POST, organization=record.organization)
    if form.is_valid():
        system = form.cleaned_data["ai_system"]
        done = call_action(
            form,
            lambda: actions.link_component_to_system(actor=request.user, component=record, ai_system=system),
        )
        if done is not None:
            messages.success(request, f"{record.reference} is linked to {system.reference}.")
            return redirect(register.url_name("detail"), org=org, pk=pk)
    return _detail(request, register, record, status=422, link_form=form)


@login_required
@require_POST
def component_unlink(
    request: AuthedRequest, org: str, pk: int, system_pk: int, register: Register
) -> HttpResponse:
    record = record_for_register(register.model, request.user, org, pk, require=permissions.can_edit_records)
    system = get_ai_system_for_user(request.user, org, system_pk)
    _run(
        request,
        lambda: actions.unlink_component_from_system(actor=request.user, component=record, ai_system=system),
        f"{record.reference} is no longer linked to {system.reference}.",
    )
    return redirect(register.url_name("detail"), org=org, pk=pk)


@login_required
@require_POST
def provenance_add(request: AuthedRequest, org: str, pk: int, register: Register) -> HttpResponse:
    dataset = get_dataset_for_user(request.user, org, pk, require=permissions.can_edit_records)
    form = ProvenanceForm(request.POST)
    if form.is_valid():
        event = call_action(
            form,
            lambda: actions.record_provenance_event(actor=request.user, dataset=dataset, **form.cleaned_data),
        )
        if event is not None:
            messages.success(request, f"Provenance recorded: {event.get_kind_display().lower()}.")
            url = reverse(register.url_name("detail"), kwargs={"org": org, "pk": pk})
            return redirect(f"{url}#provenance")
    return _detail(request, register, dataset, status=422, provenance_form=form)
