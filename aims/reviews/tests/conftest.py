"""Review fixtures: a planned review of Acme with top management listed, and one of Globex that Acme never
sees."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.reviews import actions
from aims.reviews.models import ManagementReview
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def review(personas: Personas) -> ManagementReview:
    return actions.plan_review(
        actor=personas.contributor,
        organization=personas.org,
        title="Management review Q2",
        planned_on=days(0),
        place="Board room",
        chair=personas.manager,
    )


@pytest.fixture
def with_top(personas: Personas, review: ManagementReview) -> ManagementReview:
    actions.add_attendee(
        actor=personas.contributor,
        review=review,
        user=personas.owner,
        meeting_role="Chief executive",
        is_top_management=True,
    )
    actions.add_attendee(
        actor=personas.contributor, review=review, user=personas.manager, meeting_role="Chair"
    )
    return review


@pytest.fixture
def held(personas: Personas, with_top: ManagementReview) -> ManagementReview:
    return actions.hold_review(actor=personas.manager, review=with_top)


@pytest.fixture
def foreign(personas: Personas) -> ManagementReview:
    return actions.plan_review(
        actor=personas.outsider, organization=personas.other_org, title="Globex review", planned_on=days(3)
    )
