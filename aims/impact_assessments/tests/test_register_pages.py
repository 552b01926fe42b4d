from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment
from aims.impact_assessments.tests.conftest import IMPACT
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix

pytestmark = pytest.mark.django_db


def _url(personas: Personas, **query: Any) -> str:
    url = reverse("impact_assessments:assessment_list", kwargs={"org": personas.org.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _many(personas: Personas, system: AISystem, count: int) -> None:
    for n in range(count):
        assessment = actions.create_assessment(
            actor=personas.contributor, organization=personas.org, ai_system=system, trigger="periodic",
            conclusion=f"Assessment {n}",
        )  # fmt: skip
        actions.add_item(actor=personas.contributor, assessment=assessment, **IMPACT)


def test_every_member_reads_the_register_and_outsiders_do_not(
    personas: Personas, draft: ImpactAssessment
) -> None:
    assert_permission_matrix(
        personas, "GET", _url(personas), [p for p in EVERYONE if p not in ("anonymous", "outsider")]
    )


def test_register_shows_only_this_organisations_assessments(
    personas: Personas, draft: ImpactAssessment, foreign: ImpactAssessment
) -> None:
    page = personas.client("viewer").get(_url(personas)).content.decode()
    assert "Credit scoring" in page
    assert "Globex chatbot" not in page


def test_register_query_count_does_not_grow_with_rows(
    personas: Personas, system: AISystem, django_assert_num_queries: Any
) -> None:
    client = personas.client("viewer")
    _many(personas, system, 2)
    client.get(_url(personas))
    with django_assert_num_queries(7):
        assert client.get(_url(personas)).status_code == 200
    _many(personas, system, 8)
    with django_assert_num_queries(7):
        response = client.get(_url(personas))
    assert response.content.decode().count("1 negative, 0 positive") == 10


@pytest.fixture
def other_draft(personas: Personas, system: AISystem) -> ImpactAssessment:
    return actions.create_assessment(
        actor=personas.contributor, organization=personas.org, ai_system=system, trigger="incident"
    )


def test_register_filters_by_state_decision_system_and_due(
    personas: Personas, approved: ImpactAssessment, other_draft: ImpactAssessment
) -> None:
    draft = other_draft
    client = personas.client("viewer")
    page = client.get(_url(personas, state="approved")).content.decode()
    assert approved.reference in page
    assert draft.reference not in page
    page = client.get(_url(personas, decision="conditions")).content.decode()
    assert approved.reference in page
    assert draft.reference not in page
    other = AISystem.objects.create(organization=personas.org, reference="AIS-002", name="Chat", purpose="x")
    page = client.get(_url(personas, ai_system=other.reference)).content.decode()
    assert "No assessment matches" in page
    ImpactAssessment.objects.filter(pk=draft.pk).update(
        next_assessment_on=timezone.localdate() - timedelta(days=1)
    )
    page = client.get(_url(personas, due="on")).content.decode()
    assert draft.reference in page
    assert approved.reference not in page


def test_register_searches_conclusions(
    personas: Personas, approved: ImpactAssessment, other_draft: ImpactAssessment
) -> None:
    page = personas.client("viewer").get(_url(personas, q="fairness+testing")).content.decode()
    assert approved.reference in page
    assert other_draft.reference not in page


def test_register_paginates(personas: Personas, system: AISystem) -> None:
    _many(personas, system, 3)
    page = personas.client("viewer").get(_url(personas, page_size=2)).content.decode()
    assert 'rel="next"' in page
    assert page.count("negative, 0 positive") == 2


def test_empty_register_says_how_to_begin(personas: Personas) -> None:
    assert "Start the first assessment" in personas.client("contributor").get(_url(personas)).content.decode()
    assert "Ask an owner" in personas.client("viewer").get(_url(personas)).content.decode()


def test_bad_filter_answers_400(personas: Personas) -> None:
    assert personas.client("viewer").get(_url(personas, state="nonsense")).status_code == 400
