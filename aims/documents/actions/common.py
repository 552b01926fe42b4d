"""What the document actions share: permission checks, validation helpers, numbering and dates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.db.models.functions import Length

from aims.documents import permissions
from aims.documents.models import Document, DocumentVersion
from aims.documents.uploads import CheckedFile
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from aims.accounts.models import User

PREFIXES = {
    Document.Kind.POLICY: "POL-",
    Document.Kind.PROCEDURE: "PRO-",
    Document.Kind.SCOPE: "SCO-",
    Document.Kind.PLAN: "PLN-",
    Document.Kind.RECORD_TEMPLATE: "REC-",
    Document.Kind.EXTERNAL: "EXT-",
}
DOCUMENT_FIELDS = (
    "reference",
    "title",
    "kind",
    "description",
    "owner",
    "classification",
    "retention_months",
    "review_interval_months",
)


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_documents(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can write documents.")


def require_approver(actor: User, organization: Organization, doing: str) -> None:
    if not permissions.can_approve_documents(actor, organization):
        raise PermissionDenied(f"Only owners and managers can {doing}.")


def require_active(document: Document) -> None:
    if document.is_withdrawn:
        raise ActionError(f"{document.reference} is withdrawn; it no longer changes.")


def next_reference(organization: Organization, kind: str) -> str:
    """One more than the highest number in use with the kind's prefix (POL-001, PRO-001, …)."""
    prefix = PREFIXES.get(kind, "DOC-")  # type: ignore[call-overload]
    highest = (
        Document.objects.filter(organization=organization, reference__regex=rf"^{prefix}[0-9]+$")
        .order_by(Length("reference").desc(), "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    return f"{prefix}{int(highest.removeprefix(prefix)) + 1 if highest else 1:03d}"


def check_members(organization: Organization, owner: Any, distribution: Iterable[Any] | None) -> None:
    people = [person for person in (owner, *(distribution or ())) if person is not None]
    if not people:
        return
    members = set(
        Membership.objects.filter(organization=organization, user__in=people).values_list(
            "user_id", flat=True
        )
    )
    if owner is not None and owner.pk not in members:
        raise ValidationError({"owner": "The owner must be a member of the organisation."})
    if any(person.pk not in members for person in distribution or ()):
        raise ValidationError({"distribution": "Everyone on the distribution list must be a member."})


def check_unique_reference(document: Document) -> None:
    clash = Document.objects.filter(organization=document.organization, reference=document.reference)
    if clash.exclude(pk=document.pk).exists():
        raise ValidationError({"reference": f"{document.reference} is already used in this organisation."})


def attach(version: DocumentVersion, checked: CheckedFile, upload: UploadedFile) -> None:
    """Store the checked file under a random name and note its name, size, type and hash on the version."""
    version.file_name, version.file_size = checked.name, checked.size
    version.file_content_type, version.file_sha256 = checked.content_type, checked.sha256
    version.file.save(checked.storage_name, upload, save=False)


def snapshot(instance: Model, fields: Iterable[str]) -> dict[str, Any]:
    shown = {}
    for name in fields:
        value = getattr(instance, name)
        shown[name] = value.pk if isinstance(value, Model) else value
    return shown


def version_data(version: DocumentVersion, **extra: Any) -> dict[str, Any]:
    return {"document": version.document.reference, "number": version.number, **extra}
