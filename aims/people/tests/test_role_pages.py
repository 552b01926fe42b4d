from aims.people.models import AIMSRole, RoleAssignment
from aims.people.tests.conftest import make_role
from aims.web.testing import EVERYONE, assert_allowed, assert_permission_matrix, assert_refused

LIST = "/o/acme/people/"
NEW = "/o/acme/people/roles/new/"
DATA = {"name": "Data quality lead", "area": "data_quality", "responsibilities": "Checks data sets."}
WRITERS = ("owner", "manager")
NOT_WRITERS = [p for p in EVERYONE if p not in WRITERS]


def test_every_member_sees_the_role_list(personas, role):
    assert_permission_matrix(personas, "GET", LIST, ("owner", "manager", "contributor", "auditor", "viewer"))
    body = personas.client("viewer").get(LIST).content.decode()
    assert "AI risk owner" in body
    assert "A.3.2" in body


def test_the_list_searches_filters_and_sorts(personas):
    make_role(personas.org, 1, name="Privacy officer", area="privacy")
    make_role(personas.org, 2, name="Security lead", area="security")
    client = personas.client("viewer")
    body = client.get(LIST, {"q": "privacy"}).content.decode()
    assert "Privacy officer" in body
    assert "Security lead" not in body
    body = client.get(LIST, {"area": "security"}).content.decode()
    assert "Security lead" in body
    assert "Privacy officer" not in body
    body = client.get(LIST, {"sort": "-name"}).content.decode()
    assert body.index("Security lead") < body.index("Privacy officer")
    assert client.get(LIST, {"sort": "password"}).status_code == 400
    assert (
        client.get(LIST, {"q": "x"}, headers={"HX-Request": "true"})
        .content.decode()
        .startswith('\n<div id="roles">')
    )


def test_only_owners_and_managers_open_the_new_role_form(personas):
    assert_permission_matrix(personas, "GET", NEW, WRITERS)


def test_posting_the_form_defines_the_role(personas):
    assert_refused(personas, "POST", NEW, NOT_WRITERS, data=DATA)
    assert not AIMSRole.objects.exists()
    response = personas.client("manager").post(NEW, DATA)
    assert response.status_code == 302
    assert AIMSRole.objects.get().name == "Data quality lead"


def test_bad_input_shows_form_errors_and_writes_nothing(personas, role):
    client = personas.client("owner")
    for data in ({**DATA, "name": ""}, {**DATA, "area": "astrology"}, {**DATA, "name": "AI risk owner"}):
        response = client.post(NEW, data)
        assert response.status_code == 422
        assert b"field-error" in response.content or b"form-errors" in response.content
    assert AIMSRole.objects.count() == 1


def test_role_detail_and_edit(personas, role):
    detail = f"/o/acme/people/roles/{role.pk}/"
    edit = f"{detail}edit/"
    assert_permission_matrix(
        personas, "GET", detail, ("owner", "manager", "contributor", "auditor", "viewer")
    )
    assert_permission_matrix(personas, "GET", edit, WRITERS)
    assert_refused(personas, "POST", edit, NOT_WRITERS, data={**DATA, "name": "Hacked"})
    response = personas.client("owner").post(edit, {**DATA, "name": "Risk lead"})
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.name == "Risk lead"


def test_assigning_and_ending_through_the_pages(personas, role):
    assign = f"/o/acme/people/roles/{role.pk}/assign/"
    data = {"user": personas.viewer.pk, "since": "2026-01-05"}
    assert_refused(personas, "POST", assign, NOT_WRITERS, data=data)
    assert_allowed(personas, "POST", assign, ("manager",), data=data, status=(302,))
    bad = personas.client("manager").post(assign, {"user": personas.outsider.pk, "since": "2026-01-05"})
    assert bad.status_code == 422
    again = personas.client("manager").post(assign, data)
    assert again.status_code == 422
    assert b"already holds" in again.content
    assignment = RoleAssignment.objects.get()
    end = f"/o/acme/people/assignments/{assignment.pk}/end/"
    assert_refused(personas, "POST", end, NOT_WRITERS, data={"until": "2026-03-01"})
    assert personas.client("owner").post(end, {"until": "2025-01-01"}).status_code == 422
    assert personas.client("owner").post(end, {"until": "2026-03-01"}).status_code == 302
    assignment.refresh_from_db()
    assert str(assignment.until) == "2026-03-01"
