"""Fetching documents and versions for a user: 404 whether missing or in an organisation not theirs.

With `org_slug` (HTML pages) the document must be in that organisation; without it (the API, which addresses
documents by id alone) it may be in any of the user's organisations. `perm` then checks the role (403).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aims.accounts.models import User
from aims.documents.models import Document, DocumentVersion
from aims.organizations.access import Predicate, find_member_record, get_organization_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_document_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Document:
    documents = Document.objects.select_related(
        "organization", "owner", "current_version", "last_reviewed_by", "withdrawn_by"
    ).filter(pk=pk)
    found: Document | None = None
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        found = documents.filter(organization=organization).first()
    elif isinstance(user, User):
        found = find_member_record(documents, user)
        if found is not None and perm is not None and not perm(user, found.organization):
            raise PermissionDenied("Your role in this organisation does not allow this.")
    if found is None:
        raise Http404("No such document.")
    return found


def get_version_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, number: int, perm: Predicate | None = None
) -> DocumentVersion:
    """Version `number` of document `pk`, its document (and organisation) attached without another query."""
    document = get_document_for_user(user, org_slug, pk, perm)
    version = (
        DocumentVersion.objects.select_related("author", "reviewed_by", "published_by")
        .filter(document=document, number=number)
        .first()
    )
    if version is None:
        raise Http404("No such version.")
    version.document = document
    return version
