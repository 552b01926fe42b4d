"""Reads for competence (7.2, 7.3): training lists, the gap matrix and AI literacy (EU AI Act Art. 4).

Each page costs a fixed number of queries: one per axis and one for the records, none per cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from aims.accounts.models import User
from aims.people.models import Competence, RoleAssignment, TrainingRecord

if TYPE_CHECKING:
    from aims.organizations.models import Organization

TRAINING_SORTS = {
    "person": "Person",
    "competence": "Competence",
    "completed": "Completed",
    "expires": "Expires",
}
TRAINING_ORDER = {
    "person": ("user__email", "pk"),
    "competence": ("competence__name", "pk"),
    "completed": ("completed_on", "pk"),
    "expires": ("expires_on", "pk"),
}
DEFAULT_TRAINING_SORT = "-completed"
HELD, EXPIRED, MISSING = "held", "expired", "missing"


@dataclass(frozen=True)
class TrainingFilter:
    q: str = ""
    competence: int | None = None
    user: int | None = None
    kind: str = ""
    status: str = ""  # "valid" or "expired"
    sort: str = DEFAULT_TRAINING_SORT


def members(organization: Organization) -> QuerySet[User]:
    return User.objects.filter(memberships__organization=organization).order_by("email")


def training_for(
    organization: Organization, wanted: TrainingFilter = TrainingFilter(), today: date | None = None
) -> QuerySet[TrainingRecord]:
    today = today or date.today()
    records = TrainingRecord.objects.filter(organization=organization)
    if wanted.q:
        records = records.filter(Q(title__icontains=wanted.q) | Q(user__email__icontains=wanted.q))
    if wanted.competence:
        records = records.filter(competence_id=wanted.competence)
    if wanted.user:
        records = records.filter(user_id=wanted.user)
    if wanted.kind:
        records = records.filter(kind=wanted.kind)
    if wanted.status == "expired":
        records = records.filter(expires_on__lt=today)
    elif wanted.status == "valid":
        records = records.filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
    key = wanted.sort.lstrip("-")
    fields = TRAINING_ORDER.get(key, TRAINING_ORDER["completed"])
    descending = wanted.sort.startswith("-") or key not in TRAINING_ORDER
    order = [f"-{f}" for f in fields] if descending else list(fields)
    return records.select_related("user", "competence", "organization").order_by(*order)


def _best_status(records: list[TrainingRecord], today: date) -> str:
    if not records:
        return MISSING
    return HELD if any(r.is_valid_on(today) for r in records) else EXPIRED


@dataclass
class GapRow:
    person: User
    cells: list[str] = field(default_factory=list)  # held, expired, missing, or "" where not needed

    @property
    def gaps(self) -> int:
        return sum(cell in (EXPIRED, MISSING) for cell in self.cells)


@dataclass
class GapMatrix:
    competences: list[Competence]
    rows: list[GapRow]


def gap_matrix(organization: Organization, today: date | None = None) -> GapMatrix:
    """People by the competences their current roles need: held, expired or missing."""
    today = today or date.today()
    people = list(members(organization))
    competences = list(Competence.objects.filter(organization=organization).order_by("name"))
    needed: dict[int, set[int]] = defaultdict(set)
    pairs = RoleAssignment.objects.filter(
        role__organization=organization, until__isnull=True, role__competences__isnull=False
    ).values_list("user_id", "role__competences")
    for user_id, competence_id in pairs:
        needed[user_id].add(competence_id)
    held: dict[tuple[int, int], list[TrainingRecord]] = defaultdict(list)
    for training in TrainingRecord.objects.filter(organization=organization).only(
        "user_id", "competence_id", "expires_on"
    ):
        held[(training.user_id, training.competence_id)].append(training)
    rows = [
        GapRow(
            person,
            [
                _best_status(held[(person.pk, c.pk)], today) if c.pk in needed[person.pk] else ""
                for c in competences
            ],
        )
        for person in people
    ]
    return GapMatrix(competences=competences, rows=rows)


@dataclass
class LiteracyRow:
    person: User
    latest: TrainingRecord | None
    status: str


def ai_literacy(organization: Organization, today: date | None = None) -> list[LiteracyRow]:
    """Each member with their latest AI literacy record (EU AI Act Art. 4), if any."""
    today = today or date.today()
    latest: dict[int, TrainingRecord] = {}
    records = TrainingRecord.objects.filter(organization=organization, competence__is_ai_literacy=True)
    for training in records.select_related("competence").order_by("completed_on", "pk"):
        latest[training.user_id] = training
    rows = []
    for person in members(organization):
        found = latest.get(person.pk)
        status = MISSING if found is None else HELD if found.is_valid_on(today) else EXPIRED
        rows.append(LiteracyRow(person, found, status))
    return rows


def members_none() -> QuerySet[User]:
    return User.objects.none()


def competences_for(
    organization: Organization, q: str = "", literacy: bool = False, sort: str = "name"
) -> QuerySet[Competence]:
    competences = Competence.objects.filter(organization=organization)
    if q:
        competences = competences.filter(Q(name__icontains=q) | Q(description__icontains=q))
    if literacy:
        competences = competences.filter(is_ai_literacy=True)
    return competences.order_by("-name" if sort == "-name" else "name")
