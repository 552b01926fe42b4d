"""Linking evidence from its page: to a requirement by ref, to a record by kind and reference; unlinking."""

from aims.ai_systems.models import AISystem
from aims.evidence.models import EvidenceLink
from aims.web.testing import assert_refused

READ_ONLY = ("anonymous", "outsider", "viewer", "auditor")


def test_an_editor_links_a_requirement_from_the_page(personas, catalog, report):
    url = f"/o/acme/evidence/{report.pk}/links/requirement/"
    assert_refused(personas, "POST", url, READ_ONLY, data={"requirement": "9.2"})
    response = personas.client("contributor").post(url, {"requirement": "A.6.2.4", "note": "Release test"})
    assert response.status_code == 302
    assert EvidenceLink.objects.values_list("item__ref", flat=True).get() == "A.6.2.4"
    response = personas.client("contributor").post(url, {"requirement": "A.6.2.4"})
    assert response.status_code == 422
    assert "already supports" in response.content.decode()
    assert personas.client("contributor").post(url, {"requirement": "nope"}).status_code == 422


def test_an_editor_links_a_record_by_reference(personas, report, system):
    url = f"/o/acme/evidence/{report.pk}/links/record/"
    data = {"record_type": "ai_systems.aisystem", "reference": "AIS-001"}
    assert_refused(personas, "POST", url, READ_ONLY, data=data)
    assert personas.client("manager").post(url, data).status_code == 302
    assert EvidenceLink.objects.get().record == system


def test_a_record_of_another_organisation_cannot_be_found_to_link(personas, report):
    AISystem.objects.create(organization=personas.other_org, reference="AIS-777", name="G", purpose="x")
    url = f"/o/acme/evidence/{report.pk}/links/record/"
    response = personas.client("manager").post(
        url, {"record_type": "ai_systems.aisystem", "reference": "AIS-777"}
    )
    assert response.status_code == 422
    assert "No ai system AIS-777" in response.content.decode()
    assert not EvidenceLink.objects.exists()


def test_unlinking_from_the_page(personas, catalog, report, model_card):
    personas.client("manager").post(
        f"/o/acme/evidence/{report.pk}/links/requirement/", {"requirement": "9.2"}
    )
    link = EvidenceLink.objects.get()
    url = f"/o/acme/evidence/{report.pk}/links/{link.pk}/remove/"
    assert_refused(personas, "POST", url, READ_ONLY)
    wrong = f"/o/acme/evidence/{model_card.pk}/links/{link.pk}/remove/"
    assert personas.client("manager").post(wrong).status_code == 404
    assert personas.client("manager").post(url).status_code == 302
    assert not EvidenceLink.objects.exists()
