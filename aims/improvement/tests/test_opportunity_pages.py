from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from aims.improvement import actions
from aims.improvement.models import ImprovementOpportunity
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
NOT_DECIDERS = [*NOT_EDITORS, "contributor"]
TODAY = timezone.localdate().isoformat()


def _url(personas: Personas, name: str, **kwargs: Any) -> str:
    return reverse(f"improvement:{name}", kwargs={"org": personas.org.slug, **kwargs})


def test_members_read_the_register_and_a_record(
    personas: Personas, opportunity: ImprovementOpportunity, foreign_opportunity: ImprovementOpportunity
) -> None:
    assert_permission_matrix(personas, "GET", _url(personas, "opportunity_list"), MEMBERS)
    assert_permission_matrix(
        personas, "GET", _url(personas, "opportunity_detail", pk=opportunity.pk), MEMBERS
    )
    page = personas.client("viewer").get(_url(personas, "opportunity_list")).content.decode()
    assert "Automate the monthly fairness report" in page
    assert "Globex idea" not in page
    filtered = (
        personas.client("viewer").get(_url(personas, "opportunity_list") + "?status=done").content.decode()
    )
    assert "No opportunity matches these filters." in filtered


def test_register_query_count_does_not_grow(personas: Personas, django_assert_num_queries: Any) -> None:
    client = personas.client("viewer")
    url = _url(personas, "opportunity_list")
    for count in (2, 8):
        for _ in range(count):
            actions.record_opportunity(
                actor=personas.contributor,
                organization=personas.org,
                title="Idea",
                description="d",
                source="other",
                owner=personas.manager,
            )
        with django_assert_num_queries(6):
            assert client.get(url).status_code == 200


def test_record_edit_decide_start_complete_through_the_pages(personas: Personas) -> None:
    create = _url(personas, "opportunity_create")
    data = {"title": "Share lessons", "description": "Quarterly.", "source": "suggestion"}
    assert_refused(personas, "POST", create, NOT_EDITORS, data=data)
    assert personas.client("contributor").post(create, data).status_code == 302
    item = ImprovementOpportunity.objects.get()
    edit = _url(personas, "opportunity_edit", pk=item.pk)
    assert_refused(personas, "POST", edit, NOT_EDITORS, data=data)
    assert (
        personas.client("contributor").post(edit, {**data, "expected_benefit": "Fewer repeats"}).status_code
        == 302
    )
    decide = _url(personas, "opportunity_decide", pk=item.pk)
    assert_refused(personas, "POST", decide, NOT_DECIDERS, data={"decision": "accepted", "reason": "Yes"})
    assert (
        personas.client("manager").post(decide, {"decision": "accepted", "reason": "Yes"}).status_code == 302
    )
    start = _url(personas, "opportunity_start", pk=item.pk)
    assert_refused(personas, "POST", start, NOT_EDITORS)
    assert personas.client("contributor").post(start).status_code == 302
    complete = _url(personas, "opportunity_complete", pk=item.pk)
    assert (
        personas.client("contributor").post(complete, {"outcome": "", "completed_on": TODAY}).status_code
        == 422
    )
    assert (
        personas.client("contributor")
        .post(complete, {"outcome": "Held 2.", "completed_on": TODAY})
        .status_code
        == 302
    )
    item.refresh_from_db()
    assert (item.status, item.expected_benefit, item.outcome) == ("done", "Fewer repeats", "Held 2.")
    page = personas.client("viewer").get(_url(personas, "opportunity_detail", pk=item.pk)).content.decode()
    assert "Held 2." in page
    assert "completed it" in page
