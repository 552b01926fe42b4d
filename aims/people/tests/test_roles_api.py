from aims.audit.models import AuditEvent
from aims.people.models import AIMSRole, Competence, RoleAssignment
from aims.people.tests.conftest import patch_json, post_json
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

LIST = "/api/v1/people/roles?organization=acme"
DATA = {"name": "Privacy officer", "area": "privacy", "responsibilities": "DPIAs."}
READERS = ("owner", "manager", "contributor", "auditor", "viewer")
NOT_WRITERS = [p for p in EVERYONE if p not in ("owner", "manager")]


def test_every_member_lists_roles(personas, role):
    assert_permission_matrix(personas, "GET", LIST, READERS, api=True)
    body = (
        personas.client("viewer")
        .get("/api/v1/people/roles", {"organization": "acme", "area": "risk", "sort": "-name"})
        .json()
    )
    assert [r["name"] for r in body["items"]] == ["AI risk owner"]
    assert body["has_next"] is False
    assert (
        personas.client("viewer")
        .get("/api/v1/people/roles", {"organization": "acme", "q": "nothing"})
        .json()["items"]
        == []
    )


def test_owners_and_managers_define_roles(personas):
    literacy = Competence.objects.create(organization=personas.org, name="AI literacy")
    assert_refused(personas, "POST", LIST, NOT_WRITERS, data=DATA, api=True)
    assert not AIMSRole.objects.exists()
    response = post_json(personas.client("manager"), LIST, {**DATA, "competences": [literacy.pk]})
    assert response.status_code == 201, response.content
    assert response.json()["area"] == "privacy"
    assert list(AIMSRole.objects.get().competences.all()) == [literacy]


def test_bad_input_is_422_and_nothing_is_written(personas, role):
    client = personas.client("owner")
    foreign = Competence.objects.create(organization=personas.other_org, name="Secret")
    for data in ({**DATA, "area": "astrology"}, {**DATA, "name": ""}, {**DATA, "competences": [foreign.pk]}):
        response = post_json(client, LIST, data)
        assert response.status_code == 422, data
        assert "error" in response.json()
    assert post_json(client, LIST, {**DATA, "name": "AI risk owner"}).status_code == 422
    assert AIMSRole.objects.count() == 1


def test_roles_are_read_and_changed_by_id(personas, role):
    url = f"/api/v1/people/roles/{role.pk}"
    assert_permission_matrix(personas, "GET", url, READERS, api=True)
    assert_refused(personas, "PATCH", url, NOT_WRITERS, data={"authorities": "All"}, api=True)
    response = patch_json(personas.client("owner"), url, {"authorities": "May stop a release."})
    assert response.status_code == 200
    assert response.json()["authorities"] == "May stop a release."
    assert patch_json(personas.client("owner"), url, {"area": "nope"}).status_code == 422


def test_assignments_are_listed_made_and_ended(personas, role):
    url = f"/api/v1/people/roles/{role.pk}/assignments"
    data = {"user": "Viewer@acme.test", "since": "2026-01-05"}
    assert_refused(personas, "POST", url, NOT_WRITERS, data=data, api=True)
    response = post_json(personas.client("manager"), url, data)
    assert response.status_code == 201, response.content
    assert response.json()["user"] == "viewer@acme.test"
    assert post_json(personas.client("manager"), url, data).status_code == 409
    assert (
        post_json(personas.client("manager"), url, {**data, "user": "outsider@globex.test"}).status_code
        == 422
    )
    assert_permission_matrix(personas, "GET", url, READERS, api=True)
    assignment = RoleAssignment.objects.get()
    end = f"/api/v1/people/assignments/{assignment.pk}/end"
    assert_refused(personas, "POST", end, NOT_WRITERS, data={"until": "2026-02-01"}, api=True)
    assert post_json(personas.client("owner"), end, {"until": "2026-02-01"}).json()["until"] == "2026-02-01"
    assert AuditEvent.objects.filter(verb__startswith="aims_role.assign").count() == 2
