"""Every change to the evidence register: permission, validation, write and audit event, in one transaction.

The HTML pages, the API, the CLI and the demo all call these; nothing else writes evidence. Refused uploads
write nothing; a file stored before the transaction fails is deleted again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from aims.audit.trail import record
from aims.catalog.models import CatalogItem
from aims.evidence.links import check_linkable, describe
from aims.evidence.models import Evidence, EvidenceLink
from aims.evidence.permissions import can_edit_evidence
from aims.evidence.uploads import check_upload
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization
from aims.web.stored_files import discarded_on_error

if TYPE_CHECKING:
    from aims.accounts.models import User

Target = CatalogItem | models.Model
EDITABLE = ("title", "description", "owner", "collected_on", "valid_until", "url")
_URLS = URLValidator(schemes=["http", "https"], message="Enter a link that starts with http:// or https://.")


def _require_editor(actor: User, organization: Organization) -> None:
    if not can_edit_evidence(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change the evidence register.")


def _check_owner(organization: Organization, owner: Any) -> None:
    if owner is not None and not Membership.objects.filter(organization=organization, user=owner).exists():
        raise ValidationError({"owner": "The owner must be a member of the organisation."})


def _check_dates(collected_on: date | None, valid_until: date | None) -> None:
    if collected_on and collected_on > timezone.localdate():
        raise ValidationError({"collected_on": "Evidence cannot be collected in the future."})
    if collected_on and valid_until and valid_until < collected_on:
        raise ValidationError({"valid_until": "Valid until must not be before the date collected."})


def _check_url(url: str) -> str:
    url = url.strip()
    try:
        _URLS(url)
    except ValidationError as error:
        raise ValidationError({"url": error.messages}) from error
    return url


def _snapshot(evidence: Evidence, fields: Iterable[str]) -> dict[str, Any]:
    shown = {}
    for name in fields:
        value = getattr(evidence, name)
        shown[name] = value.email if name == "owner" and value is not None else value
    return shown


def _next_number(organization: Organization) -> int:
    # Lock the organisation row so that two writers never take the same number.
    list(Organization.objects.select_for_update().filter(pk=organization.pk).values_list("pk", flat=True))
    highest = Evidence.objects.filter(organization=organization).aggregate(n=Max("number"))["n"]
    return (highest or 0) + 1


def _new_evidence(actor: User, organization: Organization, values: Mapping[str, Any]) -> Evidence:
    unknown = set(values) - {"title", "description", "owner", "collected_on", "valid_until"}
    if unknown:
        raise TypeError(f"Not an evidence field: {', '.join(sorted(unknown))}")
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    evidence = Evidence(organization=organization, created_by=actor, number=0, **cleaned)
    _check_owner(organization, evidence.owner)
    _check_dates(evidence.collected_on, evidence.valid_until)
    return evidence


def _after(evidence: Evidence) -> dict[str, Any]:
    shown = _snapshot(evidence, ("title", "kind", "owner", "collected_on", "valid_until"))
    if evidence.is_file:
        shown |= {"file_name": evidence.file_name, "sha256": evidence.sha256, "size": evidence.file_size}
    else:
        shown["url"] = evidence.url
    return shown


def _save_new(actor: User, evidence: Evidence, supports: Sequence[Target]) -> None:
    evidence.number = _next_number(evidence.organization)
    evidence.save()
    record(actor=actor, verb="evidence.added", target=evidence, after=_after(evidence))
    for target in supports:
        _link(actor, evidence, target, "")


@transaction.atomic
def add_evidence_file(
    *,
    actor: User,
    organization: Organization,
    upload: UploadedFile,
    supports: Sequence[Target] = (),
    **values: Any,
) -> Evidence:
    """Upload a file as evidence; every check (role, fields, size, type, links) runs before the file is
    stored, and the stored file is removed again if anything after it fails."""
    _require_editor(actor, organization)
    evidence = _new_evidence(actor, organization, values)
    evidence.kind = Evidence.Kind.FILE
    evidence.full_clean(exclude=["organization", "number", "file", "created_by"], validate_constraints=False)
    for target in supports:
        _check_target(evidence, target)
    checked = check_upload(upload)
    evidence.file_name = (upload.name or "evidence").rsplit("/", 1)[-1][-200:]
    evidence.file_size, evidence.sha256 = checked.size, checked.sha256
    evidence.content_type = checked.content_type
    evidence.file.save(checked.storage_name, upload, save=False)
    with discarded_on_error(evidence.file):
        _save_new(actor, evidence, supports)
    return evidence


@transaction.atomic
def add_evidence_link(
    *,
    actor: User,
    organization: Organization,
    url: str,
    supports: Sequence[Target] = (),
    **values: Any,
) -> Evidence:
    """Record a link (http or https) as evidence."""
    _require_editor(actor, organization)
    evidence = _new_evidence(actor, organization, values)
    evidence.kind, evidence.url = Evidence.Kind.LINK, _check_url(url)
    evidence.full_clean(exclude=["organization", "number", "file", "created_by"], validate_constraints=False)
    for target in supports:
        _check_target(evidence, target)
    _save_new(actor, evidence, supports)
    return evidence


@transaction.atomic
def update_evidence(*, actor: User, evidence: Evidence, changes: Mapping[str, Any]) -> Evidence:
    """Change what is said about the evidence; a file is never replaced (add new evidence instead)."""
    _require_editor(actor, evidence.organization)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    if evidence.is_retired:
        raise ActionError(f"{evidence.reference} is retired and is kept as it was.")
    if "url" in changes and evidence.is_file:
        raise ValidationError({"url": "A file's evidence has no link; add the link as new evidence."})
    values = {k: v.strip() if isinstance(v, str) else v for k, v in changes.items()}
    if "url" in values:
        values["url"] = _check_url(values["url"])
    before = _snapshot(evidence, values)
    for name, value in values.items():
        setattr(evidence, name, value)
    _check_owner(evidence.organization, evidence.owner)
    _check_dates(evidence.collected_on, evidence.valid_until)
    evidence.full_clean(exclude=["organization", "file", "created_by"], validate_constraints=False)
    evidence.save()
    record(
        actor=actor,
        verb="evidence.updated",
        target=evidence,
        before=before,
        after=_snapshot(evidence, values),
    )
    return evidence


@transaction.atomic
def retire_evidence(*, actor: User, evidence: Evidence, reason: str) -> Evidence:
    """Mark evidence as no longer relied on. It stays in the register, with its file and its links."""
    _require_editor(actor, evidence.organization)
    if evidence.is_retired:
        raise ActionError(f"{evidence.reference} is retired already.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the evidence is retired; an auditor will ask."})
    evidence.status, evidence.retired_at = Evidence.Status.RETIRED, timezone.now()
    evidence.retired_reason = reason.strip()
    evidence.save(update_fields=["status", "retired_at", "retired_reason", "updated_at"])
    record(actor=actor, verb="evidence.retired", target=evidence, data={"reason": evidence.retired_reason})
    return evidence


def _check_target(evidence: Evidence, target: Target) -> None:
    if isinstance(target, CatalogItem):
        if target.kind not in (CatalogItem.Kind.CLAUSE, CatalogItem.Kind.CONTROL):
            raise ValidationError({"requirement": "Evidence supports clauses and Annex A controls only."})
        return
    check_linkable(target, evidence.organization)


def _existing(evidence: Evidence, target: Target) -> models.QuerySet[EvidenceLink]:
    if isinstance(target, CatalogItem):
        return EvidenceLink.objects.filter(evidence=evidence, item=target)
    return EvidenceLink.objects.filter(
        evidence=evidence, content_type=_content_type(target), object_id=target.pk
    )


def _content_type(target: models.Model) -> Any:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(target)


def _link(actor: User, evidence: Evidence, target: Target, note: str) -> EvidenceLink:
    _check_target(evidence, target)
    if _existing(evidence, target).exists():
        raise ActionError(f"{evidence.reference} already supports {describe(target)}.", code="duplicate")
    link = EvidenceLink(
        organization=evidence.organization, evidence=evidence, note=note.strip(), created_by=actor
    )
    if isinstance(target, CatalogItem):
        link.item = target
    else:
        link.content_type, link.object_id = _content_type(target), target.pk
    link.full_clean(exclude=["organization", "evidence", "item", "content_type", "created_by"])
    link.save()
    data = {"link": link.pk, "supports": describe(target), "note": link.note}
    record(actor=actor, verb="evidence.linked", target=evidence, data=data)
    return link


@transaction.atomic
def link_evidence(*, actor: User, evidence: Evidence, target: Target, note: str = "") -> EvidenceLink:
    """Say that the evidence supports a catalogue requirement or a record of the same organisation."""
    _require_editor(actor, evidence.organization)
    if evidence.is_retired:
        raise ActionError(f"{evidence.reference} is retired; link current evidence instead.")
    return _link(actor, evidence, target, note)


@transaction.atomic
def unlink_evidence(*, actor: User, link: EvidenceLink) -> None:
    """Take away one thing the evidence supports; the evidence itself stays."""
    evidence = link.evidence
    _require_editor(actor, evidence.organization)
    target = link.item if link.item_id else link.record
    data = {"link": link.pk, "supports": describe(target) if target is not None else str(link)}
    link.delete()
    record(actor=actor, verb="evidence.unlinked", target=evidence, data=data)
