from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.web.testing import assert_allowed, assert_refused

URL = "/o/acme/systems/new/"
EDITORS = ("owner", "manager", "contributor")
REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def _data(**overrides):
    data = {
        "name": "CV screening",
        "purpose": "Rank applications.",
        "lifecycle_stage": "inception",
        "status": "active",
        "in_scope": "on",
        "ai_roles": ["customer"],
    }
    data.update(overrides)
    return data


def test_the_form_is_for_editors_only(personas):
    assert_allowed(personas, "GET", URL, EDITORS)
    assert_refused(personas, "GET", URL, REFUSED)


def test_the_form_explains_each_field_with_its_clause(personas):
    html = personas.client("contributor").get(URL).content.decode()
    for words in ("clause 4.1", "A.9.4", "A.5.3", "A.5.4", "clause 4.3", "A.6.2"):
        assert words in html


def test_readers_and_outsiders_cannot_register(personas):
    assert_refused(personas, "POST", URL, REFUSED, data=_data())
    assert not AISystem.objects.exists()


def test_editors_register_a_system_and_land_on_its_page(personas):
    for number, persona in enumerate(EDITORS, start=1):
        response = personas.client(persona).post(URL, _data(name=f"System by {persona}"))
        system = AISystem.objects.get(name=f"System by {persona}")
        assert response.status_code == 302
        assert response["Location"] == f"/o/acme/systems/{system.pk}/"
        assert system.reference == f"AIS-{number:03d}"
        assert system.ai_roles == ["customer"]
        assert system.in_scope is True
    assert AuditEvent.objects.filter(verb="ai_system.created").count() == 3


def test_bad_input_is_shown_on_the_form_and_nothing_is_written(personas):
    response = personas.client("contributor").post(
        URL, _data(name="", ai_roles=["emperor"], next_review_on="soon")
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "This field is required." in html
    assert "Enter a valid date." in html
    assert not AISystem.objects.exists()


def test_a_reference_in_use_is_shown_on_the_form(personas):
    personas.client("manager").post(URL, _data(reference="CV-1"))
    response = personas.client("manager").post(URL, _data(reference="CV-1", name="Other"))
    assert response.status_code == 422
    assert "CV-1 is already used" in response.content.decode()
    assert AISystem.objects.count() == 1


def test_contributor_registering_into_deployment_is_told_why_not(personas):
    response = personas.client("contributor").post(URL, _data(lifecycle_stage="deployment"))
    assert response.status_code == 403
    assert "needs an owner or manager" in response.content.decode()
    assert not AISystem.objects.exists()
