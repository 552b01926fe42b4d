"""/api/v1/eu-ai-act: the questionnaire, classifying, and the classification lists."""

import json

import pytest

from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.models import Classification
from aims.eu_ai_act.questions import QUESTIONS
from aims.web.testing import EVERYONE, ROLES, assert_allowed, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def classify_url(system):
    return f"/api/v1/eu-ai-act/systems/{system.pk}/classifications"


@pytest.fixture
def classified(personas, system, foreign_system):
    classify_ai_system(
        actor=personas.manager, ai_system=system, answers=examples.CREDIT_SCORING, operator_role="provider"
    )
    classify_ai_system(
        actor=personas.manager, ai_system=system, answers=examples.CHATBOT, operator_role="provider"
    )
    classify_ai_system(
        actor=personas.outsider, ai_system=foreign_system, answers=examples.MINIMAL, operator_role="deployer"
    )


def test_the_questionnaire_lists_every_question_for_anyone_signed_in(personas):
    response = personas.client("viewer").get("/api/v1/eu-ai-act/questions")
    assert response.status_code == 200
    body = response.json()
    assert body["rules_version"] == 1
    assert [role["id"] for role in body["operator_roles"]] == [
        "provider",
        "deployer",
        "importer",
        "distributor",
    ]
    ids = [question["id"] for section in body["sections"] for question in section["questions"]]
    assert ids == [question.id for question in QUESTIONS]
    first = body["sections"][1]["questions"][0]
    assert first["kind"] == "multi"
    assert first["options"][2]["article"] == "5(1)(c)"
    assert personas.client("anonymous").get("/api/v1/eu-ai-act/questions").status_code == 401


def test_editors_classify_by_api(personas, system):
    body = {"operator_role": "provider", "answers": examples.CREDIT_SCORING}
    response = post(personas.client("contributor"), classify_url(system), body)
    assert response.status_code == 201
    data = response.json()
    assert data["risk_class"] == "high"
    assert data["ai_system"] == system.pk
    assert data["ai_system_reference"] == "AIS-001"
    assert data["classified_by"] == "contributor@acme.test"
    assert data["is_current"] is True
    assert {"article", "title", "why"} == set(data["obligations"][0])
    system.refresh_from_db()
    assert system.risk_class == "high"


def test_the_classify_endpoint_refuses_the_wrong_people(personas, system):
    body = {"operator_role": "provider", "answers": examples.CREDIT_SCORING}
    refused = [p for p in EVERYONE if p not in EDITORS]
    assert_refused(personas, "POST", classify_url(system), refused, data=body, api=True)
    assert not Classification.objects.exists()
    assert_allowed(personas, "POST", classify_url(system), ["manager"], data=body, api=True, status=(201,))


def test_bad_answers_answer_422_with_a_message_per_question_and_write_nothing(personas, system):
    body = {"operator_role": "provider", "answers": {"annex_i_product": "yes", "colour": "red"}}
    response = post(personas.client("owner"), classify_url(system), body)
    assert response.status_code == 422
    fields = response.json()["error"]["fields"]
    assert fields["answers"] == ["Unknown question id(s): colour."]
    assert fields["annex_i_product"] == ["Answer yes or no (true or false)."]
    assert fields["prohibited_practices"] == ["Answer this question."]
    assert not Classification.objects.exists()


def test_a_malformed_body_answers_422(personas, system):
    response = post(personas.client("owner"), classify_url(system), {"answers": []})
    assert response.status_code == 422
    assert not Classification.objects.exists()


def test_identical_answers_answer_409(personas, system):
    body = {"operator_role": "deployer", "answers": examples.MINIMAL}
    client = personas.client("owner")
    assert post(client, classify_url(system), body).status_code == 201
    response = post(client, classify_url(system), body)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "unchanged"


def test_another_organisations_system_is_not_found(personas, foreign_system):
    body = {"operator_role": "deployer", "answers": examples.MINIMAL}
    assert post(personas.client("owner"), classify_url(foreign_system), body).status_code == 404
    assert personas.client("owner").get(classify_url(foreign_system)).status_code == 404
    assert not Classification.objects.exists()


def test_a_systems_history_newest_first(personas, system, classified):
    url = classify_url(system)
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    body = personas.client("viewer").get(url).json()
    assert [item["risk_class"] for item in body["items"]] == ["limited", "high"]
    assert [item["is_current"] for item in body["items"]] == [True, False]
    assert body["has_next"] is False


def test_the_organisation_list_shows_current_classifications_and_filters(personas, system, classified):
    url = "/api/v1/eu-ai-act/classifications?organization=acme"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    client = personas.client("auditor")
    assert [item["risk_class"] for item in client.get(url).json()["items"]] == ["limited"]
    assert [item["risk_class"] for item in client.get(url + "&state=all").json()["items"]] == [
        "limited",
        "high",
    ]
    assert [item["risk_class"] for item in client.get(url + "&state=past").json()["items"]] == ["high"]
    assert client.get(url + "&risk_class=high").json()["items"] == []
    assert client.get(url + "&operator_role=deployer").json()["items"] == []
    assert client.get(url + f"&ai_system={system.pk}&state=all").json()["items"][1]["risk_class"] == "high"
    assert client.get(url + "&risk_class=apocalyptic").status_code == 422


def test_another_organisations_classifications_are_never_listed(personas, classified):
    body = (
        personas.client("owner").get("/api/v1/eu-ai-act/classifications?organization=acme&state=all").json()
    )
    assert {item["ai_system_reference"] for item in body["items"]} == {"AIS-001"}
    assert (
        personas.client("owner").get("/api/v1/eu-ai-act/classifications?organization=globex").status_code
        == 404
    )


def test_one_classification_by_id(personas, system, foreign_system, classified):
    mine = Classification.objects.get(ai_system=system, is_current=True)
    theirs = Classification.objects.get(ai_system=foreign_system)
    assert_permission_matrix(personas, "GET", f"/api/v1/eu-ai-act/classifications/{mine.pk}", ROLES, api=True)
    assert personas.client("owner").get(f"/api/v1/eu-ai-act/classifications/{theirs.pk}").status_code == 404


def test_the_outcome_preview_saves_nothing(personas):
    body = {"operator_role": "provider", "answers": examples.CHATBOT}
    response = post(personas.client("viewer"), "/api/v1/eu-ai-act/outcome", body)
    assert response.status_code == 200
    assert response.json()["risk_class"] == "limited"
    assert not Classification.objects.exists()
    bad = post(personas.client("viewer"), "/api/v1/eu-ai-act/outcome", {"operator_role": "x", "answers": {}})
    assert bad.status_code == 422
