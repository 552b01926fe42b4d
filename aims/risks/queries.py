"""Reading the risk register: the filtered, sorted list, the heat maps, the due list and the system panel.

Every list query is `organization = ?` plus equality filters served by the `risk_org_*` indexes; a page reads
`page_size + 1` rows and never counts. The heat maps are two GROUP BY queries over covering indexes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, Count, F, OrderBy, Prefetch, Q, QuerySet, Value
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.catalog.queries import get_framework
from aims.organizations.models import Organization
from aims.risks.levels import CriteriaSpec, level_for
from aims.risks.models import Risk, RiskAssessment, RiskCriteria, TreatmentAction

OPEN = "open"  # every status but closed
ALL = "all"
DUE = "due"
SORTS = {
    "reference": "Reference",
    "title": "Title",
    "level": "Inherent level",
    "residual": "Residual level",
    "review": "Next review",
    "updated": "Last updated",
}
_COLUMNS = {
    "reference": "number",
    "level": "level_rank",
    "residual": "residual_level_rank",
    "review": "next_review_on",
    "updated": "updated_at",
}


@dataclass(frozen=True)
class RiskFilter:
    """What to list; each empty field means "any"."""

    q: str = ""
    status: str = OPEN  # a Risk.Status value, OPEN or ALL
    kind: str = ""
    ai_system_id: int | None = None
    organisation_wide: bool = False
    level: str = ""  # an inherent level key
    residual_level: str = ""
    owner_id: int | None = None
    source_id: int | None = None
    due: bool = False
    likelihood: int | None = None
    consequence: int | None = None
    residual: bool = False  # likelihood and consequence filter the residual rating
    sort: str = "reference"


def _order(sort: str) -> list[OrderBy]:
    key = sort.removeprefix("-")
    column = _COLUMNS.get(key, key) if key in SORTS else "number"
    expression = F(column)
    # No NULLS LAST: it would stop the database reading the page in index order. Empty review dates sort
    # first ascending on SQLite and last on PostgreSQL.
    if sort.startswith("-"):
        return [expression.desc(), F("number").desc()]
    return [expression.asc(), F("number").asc()]


def _status(wanted: RiskFilter) -> Q:
    if wanted.status == ALL:
        return Q()
    if wanted.status == OPEN or not wanted.status:
        return ~Q(status=Risk.Status.CLOSED)
    return Q(status=wanted.status)


def _cell(wanted: RiskFilter) -> Q:
    prefix = "residual_" if wanted.residual else ""
    found = Q()
    if wanted.likelihood is not None:
        found &= Q(**{f"{prefix}likelihood": wanted.likelihood})
    if wanted.consequence is not None:
        found &= Q(**{f"{prefix}consequence": wanted.consequence})
    return found


def _equalities(wanted: RiskFilter) -> Q:
    pairs = {
        "kind": wanted.kind or None,
        "ai_system_id": wanted.ai_system_id,
        "level_key": wanted.level or None,
        "residual_level_key": wanted.residual_level or None,
        "owner_id": wanted.owner_id,
        "risk_source_id": wanted.source_id,
    }
    found = Q(**{name: value for name, value in pairs.items() if value is not None})
    if wanted.organisation_wide:
        found &= Q(ai_system__isnull=True)
    return found


def _search(text: str) -> Q:
    if not text:
        return Q()
    return Q(reference__icontains=text) | Q(title__icontains=text) | Q(description__icontains=text)


def risks_for(organization: Organization, wanted: RiskFilter | None = None) -> QuerySet[Risk]:
    """The register's rows, with the AI system, owner and source each list row shows (no extra queries)."""
    wanted = wanted or RiskFilter()
    records = Risk.objects.filter(
        Q(organization=organization)
        & _status(wanted)
        & _equalities(wanted)
        & _cell(wanted)
        & _search(wanted.q)
    )
    if wanted.due:
        records = records.due()
    return records.select_related("ai_system", "owner", "risk_source").order_by(*_order(wanted.sort))


def list_rows(records: QuerySet[Risk]) -> QuerySet[Risk]:
    """Only the columns the list shows."""
    return records.only(
        "pk",
        "organization_id",
        "number",
        "reference",
        "kind",
        "title",
        "status",
        "level_key",
        "level_label",
        "level_colour",
        "residual_level_key",
        "residual_level_label",
        "residual_level_colour",
        "next_review_on",
        "updated_at",
        "assessed_at",
        "custom_source",
        "likelihood",
        "consequence",
        "residual_likelihood",
        "residual_consequence",
        "acceptance_expires_on",
        "ai_system__id",
        "ai_system__reference",
        "ai_system__name",
        "ai_system__updated_at",
        "ai_system__stage_changed_at",
        "owner__id",
        "owner__full_name",
        "owner__email",
        "risk_source__id",
        "risk_source__ref",
        "risk_source__title",
    )


@dataclass
class HeatCell:
    likelihood: int
    consequence: int
    count: int
    level_key: str
    level_label: str
    colour: str


@dataclass
class HeatMap:
    """A likelihood x consequence grid of open risks, rows from the highest likelihood down."""

    residual: bool
    likelihood: list[tuple[int, str]]
    consequence: list[tuple[int, str]]
    rows: list[list[HeatCell]]
    total: int
    off_scale: int = 0  # risks rated on scales larger than the criteria in force
    levels: list[tuple[str, str, str]] = field(default_factory=list)  # key, label, colour


def heat_map(
    organization: Organization,
    residual: bool,
    *,
    spec: CriteriaSpec,
    ai_system: AISystem | None = None,
) -> HeatMap:
    """Counts of open risks per (likelihood, consequence), inherent or residual, coloured by the criteria in
    force. One query."""
    prefix = "residual_" if residual else ""
    records = Risk.objects.filter(organization=organization).exclude(status=Risk.Status.CLOSED)
    if ai_system is not None:
        records = records.filter(ai_system=ai_system)
    counts = {
        (row[f"{prefix}likelihood"], row[f"{prefix}consequence"]): row["n"]
        for row in records.filter(**{f"{prefix}likelihood__isnull": False})
        .values(f"{prefix}likelihood", f"{prefix}consequence")
        .annotate(n=Count("*"))
        .order_by()
    }
    rows = []
    for point in reversed(spec.likelihood):
        row = []
        for column in spec.consequence:
            level = level_for(spec, point.value, column.value)
            count = counts.get((point.value, column.value), 0)
            row.append(HeatCell(point.value, column.value, count, level.key, level.label, level.colour))
        rows.append(row)
    shown = sum(cell.count for row in rows for cell in row)
    return HeatMap(
        residual=residual,
        likelihood=[(p.value, p.label) for p in spec.likelihood],
        consequence=[(p.value, p.label) for p in spec.consequence],
        rows=rows,
        total=shown,
        off_scale=sum(counts.values()) - shown,
        levels=[(lv.key, lv.label, lv.colour) for lv in spec.levels],
    )


def risk_sources() -> QuerySet[CatalogItem]:
    framework = get_framework()
    return CatalogItem.objects.filter(framework=framework, kind=CatalogItem.Kind.RISK_SOURCE).order_by(
        "position"
    )


def objectives() -> QuerySet[CatalogItem]:
    framework = get_framework()
    found = CatalogItem.objects.filter(framework=framework, kind=CatalogItem.Kind.OBJECTIVE, annex="C")
    return found.order_by("position")


def members_of(organization: Organization) -> QuerySet[User]:
    return User.objects.filter(memberships__organization=organization).order_by("full_name", "email")


def detail_rows(risk: Risk) -> dict[str, Any]:
    """What the risk page shows below the risk: assessments, actions, controls, objectives, impacts."""
    return {
        "assessments": list(
            RiskAssessment.objects.filter(risk=risk).select_related("criteria", "assessed_by")[:50]
        ),
        "actions": list(TreatmentAction.objects.filter(risk=risk).select_related("owner", "completed_by")),
        "controls": list(risk.controls.order_by("position", "reference")),
        "objectives": list(risk.objectives.order_by("position")),
        # Impacts of AI system impact assessments that raised or were linked to this risk (6.1.4 → 6.1.2).
        "impact_items": list(risk.impact_items.select_related("assessment").order_by("pk")),
    }


def with_details(records: QuerySet[Risk], organization: Organization | None = None) -> QuerySet[Risk]:
    """For the API and the CLI: what RiskOut shows, with controls and objectives in two more queries.

    With `organization` (lists of one organisation), its slug is annotated rather than joined.
    """
    related = ["ai_system", "owner", "risk_source"]
    if organization is None:
        related.append("organization")
    else:
        records = records.annotate(organization_slug=Value(organization.slug, output_field=CharField()))
    # Criteria and acceptors are few: fetched apart, they keep the page query on its index (SQLite's planner
    # gives up the index order when too many tables are joined).
    return records.select_related(*related).prefetch_related(
        Prefetch("controls", queryset=_controls()),
        Prefetch("objectives", queryset=CatalogItem.objects.only("ref")),
        Prefetch("criteria", queryset=RiskCriteria.objects.only("pk", "version")),
        Prefetch("residual_criteria", queryset=RiskCriteria.objects.only("pk", "version")),
        "accepted_by",
    )


def _controls() -> QuerySet[Any]:
    from aims.controls.models import Control

    return Control.objects.only("pk", "reference", "title")


PANEL_LIMIT = 10


def panel_rows(system: AISystem) -> list[Risk]:
    """The system's open risks, highest level first, capped: one query."""
    records = Risk.objects.filter(ai_system=system).exclude(status=Risk.Status.CLOSED)
    ordered = records.order_by("-level_rank", "number")
    return list(
        ordered.only(
            "pk",
            "reference",
            "title",
            "status",
            "kind",
            "level_label",
            "level_colour",
            "residual_level_label",
            "residual_level_colour",
            "next_review_on",
            "assessed_at",
        )[:PANEL_LIMIT]
    )


def due_ids(risks: Iterable[Risk]) -> set[int]:
    """Which of these already-loaded risks are due, without another query (for badges in lists)."""
    today = timezone.localdate()
    due = set()
    for risk in risks:
        if risk.status == Risk.Status.CLOSED:
            continue
        late = (risk.next_review_on is not None and risk.next_review_on < today) or risk.acceptance_expired
        system = risk.ai_system if risk.ai_system_id else None
        changed = bool(
            risk.assessed_at
            and system is not None
            and (
                system.updated_at > risk.assessed_at
                or (system.stage_changed_at is not None and system.stage_changed_at > risk.assessed_at)
            )
        )
        if late or changed:
            due.add(risk.pk)
    return due
