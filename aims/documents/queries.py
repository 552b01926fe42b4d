"""Reading documents: the register list (filtered, sorted, no per-row queries), versions, diffs, timelines.

The list is `organization = ?` plus equality filters, served by the `doc_*` indexes; the version in progress
comes from one correlated subquery on the (document, number) unique index; a page reads `page_size + 1` rows.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import F, OrderBy, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from aims.accounts.models import User
from aims.documents.models import IN_PROGRESS_STATES, Document, DocumentVersion
from aims.organizations.models import Organization

ALL = "all"
SORTS = {"reference": "Reference", "title": "Title", "kind": "Kind", "review": "Next review"}
_COLUMNS = {"review": "next_review_on"}
REVIEW_DUE = {"overdue": "Overdue", "30": "Due within 30 days", "90": "Due within 90 days"}


@dataclass(frozen=True)
class DocumentFilter:
    """What to list; each empty field means "any"."""

    q: str = ""
    kind: str = ""
    status: str = Document.Status.ACTIVE  # a Status value or ALL
    stage: str = ""  # a version state: documents with a version in that state
    owner_id: int | None = None
    review: str = ""  # a REVIEW_DUE key
    sort: str = "reference"


def _order(sort: str) -> list[OrderBy]:
    key = sort.removeprefix("-")
    expression = F(_COLUMNS.get(key, key) if key in SORTS else "reference")
    if sort.startswith("-"):
        return [expression.desc(nulls_last=True), F("pk").desc()]
    return [expression.asc(nulls_last=True), F("pk").asc()]


def _review(wanted: DocumentFilter, today: date) -> Q:
    if wanted.review == "overdue":
        return Q(next_review_on__lt=today)
    if wanted.review in REVIEW_DUE:
        return Q(next_review_on__lte=today + timedelta(days=int(wanted.review)))
    return Q()


def _filters(organization: Organization, wanted: DocumentFilter) -> Q:
    found = Q(organization=organization)
    if wanted.q:
        found &= Q(reference__icontains=wanted.q) | Q(title__icontains=wanted.q)
    if wanted.kind:
        found &= Q(kind=wanted.kind)
    if wanted.status != ALL:
        found &= Q(status=wanted.status or Document.Status.ACTIVE)
    if wanted.owner_id is not None:
        found &= Q(owner_id=wanted.owner_id)
    if wanted.stage:
        staged = DocumentVersion.objects.filter(document__organization=organization, state=wanted.stage)
        found &= Q(pk__in=staged.values("document_id"))
    return found & _review(wanted, timezone.localdate())


def in_progress_state() -> Subquery:
    """The state of the document's version in progress (draft … approved), or None."""
    versions = DocumentVersion.objects.filter(document=OuterRef("pk"), state__in=IN_PROGRESS_STATES)
    return Subquery(versions.order_by("-number").values("state")[:1])


LIST_FIELDS = (
    "pk", "reference", "title", "kind", "status", "next_review_on", "organization_id",
    "owner__id", "owner__email", "owner__full_name",
    "current_version__id", "current_version__number", "current_version__published_at",
)  # fmt: skip


def documents_for(organization: Organization, wanted: DocumentFilter | None = None) -> QuerySet[Document]:
    """The register's rows: owner and version in force joined, the version in progress annotated."""
    wanted = wanted or DocumentFilter()
    return (
        Document.objects.filter(_filters(organization, wanted))
        .select_related("owner", "current_version")
        .annotate(in_progress=in_progress_state())
        .order_by(*_order(wanted.sort))
    )


def versions_of(document: Document) -> list[DocumentVersion]:
    versions = DocumentVersion.objects.filter(document=document).select_related(
        "author", "reviewed_by", "published_by"
    )
    found = list(versions.defer("body").order_by("-number"))
    for version in found:
        version.document = document
    return found


def pair_of(document: Document, a: int, b: int) -> tuple[DocumentVersion, DocumentVersion]:
    """Versions `a` and `b` of the document, with their text, in one query; 404 if either is missing."""
    found = {
        version.number: version
        for version in DocumentVersion.objects.filter(document=document, number__in=(a, b)).select_related(
            "author", "reviewed_by", "published_by"
        )
    }
    if a not in found or b not in found:
        raise Http404("No such version.")
    for version in found.values():
        version.document = document
    return found[a], found[b]


def members_of(organization: Organization) -> QuerySet[User]:
    return User.objects.filter(memberships__organization=organization).order_by("full_name", "email")


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed", "skipped"
    text: str
    old: int | None = None
    new: int | None = None


@dataclass
class VersionDiff:
    a: DocumentVersion
    b: DocumentVersion
    lines: list[DiffLine] = field(default_factory=list)
    metadata: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(line.kind == "added" for line in self.lines)

    @property
    def removed(self) -> int:
        return sum(line.kind == "removed" for line in self.lines)


CONTEXT = 3
DIFF_FIELDS = (
    ("State", "get_state_display"),
    ("Change summary", "change_summary"),
    ("Author", "author"),
    ("File", "file_name"),
    ("File SHA-256", "file_sha256"),
    ("Published", "published_at"),
)


def _value(version: DocumentVersion, attribute: str) -> Any:
    value = getattr(version, attribute)
    return value() if callable(value) else value


def _hunk(tag: str, old: list[str], new: list[str], i1: int, i2: int, j1: int, j2: int) -> list[DiffLine]:
    if tag == "equal":
        same = [DiffLine("same", old[i], i + 1, j1 + i - i1 + 1) for i in range(i1, i2)]
        if len(same) > 2 * CONTEXT + 1:
            hidden = len(same) - 2 * CONTEXT
            return [*same[:CONTEXT], DiffLine("skipped", f"{hidden} unchanged lines"), *same[-CONTEXT:]]
        return same
    removed = [DiffLine("removed", old[i], old=i + 1) for i in range(i1, i2)]
    return removed + [DiffLine("added", new[j], new=j + 1) for j in range(j1, j2)]


def diff_versions(a: DocumentVersion, b: DocumentVersion) -> VersionDiff:
    """A line diff of the two Markdown bodies (long unchanged runs folded) and the metadata that differs."""
    old, new = a.body.splitlines(), b.body.splitlines()
    result = VersionDiff(a, b)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for opcode in matcher.get_opcodes():
        result.lines.extend(_hunk(opcode[0], old, new, *opcode[1:]))
    for label, attribute in DIFF_FIELDS:
        before, after = _value(a, attribute), _value(b, attribute)
        if before != after:
            result.metadata.append((label, before, after))
    return result


@dataclass(frozen=True)
class Moment:
    at: Any
    what: str
    who: User | None = None
    note: str = ""


def _version_moments(version: DocumentVersion) -> list[Moment]:
    label = f"Version {version.number}"
    found = [Moment(version.created_at, f"{label} started", version.author, version.change_summary)]
    if version.submitted_at:
        found.append(Moment(version.submitted_at, f"{label} submitted for approval", version.author))
    if version.reviewed_at:
        verdict = (
            "changes requested" if version.state == DocumentVersion.State.CHANGES_REQUESTED else "approved"
        )
        found.append(
            Moment(version.reviewed_at, f"{label} {verdict}", version.reviewed_by, version.review_comment)
        )
    if version.published_at:
        found.append(Moment(version.published_at, f"{label} published", version.published_by))
    if version.superseded_at:
        found.append(Moment(version.superseded_at, f"{label} superseded"))
    return found


def timeline(document: Document, versions: list[DocumentVersion]) -> list[Moment]:
    """The document's history, newest first, from the records themselves (the audit trail has every event)."""
    found = [Moment(document.created_at, "Registered")]
    for version in versions:
        found.extend(_version_moments(version))
    if document.last_reviewed_at:
        found.append(
            Moment(document.last_reviewed_at, "Reviewed, no change needed", document.last_reviewed_by)
        )
    if document.withdrawn_at:
        found.append(
            Moment(document.withdrawn_at, "Withdrawn", document.withdrawn_by, document.withdrawal_reason)
        )
    return sorted(found, key=lambda moment: moment.at, reverse=True)
