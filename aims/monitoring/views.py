"""The metric list, the metric page with its trend and measurements, the metric form, and the buttons."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.lib.errors import ActionError
from aims.monitoring import actions, computed, permissions, queries
from aims.monitoring.access import get_metric_for_user
from aims.monitoring.forms import FilterForm, MeasurementForm, MetricForm, PeriodForm
from aims.monitoring.models import Measurement, Metric
from aims.monitoring.queries import filter_words
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.htmx import filtered_page, render_records
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without


@login_required
def metric_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    context, status = filtered_page(request, form, lambda wanted: queries.metrics_for(organization, wanted))
    context.update(
        organization=organization,
        can_edit=permissions.can_edit_metrics(request.user, organization),
        refs=Metric.evidences,
    )
    return render_records(request, "monitoring/metric_list.html", context, status=status)


@login_required
def metric_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_metrics)
    form = MetricForm(posted(request), organization=organization)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.create_metric(actor=request.user, organization=organization, **form.values()),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is defined.")
                return redirect("monitoring:metric_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "metric": None}
    return render(request, "monitoring/metric_form.html", context, status=status)


@login_required
def metric_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    metric = get_metric_for_user(request.user, org, pk, permissions.can_edit_metrics)
    form = MetricForm(posted(request), organization=metric.organization, instance=metric)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_metric(actor=request.user, metric=metric, changes=form.values()),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("monitoring:metric_detail", org=org, pk=pk)
    context = {"organization": metric.organization, "form": form, "metric": metric}
    return render(request, "monitoring/metric_form.html", context, status=status)


def _detail(
    request: AuthedRequest, metric: Metric, status: int = 200, form: MeasurementForm | None = None
) -> HttpResponse:
    organization = metric.organization
    can_edit = permissions.can_edit_metrics(request.user, organization)
    period = PeriodForm(request.GET or None)
    since = until = None
    if period.is_bound and period.is_valid():
        since, until = period.cleaned_data.get("since"), period.cleaned_data.get("until")
    points = queries.trend(metric, since=since, until=until)
    context: dict[str, Any] = {
        "organization": organization,
        "metric": metric,
        "can_edit": can_edit,
        "can_record": can_edit and metric.source != Metric.Source.COMPUTED,
        "form": form or MeasurementForm(),
        "period": period,
        "points": points,
        "chart": queries.metric_chart(metric, points),
        "page": paginate_request(request, queries.measurements_of(metric, since, until), default_size=25),
        "query": query_without(request, "page"),
        "history": queries.history(metric),
        "refs": Metric.evidences,
        "computed_label": computed.label_of(metric.computed_key),
        "filter_words": filter_words(metric),
    }
    return render(request, "monitoring/metric_detail.html", context, status=status)


@login_required
def metric_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    return _detail(request, get_metric_for_user(request.user, org, pk))


@login_required
@require_POST
def measurement_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    metric = get_metric_for_user(request.user, org, pk, permissions.can_edit_metrics)
    form = MeasurementForm(request.POST)
    status = 422
    if form.is_valid():
        added, status = attempt(
            form,
            lambda: actions.record_measurement(actor=request.user, metric=metric, reading=form.reading()),
        )
        if added is not None:
            messages.success(request, f"The measurement of {metric.reference} is recorded.")
            return redirect("monitoring:metric_detail", org=org, pk=pk)
    return _detail(request, metric, status, form)


@login_required
@require_POST
def measurement_nonconformity(request: AuthedRequest, org: str, pk: int, mpk: int) -> HttpResponse:
    metric = get_metric_for_user(request.user, org, pk, permissions.can_edit_metrics)
    measurement = Measurement.objects.filter(metric=metric, pk=mpk).first()
    if measurement is None:
        raise Http404("No such measurement.")
    measurement.metric = metric
    try:
        nc = actions.raise_nonconformity_from_breach(actor=request.user, measurement=measurement)
    except (ActionError, ValidationError) as exc:
        messages.error(request, exc.message if isinstance(exc, ActionError) else " ".join(exc.messages))
    else:
        messages.success(request, f"{nc.reference} is raised from this breach.")
    return redirect("monitoring:metric_detail", org=org, pk=pk)
