from aims.audit.models import AuditEvent
from aims.controls.models import Control
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

from .conftest import include, post_json

LIST = "/api/v1/controls?organization=acme&page_size=100"
READERS = ["owner", "manager", "contributor", "auditor", "viewer"]


def test_every_member_lists_controls_and_outsiders_get_404(personas, controls):
    assert_permission_matrix(personas, "GET", LIST, READERS, api=True)


def test_the_list_carries_applicability_and_filters(personas, controls, relied, obligation):
    include(personas, controls["A.2.2"])
    client = personas.client("viewer")
    items = client.get(LIST).json()["items"]
    assert len(items) == 38
    assert {item["reference"] for item in items} >= {"A.2.2", "A.10.4"}
    a624 = next(item for item in items if item["reference"] == "A.6.2.4")
    assert [r["reference"] for r in a624["relied_on_by"]] == ["RSK-0003", "RSK-0007"]
    assert a624["group"] == "A.6"
    included = client.get(LIST + "&decision=included").json()["items"]
    assert [(i["reference"], i["reasons"][0]["kind"]) for i in included] == [("A.2.2", "best_practice")]
    assert len(client.get(LIST + "&group=A.4").json()["items"]) == 5
    assert client.get(LIST + "&q=impact").json()["items"][0]["reference"] == "A.5.2"


def test_the_list_takes_a_fixed_number_of_queries(
    personas, controls, relied, obligation, django_assert_num_queries, django_assert_max_num_queries
):
    client = personas.client("viewer")
    include(personas, controls["A.2.2"])
    with django_assert_max_num_queries(10) as few:
        client.get(LIST)
    for control in list(controls.values())[:20]:
        include(personas, control)
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(client.get(LIST).json()["items"]) == 38


def test_contributor_includes_a_control_through_the_api(personas, controls, obligation):
    url = f"/api/v1/controls/{controls['A.8.5'].pk}"
    body = {
        "decision": "included",
        "reasons": [{"kind": "legal_regulatory", "obligations": ["OBL-001"]}],
        "implementation_status": "planned",
        "owner": "manager@acme.test",
    }
    response = post_json(personas.client("contributor"), url, body, "patch")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["decision"] == "included"
    assert data["reasons"] == [{"kind": "legal_regulatory", "note": "", "obligations": ["OBL-001"]}]
    assert (data["implementation_status"], data["owner"]) == ("planned", "manager@acme.test")
    assert AuditEvent.objects.filter(verb__startswith="control.").count() == 2


def test_excluding_a_relied_on_control_through_the_api_names_the_risks(personas, controls, relied):
    url = f"/api/v1/controls/{controls['A.6.2.4'].pk}"
    body = {"decision": "excluded", "exclusion_justification": "Not needed"}
    response = post_json(personas.client("manager"), url, body, "patch")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "relied_on"
    assert "RSK-0003 Bias in credit scores, RSK-0007" in response.json()["error"]["message"]
    assert Control.objects.get(pk=controls["A.6.2.4"].pk).decision == "undecided"


def test_an_invalid_patch_changes_nothing(personas, controls):
    url = f"/api/v1/controls/{controls['A.2.2'].pk}"
    body = {"decision": "included", "reasons": [], "implementation_status": "implemented"}
    response = post_json(personas.client("contributor"), url, body, "patch")
    assert response.status_code == 422
    assert "reasons" in response.json()["error"]["fields"]
    control = Control.objects.get(pk=controls["A.2.2"].pk)
    assert (control.decision, control.implementation_status) == ("undecided", "not_started")
    cited: dict[str, object] = {"decision": "included"}
    cited["reasons"] = [{"kind": "contractual", "obligations": ["OBL-999"]}]
    response = post_json(personas.client("contributor"), url, cited, "patch")
    assert "No obligation OBL-999" in response.json()["error"]["fields"]["reasons"][0]


def test_patch_and_detail_permissions(personas, controls):
    url = f"/api/v1/controls/{controls['A.2.2'].pk}"
    assert_permission_matrix(personas, "GET", url, READERS, api=True)
    body = {"implementation_status": "planned"}
    assert_refused(
        personas, "PATCH", url, ["anonymous", "outsider", "auditor", "viewer"], api=True, data=body
    )
    for role in ("owner", "manager", "contributor"):
        assert post_json(personas.client(role), url, body, "patch").status_code == 200


def test_a_control_of_another_organisation_is_not_found(personas, controls):
    theirs = Control.objects.get(organization=personas.other_org, reference="A.2.2")
    assert personas.client("owner").get(f"/api/v1/controls/{theirs.pk}").status_code == 404
    response = post_json(
        personas.client("owner"), f"/api/v1/controls/{theirs.pk}", {"target_on": None}, "patch"
    )
    assert response.status_code == 404
    items = (
        personas.client("outsider").get("/api/v1/controls?organization=globex&page_size=100").json()["items"]
    )
    assert all(item["id"] != controls["A.2.2"].pk for item in items)


def test_contributor_adds_an_own_control_through_the_api(personas, controls):
    url = "/api/v1/controls?organization=acme"
    response = post_json(personas.client("contributor"), url, {"title": "Red team"})
    assert response.status_code == 201
    assert (response.json()["reference"], response.json()["group"]) == ("ORG-001", "own")
    assert_refused(
        personas,
        "POST",
        url,
        [p for p in EVERYONE if p in ("anonymous", "outsider", "viewer")],
        api=True,
        data={"title": "X"},
    )
