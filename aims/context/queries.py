"""Reading the context registers: filtered, sorted lists with whitelisted sort keys, and the AI system panel.

Every list query is `organization = ?` plus equality filters, served by the `ctx_*` indexes; a page reads
`page_size + 1` rows and never counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, OrderBy, Prefetch, Q, QuerySet

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement, Status
from aims.organizations.models import Organization

ALL_STATUSES = "all"

ISSUE_SORTS = {"reference": "Reference", "title": "Title", "category": "Category", "review": "Next review"}
OBLIGATION_SORTS = {"reference": "Reference", "title": "Title", "source": "Source", "review": "Next review"}
PARTY_SORTS = {"name": "Name", "kind": "Kind", "updated": "Last updated"}
_COLUMNS = {"review": "review_on", "updated": "updated_at"}


@dataclass(frozen=True)
class RecordFilter:
    """What to list; each empty field means "any". `choice` is the category, applicability or nothing."""

    q: str = ""
    kind: str = ""
    choice: str = ""
    status: str = Status.ACTIVE  # a Status value or ALL_STATUSES
    ai_system_id: int | None = None
    climate: bool | None = None
    sort: str = "reference"


def _order(sort: str, allowed: dict[str, str], default: str) -> list[OrderBy]:
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    column = _COLUMNS.get(key, key) if key in allowed else default
    expression = F(column)
    if descending:
        return [expression.desc(nulls_last=True), F("pk").desc()]
    return [expression.asc(nulls_last=True), F("pk").asc()]


def _common(wanted: RecordFilter, text_fields: tuple[str, ...]) -> Q:
    found = Q()
    if wanted.q:
        for name in text_fields:
            found |= Q(**{f"{name}__icontains": wanted.q})
    if wanted.kind:
        found &= Q(kind=wanted.kind)
    if wanted.status != ALL_STATUSES:
        found &= Q(status=wanted.status or Status.ACTIVE)
    return found


def _with_system(records: QuerySet[Any], wanted: RecordFilter) -> QuerySet[Any]:
    if wanted.ai_system_id is None:
        return records
    return records.filter(
        pk__in=records.model.ai_systems.through.objects.filter(aisystem_id=wanted.ai_system_id).values(
            f"{records.model._meta.model_name}_id"
        )
    )


def issues_for(organization: Organization, wanted: RecordFilter | None = None) -> QuerySet[ContextIssue]:
    wanted = wanted or RecordFilter()
    found = _common(wanted, ("reference", "title", "description"))
    if wanted.choice:
        found &= Q(category=wanted.choice)
    if wanted.climate is not None:
        found &= Q(is_climate_related=wanted.climate)
    records = ContextIssue.objects.filter(Q(organization=organization) & found)
    return (
        _with_system(records, wanted)
        .select_related("owner")
        .order_by(*_order(wanted.sort, ISSUE_SORTS, "reference"))
    )


def obligations_for(organization: Organization, wanted: RecordFilter | None = None) -> QuerySet[Obligation]:
    wanted = wanted or RecordFilter()
    found = _common(wanted, ("reference", "title", "source", "description"))
    if wanted.choice:
        found &= Q(applicability=wanted.choice)
    records = Obligation.objects.filter(Q(organization=organization) & found)
    return (
        _with_system(records, wanted)
        .select_related("owner")
        .order_by(*_order(wanted.sort, OBLIGATION_SORTS, "reference"))
    )


def parties_for(organization: Organization, wanted: RecordFilter | None = None) -> QuerySet[InterestedParty]:
    wanted = wanted or RecordFilter(sort="name")
    found = _common(wanted, ("name", "description"))
    records = InterestedParty.objects.filter(Q(organization=organization) & found)
    return records.order_by(*_order(wanted.sort, PARTY_SORTS, "name"))


def requirements_of(party: InterestedParty) -> QuerySet[Requirement]:
    return party.requirements.select_related("obligation").order_by("pk")


def with_systems(records: QuerySet[Any]) -> QuerySet[Any]:
    """Each record's AI systems in one more query, whatever the page size."""
    systems = AISystem.objects.only("pk", "reference", "name").order_by("reference")
    return records.prefetch_related(Prefetch("ai_systems", queryset=systems))


def members_of(organization: Organization) -> QuerySet[User]:
    return User.objects.filter(memberships__organization=organization).order_by("full_name", "email")


PANEL_LIMIT = 10


def panel_rows(system: AISystem) -> dict[str, list[Any]]:
    """The system's active obligations and context issues, capped, in two queries."""
    obligations = Obligation.objects.filter(ai_systems=system, status=Status.ACTIVE).order_by("reference")
    issues = ContextIssue.objects.filter(ai_systems=system, status=Status.ACTIVE).order_by("reference")
    return {
        "obligations": list(
            obligations.only("pk", "reference", "title", "source", "applicability")[:PANEL_LIMIT]
        ),
        "issues": list(issues.only("pk", "reference", "title", "kind", "category")[:PANEL_LIMIT]),
    }
