from aims.context.models import Obligation
from aims.context.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/api/v1/context/obligations?organization=acme"
DATA = {"kind": "legal", "title": "Automated decisions", "source": "GDPR Art. 22", "jurisdiction": "EU"}


def test_every_member_reads_the_list_filtered_by_system_and_applicability(
    personas, obligation, chatbot, foreign
):
    assert_permission_matrix(personas, "GET", URL, ROLES, api=True)
    client = personas.client("auditor")
    assert [o["source"] for o in client.get(URL + f"&ai_system={chatbot.pk}").json()["items"]] == [
        "EU AI Act Art. 26"
    ]
    assert client.get(URL + "&applicability=does_not_apply").json()["items"] == []
    assert client.get("/api/v1/context/obligations?organization=globex").status_code == 404


def test_editors_create_and_readers_cannot(personas):
    assert_refused(personas, "POST", URL, ("anonymous", "outsider", "viewer", "auditor"), data=DATA, api=True)
    response = post_json(personas.client("manager"), URL, DATA)
    assert response.status_code == 201, response.content
    assert response.json()["applicability"] == "under_review"


def test_bad_input_is_422_and_nothing_is_written(personas):
    client = personas.client("manager")
    for data, field in [
        ({**DATA, "source": ""}, "source"),
        ({**DATA, "applicability": "maybe"}, "applicability"),
    ]:
        response = post_json(client, URL, data)
        assert response.status_code == 422
        assert field in response.json()["error"]["fields"]
    assert post_json(client, "/api/v1/context/obligations", DATA).status_code == 422
    assert not Obligation.objects.exists()


def test_patch_changes_applicability_and_another_organisations_obligation_is_404(
    personas, obligation, foreign
):
    url = f"/api/v1/context/obligations/{obligation.pk}"
    assert_refused(
        personas, "PATCH", url, ("anonymous", "outsider", "viewer", "auditor"), data={"title": "X"}, api=True
    )
    data = {"applicability": "does_not_apply", "applicability_rationale": "We are not a deployer"}
    response = post_json(personas.client("owner"), url, data, "patch")
    assert response.status_code == 200
    assert response.json()["applicability"] == "does_not_apply"
    assert (
        personas.client("owner").get(f"/api/v1/context/obligations/{foreign['obligation'].pk}").status_code
        == 404
    )
