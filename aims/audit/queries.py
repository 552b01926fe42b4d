"""Reading the audit trail: one organisation's events, filtered, newest first, fast at millions of rows.

Every filter is an equality on an indexed column followed by `seq` (`audit_org_verb_seq`,
`audit_org_actor_label_seq`, `audit_org_type_seq`), so a page is read from the index in `-seq` order and stops
after `page_size + 1` rows. A date range becomes a `seq` range found with two seeks on
`audit_org_created_seq` (times never go back along a chain: `record` takes them under the chain's lock).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.db.models import QuerySet, Subquery

from aims.audit.models import AuditEvent
from aims.organizations.models import Organization


@dataclass(frozen=True)
class EventFilter:
    """What to show: each field empty means "any". `since` is inclusive, `until` exclusive."""

    actor: str = ""
    verb: str = ""
    target_type: str = ""
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class FilterChoices:
    """The values the filters can take: those present in the organisation's chain, sorted."""

    actors: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    target_types: list[str] = field(default_factory=list)


def _seq_bound(
    organization: Organization, *, since: datetime | None = None, until: datetime | None = None
) -> Subquery:
    events = AuditEvent.objects.filter(organization=organization)
    if since is not None:
        events = events.filter(created_at__gte=since).order_by("created_at", "seq")
    else:
        events = events.filter(created_at__lt=until).order_by("-created_at", "-seq")
    return Subquery(events.values("seq")[:1])


def events_for(organization: Organization, wanted: EventFilter | None = None) -> QuerySet[AuditEvent]:
    """The organisation's events matching the filter, newest first."""
    wanted = wanted or EventFilter()
    events = AuditEvent.objects.filter(organization=organization)
    if wanted.actor:
        events = events.filter(actor_label=wanted.actor)
    if wanted.verb:
        events = events.filter(verb=wanted.verb)
    if wanted.target_type:
        events = events.filter(target_type=wanted.target_type)
    if wanted.since is not None:
        bound = _seq_bound(organization, since=wanted.since)
        events = events.filter(seq__gte=bound, created_at__gte=wanted.since)
    if wanted.until is not None:
        bound = _seq_bound(organization, until=wanted.until)
        events = events.filter(seq__lte=bound, created_at__lt=wanted.until)
    return events.order_by("-seq")


# A loose index scan: each step seeks the next larger value in the (organization, <column>, seq) index, so
# finding the distinct values costs one seek per value rather than a pass over every event.
_DISTINCT_STEP = """
    {name}(value) AS (
        SELECT MIN({column}) FROM {table} WHERE organization_id = %s
        UNION ALL
        SELECT (SELECT MIN({column}) FROM {table} WHERE organization_id = %s AND {column} > {name}.value)
        FROM {name} WHERE {name}.value IS NOT NULL
    )"""
_COLUMNS = {"actors": "actor_label", "verbs": "verb", "target_types": "target_type"}
_DISTINCT_SQL = "WITH RECURSIVE {steps} {selects}".format(
    steps=",".join(
        _DISTINCT_STEP.format(name=name, column=column, table=AuditEvent._meta.db_table)
        for name, column in _COLUMNS.items()
    ),
    selects=" UNION ALL ".join(
        f"SELECT '{name}', value FROM {name} WHERE value IS NOT NULL"  # noqa: S608 - constant names
        for name in _COLUMNS
    ),
)


def filter_choices(organization: Organization) -> FilterChoices:
    """The actors, verbs and object types in the organisation's chain, in one query."""
    found: dict[str, list[str]] = {name: [] for name in _COLUMNS}
    with connection.cursor() as cursor:
        cursor.execute(_DISTINCT_SQL, [organization.pk] * (2 * len(_COLUMNS)))
        for name, value in cursor.fetchall():
            found[name].append(value)
    return FilterChoices(**{name: sorted(values) for name, values in found.items()})
