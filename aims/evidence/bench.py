"""Many synthetic evidence items for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` items: running it again adds only what is missing. About
60 % are files (all pointing at one small stored sample, so downloads work), the rest links; validity dates
spread so that some are expired and some expiring. Each item supports one Annex A control or clause and,
for about half, one of the organisation's AI systems. It writes no audit events.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.evidence.models import Evidence, EvidenceLink
from aims.organizations.models import Organization

BATCH = 2_000
Progress = Callable[[str], None]
SAMPLE = b"Synthetic evidence made by `aims bench seed`; not a real record.\n"
_TOPICS = ("Fairness test", "Penetration test", "Model card", "Supplier certificate", "Training record",
           "Monitoring report", "DPIA", "Data quality check", "Release approval",
           "Incident review")  # fmt: skip


def _sample_name(organization: Organization) -> str:
    name = f"evidence/{organization.pk}/bench-sample.txt"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(SAMPLE))
    return name


def _evidence(
    organization: Organization,
    number: int,
    owners: Sequence[User | None],
    sample: str,
    draw: random.Random,
) -> Evidence:
    today = timezone.localdate()
    collected = today - timedelta(days=draw.randrange(2 * 365))
    valid = collected + timedelta(days=draw.randrange(30, 800)) if draw.random() < 0.7 else None
    is_file = draw.random() < 0.6
    topic = draw.choice(_TOPICS)
    return Evidence(
        organization=organization,
        number=number,
        title=f"{topic} {number}",
        description=f"Synthetic {topic.lower()} {number}. Made by `aims bench seed`.",
        kind=Evidence.Kind.FILE if is_file else Evidence.Kind.LINK,
        file=sample if is_file else "",
        file_name=f"{topic.lower().replace(' ', '-')}-{number}.txt" if is_file else "",
        file_size=len(SAMPLE) if is_file else None,
        sha256=hashlib.sha256(SAMPLE).hexdigest() if is_file else "",
        content_type="text/plain" if is_file else "",
        url="" if is_file else f"https://wiki.bench.aims.test/evidence/{number}",
        owner=draw.choice(owners),
        collected_on=collected,
        valid_until=valid,
        status=Evidence.Status.RETIRED if draw.random() < 0.05 else Evidence.Status.ACTIVE,
    )


def _links(
    organization: Organization,
    batch: list[Evidence],
    items: list[int],
    systems: list[int],
    draw: random.Random,
) -> list[EvidenceLink]:
    system_type = ContentType.objects.get_for_model(AISystem)
    links = []
    for evidence in batch:
        if items:
            links.append(
                EvidenceLink(organization=organization, evidence=evidence, item_id=draw.choice(items))
            )
        if systems and draw.random() < 0.5:
            links.append(
                EvidenceLink(
                    organization=organization,
                    evidence=evidence,
                    content_type=system_type,
                    object_id=draw.choice(systems),
                )
            )
    return links


def seed_bench(
    organization: Organization,
    count: int = 20_000,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top the organisation up to `count` evidence items (with links); returns how many were added."""
    say = progress or (lambda message: None)
    have = Evidence.objects.filter(organization=organization).count()
    if count - have <= 0:
        return 0
    people: list[User | None] = list(owners or User.objects.filter(memberships__organization=organization))
    people.append(None)
    start = (Evidence.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    draw = random.Random(have)
    sample = _sample_name(organization)
    kinds = (CatalogItem.Kind.CONTROL, CatalogItem.Kind.CLAUSE)
    items = list(CatalogItem.objects.filter(kind__in=kinds).values_list("pk", flat=True))
    systems = list(AISystem.objects.filter(organization=organization).values_list("pk", flat=True)[:500])
    records: Iterator[Evidence] = (
        _evidence(organization, number, people, sample, draw) for number in range(start, start + count - have)
    )
    added = 0
    while batch := list(islice(records, BATCH)):
        with transaction.atomic():
            made = Evidence.objects.bulk_create(batch)
            if made and made[0].pk is not None:
                EvidenceLink.objects.bulk_create(_links(organization, made, items, systems, draw))
        added += len(batch)
        say(f"Evidence: {have + added:,} of {count:,}")
    return added
