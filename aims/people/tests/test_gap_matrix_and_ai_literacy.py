from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.people import competence_queries as cq
from aims.people.models import Competence, RoleAssignment, TrainingRecord
from aims.people.tests.conftest import START, make_role
from aims.web.testing import assert_permission_matrix

MEMBERS = ("owner", "manager", "contributor", "auditor", "viewer")
TODAY = date.today()


def _train(personas, user, competence, expires_on=None):
    TrainingRecord.objects.create(
        organization=personas.org,
        user=user,
        competence=competence,
        title="t",
        completed_on=START,
        expires_on=expires_on,
    )


def test_the_matrix_marks_held_expired_and_missing_for_what_roles_need(personas, literacy):
    risk = Competence.objects.create(organization=personas.org, name="Risk assessment")
    role = make_role(personas.org, 1)
    role.competences.set([literacy, risk])
    for user in (personas.viewer, personas.contributor):
        RoleAssignment.objects.create(role=role, user=user, since=START)
    _train(personas, personas.viewer, literacy)
    _train(personas, personas.viewer, risk, expires_on=TODAY - timedelta(days=1))
    matrix = cq.gap_matrix(personas.org)
    rows = {row.person.email: row.cells for row in matrix.rows}
    assert [c.name for c in matrix.competences] == ["AI literacy", "Risk assessment"]
    assert rows["viewer@acme.test"] == ["held", "expired"]
    assert rows["contributor@acme.test"] == ["missing", "missing"]
    assert rows["owner@acme.test"] == ["", ""]
    assert_permission_matrix(personas, "GET", "/o/acme/people/competences/matrix/", MEMBERS)
    body = personas.client("viewer").get("/o/acme/people/competences/matrix/").content.decode()
    assert "Expired" in body
    assert "Missing" in body


def test_ai_literacy_lists_who_has_and_who_has_not(personas, literacy):
    _train(personas, personas.viewer, literacy)
    _train(personas, personas.auditor, literacy, expires_on=TODAY - timedelta(days=1))
    status = {row.person.email: row.status for row in cq.ai_literacy(personas.org)}
    assert status["viewer@acme.test"] == "held"
    assert status["auditor@acme.test"] == "expired"
    assert status["owner@acme.test"] == "missing"
    assert "outsider@globex.test" not in status
    assert_permission_matrix(personas, "GET", "/o/acme/people/ai-literacy/", MEMBERS)
    assert "1 of 5 members" in personas.client("viewer").get("/o/acme/people/ai-literacy/").content.decode()


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_matrix_and_literacy_queries_do_not_grow_with_people_or_competences(personas, literacy):
    client = personas.client("viewer")
    role = make_role(personas.org, 1)
    role.competences.set([literacy])
    RoleAssignment.objects.create(role=role, user=personas.viewer, since=START)
    urls = (
        "/o/acme/people/competences/matrix/",
        "/o/acme/people/ai-literacy/",
        "/o/acme/people/training/",
        "/api/v1/people/training-records?organization=acme",
        "/api/v1/people/competences?organization=acme",
    )
    few = [_count(client, url) for url in urls]
    for n in range(10):
        competence = Competence.objects.create(organization=personas.org, name=f"C{n}")
        role.competences.add(competence)
        for user in (personas.viewer, personas.owner, personas.auditor):
            _train(personas, user, competence)
            _train(personas, user, literacy)
    RoleAssignment.objects.create(role=role, user=personas.owner, since=START)
    assert [_count(client, url) for url in urls] == few
