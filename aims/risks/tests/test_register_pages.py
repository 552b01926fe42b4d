"""The register, detail, add and edit pages: who sees and who may write, and no other organisation's risks."""

from aims.risks.models import Risk
from aims.web.testing import ROLES, assert_allowed, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def test_every_member_sees_the_register_and_a_risk_and_outsiders_do_not(personas, treated, foreign):
    assert_permission_matrix(personas, "GET", "/o/acme/risks/", ROLES)
    assert_permission_matrix(personas, "GET", f"/o/acme/risks/{treated.pk}/", ROLES)
    client = personas.client("owner")
    assert client.get(f"/o/acme/risks/{foreign.pk}/").status_code == 404
    page = client.get("/o/acme/risks/").content.decode()
    assert "Unfair scores" in page
    assert "Globex risk" not in page
    assert 'hx-get="/o/acme/risks/heat-map/"' in page
    detail = client.get(f"/o/acme/risks/{treated.pk}/").content.decode()
    assert "Fairness testing" in detail
    assert "Medium residual risk can only be accepted by an owner or a manager." in detail


def test_editors_add_risks_and_readers_are_refused(personas, system):
    data = {"kind": "risk", "title": "Drift", "ai_system": "ais-001"}
    assert_refused(personas, "GET", "/o/acme/risks/new/", REFUSED)
    assert_refused(personas, "POST", "/o/acme/risks/new/", REFUSED, data=data)
    assert not Risk.objects.exists()
    assert_allowed(personas, "GET", "/o/acme/risks/new/", EDITORS)
    response = personas.client("contributor").post("/o/acme/risks/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Risk.objects.get().ai_system == system


def test_an_unknown_ai_system_shows_the_form_again_and_writes_nothing(personas):
    response = personas.client("manager").post(
        "/o/acme/risks/new/", {"kind": "risk", "title": "X", "ai_system": "AIS-999"}
    )
    assert response.status_code == 422
    assert "No AI system AIS-999" in response.content.decode()
    assert not Risk.objects.exists()


def test_editors_edit_a_risk_and_readers_are_refused(personas, risk):
    url = f"/o/acme/risks/{risk.pk}/edit/"
    assert_refused(personas, "GET", url, REFUSED)
    assert_refused(personas, "POST", url, REFUSED, data={"kind": "risk", "title": "Hacked"})
    response = personas.client("manager").post(url, {"kind": "risk", "title": "Renamed", "ai_system": ""})
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.title, risk.ai_system) == ("Renamed", None)


def test_the_register_filters_sorts_and_answers_htmx_with_the_list_only(personas, treated, foreign):
    client = personas.client("viewer")
    assert "Unfair" in client.get("/o/acme/risks/?level=high&ai_system=AIS-001").content.decode()
    assert "Unfair" not in client.get("/o/acme/risks/?level=low").content.decode()
    assert "Unfair" not in client.get("/o/acme/risks/?ai_system=-").content.decode()
    assert "Unfair" in client.get("/o/acme/risks/?likelihood=2&consequence=4&residual=on").content.decode()
    assert "Unfair" not in client.get("/o/acme/risks/?likelihood=2&consequence=4").content.decode()
    assert "Unfair" in client.get("/o/acme/risks/?sort=-residual&status=treated").content.decode()
    assert client.get("/o/acme/risks/?sort=sideways").status_code == 400
    assert client.get("/o/acme/risks/?ai_system=AIS-404").status_code == 400
    partial = client.get("/o/acme/risks/?q=thin", headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="records">')
    assert "Unfair" in partial
