"""/api/v1/monitoring: metrics and their measurements (9.1). Writes call the actions; AI systems are named by
reference and owners by email. A metric is addressed by its id, or by its reference (MET-001) with
`?organization=slug`, so that a tool can post to `/metrics/MET-001/measurements?organization=acme`."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.monitoring import actions, permissions, queries
from aims.monitoring import schemas as s
from aims.monitoring.access import get_metric_by_key
from aims.monitoring.actions import Reading
from aims.monitoring.models import Measurement, Metric
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.api import errors
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["monitoring"])


def _system(organization: Organization, reference: str) -> AISystem:
    found = AISystem.objects.filter(organization=organization, reference__iexact=reference.strip()).first()
    if found is None:
        raise ValidationError({"ai_system": f"No AI system {reference} in {organization.name}."})
    return found


def _owner(organization: Organization, email: str | None) -> User | None:
    if not email:
        return None
    found = User.objects.filter(memberships__organization=organization, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError({"owner": f"No member {email} in {organization.name}."})
    return found


def _filter(organization: Organization, given: dict[str, Any] | None) -> dict[str, Any]:
    """The filter of AI systems as the actions take it: the owner by id, fields not filtering left out."""
    if not given:
        return {}
    wanted = {k: v for k, v in given.items() if k != "owner" and v not in (None, [])}
    email = given.get("owner")
    if email:
        found = User.objects.filter(
            memberships__organization=organization, email__iexact=email.strip()
        ).first()
        if found is None:
            raise ValidationError({"computed_filter.owner": f"No member {email} in {organization.name}."})
        wanted["owner"] = found.pk
    return wanted


def _resolved(organization: Organization, values: dict[str, Any]) -> dict[str, Any]:
    if "owner" in values:
        values["owner"] = _owner(organization, values["owner"])
    if "ai_system" in values:
        ref = values["ai_system"]
        values["ai_system"] = _system(organization, ref) if ref else None
    if "computed_filter" in values:
        values["computed_filter"] = _filter(organization, values["computed_filter"])
    return values


def _fresh(metric: Metric) -> Metric:
    records = Metric.objects.select_related("organization", "owner", "ai_system").with_filter_owner()
    return records.get(pk=metric.pk)


@router.get(
    "/metrics",
    response={200: list[s.MetricOut], **errors(404, 422)},
    summary="The metrics (9.1), with their latest value",
)
@paginate(PagePagination)
def metric_list(request: AuthedRequest, filters: Query[s.MetricQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    system = _system(organization, filters.ai_system) if filters.ai_system else None
    wanted = queries.MetricFilter(
        q=filters.q.strip(),
        source=filters.source or "",
        ai_system_id=system.pk if system else None,
        breached=filters.breached,
    )
    return queries.metrics_for(organization, wanted).select_related("organization")


@router.post("/metrics", response={201: s.MetricOut, **errors(403, 404, 422)}, summary="Define a metric")
def metric_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.MetricIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_metrics
    )
    values = _resolved(organization, payload.model_dump())
    created = actions.create_metric(actor=request.user, organization=organization, **values)
    return Status(201, _fresh(created))


@router.get(
    "/metrics/{metric}",
    response={200: s.MetricOut, **errors(404, 422)},
    summary="One metric, by id or reference",
)
def metric_detail(request: AuthedRequest, metric: str, target: Query[s.OptionalOrganizationParam]) -> Metric:
    return get_metric_by_key(request.user, metric, target.organization)


@router.patch(
    "/metrics/{metric}",
    response={200: s.MetricOut, **errors(403, 404, 422)},
    summary="Change a metric or its thresholds",
)
def metric_update(
    request: AuthedRequest, metric: str, target: Query[s.OptionalOrganizationParam], payload: s.MetricPatch
) -> Any:
    found = get_metric_by_key(request.user, metric, target.organization, permissions.can_edit_metrics)
    values = _resolved(found.organization, payload.model_dump(exclude_unset=True))
    actions.update_metric(actor=request.user, metric=found, changes=values)
    return _fresh(found)


@router.get(
    "/metrics/{metric}/measurements",
    response={200: list[s.MeasurementOut], **errors(404, 422)},
    summary="The metric's measurements, newest first",
)
@paginate(PagePagination)
def measurement_list(request: AuthedRequest, metric: str, filters: Query[s.MeasurementQuery]) -> Any:
    found = get_metric_by_key(request.user, metric, filters.organization)
    return queries.measurements_of(found, filters.since, filters.until).select_related("metric")


@router.post(
    "/metrics/{metric}/measurements",
    response={201: s.MeasurementOut, **errors(403, 404, 409, 422)},
    summary="Post one measurement (contributors and up, e.g. with an API token)",
)
def measurement_create(
    request: AuthedRequest, metric: str, target: Query[s.OptionalOrganizationParam], payload: s.MeasurementIn
) -> Any:
    found = get_metric_by_key(request.user, metric, target.organization, permissions.can_edit_metrics)
    made = actions.record_measurement(
        actor=request.user,
        metric=found,
        reading=Reading(value=payload.value, measured_at=payload.measured_at, note=payload.note),
        source=Measurement.Source.API,
    )
    return Status(201, Measurement.objects.select_related("metric", "recorded_by").get(pk=made.pk))


@router.post(
    "/metrics/{metric}/measurements/batch",
    response={201: s.BatchOut, **errors(403, 404, 409, 422)},
    summary="Post up to 1,000 measurements at once, all or none",
)
def measurement_batch(
    request: AuthedRequest,
    metric: str,
    target: Query[s.OptionalOrganizationParam],
    payload: s.MeasurementBatchIn,
) -> Any:
    found = get_metric_by_key(request.user, metric, target.organization, permissions.can_edit_metrics)
    readings = [Reading(value=m.value, measured_at=m.measured_at, note=m.note) for m in payload.measurements]
    made = actions.record_measurements(
        actor=request.user, metric=found, readings=readings, source=Measurement.Source.API
    )
    return Status(201, {"recorded": len(made), "last_level": found.last_level})
