from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
EDITORS = ("owner", "manager", "contributor")
DECIDERS = ("owner", "manager")
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
READERS = ("anonymous", "outsider", "viewer", "auditor")


def _url(personas: Personas, name: str, **kwargs: int) -> str:
    return reverse(f"incidents:{name}", kwargs={"org": personas.org.slug, **kwargs})


def _form(system: AISystem, **overrides: Any) -> dict[str, Any]:
    data = {
        "ai_systems": system.reference,
        "title": "Scoring outage",
        "what_happened": "The model returned the same score for every applicant for two hours.",
        "severity": "medium",
        "detected_on": timezone.localdate().isoformat(),
        "became_aware_at": (timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
    }
    data.update(overrides)
    return data


def test_members_read_an_incident_with_its_countdown(personas: Personas, serious: Incident) -> None:
    url = _url(personas, "incident_detail", pk=serious.pk)
    assert_permission_matrix(personas, "GET", url, MEMBERS)
    page = personas.client("viewer").get(url).content.decode()
    assert "Report to the authority within 14 days" in page
    assert "Communication log" in page
    assert "assessed whether it is serious" in page
    assert "Save the assessment" not in page


def test_outsider_gets_404_for_another_organisations_incident(personas: Personas, foreign: Incident) -> None:
    assert personas.client("owner").get(_url(personas, "incident_detail", pk=foreign.pk)).status_code == 404


def test_editors_open_the_form_and_the_rest_are_refused(personas: Personas) -> None:
    assert_permission_matrix(personas, "GET", _url(personas, "incident_create"), EDITORS)


def test_contributor_records_an_incident_through_the_form(personas: Personas, system: AISystem) -> None:
    response = personas.client("contributor").post(_url(personas, "incident_create"), _form(system))
    created = Incident.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url(personas, "incident_detail", pk=created.pk)
    assert list(created.ai_systems.all()) == [system]


def test_form_explains_what_is_missing(personas: Personas, system: AISystem) -> None:
    response = personas.client("contributor").post(_url(personas, "incident_create"), _form(system, title=""))
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert not Incident.objects.exists()


def test_readers_cannot_post_the_form(personas: Personas, system: AISystem) -> None:
    assert_refused(personas, "POST", _url(personas, "incident_create"), READERS, data=_form(system))
    assert not Incident.objects.exists()


def test_editor_edits_an_incident(personas: Personas, incident: Incident, system: AISystem) -> None:
    url = _url(personas, "incident_edit", pk=incident.pk)
    assert_permission_matrix(personas, "GET", url, EDITORS)
    response = personas.client("contributor").post(url, _form(system, containment="Model rolled back."))
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.containment == "Model rolled back."
    assert incident.title == "Scoring outage"


def test_status_buttons_follow_the_roles(personas: Personas, incident: Incident) -> None:
    url = _url(personas, "incident_status", pk=incident.pk)
    assert_refused(personas, "POST", url, READERS, data={"status": "contained"})
    assert personas.client("contributor").post(url, {"status": "contained"}).status_code == 302
    incident.refresh_from_db()
    assert incident.status == "contained"


def test_closing_without_harm_and_containment_shows_why(personas: Personas, incident: Incident) -> None:
    actions.change_status(actor=personas.manager, incident=incident, status="resolved")
    client = personas.client("manager")
    response = client.post(
        _url(personas, "incident_status", pk=incident.pk), {"status": "closed"}, follow=True
    )
    assert "Fill this in before you close the incident." in response.content.decode()
    incident.refresh_from_db()
    assert incident.status == "resolved"


def test_only_owners_and_managers_assess_seriousness_on_the_page(
    personas: Personas, incident: Incident
) -> None:
    url = _url(personas, "incident_assess", pk=incident.pk)
    data = {"is_serious": "on", "serious_kind": "death"}
    assert_refused(personas, "POST", url, (*READERS, "contributor"), data=data)
    assert personas.client("owner").post(url, data).status_code == 302
    incident.refresh_from_db()
    assert incident.serious_kind == "death"
    page = personas.client("owner").get(_url(personas, "incident_detail", pk=incident.pk)).content.decode()
    assert "Report to the authority within 9 days" in page


def test_manager_records_the_report_to_the_authority(personas: Personas, serious: Incident) -> None:
    url = _url(personas, "incident_report", pk=serious.pk)
    data = {"reported_at": timezone.now().strftime("%Y-%m-%dT%H:%M"), "authority": "National MSA"}
    assert_refused(personas, "POST", url, (*READERS, "contributor"), data=data)
    assert personas.client("manager").post(url, data).status_code == 302
    serious.refresh_from_db()
    assert serious.authority == "National MSA"
    page = personas.client("viewer").get(_url(personas, "incident_detail", pk=serious.pk)).content.decode()
    assert 'class="countdown reported"' in page


def test_editors_log_a_communication_on_the_page(personas: Personas, incident: Incident) -> None:
    url = _url(personas, "communication_add", pk=incident.pk)
    data = {
        "comm-sent_at": timezone.now().strftime("%Y-%m-%dT%H:%M"),
        "comm-audience": "supplier",
        "comm-recipient": "Model vendor",
        "comm-message": "Asked for the model version change log.",
        "comm-channel": "email",
    }
    assert_refused(personas, "POST", url, READERS, data=data)
    assert personas.client("contributor").post(url, data).status_code == 302
    page = personas.client("viewer").get(_url(personas, "incident_detail", pk=incident.pk)).content.decode()
    assert "Asked for the model version change log." in page
    bad = personas.client("contributor").post(url, {**data, "comm-message": ""})
    assert bad.status_code == 422


def test_system_page_shows_its_incidents(personas: Personas, serious: Incident, system: AISystem) -> None:
    url = reverse("ai_systems:system_detail", kwargs={"org": personas.org.slug, "pk": system.pk})
    page = personas.client("viewer").get(url).content.decode()
    assert serious.reference in page
    assert "Report to the authority within" in page


def test_detail_query_count_does_not_grow_with_communications(
    personas: Personas, serious: Incident, django_assert_num_queries: Any
) -> None:
    url = _url(personas, "incident_detail", pk=serious.pk)
    client = personas.client("manager")

    def log(count: int) -> None:
        for n in range(count):
            actions.log_communication(
                actor=personas.contributor,
                incident=serious,
                sent_at=timezone.now(),
                audience="users",
                message=f"M{n}",
            )

    log(2)
    client.get(url)
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200
    log(8)
    with django_assert_num_queries(11):
        page = client.get(url).content.decode()
    assert page.count("<td>Users</td>") == 10


def test_ai_systems_are_given_by_reference_and_unknown_ones_are_named(personas, system):
    url = reverse("incidents:incident_create", kwargs={"org": personas.org.slug})
    data = {"title": "Wrong fees quoted", "what_happened": "The chatbot quoted old fees.", "severity": "low"}
    refused = personas.client("contributor").post(url, {**data, "ai_systems": f"{system.reference}, AIS-404"})
    assert refused.status_code == 422
    assert "No AI system of this organisation has the reference AIS-404." in refused.content.decode()
    assert not Incident.objects.exists()
