from datetime import date

from aims.audit.models import AuditEvent
from aims.third_parties import actions
from aims.third_parties.models import ThirdParty
from aims.web.testing import EVERYONE, ROLES, assert_allowed, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in EDITORS]
NEW = "/o/acme/third-parties/new/"


def _form(**values):
    return {"reference": "SUP-5", "name": "Stratus Cloud", "kind": "supplier", "status": "active", **values}


def test_the_detail_page_is_for_members(personas, relationship):
    assert_permission_matrix(personas, "GET", f"/o/acme/third-parties/{relationship.third_party_id}/", ROLES)


def test_the_detail_page_shows_relationships_matrix_and_due_diligence(personas, relationship):
    actions.set_responsibilities(
        actor=personas.manager,
        relationship=relationship,
        allocations=[
            actions.Allocation(stage, "shared" if stage == "deployment" else "them", "Split by the SLA")
            for stage in ("inception", "design_development", "verification_validation", "deployment",
                          "operation_monitoring", "reevaluation", "retirement")
        ],
    )  # fmt: skip
    actions.record_due_diligence(
        actor=personas.manager,
        third_party=relationship.third_party,
        outcome="approved_with_conditions",
        performed_on=date(2025, 3, 1),
        findings="Zero retention required.",
    )
    response = personas.client("viewer").get(f"/o/acme/third-parties/{relationship.third_party_id}/")
    content = response.content.decode()
    assert "Hosted language model" in content
    assert "Design and development" in content
    assert "Split by the SLA" in content
    assert "Zero retention required." in content
    assert "Approved with conditions" in content
    assert "Allocate responsibilities" not in content  # a viewer gets no edit buttons


def test_the_new_form_is_for_editors(personas):
    assert_permission_matrix(personas, "GET", NEW, EDITORS)
    response = personas.client("contributor").get(NEW)
    assert b"A.10.3" in response.content  # fields explain what they serve


def test_readers_cannot_add_through_the_page(personas):
    assert_refused(personas, "POST", NEW, NOT_EDITORS, data=_form())
    assert not ThirdParty.objects.exists()


def test_an_editor_adds_a_third_party_through_the_page(personas):
    response = personas.client("contributor").post(NEW, _form(categories=["cloud", "service"]))
    party = ThirdParty.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/third-parties/{party.pk}/"
    assert party.categories == ["cloud", "service"]
    assert AuditEvent.objects.filter(verb="third_party.created").count() == 1


def test_bad_input_is_shown_on_the_form_and_nothing_is_written(personas, party):
    client = personas.client("manager")
    response = client.post(NEW, _form(reference="SUP-1", website="not a site", kind="friend"))
    assert response.status_code == 422
    assert b"Select a valid choice" in response.content
    assert b"Enter a valid URL" in response.content
    response = client.post(NEW, _form(reference="SUP-1"))
    assert response.status_code == 422
    assert b"already has the reference SUP-1" in response.content
    assert ThirdParty.objects.count() == 1


def test_an_editor_changes_a_third_party_through_the_page(personas, party):
    url = f"/o/acme/third-parties/{party.pk}/edit/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    assert_refused(personas, "POST", url, NOT_EDITORS, data=_form(name="Hacked"))
    response = personas.client("manager").post(url, _form(reference="SUP-1", name="Lumen Models Inc."))
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.name == "Lumen Models Inc."


def test_archiving_through_the_page(personas, relationship):
    party = relationship.third_party
    url = f"/o/acme/third-parties/{party.pk}/archive/"
    assert_refused(personas, "POST", url, NOT_EDITORS, data={"reason": "x"})
    response = personas.client("manager").post(url, {"reason": "x"}, follow=True)
    assert b"1 active relationship" in response.content
    actions.end_relationship(actor=personas.manager, relationship=relationship)
    assert_allowed(personas, "POST", url, ["contributor"], data={"reason": "Replaced"}, status=(302,))
    party.refresh_from_db()
    assert party.status == ThirdParty.Status.ARCHIVED


def test_another_organisations_third_party_cannot_be_changed(personas, foreign_party):
    client = personas.client("owner")
    assert client.post(f"/o/acme/third-parties/{foreign_party.pk}/edit/", _form()).status_code == 404
    assert client.post(f"/o/acme/third-parties/{foreign_party.pk}/archive/").status_code == 404
    foreign_party.refresh_from_db()
    assert foreign_party.status == ThirdParty.Status.ACTIVE


def test_no_page_of_another_organisations_third_party_is_found(personas, foreign_party):
    client = personas.client("owner")
    for suffix in ("", "edit/", "relationships/new/", "due-diligence/new/"):
        for org in ("acme", "globex"):
            assert client.get(f"/o/{org}/third-parties/{foreign_party.pk}/{suffix}").status_code == 404
        assert (
            client.post(f"/o/acme/third-parties/{foreign_party.pk}/{suffix}", {"subject": "x"}).status_code
            == 404
        )
    assert not foreign_party.relationships.exists()
