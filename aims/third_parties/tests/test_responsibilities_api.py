from aims.audit.models import AuditEvent
from aims.third_parties.models import ResponsibilityAllocation
from aims.third_parties.tests.conftest import STAGES, api
from aims.web.testing import EVERYONE, ROLES, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in EDITORS]


def _body(party="us", **notes):
    return {
        "responsibilities": [
            {"stage": stage, "party": party, "note": notes.get(stage, "")} for stage in STAGES
        ]
    }


def test_the_matrix_lists_every_stage_even_before_allocation(personas, relationship):
    url = f"/api/v1/third-parties/relationships/{relationship.pk}/responsibilities"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    rows = personas.client("viewer").get(url).json()
    assert [row["stage"] for row in rows] == list(STAGES)
    assert {row["party"] for row in rows} == {""}


def test_editors_put_every_stage_at_once(personas, relationship):
    url = f"/api/v1/third-parties/relationships/{relationship.pk}/responsibilities"
    assert_refused(personas, "PUT", url, NOT_EDITORS, data=_body(), api=True)
    assert not ResponsibilityAllocation.objects.exists()
    body = _body("shared", **dict.fromkeys(STAGES, "Split as the contract says"))
    response = api(personas.client("contributor"), "PUT", url, body)
    assert response.status_code == 200
    assert {row["party"] for row in response.json()} == {"shared"}
    assert AuditEvent.objects.filter(verb="third_party.responsibilities_set").count() == 1
    detail = personas.client("viewer").get(f"/api/v1/third-parties/relationships/{relationship.pk}").json()
    assert len(detail["responsibilities"]) == 7


def test_an_incomplete_or_invalid_matrix_is_422_and_nothing_changes(personas, relationship):
    url = f"/api/v1/third-parties/relationships/{relationship.pk}/responsibilities"
    client = personas.client("manager")
    partial = {"responsibilities": _body()["responsibilities"][:6]}
    response = api(client, "PUT", url, partial)
    assert response.status_code == 422
    assert "retirement" in response.json()["error"]["fields"]
    response = api(client, "PUT", url, _body("shared"))
    assert response.status_code == 422
    assert "inception_note" in response.json()["error"]["fields"]
    response = api(client, "PUT", url, _body("everybody"))
    assert response.status_code == 422
    assert not ResponsibilityAllocation.objects.exists()


def test_another_organisations_matrix_is_404(personas, foreign_relationship):
    url = f"/api/v1/third-parties/relationships/{foreign_relationship.pk}/responsibilities"
    client = personas.client("owner")
    assert client.get(url).status_code == 404
    assert api(client, "PUT", url, _body()).status_code == 404
    assert not ResponsibilityAllocation.objects.exists()
