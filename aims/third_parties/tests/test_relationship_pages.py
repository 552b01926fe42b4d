from aims.third_parties.models import Relationship
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in EDITORS]


def _form(**values):
    return {"role": "supplier_to_us", "subject": "Embeddings API", "ai_system_reference": "AIS-1", **values}


def test_an_editor_records_a_relationship_for_a_system_by_its_reference(personas, party, system):
    url = f"/o/acme/third-parties/{party.pk}/relationships/new/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    assert b'<option value="AIS-1">' in personas.client("manager").get(url).content
    assert_refused(personas, "POST", url, NOT_EDITORS, data=_form())
    assert not Relationship.objects.exists()
    response = personas.client("contributor").post(url, _form(next_review_on="2031-01-01"))
    relationship = Relationship.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/third-parties/relationships/{relationship.pk}/responsibilities/"
    assert relationship.ai_system == system


def test_an_unknown_system_reference_or_a_bad_role_is_shown_on_the_form(personas, party, system):
    url = f"/o/acme/third-parties/{party.pk}/relationships/new/"
    response = personas.client("manager").post(url, _form(ai_system_reference="AIS-404"))
    assert response.status_code == 422
    assert b"There is no AI system AIS-404" in response.content
    response = personas.client("manager").post(url, _form(role="customer_of_ours"))
    assert response.status_code == 422
    assert b"recorded as a supplier" in response.content
    assert not Relationship.objects.exists()


def test_an_editor_changes_a_relationship_through_the_page(personas, relationship):
    url = f"/o/acme/third-parties/relationships/{relationship.pk}/edit/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    assert b'value="AIS-1"' in personas.client("manager").get(url).content
    assert_refused(personas, "POST", url, NOT_EDITORS, data=_form(subject="Hacked"))
    response = personas.client("manager").post(url, _form(ai_system_reference="", subject="Any model"))
    assert response.status_code == 302
    relationship.refresh_from_db()
    assert relationship.subject == "Any model"
    assert relationship.ai_system is None


def test_an_editor_ends_a_relationship_through_the_page(personas, relationship):
    url = f"/o/acme/third-parties/relationships/{relationship.pk}/end/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    assert_refused(personas, "POST", url, NOT_EDITORS, data={"reason": "x"})
    response = personas.client("manager").post(url, {"ended_on": "2099-01-01"})
    assert response.status_code == 422
    assert b"in the future" in response.content
    response = personas.client("manager").post(url, {"reason": "Contract expired"})
    assert response.status_code == 302
    relationship.refresh_from_db()
    assert relationship.status == Relationship.Status.ENDED


def test_another_organisations_relationship_is_not_found(personas, foreign_relationship):
    client = personas.client("owner")
    for suffix in ("edit/", "end/", "responsibilities/"):
        url = f"/o/acme/third-parties/relationships/{foreign_relationship.pk}/{suffix}"
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "x", "subject": "x"}).status_code == 404
    foreign_relationship.refresh_from_db()
    assert foreign_relationship.is_active
