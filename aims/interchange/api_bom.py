"""/api/v1/inventory: an AI system as a CycloneDX ML-BOM, importing one, and importing model cards.

The same actions as the HTML pages (cyclonedx.import_system_bom, model_cards.import_model_card).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from aims.ai_systems.access import get_ai_system_for_user
from aims.components.access import get_ai_model_for_user
from aims.components.schemas.ai_models import AIModelOut
from aims.interchange.bom_plan import MAX_BOM_BYTES
from aims.interchange.cyclonedx import MEDIA_TYPE, export_system_bom, file_name, import_system_bom
from aims.interchange.model_cards import MAX_CARD_CHARS, import_model_card
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_edit_records
from aims.web.requests import AuthedRequest

router = Router(tags=["inventory"])

BOM_SCHEMA = {"type": "object", "description": "A CycloneDX 1.5 or 1.6 JSON BOM, as aims exports it."}


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The slug of the organisation to import into.")


class BomImportedOut(Schema):
    id: int = Field(..., description="The AI system's id.")
    reference: str
    name: str
    organization: str = Field(..., alias="organization.slug")


class ModelCardIn(Schema):
    text: str = Field(
        ...,
        min_length=1,
        max_length=MAX_CARD_CHARS,
        description="The model's README.md from Hugging Face, with its --- front matter.",
    )
    model_id: int | None = Field(None, description="Update this model of the organisation (its id).")
    reference: str = Field(
        "", max_length=40, description="A new model's reference; a model that has it already is updated."
    )
    name: str = Field("", max_length=200, description="The model's name; else the card's model-index name.")


@router.get(
    "/systems/{system_id}/cyclonedx",
    summary="An AI system with its models and datasets as a CycloneDX 1.6 ML-BOM",
    openapi_extra={
        "responses": {200: {"description": "The BOM.", "content": {MEDIA_TYPE: {"schema": BOM_SCHEMA}}}}
    },
)
def system_bom(request: AuthedRequest, system_id: int) -> HttpResponse:
    system = get_ai_system_for_user(request.user, None, system_id)
    response = HttpResponse(export_system_bom(system), content_type=MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name(system)}"'
    return response


def _body(request: AuthedRequest) -> bytes:
    try:
        body = request.body
    except RequestDataTooBig:
        raise HttpError(413, f"The BOM is larger than the limit of {MAX_BOM_BYTES:,} bytes.") from None
    return body


@router.post(
    "/cyclonedx",
    response={201: BomImportedOut},
    summary="Import an AI system with its models and datasets from a CycloneDX ML-BOM",
    description=(
        "The body is the BOM itself. The system, models and datasets are matched by their aims:reference "
        "in the organisation: existing records are updated, missing ones created, all linked to the system. "
        "All or nothing: an invalid BOM answers 422 and writes nothing."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {MEDIA_TYPE: {"schema": BOM_SCHEMA}, "application/json": {"schema": BOM_SCHEMA}},
        }
    },
)
def bom_import(request: AuthedRequest, target: Query[OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    system = import_system_bom(actor=request.user, organization=organization, data=_body(request))
    return Status(201, system)


@router.post(
    "/model-cards",
    response={201: AIModelOut},
    summary="Create or update a model from a Hugging Face model card",
    description=(
        "Reads the card's front matter: licence, base model, datasets and model-index metrics. Updates the "
        "model given by model_id (or the one with the reference), else adds a new model."
    ),
)
def model_card_import(request: AuthedRequest, target: Query[OrganizationParam], payload: ModelCardIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    model = None
    if payload.model_id is not None:
        model = get_ai_model_for_user(request.user, organization.slug, payload.model_id, can_edit_records)
    ai_model = import_model_card(
        actor=request.user,
        organization=organization,
        text=payload.text,
        model=model,
        reference=payload.reference,
        name=payload.name,
    )
    return Status(201, ai_model)
