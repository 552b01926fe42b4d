"""Nothing of another organisation can be read or changed, whatever the URL or id says."""

from typing import Any

import pytest
from django.urls import reverse

from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment
from aims.impact_assessments.tests.conftest import IMPACT, post_json
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign_item(personas: Personas, foreign: ImpactAssessment) -> Any:
    return actions.add_item(actor=personas.outsider, assessment=foreign, **IMPACT)


def test_acme_owner_cannot_reach_globex_assessment_under_acme_urls(
    personas: Personas, foreign: ImpactAssessment, foreign_item: Any
) -> None:
    client = personas.client("owner")
    acme = personas.org.slug
    for name, kwargs in (
        ("assessment_detail", {"pk": foreign.pk}),
        ("assessment_edit", {"pk": foreign.pk}),
        ("item_edit", {"pk": foreign.pk, "item_id": foreign_item.pk}),
    ):
        assert (
            client.get(reverse(f"impact_assessments:{name}", kwargs={"org": acme, **kwargs})).status_code
            == 404
        )
    for name, kwargs in (
        ("assessment_submit", {"pk": foreign.pk}),
        ("item_add", {"pk": foreign.pk}),
        ("item_remove", {"pk": foreign.pk, "item_id": foreign_item.pk}),
        ("item_raise_risk", {"pk": foreign.pk, "item_id": foreign_item.pk}),
    ):
        assert (
            client.post(reverse(f"impact_assessments:{name}", kwargs={"org": acme, **kwargs})).status_code
            == 404
        )
    assert foreign.items.count() == 1
    foreign_item.refresh_from_db()
    assert foreign_item.risk is None


def test_acme_owner_cannot_reach_globex_pages_under_globex_urls(
    personas: Personas, foreign: ImpactAssessment
) -> None:
    url = reverse(
        "impact_assessments:assessment_detail", kwargs={"org": personas.other_org.slug, "pk": foreign.pk}
    )
    assert personas.client("owner").get(url).status_code == 404


def test_acme_owner_cannot_use_globex_ids_in_the_api(
    personas: Personas, foreign: ImpactAssessment, foreign_item: Any
) -> None:
    client = personas.client("owner")
    base = f"/api/v1/impact-assessments/{foreign.pk}"
    assert client.get(base).status_code == 404
    assert client.get(f"{base}/items").status_code == 404
    assert post_json(client, base, {"conclusion": "x"}, method="patch").status_code == 404
    assert post_json(client, f"{base}/submit", {}).status_code == 404
    assert post_json(client, f"{base}/items/{foreign_item.pk}/raise-risk", {}).status_code == 404
    assert client.get(f"/api/v1/impact-assessments?organization={personas.other_org.slug}").status_code == 404


def test_an_acme_item_cannot_be_addressed_through_a_globex_assessment(
    personas: Personas, foreign: ImpactAssessment, item: Any
) -> None:
    url = reverse(
        "impact_assessments:item_edit",
        kwargs={"org": personas.org.slug, "pk": item.assessment_id, "item_id": 0},
    )
    assert personas.client("owner").get(url).status_code == 404
