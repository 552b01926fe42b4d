"""/api/v1/packs: the evidence pack as a streamed ZIP, and the installation's public key to check it with;
for the organisation's owners, managers and auditors."""

from __future__ import annotations

from typing import Any

from django.http import StreamingHttpResponse
from ninja import Query, Router

from aims.organizations.access import get_organization_for_user
from aims.packs import schemas as s
from aims.packs.actions import export_pack, pack_filename
from aims.packs.permissions import can_export_pack
from aims.packs.signing import fingerprint, installation_key, public_pem
from aims.packs.views import pack_response
from aims.web.api import errors
from aims.web.requests import AuthedRequest

router = Router(tags=["packs"])

ZIP_RESPONSE = {
    "responses": {
        200: {
            "description": "The signed evidence pack (see docs/evidence-pack.md), streamed as it is made.",
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.get(
    "/export",
    response={200: None, **errors(403, 404, 422)},
    summary="The evidence pack of an organisation, as a signed ZIP",
    openapi_extra=ZIP_RESPONSE,
)
def pack_export(request: AuthedRequest, query: Query[s.PackQuery]) -> StreamingHttpResponse:
    organization = get_organization_for_user(request.user, query.organization, require=can_export_pack)
    stream = export_pack(actor=request.user, organization=organization, since=query.since)
    return pack_response(stream, pack_filename(organization, query.since))


@router.get(
    "/key", response={200: s.KeyOut, **errors(403, 404, 422)}, summary="The public key that signs the packs"
)
def pack_key(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    get_organization_for_user(request.user, target.organization, require=can_export_pack)
    key = installation_key()
    return {"public_key_pem": public_pem(key).decode("ascii"), "fingerprint": fingerprint(key)}
