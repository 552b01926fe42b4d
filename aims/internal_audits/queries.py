"""Reads for the pages, the API, the CLI and the report; each a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.internal_audits.models import (
    FINDINGS,
    NONCONFORMING,
    AuditProgramme,
    ChecklistItem,
    InternalAudit,
    Result,
)
from aims.organizations.models import Organization


@dataclass(frozen=True)
class AuditFilter:
    q: str = ""
    status: str = ""
    programme_id: int | None = None


def audits_for(organization: Organization, wanted: AuditFilter) -> QuerySet[InternalAudit]:
    """The organisation's audits matching the filter, newest first, with programme, lead and AI systems."""
    records = InternalAudit.objects.filter(organization=organization)
    if wanted.status:
        records = records.filter(status=wanted.status)
    if wanted.programme_id is not None:
        records = records.filter(programme_id=wanted.programme_id)
    if wanted.q:
        q = wanted.q
        records = records.filter(
            Q(reference__icontains=q)
            | Q(title__icontains=q)
            | Q(criteria__icontains=q)
            | Q(plan__icontains=q)
        )
    return with_relations(records).order_by("-number")


def with_relations(records: QuerySet[InternalAudit]) -> QuerySet[InternalAudit]:
    return records.select_related("organization", "programme", "lead_auditor").prefetch_related(
        Prefetch("ai_systems", queryset=AISystem.objects.order_by("reference")),
        Prefetch("scope_items", queryset=CatalogItem.objects.order_by("position")),
        Prefetch("team", queryset=User.objects.order_by("email")),
    )


def programmes_for(organization: Organization) -> QuerySet[AuditProgramme]:
    """The organisation's programmes, newest period first, with how many audits each has."""
    return (
        AuditProgramme.objects.filter(organization=organization)
        .select_related("organization", "approved_by")
        .annotate(audit_count=Count("audits"))
        .order_by("-period_start", "-pk")
    )


def checklist(audit: InternalAudit) -> list[ChecklistItem]:
    """The checklist in catalogue order, with evidence and nonconformities (three queries)."""
    items = ChecklistItem.objects.filter(audit=audit).select_related("nonconformity", "assessed_by")
    return list(items.prefetch_related("evidence").order_by("position", "pk"))


@dataclass
class Group:
    ref: str
    title: str
    items: list[ChecklistItem] = field(default_factory=list)


def grouped(items: list[ChecklistItem], titles: dict[str, str]) -> list[Group]:
    groups: dict[str, Group] = {}
    for item in items:
        groups.setdefault(item.group, Group(item.group, titles.get(item.group, ""))).items.append(item)
    return list(groups.values())


def group_titles() -> dict[str, str]:
    """Titles of the top-level clauses and Annex A groups (one query)."""
    top = CatalogItem.objects.filter(parent__isnull=True, kind__in=("clause", "objective"))
    return dict(top.values_list("ref", "title"))


def result_counts(items: list[ChecklistItem]) -> list[tuple[str, str, int]]:
    """(value, label, count) for every result, in the order of the choices."""
    counted = Counter(item.result for item in items)
    return [(value, label, counted.get(value, 0)) for value, label in Result.choices]


@dataclass(frozen=True)
class CoverageRow:
    group: str
    title: str
    audits: int
    items: int
    nonconformities: int
    other_findings: int


def coverage(audits: QuerySet[InternalAudit]) -> list[CoverageRow]:
    """Which top-level clauses 4 to 10 and Annex A groups the audits covered, and their findings (two
    queries)."""
    counts = (
        ChecklistItem.objects.filter(audit__in=audits.values("pk"))
        .values("group")
        .annotate(
            audits=Count("audit", distinct=True),
            items=Count("pk"),
            ncs=Count("pk", filter=Q(result__in=NONCONFORMING)),
            other=Count("pk", filter=Q(result__in=[r for r in FINDINGS if r not in NONCONFORMING])),
        )
    )
    by_group = {row["group"]: row for row in counts}
    top = CatalogItem.objects.filter(
        parent__isnull=True, kind__in=("clause", "objective"), framework__code="iso42001"
    ).order_by("position")
    rows = []
    for item in top:
        if item.kind == "objective" and item.annex != "A":
            continue
        row: dict[str, Any] = by_group.get(item.ref, {})
        rows.append(
            CoverageRow(
                group=item.ref,
                title=item.title,
                audits=row.get("audits", 0),
                items=row.get("items", 0),
                nonconformities=row.get("ncs", 0),
                other_findings=row.get("other", 0),
            )
        )
    return rows


def coverage_chart(rows: list[CoverageRow]) -> dict[str, Any]:
    """A Chart.js bar chart of the coverage rows: findings per clause or group, audits on a second axis."""
    return {
        "type": "bar",
        "data": {
            "labels": [r.group for r in rows],
            "datasets": [
                {
                    "label": "Audits covering it",
                    "data": [r.audits for r in rows],
                    "backgroundColor": "#90caf9",
                },
                {
                    "label": "Nonconformities",
                    "data": [r.nonconformities for r in rows],
                    "backgroundColor": "#c62828",
                },
                {
                    "label": "Observations and OFIs",
                    "data": [r.other_findings for r in rows],
                    "backgroundColor": "#fdd835",
                },
            ],
        },
        "options": {
            "responsive": True,
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
            "plugins": {"legend": {"position": "bottom"}},
        },
    }


def recent_audits(organization: Organization, today: date) -> QuerySet[InternalAudit]:
    """Audits planned to start in the last three years (cancelled ones left out)."""
    since = (
        today.replace(year=today.year - 3)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - 3, day=28)
    )
    return InternalAudit.objects.filter(organization=organization, planned_start__gte=since).exclude(
        status=InternalAudit.Status.CANCELLED
    )
