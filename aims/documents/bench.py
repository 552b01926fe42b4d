"""Many synthetic documents for the benchmarks, each with several versions, written with bulk_create.

`seed_bench` tops the organisation up to `count` documents with `versions` versions each: the last published
(and the document's version in force), the ones before superseded. Running it again adds only what is
missing. It writes no audit events and no files.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from itertools import islice

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Organization

BATCH = 1_000
PREFIX = "BEN-"
Progress = Callable[[str], None]
State = DocumentVersion.State

_TOPICS = ("model release", "data retention", "incident handling", "supplier review", "fairness testing",
           "human oversight", "logging", "access control", "change management", "impact check")  # fmt: skip
_BODY = (
    "# {title}\n\n## Purpose\n\nSynthetic document {number}, version {version}.\n\n## Steps\n\n"
    + "".join(f"{n}. Step {n} of the {{topic}} routine.\n" for n in range(1, 9))
)


def _document(
    organization: Organization, number: int, owners: Sequence[User | None], draw: random.Random
) -> Document:
    topic = draw.choice(_TOPICS)
    today = timezone.localdate()
    status = Document.Status.WITHDRAWN if draw.random() < 0.05 else Document.Status.ACTIVE
    return Document(
        organization=organization,
        reference=f"{PREFIX}{number:05d}",
        title=f"{topic.capitalize()} procedure {number}",
        kind=draw.choice(Document.Kind.values),
        description=f"Synthetic document {number} on {topic}. Made by `aims bench seed`.",
        owner=draw.choice(owners),
        classification=draw.choice(Document.Classification.values),
        review_interval_months=draw.choice((6, 12, 24)),
        next_review_on=today + timedelta(days=draw.randrange(-120, 700)),
        status=status,
    )


def _versions(
    document: Document, count: int, people: Sequence[User | None], draw: random.Random
) -> list[DocumentVersion]:
    start = timezone.now() - timedelta(days=draw.randrange(400, 1500))
    made = []
    for number in range(1, count + 1):
        at = start + timedelta(days=90 * number)
        published = number == count
        author = draw.choice(people)
        approver = draw.choice([person for person in people if person != author] or [None])
        made.append(
            DocumentVersion(
                document=document,
                number=number,
                state=State.PUBLISHED if published else State.SUPERSEDED,
                body=_BODY.format(
                    title=document.title, number=document.reference, version=number, topic="bench"
                ),
                change_summary=f"Revision {number}",
                author=author,
                submitted_at=at,
                reviewed_by=approver,
                reviewed_at=at,
                published_by=approver,
                published_at=at,
                superseded_at=None if published else at + timedelta(days=90),
            )
        )
    return made


def _write(batch: list[Document], versions: int, people: Sequence[User | None], draw: random.Random) -> None:
    Document.objects.bulk_create(batch)
    if batch[0].pk is None:  # some databases do not return ids from bulk_create
        by_reference = dict(
            Document.objects.filter(
                organization=batch[0].organization, reference__in=[d.reference for d in batch]
            ).values_list("reference", "pk")
        )
        for document in batch:
            document.pk = by_reference[document.reference]
    made = [version for document in batch for version in _versions(document, versions, people, draw)]
    DocumentVersion.objects.bulk_create(made)
    current = {version.document_id: version.pk for version in made if version.state == State.PUBLISHED}
    for document in batch:
        document.current_version_id = current[document.pk]
    Document.objects.bulk_update(batch, ["current_version"])


def seed_bench(
    organization: Organization,
    count: int = 10_000,
    versions: int = 5,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` documents of `versions` versions each; returns how many it added."""
    say = progress or (lambda message: None)
    people: list[User | None] = list(owners or User.objects.filter(memberships__organization=organization))
    people.append(None)
    have = Document.objects.filter(organization=organization).count()
    if count - have <= 0:
        return 0
    taken = set(
        Document.objects.filter(organization=organization, reference__startswith=PREFIX).values_list(
            "reference", flat=True
        )
    )
    numbers = (n for n in range(1, count + len(taken) + 1) if f"{PREFIX}{n:05d}" not in taken)
    draw = random.Random(have)
    documents: Iterator[Document] = (
        _document(organization, n, people, draw) for n in islice(numbers, count - have)
    )
    added = 0
    while batch := list(islice(documents, BATCH)):
        with transaction.atomic():
            _write(batch, versions, people, draw)
        added += len(batch)
        say(f"Documents: {have + added:,} of {count:,}")
    return added
