"""The evidence-pack page (what the pack holds, the key's fingerprint, how to verify) and its download."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render

from aims.audit.models import AuditEvent
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.packs.actions import export_pack, pack_filename
from aims.packs.forms import PackForm
from aims.packs.permissions import can_export_pack
from aims.packs.signing import fingerprint, installation_key
from aims.web.requests import AuthedRequest

RECENT_EXPORTS = 10


def pack_response(stream: Iterator[bytes], name: str) -> StreamingHttpResponse:
    """The pack as a download, streamed: no length is known in advance and nothing is cached."""
    response = StreamingHttpResponse(stream, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _grouped(digest: str) -> str:
    """A SHA-256 in four groups of sixteen hex digits, so that it wraps in a narrow column."""
    return " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))


def _page(
    request: AuthedRequest, organization: Organization, form: PackForm, status: int = 200
) -> HttpResponse:
    exports = AuditEvent.objects.filter(organization=organization, verb="pack.exported").order_by("-seq")
    context = {
        "organization": organization,
        "form": form,
        "fingerprint": fingerprint(installation_key()),
        "exports": [
            (event, _grouped(event.data.get("manifest_sha256", ""))) for event in exports[:RECENT_EXPORTS]
        ],
    }
    return render(request, "packs/pack.html", context, status=status)


@login_required
def pack_page(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_export_pack)
    return _page(request, organization, PackForm())


@login_required
def pack_download(request: AuthedRequest, org: str) -> HttpResponseBase:
    organization = get_organization_for_user(request.user, org, require=can_export_pack)
    form = PackForm(request.GET)
    if not form.is_valid():
        return _page(request, organization, form, status=400)
    since = form.cleaned_data["since"]
    try:
        stream = export_pack(actor=request.user, organization=organization, since=since)
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error("since", message)
        return _page(request, organization, form, status=400)
    return pack_response(stream, pack_filename(organization, since))
