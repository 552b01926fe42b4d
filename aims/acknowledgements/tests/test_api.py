"""The acknowledgements API: campaigns, requests, my pending ones, acknowledge and remind."""

from django.core import mail

from aims.acknowledgements.models import Campaign
from aims.acknowledgements.tests.conftest import post_json
from aims.acknowledgements.tests.test_list_query_count import _fill
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

MANAGERS_REFUSED = ("anonymous", "outsider", "contributor", "auditor", "viewer")
URL = "/api/v1/acknowledgements/campaigns"


def test_owners_and_managers_start_a_campaign_and_everyone_reads_the_counts(personas, version, foreign):
    create = URL + "?organization=acme"
    assert_refused(personas, "POST", create, MANAGERS_REFUSED, data={"version": version.pk}, api=True)
    response = post_json(personas.client("manager"), create, {"version": version.pk, "message": "Read"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["reference"], body["version"], body["acknowledged"], body["total"]) == ("POL-007", 1, 0, 3)
    assert post_json(personas.client("manager"), create, {"version": version.pk}).status_code == 409
    theirs = post_json(personas.client("manager"), create, {"version": foreign.version_id})
    assert theirs.status_code == 422
    assert_permission_matrix(personas, "GET", create, ROLES, api=True)
    assert [c["id"] for c in personas.client("viewer").get(create).json()["items"]] == [body["id"]]
    detail = f"{URL}/{body['id']}"
    assert_permission_matrix(personas, "GET", detail, ROLES, api=True)
    assert_permission_matrix(personas, "GET", detail + "/requests", ROLES, api=True)
    assert personas.client("owner").get(f"{URL}/{foreign.pk}").status_code == 404


def test_an_empty_distribution_list_answers_409_with_the_reason(personas, version):
    version.document.distribution.clear()
    response = post_json(personas.client("owner"), URL + "?organization=acme", {"version": version.pk})
    assert response.status_code == 409
    assert "distribution list of POL-007 is empty" in response.json()["error"]["message"]


def test_recipients_see_their_pending_versions_and_acknowledge_them(personas, campaign, foreign):
    mine = personas.client("viewer").get("/api/v1/acknowledgements/mine?organization=acme").json()["items"]
    assert [(m["reference"], m["version"]) for m in mine] == [("POL-007", 1)]
    assert mine[0]["body"].startswith("# Be kind")
    assert personas.client("manager").get("/api/v1/acknowledgements/mine").json()["items"] == []
    assert personas.client("anonymous").get("/api/v1/acknowledgements/mine").status_code == 401
    assert (
        personas.client("viewer").get("/api/v1/acknowledgements/mine?organization=globex").status_code == 404
    )
    url = f"/api/v1/acknowledgements/requests/{mine[0]['id']}/acknowledge"
    assert post_json(personas.client("owner"), url, {}).status_code == 403
    assert post_json(personas.client("outsider"), url, {}).status_code == 404
    response = post_json(personas.client("viewer"), url, {})
    assert response.status_code == 200
    assert response.json()["acknowledged_at"] is not None
    assert post_json(personas.client("viewer"), url, {}).status_code == 409
    counts = personas.client("auditor").get(f"{URL}/{campaign.pk}").json()
    assert (counts["acknowledged"], counts["total"]) == (1, 3)
    pending = personas.client("auditor").get(f"{URL}/{campaign.pk}/requests?state=pending").json()["items"]
    assert {p["recipient"] for p in pending} == {"auditor@acme.test", "contributor@acme.test"}


def test_reminders_and_closing(personas, campaign):
    remind = f"{URL}/{campaign.pk}/remind"
    close = f"{URL}/{campaign.pk}/close"
    assert_refused(personas, "POST", remind, MANAGERS_REFUSED, api=True)
    assert_refused(personas, "POST", close, MANAGERS_REFUSED, api=True)
    mail.outbox.clear()
    assert post_json(personas.client("manager"), remind, {}).json() == {"sent": 3}
    assert post_json(personas.client("manager"), remind, {}).json() == {"sent": 0}
    assert len(mail.outbox) == 3
    closed = post_json(personas.client("owner"), close, {})
    assert closed.status_code == 200
    assert closed.json()["is_open"] is False
    assert post_json(personas.client("owner"), remind, {}).status_code == 409
    assert not Campaign.objects.open().exists()


def test_the_campaign_list_takes_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    client = personas.client("viewer")
    _fill(personas, 2, 0)
    with django_assert_max_num_queries(10) as small:
        assert client.get(URL + "?organization=acme").status_code == 200
    _fill(personas, 20, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        items = client.get(URL + "?organization=acme").json()["items"]
    assert [(i["acknowledged"], i["total"]) for i in items] == [(0, 2)] * 22
