"""Reading the register: filtered and sorted lists, a third party's page, responsibility matrices.

Every list is one organisation's rows read along an index that starts with the organisation; sort keys are
a fixed list, each backed by an index, and a page fetches `page_size + 1` rows (see aims.web.pagination).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from aims.ai_systems.models import LifecycleStage
from aims.organizations.models import Organization
from aims.third_parties.models import DueDiligence, Relationship, ResponsibilityAllocation, ThirdParty

SORTS: dict[str, tuple[Any, ...]] = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "reference": ("reference",),
    "-reference": ("-reference",),
    "next_review": (F("next_review_on").asc(nulls_last=True), "name", "pk"),
    "-updated": ("-updated_at", "-pk"),
}
SORT_LABELS = {
    "name": "Name, A to Z",
    "-name": "Name, Z to A",
    "reference": "Reference",
    "-reference": "Reference, descending",
    "next_review": "Next review, soonest first",
    "-updated": "Recently changed",
}
KIND_FILTERS = {
    "supplier": ("Suppliers", (ThirdParty.Kind.SUPPLIER, ThirdParty.Kind.BOTH)),
    "customer": ("Customers", (ThirdParty.Kind.CUSTOMER, ThirdParty.Kind.BOTH)),
    "both": ("Both supplier and customer", (ThirdParty.Kind.BOTH,)),
}
STATUS_FILTERS = {
    "": "Current",
    ThirdParty.Status.PROSPECTIVE.value: "Under evaluation",
    ThirdParty.Status.ACTIVE.value: "Active",
    ThirdParty.Status.ARCHIVED.value: "Archived",
    "any": "Any status",
}
REVIEW_FILTERS = {
    "overdue": "Overdue",
    "due_30": "Due within 30 days",
    "unscheduled": "No review date",
}
SOON = timedelta(days=30)


@dataclass(frozen=True)
class PartyFilter:
    """What the list shows; empty means "any" (for status: every status but archived)."""

    search: str = ""
    kind: str = ""
    category: str = ""
    status: str = ""
    review: str = ""
    sort: str = "name"


def _review(rows: QuerySet[Any], review: str) -> QuerySet[Any]:
    today = timezone.localdate()
    if review == "overdue":
        return rows.filter(next_review_on__lte=today)
    if review == "due_30":
        return rows.filter(next_review_on__lte=today + SOON)
    if review == "unscheduled":
        return rows.filter(next_review_on__isnull=True)
    return rows


def _status(rows: QuerySet[ThirdParty], status: str) -> QuerySet[ThirdParty]:
    if status == "":
        return rows.exclude(status=ThirdParty.Status.ARCHIVED)
    if status == "any":
        return rows
    return rows.filter(status=status)


def _search(rows: QuerySet[ThirdParty], search: str) -> QuerySet[ThirdParty]:
    if not search:
        return rows
    return rows.filter(
        Q(name__icontains=search) | Q(reference__icontains=search) | Q(contact__icontains=search)
    )


def parties_for(organization: Organization, wanted: PartyFilter | None = None) -> QuerySet[ThirdParty]:
    """The organisation's third parties matching the filter, in the asked order."""
    wanted = wanted or PartyFilter()
    rows = _search(
        _status(ThirdParty.objects.filter(organization=organization), wanted.status), wanted.search
    )
    if wanted.kind:
        rows = rows.filter(kind__in=KIND_FILTERS[wanted.kind][1])
    if wanted.category:
        # The list is stored as JSON text (`["cloud", "service"]`); a quoted value matches one element.
        rows = rows.alias(category_text=Cast("categories", TextField())).filter(
            category_text__contains=f'"{wanted.category}"'
        )
    rows = _review(rows, wanted.review)
    return rows.order_by(*SORTS.get(wanted.sort, SORTS["name"]))


@dataclass(frozen=True)
class RelationshipFilter:
    search: str = ""
    third_party_id: int | None = None
    ai_system_id: int | None = None
    role: str = ""
    status: str = ""
    review: str = ""


def relationships_for(
    organization: Organization, wanted: RelationshipFilter | None = None
) -> QuerySet[Relationship]:
    """The organisation's relationships, with their parties, systems and responsibilities (two queries)."""
    wanted = wanted or RelationshipFilter()
    rows: QuerySet[Relationship] = Relationship.objects.filter(organization=organization)
    if wanted.third_party_id is not None:
        rows = rows.filter(third_party_id=wanted.third_party_id)
    if wanted.ai_system_id is not None:
        rows = rows.filter(ai_system_id=wanted.ai_system_id)
    if wanted.role:
        rows = rows.filter(role=wanted.role)
    if wanted.status:
        rows = rows.filter(status=wanted.status)
    if wanted.search:
        rows = rows.filter(
            Q(subject__icontains=wanted.search)
            | Q(contract_reference__icontains=wanted.search)
            | Q(third_party__name__icontains=wanted.search)
        )
    rows = _review(rows, wanted.review)
    return with_responsibilities(rows.select_related("third_party", "ai_system")).order_by(
        "third_party__name", "pk"
    )


def with_responsibilities(rows: QuerySet[Relationship]) -> QuerySet[Relationship]:
    return rows.prefetch_related(
        Prefetch("responsibilities", queryset=ResponsibilityAllocation.objects.order_by("pk"))
    )


@dataclass(frozen=True)
class MatrixRow:
    """One line of a responsibility matrix: a life-cycle stage and who is responsible for it."""

    stage: str
    label: str
    party: str
    note: str

    @property
    def is_set(self) -> bool:
        return bool(self.party)


def responsibility_matrix(relationship: Relationship) -> list[MatrixRow]:
    """Every life-cycle stage in order, with the allocation if there is one (uses prefetched rows)."""
    allocated = {row.stage: row for row in relationship.responsibilities.all()}
    rows = []
    for stage in LifecycleStage:
        found = allocated.get(stage.value)
        rows.append(
            MatrixRow(
                stage.value, str(stage.label), found.party if found else "", found.note if found else ""
            )
        )
    return rows


def due_diligence_for(party: ThirdParty, relationship: Relationship | None = None) -> QuerySet[DueDiligence]:
    """The due diligence history of a party (or of one of its relationships), newest first."""
    rows = DueDiligence.objects.filter(third_party=party)
    if relationship is not None:
        rows = rows.filter(relationship=relationship)
    return rows.select_related("performed_by", "recorded_by", "relationship").order_by("-performed_on", "-pk")


@dataclass
class PartyPage:
    """Everything the third party's page shows, read in a fixed number of queries."""

    relationships: list[tuple[Relationship, list[MatrixRow]]]
    due_diligences: list[DueDiligence]
    more_due_diligences: bool


DUE_DILIGENCE_SHOWN = 50


def party_page(party: ThirdParty) -> PartyPage:
    relationships = with_responsibilities(
        party.relationships.select_related("ai_system").order_by("status", "-started_on", "pk")
    )
    checks = list(due_diligence_for(party)[: DUE_DILIGENCE_SHOWN + 1])
    return PartyPage(
        relationships=[(row, responsibility_matrix(row)) for row in relationships],
        due_diligences=checks[:DUE_DILIGENCE_SHOWN],
        more_due_diligences=len(checks) > DUE_DILIGENCE_SHOWN,
    )


def system_relationships(system_id: int) -> list[Relationship]:
    """The relationships of one AI system, for its page's panel (one query)."""
    rows = Relationship.objects.filter(ai_system_id=system_id).select_related("third_party")
    return list(rows.order_by("status", "third_party__name", "pk"))
