from aims.ai_systems import actions
from aims.ai_systems.forms import AISystemForm
from aims.audit.models import AuditEvent
from aims.web.testing import assert_allowed, assert_refused

EDITORS = ("owner", "manager", "contributor")
REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def _url(system):
    return f"/o/acme/systems/{system.pk}/edit/"


def _data(system, **overrides):
    data = {k: v for k, v in AISystemForm.initial_for(system).items() if v is not None}
    data["owner"] = system.owner_id or ""
    data["in_scope"] = "on" if system.in_scope else ""
    data.update(overrides)
    return data


def test_the_edit_form_is_for_editors_only(personas, system):
    assert_allowed(personas, "GET", _url(system), EDITORS)
    assert_refused(personas, "GET", _url(system), REFUSED)


def test_the_edit_form_is_filled_in(personas, system):
    html = personas.client("manager").get(_url(system)).content.decode()
    assert 'value="Support chatbot"' in html
    assert 'value="AIS-001"' in html
    assert "Life-cycle stage" not in html  # the stage has its own form


def test_readers_cannot_save_changes(personas, system):
    assert_refused(personas, "POST", _url(system), REFUSED, data=_data(system, name="Hacked"))
    system.refresh_from_db()
    assert system.name == "Support chatbot"


def test_editors_save_changes(personas, system):
    for persona in EDITORS:
        response = personas.client(persona).post(_url(system), _data(system, name=f"Bot of {persona}"))
        assert response.status_code == 302
        system.refresh_from_db()
        assert system.name == f"Bot of {persona}"
    assert AuditEvent.objects.filter(verb="ai_system.updated").count() == 3


def test_an_empty_submission_shows_what_is_required(personas, system):
    response = personas.client("manager").post(_url(system), {})
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()


def test_bad_input_is_shown_and_nothing_is_written(personas, system):
    response = personas.client("manager").post(
        _url(system), _data(system, reference="", owner=personas.outsider.pk)
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "This field is required." in html
    assert "Select a valid choice." in html
    system.refresh_from_db()
    assert system.reference == "AIS-001"
    assert not AuditEvent.objects.filter(verb="ai_system.updated").exists()


def test_an_archived_system_cannot_be_edited_from_the_page(personas, system):
    actions.archive_ai_system(actor=personas.manager, system=system)
    client = personas.client("manager")
    assert client.get(_url(system)).status_code == 302
    response = client.post(_url(system), _data(system, name="New", status="active"), follow=True)
    assert "restore it before editing" in response.content.decode()
    system.refresh_from_db()
    assert system.name == "Support chatbot"


def test_another_organisations_system_cannot_be_edited(personas, foreign_system):
    response = personas.client("owner").post(_url(foreign_system), {"name": "Mine"})
    assert response.status_code == 404
    foreign_system.refresh_from_db()
    assert foreign_system.name == "Globex secret scorer"
