"""Reading the evidence register, and the functions other apps call to show evidence on their pages.

Every list query is `organization = ?` plus equality or range filters, served by the `evidence_*` indexes; a
page reads `page_size + 1` rows and never counts. `evidence_for`, `evidence_counts` and
`requirement_evidence_counts` each run one query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, F, OrderBy, Q, QuerySet
from django.utils import timezone

from aims.accounts.models import User
from aims.audit.models import AuditEvent
from aims.catalog.models import CatalogItem
from aims.evidence.links import record_url
from aims.evidence.models import (
    PREFIX,
    Evidence,
    EvidenceLink,
    EvidenceQuerySet,
    Freshness,
    expiring_horizon,
)
from aims.organizations.models import Organization

ALL = "all"
SORTS = {
    "reference": ("number", "Reference"),
    "title": ("title", "Title"),
    "collected": ("collected_on", "Collected"),
    "valid": ("valid_until", "Valid until"),
}
_REFERENCE = re.compile(rf"^{PREFIX}?0*(\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class EvidenceFilter:
    """What to list; each empty field means "any"."""

    q: str = ""
    kind: str = ""
    freshness: str = ""  # a Freshness value, or "" for any
    status: str = Evidence.Status.ACTIVE  # a Status value or ALL
    owner_id: int | None = None
    requirement: str = ""  # a catalogue ref
    record: models.Model | None = None  # only evidence supporting this record
    sort: str = "-reference"


def _order(sort: str) -> list[OrderBy]:
    key = sort.removeprefix("-")
    column = SORTS.get(key, SORTS["reference"])[0]
    if sort.startswith("-"):
        return [F(column).desc(nulls_last=True), F("number").desc()]
    return [F(column).asc(nulls_last=True), F("number").asc()]


def _search(q: str) -> Q:
    found = Q(title__icontains=q) | Q(description__icontains=q) | Q(file_name__icontains=q)
    found |= Q(url__icontains=q)
    match = _REFERENCE.match(q)
    return found | Q(number=int(match.group(1))) if match else found


def _fresh(records: EvidenceQuerySet, freshness: str, today: date) -> EvidenceQuerySet:
    if freshness == Freshness.EXPIRED:
        return records.expired(today)
    if freshness == Freshness.EXPIRING:
        return records.expiring(today)
    if freshness == Freshness.CURRENT:
        return records.current(today)
    return records


def evidence_list(
    organization: Organization, wanted: EvidenceFilter | None = None, today: date | None = None
) -> QuerySet[Evidence]:
    wanted = wanted or EvidenceFilter()
    records = Evidence.objects.filter(organization=organization)
    if wanted.status != ALL:
        records = records.filter(status=wanted.status or Evidence.Status.ACTIVE)
    if wanted.kind:
        records = records.filter(kind=wanted.kind)
    if wanted.owner_id is not None:
        records = records.filter(owner_id=wanted.owner_id)
    if wanted.q:
        records = records.filter(_search(wanted.q))
    if wanted.requirement:
        linked = EvidenceLink.objects.filter(organization=organization, item__ref__iexact=wanted.requirement)
        records = records.filter(pk__in=linked.values("evidence_id"))
    if wanted.record is not None:
        content_type = ContentType.objects.get_for_model(wanted.record)
        linked = EvidenceLink.objects.filter(content_type=content_type, object_id=wanted.record.pk)
        records = records.filter(pk__in=linked.values("evidence_id"))
    records = _fresh(records, wanted.freshness, today or timezone.localdate())
    return records.select_related("owner").order_by(*_order(wanted.sort))


def expired_and_expiring(organization: Organization, today: date | None = None) -> QuerySet[Evidence]:
    """Active evidence whose validity has ended or ends within 30 days, soonest first."""
    today = today or timezone.localdate()
    records = Evidence.objects.filter(organization=organization).active()
    soon = records.filter(valid_until__lte=expiring_horizon(today))
    return soon.select_related("owner").order_by("valid_until", "number")


def with_link_counts(items: Sequence[Evidence], today: date | None = None) -> Sequence[Evidence]:
    """Set `link_count` (in one query) and `state` (retired, current, expiring or expired) on each item."""
    today = today or timezone.localdate()
    counts = dict(
        EvidenceLink.objects.filter(evidence__in=[e.pk for e in items])
        .values_list("evidence_id")
        .annotate(n=Count("pk"))
        .values_list("evidence_id", "n")
    )
    for evidence in items:
        evidence.link_count = counts.get(evidence.pk, 0)  # type: ignore[attr-defined]
        state = "retired" if evidence.is_retired else evidence.freshness_on(today).value
        evidence.state = state  # type: ignore[attr-defined]
    return items


def links_of(evidence: Evidence) -> list[EvidenceLink]:
    """What the evidence supports: requirements in catalogue order, then records; one query per kind of
    record."""
    links = list(
        EvidenceLink.objects.filter(evidence=evidence)
        .select_related("item", "content_type")
        .prefetch_related("record")
    )
    links.sort(key=lambda link: (link.item is None, link.item.position if link.item else 0, link.pk))
    for link in links:
        record = link.record if link.content_type_id else None
        link.record_url = record_url(record, evidence.organization.slug) if record is not None else ""  # type: ignore[attr-defined]
    return links


def links_page(evidence: Evidence) -> QuerySet[EvidenceLink]:
    return (
        EvidenceLink.objects.filter(evidence=evidence)
        .select_related("item", "content_type")
        .prefetch_related("record")
        .order_by("pk")
    )


def history_of(evidence: Evidence, limit: int = 50) -> list[AuditEvent]:
    events = AuditEvent.objects.filter(
        organization_id=evidence.organization_id,
        target_type=Evidence._meta.label_lower,
        target_id=str(evidence.pk),
    )
    return list(events.order_by("-seq")[:limit])


def evidence_for(record: models.Model, *, include_retired: bool = False) -> QuerySet[Evidence]:
    """The evidence that supports a record (an AI system, a control, a document …), newest first."""
    content_type = ContentType.objects.get_for_model(record)
    links = EvidenceLink.objects.filter(content_type=content_type, object_id=record.pk)
    records = Evidence.objects.filter(pk__in=links.values("evidence_id"))
    if not include_retired:
        records = records.active()
    return records.select_related("owner").order_by("-number")


def evidence_for_requirement(organization: Organization, item: CatalogItem) -> QuerySet[Evidence]:
    """The organisation's active evidence that supports a catalogue requirement."""
    links = EvidenceLink.objects.filter(organization=organization, item=item)
    return Evidence.objects.active().filter(pk__in=links.values("evidence_id")).order_by("-number")


def evidence_counts(records: Iterable[models.Model]) -> dict[int, int]:
    """{record pk: number of active evidence items} for records of one model, in one query (SoA rows …)."""
    records = list(records)
    if not records:
        return {}
    content_type = ContentType.objects.get_for_model(records[0])
    rows = (
        EvidenceLink.objects.filter(
            content_type=content_type,
            object_id__in=[r.pk for r in records],
            evidence__status=Evidence.Status.ACTIVE,
        )
        .values("object_id")
        .annotate(n=Count("evidence_id", distinct=True))
        .values_list("object_id", "n")
    )
    return {pk: n for pk, n in rows if pk is not None}


def requirement_evidence_counts(organization: Organization, items: Iterable[CatalogItem]) -> dict[int, int]:
    """{catalogue item pk: number of the organisation's active evidence items}, in one query."""
    rows = (
        EvidenceLink.objects.filter(
            organization=organization,
            item__in=[item.pk for item in items],
            evidence__status=Evidence.Status.ACTIVE,
        )
        .values("item_id")
        .annotate(n=Count("evidence_id", distinct=True))
        .values_list("item_id", "n")
    )
    return dict(rows)


def members_of(organization: Organization) -> QuerySet[User]:
    return User.objects.filter(memberships__organization=organization).order_by("full_name", "email")


def history_rows(events: list[AuditEvent]) -> list[dict[str, Any]]:
    return [
        {"when": e.created_at, "who": e.actor_label, "verb": e.verb.removeprefix("evidence."), "data": e.data}
        for e in events
    ]
