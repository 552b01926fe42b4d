"""Reading the AI system inventory: the filtered, sorted list, and a system's stage and change history.

Every list query is `organization = ?` plus equality filters and one of the whitelisted orders, served by the
`ais_org_*` indexes; a page reads `page_size + 1` rows and never counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Case, CharField, F, Field, OrderBy, Q, QuerySet, Value, When
from django.db.models.functions import Concat, Length, Substr
from django.db.models.lookups import GreaterThan
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import EDITABLE_FIELDS, AISystem, StageChange
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from django.db.models import Expression

ANY_CURRENT = ""  # the status filter's default: draft and active, not archived
ALL_STATUSES = "all"
UNCLASSIFIED = "unclassified"

SORTS = {
    "name": "Name",
    "reference": "Reference",
    "stage": "Life-cycle stage",
    "updated": "Last updated",
    "next_review": "Next review",
}
SORT_KEYS = tuple(key for name in SORTS for key in (name, f"-{name}"))
DEFAULT_SORT = "name"


@dataclass(frozen=True)
class SystemFilter:
    """What to list; each empty field means "any"."""

    q: str = ""
    stage: str = ""
    risk_class: str = ""  # a RiskClass value, or UNCLASSIFIED
    in_scope: bool | None = None
    owner_id: int | None = None
    owner_email: str = ""
    status: str = ANY_CURRENT  # a Status value, ANY_CURRENT or ALL_STATUSES
    due_for_review: bool = False
    sort: str = DEFAULT_SORT


def _field_filters(wanted: SystemFilter) -> Q:
    found = Q()
    if wanted.q:
        found &= (
            Q(reference__icontains=wanted.q) | Q(name__icontains=wanted.q) | Q(purpose__icontains=wanted.q)
        )
    if wanted.stage:
        found &= Q(lifecycle_stage=wanted.stage)
    if wanted.risk_class:
        found &= Q(risk_class="" if wanted.risk_class == UNCLASSIFIED else wanted.risk_class)
    if wanted.in_scope is not None:
        found &= Q(in_scope=wanted.in_scope)
    if wanted.owner_id is not None:
        found &= Q(owner_id=wanted.owner_id)
    if wanted.owner_email:
        found &= Q(owner__email__iexact=wanted.owner_email)
    return found


def _state_filters(wanted: SystemFilter) -> Q:
    found = Q()
    if wanted.status == ANY_CURRENT:
        found &= ~Q(status=AISystem.Status.ARCHIVED)
    elif wanted.status != ALL_STATUSES:
        found &= Q(status=wanted.status)
    if wanted.due_for_review:
        found &= Q(next_review_on__lte=timezone.localdate()) & ~Q(status=AISystem.Status.ARCHIVED)
    return found


def _order(sort: str) -> list[Expression | OrderBy]:
    """The ORDER BY of a whitelisted sort key (unknown keys sort by name); ties broken by name and id.

    Only the next review date can be empty: systems without one come last either way.
    """
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    if key == "name" or key not in SORTS:
        return [F("name").desc(), F("pk").desc()] if descending else [F("name").asc(), F("pk").asc()]
    primary: dict[str, Any] = {
        "reference": F("reference"),
        "stage": F("stage_position"),
        "updated": F("updated_at"),
        "next_review": F("next_review_on"),
    }
    expression = primary[key]
    nulls_last = True if key == "next_review" else None
    if descending:  # everything reversed, so that the index is read backwards
        return [expression.desc(nulls_last=nulls_last), F("name").desc(), F("pk").desc()]
    return [expression.asc(nulls_last=nulls_last), F("name").asc(), F("pk").asc()]


def filter_systems(systems: QuerySet[AISystem], wanted: SystemFilter) -> QuerySet[AISystem]:
    """Filtered and sorted, with each system's owner fetched in the same query."""
    return (
        systems.filter(_field_filters(wanted) & _state_filters(wanted))
        .select_related("owner", "organization")
        .order_by(*_order(wanted.sort))
    )


def systems_for(organization: Organization, wanted: SystemFilter | None = None) -> QuerySet[AISystem]:
    return filter_systems(AISystem.objects.filter(organization=organization), wanted or SystemFilter())


def systems_visible_to(user: User, wanted: SystemFilter | None = None) -> QuerySet[AISystem]:
    """Across every organisation the user belongs to (the API without `organization`)."""
    mine = Membership.objects.organizations_of(user)
    return filter_systems(AISystem.objects.filter(organization__in=mine), wanted or SystemFilter())


EXCERPT = 120
_LIST_FIELDS = (
    "organization", "reference", "name", "lifecycle_stage", "risk_class", "in_scope", "status",
    "next_review_on", "updated_at", "owner__email", "owner__full_name", "organization__slug",
)  # fmt: skip


def _excerpt(name: str, length: int) -> Case:
    """The text cut to `length` characters with an ellipsis, by the database (long texts never leave it)."""
    cut = Concat(Substr(name, 1, length - 1), Value("…"), output_field=CharField())
    return Case(When(GreaterThan(Length(name), length), then=cut), default=F(name), output_field=CharField())


def list_rows(systems: QuerySet[AISystem]) -> QuerySet[AISystem]:
    """For the HTML list: only the shown columns, and the purpose cut short."""
    return systems.only(*_LIST_FIELDS).annotate(purpose_excerpt=_excerpt("purpose", EXCERPT))


def members_of(organization: Organization) -> QuerySet[User]:
    """The people who may own a system: the organisation's members."""
    return User.objects.filter(memberships__organization=organization).order_by("full_name", "email")


def stage_history(system: AISystem, limit: int = 50) -> list[StageChange]:
    changes = system.stage_changes.select_related("changed_by", "approved_by").order_by("-changed_at", "-pk")
    return list(changes[:limit])


@dataclass
class Revision:
    """One saved version of a system, with what changed since the version before."""

    at: datetime
    by: User | None
    kind: str  # "+" created, "~" changed, "-" deleted
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field label, before, after)


_HISTORY_FIELDS = (*EDITABLE_FIELDS, "lifecycle_stage", "risk_class", "stage_approved_by")


def _model_field(name: str) -> Field[Any, Any]:
    found = AISystem._meta.get_field(name)
    assert isinstance(found, Field)
    return found


def _shown(record: Any, name: str) -> str:
    value = getattr(record, name)
    if name in ("owner", "stage_approved_by"):
        return value.display_name if value else "—"
    if name == "ai_roles":
        return ", ".join(dict(Organization.AIRole.choices).get(role, role) for role in value or []) or "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return value.isoformat()
    choices = dict(_model_field(name).flatchoices)
    return str(choices.get(value, value)) if value not in ("", None) else "—"


def _diff(newer: Any, older: Any) -> list[tuple[str, str, str]]:
    changes = []
    for name in _HISTORY_FIELDS:
        before, after = _shown(older, name), _shown(newer, name)
        if before != after:
            label = str(_model_field(name).verbose_name).capitalize()
            changes.append((label, before, after))
    return changes


def revisions(system: AISystem, limit: int = 20) -> list[Revision]:
    """The latest `limit` versions from django-simple-history, newest first, in one query."""
    versions = system.history.select_related("history_user", "owner", "stage_approved_by")
    records = list(versions.order_by("-history_date", "-history_id")[: limit + 1])
    shown = []
    for index, newer in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        changes = _diff(newer, older) if older is not None and newer.history_type == "~" else []
        shown.append(
            Revision(at=newer.history_date, by=newer.history_user, kind=newer.history_type, changes=changes)
        )
    return shown
