from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.improvement import actions, review_inputs
from aims.improvement.models import ImprovementOpportunity, Nonconformity
from aims.improvement.tests.conftest import raise_one, with_done_action
from aims.reviews.registry import Period, providers
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _period() -> Period:
    today = timezone.localdate()
    return Period(start=today - timedelta(days=90), end=today)


@pytest.fixture
def seeded(personas: Personas) -> dict[str, Nonconformity]:
    today = timezone.localdate()
    old = raise_one(
        personas, title="Old", raised_on=today - timedelta(days=200), due_on=today - timedelta(days=100)
    )
    late = raise_one(
        personas, title="Late", grade="major", source="incident", due_on=today + timedelta(days=5)
    )
    Nonconformity.objects.filter(pk=late.pk).update(due_on=today - timedelta(days=1))
    fresh = raise_one(personas, title="Fresh", source="monitoring", due_on=today + timedelta(days=20))
    done = raise_one(personas, title="Done")
    with_done_action(personas, done)
    actions.request_verification(actor=personas.contributor, nonconformity=done)
    actions.verify_effectiveness(actor=personas.owner, nonconformity=done, outcome="effective", notes="ok")
    actions.close_nonconformity(actor=personas.owner, nonconformity=done)
    raise_one(personas, actor=personas.outsider, organization=personas.other_org, owner=None)
    return {"old": old, "late": late, "fresh": fresh, "done": done}


def test_both_sections_are_registered() -> None:
    keys = [key for key, _ in providers()]
    assert "nonconformities" in keys
    assert "improvement" in keys


def test_nonconformity_figures_and_rows(personas: Personas, seeded: dict[str, Nonconformity]) -> None:
    section = review_inputs.nonconformities(personas.org, _period())
    figures = dict(section.figures)
    assert figures["Raised in the period"] == 3
    assert figures["Closed in the period"] == 1
    assert figures["Corrective actions done in the period"] == 1
    assert figures["Open now"] == 3
    assert figures["Major, open now"] == 1
    assert figures["Overdue now"] == 2
    assert figures["Raised from: Internal audit"] == 1
    assert figures["Raised from: AI incident"] == 1
    assert figures["Raised from: Monitoring and measurement"] == 1
    assert "Raised from: Complaint" not in figures
    assert [r.title for r in section.rows] == ["Old", "Late", "Fresh", "Done"]
    assert section.rows[-1].status == "Closed"
    assert section.rows[0].note.startswith("OVERDUE")
    assert section.clause == "9.3.2 d)"


def test_improvement_figures_and_rows(personas: Personas, opportunity: ImprovementOpportunity) -> None:
    second = actions.record_opportunity(
        actor=personas.contributor, organization=personas.org, title="Second", description="d", source="audit"
    )
    third = actions.record_opportunity(
        actor=personas.contributor, organization=personas.org, title="Third", description="d", source="audit"
    )
    actions.decide_opportunity(actor=personas.manager, opportunity=second, decision="accepted", reason="y")
    actions.decide_opportunity(actor=personas.manager, opportunity=third, decision="accepted", reason="y")
    actions.complete_opportunity(actor=personas.contributor, opportunity=third, outcome="Worked.")
    section = review_inputs.improvement(personas.org, _period())
    figures = dict(section.figures)
    assert (figures["Recorded in the period"], figures["Done in the period"]) == (3, 1)
    now = ("Proposed now", "Accepted now", "In progress now", "Done now", "Declined now")
    assert [figures[name] for name in now] == [1, 1, 0, 1, 0]
    assert [r.reference for r in section.rows] == ["IMP-0001", "IMP-0002"]
    assert section.clause == "9.3.2 e)"


def test_sections_read_in_a_fixed_number_of_queries(
    personas: Personas, seeded: dict[str, Nonconformity], django_assert_num_queries: Any
) -> None:
    for _ in range(5):
        raise_one(personas)
        actions.record_opportunity(
            actor=personas.contributor, organization=personas.org, title="I", description="d", source="audit",
            owner=personas.manager,
        )  # fmt: skip
    with django_assert_num_queries(4):
        review_inputs.nonconformities(personas.org, _period())
    with django_assert_num_queries(3):
        review_inputs.improvement(personas.org, _period())
