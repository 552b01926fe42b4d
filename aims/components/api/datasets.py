"""/api/v1/datasets: the dataset register (A.4.3, A.7) and provenance (A.7.5).

Every write calls the same action as the pages."""

from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.components import actions, queries
from aims.components.access import get_ai_system_for_user, get_dataset_for_user
from aims.components.api.common import systems_by_id
from aims.components.models import Dataset
from aims.components.schemas.common import LinkIn, OrganizationParam
from aims.components.schemas.datasets import (
    DatasetIn,
    DatasetOut,
    DatasetPatch,
    DatasetQuery,
    ProvenanceIn,
    ProvenanceOut,
)
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_edit_records
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["datasets"])


@router.get("/datasets", response=list[DatasetOut], summary="An organisation's datasets, filtered and sorted")
@paginate(PagePagination)
def dataset_list(request: AuthedRequest, filters: Query[DatasetQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    wanted = filters.component_filter(
        kind=filters.category, contains_personal_data=filters.contains_personal_data
    )
    return queries.components(Dataset, organization, wanted).select_related("organization")


@router.post("/datasets", response={201: DatasetOut}, summary="Add a dataset to the register")
def dataset_create(request: AuthedRequest, target: Query[OrganizationParam], payload: DatasetIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    systems = systems_by_id(request.user, payload.ai_systems, "ai_systems")
    dataset = actions.create_dataset(
        actor=request.user, organization=organization, data=payload.action_data(), ai_systems=systems
    )
    return Status(201, dataset)


@router.get("/datasets/{dataset_id}", response=DatasetOut, summary="One dataset")
def dataset_detail(request: AuthedRequest, dataset_id: int) -> Any:
    return get_dataset_for_user(request.user, None, dataset_id)


@router.patch("/datasets/{dataset_id}", response=DatasetOut, summary="Change a dataset's record")
def dataset_update(request: AuthedRequest, dataset_id: int, payload: DatasetPatch) -> Any:
    dataset = get_dataset_for_user(request.user, None, dataset_id, require=can_edit_records)
    return actions.update_dataset(actor=request.user, dataset=dataset, data=payload.action_data())


@router.post(
    "/datasets/{dataset_id}/archive", response=DatasetOut, summary="Archive a dataset (kept on record)"
)
def dataset_archive(request: AuthedRequest, dataset_id: int) -> Any:
    dataset = get_dataset_for_user(request.user, None, dataset_id, require=can_edit_records)
    return actions.archive_dataset(actor=request.user, dataset=dataset)


@router.post("/datasets/{dataset_id}/restore", response=DatasetOut, summary="Restore an archived dataset")
def dataset_restore(request: AuthedRequest, dataset_id: int) -> Any:
    dataset = get_dataset_for_user(request.user, None, dataset_id, require=can_edit_records)
    return actions.restore_dataset(actor=request.user, dataset=dataset)


@router.post(
    "/datasets/{dataset_id}/ai-systems", response=DatasetOut, summary="Link a dataset to an AI system"
)
def dataset_link(request: AuthedRequest, dataset_id: int, payload: LinkIn) -> Any:
    dataset = get_dataset_for_user(request.user, None, dataset_id, require=can_edit_records)
    [system] = systems_by_id(request.user, [payload.ai_system], "ai_system")
    return actions.link_component_to_system(actor=request.user, component=dataset, ai_system=system)


@router.delete(
    "/datasets/{dataset_id}/ai-systems/{system_id}",
    response=DatasetOut,
    summary="Unlink a dataset from an AI system",
)
def dataset_unlink(request: AuthedRequest, dataset_id: int, system_id: int) -> Any:
    dataset = get_dataset_for_user(request.user, None, dataset_id, require=can_edit_records)
    system = get_ai_system_for_user(request.user, None, system_id)
    return actions.unlink_component_from_system(actor=request.user, component=dataset, ai_system=system)


@router.get(
    "/datasets/{dataset_id}/provenance",
    response=list[ProvenanceOut],
    summary="A dataset's provenance timeline, newest first",
)
@paginate(PagePagination)
def provenance_list(request: AuthedRequest, dataset_id: int) -> Any:
    dataset = get_dataset_for_user(request.user, None, dataset_id)
    return queries.provenance_of(dataset)


@router.post(
    "/datasets/{dataset_id}/provenance",
    response={201: ProvenanceOut},
    summary="Add an event to a dataset's provenance (append-only)",
)
def provenance_create(request: AuthedRequest, dataset_id: int, payload: ProvenanceIn) -> Any:
    dataset = get_dataset_for_user(request.user, None, dataset_id, require=can_edit_records)
    event = actions.record_provenance_event(actor=request.user, dataset=dataset, **payload.model_dump())
    return Status(201, event)
