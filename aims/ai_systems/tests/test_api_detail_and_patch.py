from aims.ai_systems import actions
from aims.ai_systems.tests.conftest import patch_json
from aims.audit.models import AuditEvent
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused


def _url(system):
    return f"/api/v1/ai-systems/{system.pk}"


def test_the_detail_is_for_members_only(personas, system):
    assert_permission_matrix(personas, "GET", _url(system), ROLES, api=True)


def test_another_organisations_system_is_404(personas, foreign_system):
    response = personas.client("owner").get(_url(foreign_system))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert patch_json(personas.client("owner"), _url(foreign_system), {"name": "Mine"}).status_code == 404


def test_readers_cannot_patch(personas, system):
    assert_refused(
        personas,
        "PATCH",
        _url(system),
        ("anonymous", "outsider", "viewer", "auditor"),
        data={"name": "X"},
        api=True,
    )
    system.refresh_from_db()
    assert system.name == "Support chatbot"


def test_patch_changes_only_the_fields_sent(personas, system):
    response = patch_json(
        personas.client("contributor"), _url(system), {"purpose": "Help.", "owner": None, "in_scope": False}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["purpose"], body["owner"], body["in_scope"], body["name"]) == (
        "Help.",
        None,
        False,
        "Support chatbot",
    )
    event = AuditEvent.objects.get(verb="ai_system.updated")
    assert set(event.after or {}) == {"purpose", "owner", "in_scope"}


def test_bad_patches_are_422_and_nothing_is_written(personas, system):
    client = personas.client("manager")
    for data in (
        {"name": ""},
        {"name": None},
        {"owner": "nobody@acme.test"},
        {"automation_level": "telepathic"},
    ):
        response = patch_json(client, _url(system), data)
        assert response.status_code == 422, data
    system.refresh_from_db()
    assert system.name == "Support chatbot"
    assert system.owner == personas.manager
    assert not AuditEvent.objects.filter(verb="ai_system.updated").exists()


def test_patching_an_archived_system_is_409(personas, system):
    actions.archive_ai_system(actor=personas.manager, system=system)
    response = patch_json(personas.client("manager"), _url(system), {"name": "New"})
    assert response.status_code == 409
    assert "restore it" in response.json()["error"]["message"]
