from aims.catalog.models import CatalogItem
from aims.people.models import RaciEntry
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

MATRIX = "/o/acme/people/raci/"
SET = "/o/acme/people/raci/set/"
WRITERS = ("owner", "manager")
NOT_WRITERS = [p for p in EVERYONE if p not in WRITERS]


def test_every_member_sees_the_matrix_and_missing_accountable_roles_stand_out(personas, role):
    RaciEntry.objects.create(
        organization=personas.org, kind="process", process="Risk assessment", role=role, letter="R"
    )
    assert_permission_matrix(
        personas, "GET", MATRIX, ("owner", "manager", "contributor", "auditor", "viewer")
    )
    body = personas.client("viewer").get(MATRIX, {"kind": "process"}).content.decode()
    assert "Risk assessment" in body
    assert "No A" in body
    assert "Give a role its letter" not in body


def test_the_matrix_shows_controls_and_systems_by_kind(personas, role, system, catalog):
    control = CatalogItem.objects.get(ref="A.6.2.4")
    RaciEntry.objects.create(
        organization=personas.org, kind="control", control=control, role=role, letter="A"
    )
    RaciEntry.objects.create(
        organization=personas.org, kind="system", ai_system=system, role=role, letter="A"
    )
    client = personas.client("manager")
    assert "A.6.2.4" in client.get(MATRIX, {"kind": "control"}).content.decode()
    body = client.get(MATRIX, {"kind": "system"}).content.decode()
    assert "Credit scorer" in body
    assert "A.6.2.4" not in body


def test_managers_set_and_clear_letters_through_the_page(personas, role):
    data = {"kind": "process", "process": "Impact assessment", "role": role.pk, "letter": "A"}
    assert_refused(personas, "POST", SET, NOT_WRITERS, data=data)
    assert not RaciEntry.objects.exists()
    response = personas.client("manager").post(SET, data)
    assert response.status_code == 302
    entry = RaciEntry.objects.get()
    clear = f"/o/acme/people/raci/{entry.pk}/clear/"
    assert_refused(personas, "POST", clear, NOT_WRITERS)
    assert personas.client("owner").post(clear).status_code == 302
    assert not RaciEntry.objects.exists()


def test_a_second_accountable_role_or_missing_subject_is_a_form_error(personas, role):
    from aims.people.tests.conftest import make_role

    other = make_role(personas.org, 9)
    client = personas.client("owner")
    client.post(SET, {"kind": "process", "process": "P", "role": role.pk, "letter": "A"})
    response = client.post(SET, {"kind": "process", "process": "P", "role": other.pk, "letter": "A"})
    assert response.status_code == 422
    assert b"exactly one A" in response.content
    response = client.post(SET, {"kind": "process", "process": "", "role": other.pk, "letter": "R"})
    assert response.status_code == 422
    assert RaciEntry.objects.count() == 1
