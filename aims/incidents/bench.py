"""Synthetic incidents for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` incidents, each linked to one of its AI systems and with one
communication; running it again adds only what is missing. It writes no audit events.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.incidents.models import Incident, IncidentCommunication
from aims.organizations.models import Organization

BATCH = 1_000
Progress = Callable[[str], None]


def _incident(
    organization: Organization, number: int, owners: Sequence[User | None], draw: random.Random
) -> Incident:
    aware = timezone.now() - timedelta(hours=draw.randrange(24 * 365))
    serious = draw.random() < 0.2
    reported = serious and draw.random() < 0.7
    return Incident(
        organization=organization,
        number=number,
        reference=f"INC-{number:04d}",
        title=f"Synthetic incident {number}",
        what_happened=f"Synthetic incident {number}. Made by `aims bench seed`.",
        harm="Synthetic harm.",
        severity=draw.choice(Incident.Severity.values),
        detected_on=timezone.localdate(aware),
        became_aware_at=aware,
        status=draw.choice(Incident.Status.values),
        owner=draw.choice(owners),
        is_serious=serious,
        serious_kind=draw.choice(Incident.SeriousKind.values) if serious else "",
        reported_to_authority_at=aware + timedelta(days=1) if reported else None,
        authority="Synthetic authority" if reported else "",
        created_at=aware,
        updated_at=aware,
    )


def seed_bench(
    organization: Organization,
    count: int,
    *,
    owners: Sequence[User | None] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top up to `count` incidents; returns how many were added. Needs at least one AI system."""
    systems = list(AISystem.objects.filter(organization=organization).order_by("pk"))
    have = Incident.objects.filter(organization=organization).count()
    if not systems or have >= count:
        return 0
    draw = random.Random(f"{organization.pk}-{have}")
    start = (Incident.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    owners = list(owners) if owners else [None]
    through = Incident.ai_systems.through
    added = 0
    with transaction.atomic():
        while added < count - have:
            size = min(BATCH, count - have - added)
            batch = Incident.objects.bulk_create(
                [_incident(organization, start + added + n, owners, draw) for n in range(size)]
            )
            through.objects.bulk_create(
                [through(incident_id=i.pk, aisystem_id=draw.choice(systems).pk) for i in batch]
            )
            IncidentCommunication.objects.bulk_create(
                [
                    IncidentCommunication(
                        incident=i,
                        sent_at=i.became_aware_at + timedelta(hours=2),
                        audience=draw.choice(IncidentCommunication.Audience.values),
                        message="Synthetic message.",
                    )
                    for i in batch
                ]
            )
            added += size
            if progress:
                progress(f"incidents: {have + added}/{count}")
    return added
