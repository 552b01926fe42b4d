from aims.people.models import Concern
from aims.web.testing import assert_permission_matrix, assert_refused

LIST = "/o/acme/people/concerns/"
NEW = "/o/acme/people/concerns/new/"
MEMBERS = ("owner", "manager", "contributor", "auditor", "viewer")


def test_every_member_opens_the_list_and_the_report_form(personas):
    assert_permission_matrix(personas, "GET", LIST, MEMBERS)
    assert_permission_matrix(personas, "GET", NEW, MEMBERS)
    assert b"A.3.3" in personas.client("viewer").get(NEW).content


def test_every_member_reports_through_the_form(personas):
    assert_refused(
        personas, "POST", NEW, ("anonymous", "outsider"), data={"category": "other", "description": "x"}
    )
    assert not Concern.objects.exists()
    response = personas.client("viewer").post(
        NEW, {"category": "privacy", "description": "Data kept too long.", "is_confidential": "on"}
    )
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.reporter == personas.viewer
    assert concern.is_confidential


def test_bad_input_is_a_form_error_and_nothing_written(personas):
    client = personas.client("viewer")
    for data in (
        {"category": "gossip", "description": "x"},
        {"category": "other", "description": ""},
        {"category": "other", "description": "x", "ai_system": 999},
    ):
        response = client.post(NEW, data)
        assert response.status_code == 422
        assert b"field-error" in response.content
    assert not Concern.objects.exists()


def test_the_list_searches_filters_and_sorts(personas, concern):
    client = personas.client("manager")
    assert concern.reference in client.get(LIST, {"q": "older"}).content.decode()
    assert concern.reference not in client.get(LIST, {"q": "nothing-like-it"}).content.decode()
    assert concern.reference not in client.get(LIST, {"status": "closed"}).content.decode()
    assert (
        concern.reference in client.get(LIST, {"category": "fairness", "sort": "-reference"}).content.decode()
    )
    assert client.get(LIST, {"sort": "reporter"}).status_code == 400


def test_assigning_and_closing_through_the_detail_page(personas, concern):
    url = f"/o/acme/people/concerns/{concern.pk}/update/"
    assign = {"do": "assign", "investigator": personas.auditor.pk}
    assert_refused(personas, "POST", url, ("anonymous", "outsider"), data=assign)
    # members who may not see someone else's concern get 404, as if it did not exist
    for persona in ("viewer", "auditor"):
        assert personas.client(persona).post(url, assign).status_code == 404
    # the contributor reported it: they see it, but may not assign
    assert personas.client("contributor").post(url, assign).status_code == 403
    assert (
        personas.client("manager")
        .post(url, {"do": "assign", "investigator": personas.outsider.pk})
        .status_code
        == 422
    )
    assert personas.client("manager").post(url, assign).status_code == 302
    assert personas.client("auditor").post(url, {"do": "close", "outcome": ""}).status_code == 422
    assert personas.client("auditor").post(url, {"do": "close", "outcome": "Fixed."}).status_code == 302
    concern.refresh_from_db()
    assert concern.status == Concern.Status.CLOSED
