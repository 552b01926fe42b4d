from typing import Any

import pytest
from django.urls import reverse

from aims.improvement.models import ImprovementOpportunity, Nonconformity
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db
TODAY = "2026-01-01"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nonconformity_detail", None),
        ("nonconformity_edit", None),
        ("nonconformity_correction", {"correction": "x", "corrected_on": TODAY}),
        ("nonconformity_cause", {"cause_method": "other", "root_cause": "x"}),
        ("action_add", {"description": "x", "due_on": TODAY}),
        ("nonconformity_request_verification", {}),
        ("nonconformity_verify", {"outcome": "effective", "checked_on": TODAY, "notes": "x"}),
        ("nonconformity_close", {}),
        ("nonconformity_reopen", {"reopen-reason": "x"}),
    ],
)
def test_acme_owner_cannot_reach_a_globex_nonconformity_through_acme(
    personas: Personas, foreign: Nonconformity, name: str, data: dict[str, Any] | None
) -> None:
    url = reverse(f"improvement:{name}", kwargs={"org": personas.org.slug, "pk": foreign.pk})
    client = personas.client("owner")
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert (foreign.status, foreign.correction, foreign.root_cause) == ("open", "", "")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("opportunity_detail", None),
        ("opportunity_edit", {"title": "x", "description": "x", "source": "other"}),
        ("opportunity_decide", {"decision": "accepted", "reason": "x"}),
        ("opportunity_start", {}),
        ("opportunity_complete", {"outcome": "x", "completed_on": TODAY}),
    ],
)
def test_acme_owner_cannot_reach_a_globex_opportunity_through_acme(
    personas: Personas, foreign_opportunity: ImprovementOpportunity, name: str, data: dict[str, Any] | None
) -> None:
    url = reverse(f"improvement:{name}", kwargs={"org": personas.org.slug, "pk": foreign_opportunity.pk})
    client = personas.client("owner")
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 404
    foreign_opportunity.refresh_from_db()
    assert foreign_opportunity.status == "proposed"


def test_raising_from_another_organisations_incident_is_not_found(personas: Personas) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from aims.incidents import actions

    now = timezone.now()
    theirs = actions.record_incident(
        actor=personas.outsider,
        organization=personas.other_org,
        title="Globex incident",
        what_happened="x",
        severity="low",
        detected_on=timezone.localdate(now),
        became_aware_at=now - timedelta(hours=1),
    )
    url = reverse(
        "improvement:nonconformity_from_incident", kwargs={"org": personas.org.slug, "incident_pk": theirs.pk}
    )
    assert personas.client("owner").get(url).status_code == 404
