"""Synthetic commitment records and policy reviews for the benchmarks, written with bulk_create.

`seed_bench` tops the organisation up to `count` commitment records and, when it has an AI policy, `count`
reviews of it: running it again adds only what is missing. It writes no audit events.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.policies.models import AIPolicy, CommitmentRecord, PolicyReview

BATCH = 2_000
Progress = Callable[[str], None]


def _commitments(
    organization: Organization, missing: int, people: Sequence[User], draw: random.Random
) -> list[CommitmentRecord]:
    today = timezone.localdate()
    return [
        CommitmentRecord(
            organization=organization,
            kind=draw.choice(CommitmentRecord.Kind.values),
            member=draw.choice(people) if people else None,
            occurred_on=today - timedelta(days=draw.randrange(3 * 365)),
            description=f"Synthetic commitment record {number}. Made by `aims bench seed`.",
        )
        for number in range(missing)
    ]


def _reviews(organization: Organization, missing: int, draw: random.Random) -> list[PolicyReview]:
    policy = AIPolicy.objects.select_related("document").filter(organization=organization).first()
    if policy is None:
        return []
    today = timezone.localdate()
    return [
        PolicyReview(
            organization=organization,
            document=policy.document,
            version=policy.document.current_version,
            reviewed_on=today - timedelta(days=draw.randrange(5 * 365)),
            outcome=draw.choice(PolicyReview.Outcome.values),
            findings=f"Synthetic review {number}. Made by `aims bench seed`.",
        )
        for number in range(missing)
    ]


def seed_bench(
    organization: Organization,
    count: int = 200,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> int:
    """Top up to `count` commitment records and `count` reviews; returns how many were added."""
    say = progress or (lambda message: None)
    people = list(owners or User.objects.filter(memberships__organization=organization)[:50])
    draw = random.Random(count)
    have = CommitmentRecord.objects.filter(organization=organization).count()
    records = _commitments(organization, max(count - have, 0), people, draw)
    have_reviews = PolicyReview.objects.filter(organization=organization).count()
    reviews = _reviews(organization, max(count - have_reviews, 0), draw)
    with transaction.atomic():
        CommitmentRecord.objects.bulk_create(records, batch_size=BATCH)
        created = PolicyReview.objects.bulk_create(reviews, batch_size=BATCH)
        through = PolicyReview.reviewers.through
        if people and created and created[0].pk is not None:
            links = [through(policyreview_id=review.pk, user_id=draw.choice(people).pk) for review in created]
            through.objects.bulk_create(links, batch_size=BATCH)
    say(f"Commitment records and policy reviews: {len(records):,} and {len(reviews):,} added")
    return len(records) + len(reviews)
