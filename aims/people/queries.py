"""Reads for the people pages and API: the role list and the RACI matrix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet

from aims.people.models import AIMSRole, Concern, RaciEntry, RoleAssignment

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

ROLE_SORTS = {"name": "Name", "area": "Area", "holders": "Holders", "updated": "Updated"}
ROLE_ORDER = {
    "name": ("name",),
    "area": ("area", "name"),
    "holders": ("holder_count", "name"),
    "updated": ("updated_at", "pk"),
}
DEFAULT_ROLE_SORT = "name"


@dataclass(frozen=True)
class RoleFilter:
    q: str = ""
    area: str = ""
    sort: str = DEFAULT_ROLE_SORT


def _ordering(sort: str) -> list[str]:
    key = sort.lstrip("-")
    fields = ROLE_ORDER.get(key, ROLE_ORDER[DEFAULT_ROLE_SORT])
    return [f"-{f}" for f in fields] if sort.startswith("-") and key in ROLE_ORDER else list(fields)


def roles_for(organization: Organization, wanted: RoleFilter = RoleFilter()) -> QuerySet[AIMSRole]:
    """Roles with their current holders prefetched: a fixed number of queries whatever the page size."""
    roles = AIMSRole.objects.filter(organization=organization)
    if wanted.q:
        roles = roles.filter(
            Q(name__icontains=wanted.q)
            | Q(responsibilities__icontains=wanted.q)
            | Q(assignments__user__email__icontains=wanted.q)
        ).distinct()
    if wanted.area:
        roles = roles.filter(area=wanted.area)
    current = RoleAssignment.objects.filter(until__isnull=True).select_related("user").order_by("user__email")
    return (
        roles.annotate(
            holder_count=Count("assignments", filter=Q(assignments__until__isnull=True), distinct=True)
        )
        .prefetch_related(Prefetch("assignments", queryset=current, to_attr="current_assignments"))
        .order_by(*_ordering(wanted.sort))
    )


@dataclass
class RaciRow:
    key: tuple[str, str]
    label: str
    cells: list[RaciEntry | None] = field(default_factory=list)
    has_accountable: bool = False


@dataclass
class RaciMatrix:
    kind: str
    roles: list[AIMSRole]
    rows: list[RaciRow]


def raci_matrix(organization: Organization, kind: str) -> RaciMatrix:
    """Subjects by roles for one kind: one query for the roles, one for the entries, none per cell."""
    roles = list(AIMSRole.objects.filter(organization=organization).order_by("name"))
    column = {role.pk: index for index, role in enumerate(roles)}
    entries = RaciEntry.objects.filter(organization=organization, kind=kind).select_related(
        "role", "control", "ai_system"
    )
    rows: dict[tuple[str, str], RaciRow] = {}
    for entry in entries:
        row = rows.setdefault(
            entry.subject_key, RaciRow(entry.subject_key, entry.subject_label, [None] * len(roles))
        )
        row.cells[column[entry.role_id]] = entry
        row.has_accountable |= entry.letter == RaciEntry.Letter.ACCOUNTABLE
    return RaciMatrix(kind=kind, roles=roles, rows=sorted(rows.values(), key=lambda r: r.label.lower()))


def raci_entries(organization: Organization, kind: str = "") -> QuerySet[RaciEntry]:
    entries = RaciEntry.objects.filter(organization=organization).select_related(
        "role", "control", "ai_system"
    )
    return entries.filter(kind=kind) if kind else entries


CONCERN_SORTS = {"reference": "Reference", "category": "Category", "status": "Status", "received": "Received"}
CONCERN_ORDER = {
    "reference": ("pk",),
    "category": ("category", "pk"),
    "status": ("status", "pk"),
    "received": ("received_on", "pk"),
}
DEFAULT_CONCERN_SORT = "-received"


@dataclass(frozen=True)
class ConcernFilter:
    q: str = ""
    status: str = ""
    category: str = ""
    sort: str = DEFAULT_CONCERN_SORT


def concerns_for(
    user: User, organization: Organization, wanted: ConcernFilter = ConcernFilter()
) -> QuerySet[Concern]:
    """Only the concerns this person may see (A.3.3), filtered and sorted."""
    concerns = Concern.objects.visible_to(user, organization)
    if wanted.q:
        concerns = concerns.filter(Q(reference__icontains=wanted.q) | Q(description__icontains=wanted.q))
    if wanted.status:
        concerns = concerns.filter(status=wanted.status)
    if wanted.category:
        concerns = concerns.filter(category=wanted.category)
    key = wanted.sort.lstrip("-")
    fields = CONCERN_ORDER.get(key, CONCERN_ORDER["received"])
    descending = wanted.sort.startswith("-") or key not in CONCERN_ORDER
    order = [f"-{f}" for f in fields] if descending else list(fields)
    return concerns.select_related("ai_system", "assigned_investigator", "organization").order_by(*order)
