"""Synthetic people records for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` concerns, training records and communication log entries
(and a fixed set of roles, competences and RACI letters); running it again adds only what is missing. It
writes no audit events.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from itertools import islice
from typing import Any, TypeVar

from django.db import models, transaction

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.people.models import AIMSRole, CommunicationLog, Competence, Concern, RaciEntry, TrainingRecord

BATCH = 2_000
ROLES, COMPETENCES, PROCESSES = 40, 20, 30
Progress = Callable[[str], None]
M = TypeVar("M", bound=models.Model)


def _write(model: type[M], rows: Iterator[M], label: str, say: Progress) -> int:
    added = 0
    while batch := list(islice(rows, BATCH)):
        with transaction.atomic():
            model._default_manager.bulk_create(batch)
        added += len(batch)
        say(f"{label}: {added:,} added")
    return added


def _fixed_sets(organization: Organization, say: Progress) -> tuple[list[AIMSRole], list[Competence]]:
    areas = AIMSRole.Area.values
    have_roles = set(AIMSRole.objects.filter(organization=organization).values_list("name", flat=True))
    roles = (
        AIMSRole(organization=organization, name=f"Bench role {n:03d}", area=areas[n % len(areas)])
        for n in range(ROLES)
        if f"Bench role {n:03d}" not in have_roles
    )
    _write(AIMSRole, roles, "Roles", say)
    have = set(Competence.objects.filter(organization=organization).values_list("name", flat=True))
    competences = (
        Competence(organization=organization, name=f"Bench competence {n:03d}", is_ai_literacy=n == 0)
        for n in range(COMPETENCES)
        if f"Bench competence {n:03d}" not in have
    )
    _write(Competence, competences, "Competences", say)
    return (
        list(AIMSRole.objects.filter(organization=organization, name__startswith="Bench role")),
        list(Competence.objects.filter(organization=organization, name__startswith="Bench competence")),
    )


def _raci(organization: Organization, roles: Sequence[AIMSRole], draw: random.Random, say: Progress) -> None:
    if RaciEntry.objects.filter(organization=organization, process__startswith="Bench process").exists():
        return
    rows = (
        RaciEntry(
            organization=organization,
            kind="process",
            process=f"Bench process {p:03d}",
            role=role,
            letter="A" if index == 0 else draw.choice("RCI"),
        )
        for p in range(PROCESSES)
        for index, role in enumerate(draw.sample(list(roles), min(5, len(roles))))
    )
    _write(RaciEntry, rows, "RACI letters", say)


def _concerns(
    organization: Organization, start: int, missing: int, people: Sequence[User], draw: random.Random
) -> Iterator[Concern]:
    today = date.today()
    for n in range(start, start + missing):
        anonymous = draw.random() < 0.3
        yield Concern(
            organization=organization,
            reference=f"BEN-{n:06d}",
            channel="anonymous" if anonymous else "member",
            reporter=None if anonymous else draw.choice(people),
            category=draw.choice(Concern.Category.values),
            description=f"Synthetic concern number {n}.",
            status=draw.choice(Concern.Status.values),
            received_on=today - timedelta(days=draw.randrange(1000)),
        )


def _training(
    organization: Organization,
    missing: int,
    people: Sequence[User],
    competences: Sequence[Competence],
    draw: random.Random,
) -> Iterator[TrainingRecord]:
    today = date.today()
    for n in range(missing):
        done = today - timedelta(days=draw.randrange(1500))
        yield TrainingRecord(
            organization=organization,
            user=draw.choice(people),
            competence=draw.choice(competences),
            kind=draw.choice(TrainingRecord.Kind.values),
            title=f"Synthetic course {n}",
            completed_on=done,
            expires_on=done + timedelta(days=730) if draw.random() < 0.7 else None,
        )


def _log(
    organization: Organization, missing: int, people: Sequence[User], draw: random.Random
) -> Iterator[CommunicationLog]:
    today = date.today()
    for n in range(missing):
        yield CommunicationLog(
            organization=organization,
            communicated_on=today - timedelta(days=draw.randrange(1500)),
            audience=draw.choice(("All staff", "Customers", "Board", "Regulator", "Developers")),
            summary=f"Synthetic communication {n}.",
            communicated_by=draw.choice(people),
        )


def seed_bench(
    organization: Organization, count: int = 10_000, *, progress: Progress | None = None, **_: Any
) -> int:
    """Top the organisation up to `count` concerns, training records and log entries; returns rows added."""
    say = progress or (lambda message: None)
    draw = random.Random(count)
    people = list(User.objects.filter(memberships__organization=organization))
    if not people:
        return 0
    roles, competences = _fixed_sets(organization, say)
    _raci(organization, roles, draw, say)
    added = 0
    have = Concern.objects.filter(organization=organization).count()
    if count > have:
        added += _write(
            Concern, _concerns(organization, have + 1, count - have, people, draw), "Concerns", say
        )
    have = TrainingRecord.objects.filter(organization=organization).count()
    if count > have:
        rows = _training(organization, count - have, people, competences, draw)
        added += _write(TrainingRecord, rows, "Training records", say)
    have = CommunicationLog.objects.filter(organization=organization).count()
    if count > have:
        added += _write(
            CommunicationLog, _log(organization, count - have, people, draw), "Communication log", say
        )
    return added
