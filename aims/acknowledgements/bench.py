"""Synthetic acknowledgement campaigns for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` campaigns, each for a synthetic published document
(references `ACK-00001`, …) read by up to 20 members, about two thirds of whom have acknowledged. Running it
again adds only what is missing. It writes no audit events.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Organization

BATCH = 500
PREFIX = "ACK-"
Progress = Callable[[str], None]


def _batch(
    organization: Organization, numbers: list[int], people: Sequence[User], draw: random.Random
) -> int:
    now = timezone.now()
    documents = Document.objects.bulk_create(
        [
            Document(organization=organization, reference=f"{PREFIX}{n:05d}", title=f"Synthetic policy {n}",
                     kind=Document.Kind.POLICY)
            for n in numbers
        ]
    )  # fmt: skip
    versions = DocumentVersion.objects.bulk_create(
        [
            DocumentVersion(document=d, number=1, state=DocumentVersion.State.PUBLISHED, body="Synthetic.",
                            published_at=now)
            for d in documents
        ]
    )  # fmt: skip
    for document, version in zip(documents, versions, strict=True):
        document.current_version = version
    Document.objects.bulk_update(documents, ["current_version"])
    started = [now - timedelta(days=draw.randrange(400)) for _ in versions]
    campaigns = Campaign.objects.bulk_create(
        [
            Campaign(organization=organization, version=v, started_at=when,
                     due_on=(when + timedelta(days=30)).date(),
                     closed_at=when + timedelta(days=60) if draw.random() < 0.5 else None)
            for v, when in zip(versions, started, strict=True)
        ]
    )  # fmt: skip
    requests = [
        AcknowledgementRequest(
            campaign=campaign,
            recipient=person,
            acknowledged_at=campaign.started_at + timedelta(days=3) if draw.random() < 0.66 else None,
        )
        for campaign in campaigns
        for person in draw.sample(list(people), min(len(people), 20))
    ]
    AcknowledgementRequest.objects.bulk_create(requests, batch_size=2_000)
    return len(campaigns)


def seed_bench(
    organization: Organization,
    count: int = 200,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` campaigns; returns how many were added."""
    say = progress or (lambda message: None)
    have = Campaign.objects.filter(organization=organization).count()
    if count - have <= 0:
        return 0
    people = list(owners or User.objects.filter(memberships__organization=organization)[:200])
    taken = set(
        Document.objects.filter(organization=organization, reference__startswith=PREFIX).values_list(
            "reference", flat=True
        )
    )
    numbers = [n for n in range(1, count + len(taken) + 1) if f"{PREFIX}{n:05d}" not in taken][: count - have]
    draw = random.Random(have)
    added = 0
    for start in range(0, len(numbers), BATCH):
        with transaction.atomic():
            added += _batch(organization, numbers[start : start + BATCH], people, draw)
        say(f"Acknowledgement campaigns: {have + added:,} of {count:,}")
    return added
