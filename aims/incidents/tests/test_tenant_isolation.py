import pytest
from django.urls import reverse
from django.utils import timezone

from aims.incidents.models import Incident
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("incident_detail", None),
        ("incident_edit", None),
        ("incident_status", {"status": "contained"}),
        ("incident_assess", {"is_serious": "on", "serious_kind": "death"}),
        ("incident_report", {"reported_at": "2026-01-01T10:00", "authority": "X"}),
        (
            "communication_add",
            {"comm-sent_at": "2026-01-01T10:00", "comm-audience": "users", "comm-message": "x"},
        ),
    ],
)
def test_acme_owner_cannot_reach_a_globex_incident_through_acme(
    personas: Personas, foreign: Incident, name: str, data: dict[str, str] | None
) -> None:
    url = reverse(f"incidents:{name}", kwargs={"org": personas.org.slug, "pk": foreign.pk})
    client = personas.client("owner")
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "open"
    assert not foreign.is_serious
    assert not foreign.communications.exists()


def test_edit_cannot_attach_another_organisations_system(
    personas: Personas, incident: Incident, foreign: Incident
) -> None:
    theirs = foreign.ai_systems.get()
    url = reverse("incidents:incident_edit", kwargs={"org": personas.org.slug, "pk": incident.pk})
    data = {
        "ai_systems": [theirs.pk],
        "title": "x",
        "what_happened": "x",
        "severity": "low",
        "detected_on": timezone.localdate().isoformat(),
        "became_aware_at": timezone.now().strftime("%Y-%m-%dT%H:%M"),
    }
    response = personas.client("owner").post(url, data)
    assert response.status_code == 422
    assert list(incident.ai_systems.values_list("reference", flat=True)) == ["AIS-001"]
