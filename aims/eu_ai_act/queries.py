"""Reading classifications: the systems of an organisation with their current class, a system's history with
what changed between classifications, and the classification list of the API.

Every list is one query for its page (plus a fixed few), whatever the page size.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.expressions import OrderBy
from django.http import HttpRequest

from aims.ai_systems.models import AISystem
from aims.eu_ai_act.answers import AnswerChange, diff_answers
from aims.eu_ai_act.models import Classification
from aims.organizations.models import Organization
from aims.web.pagination import Page, paginate_request

UNCLASSIFIED = "unclassified"
SEVERITY = ("prohibited", "high", "limited", "minimal")

# Sort keys a request may ask for, and the ordering each means. Never-classified systems count as classified
# longest ago (first in "classified", last in "-classified") on every database.
_NEVER_FIRST = F("classified_at").asc(nulls_first=True)
_NEVER_LAST = F("classified_at").desc(nulls_last=True)
SYSTEM_SORTS: dict[str, tuple[str | OrderBy, ...]] = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "reference": ("reference", "pk"),
    "-reference": ("-reference", "-pk"),
    "risk": ("severity", "name", "pk"),
    "-risk": ("-severity", "name", "pk"),
    "classified": (_NEVER_FIRST, "name", "pk"),
    "-classified": (_NEVER_LAST, "name", "pk"),
}
SYSTEM_SORT_LABELS = {
    "name": "Name (A-Z)",
    "-name": "Name (Z-A)",
    "reference": "Reference",
    "-reference": "Reference (descending)",
    "risk": "Most severe class first",
    "-risk": "Least severe class first",
    "classified": "Classified longest ago first",
    "-classified": "Classified most recently first",
}


@dataclass(frozen=True)
class SystemFilter:
    """What the list shows: each empty field means "any"."""

    q: str = ""
    risk_class: str = ""  # a class, or UNCLASSIFIED
    operator_role: str = ""
    sort: str = "name"


def _current() -> QuerySet[Classification]:
    return Classification.objects.filter(is_current=True)


def _severity() -> Case:
    whens = [When(risk_class=value, then=Value(rank)) for rank, value in enumerate(SEVERITY)]
    return Case(*whens, default=Value(len(SEVERITY)), output_field=IntegerField())


def systems_for(organization: Organization, wanted: SystemFilter | None = None) -> QuerySet[AISystem]:
    """The organisation's AI systems, archived ones aside, each with its current classification (in
    `current_classifications`, a list of one or none)."""
    wanted = wanted or SystemFilter()
    systems = AISystem.objects.filter(organization=organization).exclude(status=AISystem.Status.ARCHIVED)
    if wanted.q:
        systems = systems.filter(Q(name__icontains=wanted.q) | Q(reference__icontains=wanted.q))
    if wanted.risk_class:
        systems = systems.filter(risk_class="" if wanted.risk_class == UNCLASSIFIED else wanted.risk_class)
    if wanted.operator_role:
        systems = systems.filter(
            eu_classifications__is_current=True, eu_classifications__operator_role=wanted.operator_role
        )
    sort = wanted.sort if wanted.sort in SYSTEM_SORTS else "name"
    if sort in ("risk", "-risk"):
        systems = systems.annotate(severity=_severity())
    if sort in ("classified", "-classified"):
        latest = _current().filter(ai_system=OuterRef("pk")).values("classified_at")[:1]
        systems = systems.annotate(classified_at=Subquery(latest))
    current = _current().select_related("classified_by")
    return systems.order_by(*SYSTEM_SORTS[sort]).prefetch_related(
        Prefetch("eu_classifications", queryset=current, to_attr="current_classifications")
    )


def current_classification(ai_system: AISystem) -> Classification | None:
    return _current().filter(ai_system=ai_system).select_related("classified_by").first()


@dataclass(frozen=True)
class HistoryEntry:
    classification: Classification
    changes: list[AnswerChange]
    is_first: bool


def _history(ai_system: AISystem) -> QuerySet[Classification]:
    return (
        Classification.objects.filter(ai_system=ai_system)
        .select_related("classified_by")
        .order_by("-classified_at", "-pk")
    )


def history_page(request: HttpRequest, ai_system: AISystem) -> Page[HistoryEntry]:
    """A page of the system's classifications, newest first, each with the answers changed since the one
    before it (the row after the page is read too, to compare the page's last entry with)."""
    history = _history(ai_system)
    page = paginate_request(request, history, default_size=10)
    rows: list[Classification] = list(page.items)
    if page.has_next and rows:
        last = rows[-1]
        older = history.filter(
            Q(classified_at__lt=last.classified_at) | Q(classified_at=last.classified_at, pk__lt=last.pk)
        ).first()
        if older is not None:
            rows.append(older)
    entries = [
        HistoryEntry(
            classification=row,
            changes=diff_answers(rows[i + 1].answers, row.answers) if i + 1 < len(rows) else [],
            is_first=i + 1 >= len(rows),
        )
        for i, row in enumerate(page.items)
    ]
    return Page(items=entries, page=page.page, page_size=page.page_size, has_next=page.has_next)


@dataclass(frozen=True)
class ClassificationFilter:
    risk_class: str = ""
    operator_role: str = ""
    current: bool | None = True
    ai_system: int | None = None


def classifications_for(
    organization: Organization, wanted: ClassificationFilter | None = None
) -> QuerySet[Classification]:
    """The organisation's classifications, newest first (only the current ones unless asked otherwise)."""
    wanted = wanted or ClassificationFilter()
    found = Classification.objects.filter(organization=organization)
    if wanted.current is not None:
        found = found.filter(is_current=wanted.current)
    if wanted.risk_class:
        found = found.filter(risk_class=wanted.risk_class)
    if wanted.operator_role:
        found = found.filter(operator_role=wanted.operator_role)
    if wanted.ai_system is not None:
        found = found.filter(ai_system_id=wanted.ai_system)
    return found.select_related("ai_system", "classified_by").order_by("-classified_at", "-pk")
