from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.incidents.tests.conftest import facts
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))


def _url(personas: Personas, **query: Any) -> str:
    url = reverse("incidents:incident_list", kwargs={"org": personas.org.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _many(personas: Personas, system: AISystem, count: int) -> None:
    for n in range(count):
        incident = actions.record_incident(
            actor=personas.contributor,
            organization=personas.org,
            ai_systems=[system],
            **facts(title=f"Incident number {n}", owner=personas.manager),
        )
        actions.assess_seriousness(
            actor=personas.manager, incident=incident, is_serious=True, serious_kind="general"
        )


def test_every_member_reads_the_register_and_outsiders_do_not(personas: Personas, incident: Incident) -> None:
    assert_permission_matrix(personas, "GET", _url(personas), MEMBERS)


def test_register_shows_only_this_organisations_incidents(
    personas: Personas, incident: Incident, foreign: Incident
) -> None:
    page = personas.client("viewer").get(_url(personas)).content.decode()
    assert "Chatbot quoted wrong refund amounts" in page
    assert "Globex scorer leaked data" not in page


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
    assert response.content.decode().count("Report to the authority within 14 days") == 10


def test_register_shows_the_countdown_and_overdue_in_red(personas: Personas, serious: Incident) -> None:
    Incident.objects.filter(pk=serious.pk).update(
        serious_kind="widespread_or_critical_infrastructure",
        became_aware_at=timezone.now() - timedelta(hours=20, minutes=30),
    )
    page = personas.client("viewer").get(_url(personas)).content.decode()
    assert "Report to the authority within 1 day 3 h" in page
    Incident.objects.filter(pk=serious.pk).update(became_aware_at=timezone.now() - timedelta(days=3))
    page = personas.client("viewer").get(_url(personas)).content.decode()
    assert 'class="countdown overdue"' in page
    assert "overdue since" in page


@pytest.fixture
def minor(personas: Personas) -> Incident:
    return actions.record_incident(
        actor=personas.contributor,
        organization=personas.org,
        **facts(title="Typo in a generated letter", severity="low"),
    )


def test_register_filters_by_status_severity_serious_overdue_and_system(
    personas: Personas, serious: Incident, minor: Incident, system: AISystem
) -> None:
    client = personas.client("viewer")

    def shown(**query: Any) -> set[str]:
        page = client.get(_url(personas, **query)).content.decode()
        return {ref for ref in (serious.reference, minor.reference) if ref in page}

    actions.change_status(actor=personas.contributor, incident=minor, status="contained")
    assert shown(status="contained") == {minor.reference}
    assert shown(severity="high") == {serious.reference}
    assert shown(serious="yes") == {serious.reference}
    assert shown(serious="no") == {minor.reference}
    assert shown(ai_system=system.reference) == {serious.reference}
    assert shown(overdue="on") == set()
    Incident.objects.filter(pk=serious.pk).update(became_aware_at=timezone.now() - timedelta(days=16))
    assert shown(overdue="on") == {serious.reference}


def test_register_searches_titles_and_what_happened(
    personas: Personas, serious: Incident, minor: Incident
) -> None:
    page = personas.client("viewer").get(_url(personas, q="generated+letter")).content.decode()
    assert minor.reference in page
    assert serious.reference not in page


def test_register_paginates(personas: Personas, system: AISystem) -> None:
    _many(personas, system, 3)
    page = personas.client("viewer").get(_url(personas, page_size=2)).content.decode()
    assert 'rel="next"' in page
    assert page.count("Report to the authority within") == 2


def test_empty_register_says_how_to_begin(personas: Personas) -> None:
    assert "Record the first incident" in personas.client("contributor").get(_url(personas)).content.decode()
    assert "Ask an owner" in personas.client("viewer").get(_url(personas)).content.decode()


def test_bad_filter_answers_400(personas: Personas) -> None:
    assert personas.client("viewer").get(_url(personas, severity="nonsense")).status_code == 400
