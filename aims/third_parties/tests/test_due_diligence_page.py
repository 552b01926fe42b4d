from aims.third_parties.models import DueDiligence
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

APPROVERS = ("owner", "manager")
NOT_APPROVERS = [persona for persona in EVERYONE if persona not in APPROVERS]


def _form(personas, **values):
    return {
        "performed_on": "2025-04-01",
        "performed_by": personas.contributor.pk,
        "outcome": "approved",
        "findings": "",
        "next_due_on": "2026-04-01",
        **values,
    }


def test_owners_and_managers_record_due_diligence_through_the_page(personas, relationship):
    url = f"/o/acme/third-parties/{relationship.third_party_id}/due-diligence/new/"
    assert_permission_matrix(personas, "GET", url, APPROVERS)
    assert_refused(personas, "POST", url, NOT_APPROVERS, data=_form(personas))
    assert not DueDiligence.objects.exists()
    response = personas.client("manager").post(url, _form(personas, relationship=relationship.pk))
    assert response.status_code == 302
    check = DueDiligence.objects.get()
    assert check.relationship == relationship
    assert check.performed_by == personas.contributor


def test_the_form_offers_the_relationship_it_was_opened_for(personas, relationship):
    url = f"/o/acme/third-parties/{relationship.third_party_id}/due-diligence/new/"
    response = personas.client("manager").get(url, {"relationship": relationship.pk})
    assert f'<option value="{relationship.pk}" selected>'.encode() in response.content


def test_bad_input_is_shown_on_the_form_and_nothing_is_written(personas, party):
    url = f"/o/acme/third-parties/{party.pk}/due-diligence/new/"
    client = personas.client("manager")
    response = client.post(url, _form(personas, outcome="rejected"))
    assert response.status_code == 422
    assert b"Say why the third party was rejected." in response.content
    response = client.post(url, _form(personas, performed_by=personas.outsider.pk, performed_on="tomorrow"))
    assert response.status_code == 422
    assert b"Select a valid choice" in response.content
    assert b"Enter a valid date" in response.content
    assert not DueDiligence.objects.exists()
