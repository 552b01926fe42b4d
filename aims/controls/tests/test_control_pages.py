from aims.controls.models import Control
from aims.web.testing import assert_permission_matrix, assert_refused

from .conftest import include

READERS = ["owner", "manager", "contributor", "auditor", "viewer"]
EDITORS = ["owner", "manager", "contributor"]


def _url(control, suffix=""):
    return f"/o/acme/controls/{control.pk}/{suffix}"


def test_every_member_reads_a_control(personas, controls, relied):
    control = controls["A.6.2.4"]
    assert_permission_matrix(personas, "GET", _url(control), READERS)
    page = personas.client("viewer").get(_url(control)).content.decode()
    assert "AI system verification and validation" in page
    assert "RSK-0003</code> Bias in credit scores" in page
    assert "Decide applicability" not in page


def test_edit_forms_are_for_editors_only(personas, controls):
    control = controls["A.2.2"]
    for suffix in ("applicability/", "implementation/"):
        assert_permission_matrix(personas, "GET", _url(control, suffix), EDITORS)


def test_contributor_includes_a_control_with_the_form(personas, controls, obligation):
    control = controls["A.8.5"]
    data = {
        "decision": "included",
        "legal_regulatory": "on",
        "legal_regulatory_obligations": [obligation.pk],
        "business_need": "on",
        "business_need_note": "Banks ask for it",
    }
    response = personas.client("contributor").post(_url(control, "applicability/"), data)
    assert response.status_code == 302
    control.refresh_from_db()
    assert control.decision == "included"
    assert sorted(control.reasons.values_list("kind", flat=True)) == ["business_need", "legal_regulatory"]
    page = personas.client("viewer").get(_url(control)).content.decode()
    assert "OBL-001 Duties of deployers (EU AI Act Art. 26)" in page


def test_the_form_explains_why_a_relied_on_control_cannot_be_excluded(personas, controls, relied):
    control = controls["A.6.2.4"]
    data = {"decision": "excluded", "exclusion_justification": "Not needed"}
    response = personas.client("manager").post(_url(control, "applicability/"), data)
    assert response.status_code == 422
    assert "A.6.2.4 cannot be excluded: risk treatments rely on it: RSK-0003" in response.content.decode()
    assert Control.objects.get(pk=control.pk).decision == "undecided"


def test_an_inclusion_without_reasons_is_shown_as_an_error(personas, controls):
    response = personas.client("contributor").post(
        _url(controls["A.2.2"], "applicability/"), {"decision": "included"}
    )
    assert response.status_code == 422
    assert "at least one reason" in response.content.decode()


def test_viewer_and_outsider_cannot_post_decisions(personas, controls):
    url = _url(controls["A.2.2"], "applicability/")
    data = {"decision": "excluded", "exclusion_justification": "x"}
    assert_refused(personas, "POST", url, ["anonymous", "outsider", "auditor", "viewer"], data=data)
    assert Control.objects.get(pk=controls["A.2.2"].pk).decision == "undecided"


def test_contributor_records_the_implementation_with_the_form(personas, controls):
    control = include(personas, controls["A.2.2"])
    data = {
        "implementation_status": "partial",
        "owner": personas.manager.pk,
        "implementation": "Policy POL-1",
    }
    response = personas.client("contributor").post(_url(control, "implementation/"), data)
    assert response.status_code == 302
    control.refresh_from_db()
    assert (control.implementation_status, control.owner) == ("partial", personas.manager)
    assert_refused(personas, "POST", _url(control, "implementation/"), ["outsider", "viewer"], data=data)


def test_own_controls_are_added_and_edited_with_forms(personas, controls):
    assert_permission_matrix(personas, "GET", "/o/acme/controls/new/", EDITORS)
    response = personas.client("contributor").post("/o/acme/controls/new/", {"title": "Red team"})
    assert response.status_code == 302
    control = Control.objects.get(organization=personas.org, reference="ORG-001")
    response = personas.client("manager").post(
        _url(control, "edit/"), {"reference": "ORG-001", "title": "Red-team"}
    )
    assert response.status_code == 302
    control.refresh_from_db()
    assert control.title == "Red-team"
    assert personas.client("manager").get(_url(controls["A.2.2"], "edit/")).status_code == 404
    assert_refused(
        personas, "POST", "/o/acme/controls/new/", ["anonymous", "outsider", "viewer"], data={"title": "X"}
    )


def test_a_control_of_another_organisation_is_not_found(personas, controls):
    theirs = Control.objects.get(organization=personas.other_org, reference="A.2.2")
    client = personas.client("owner")
    assert client.get(f"/o/acme/controls/{theirs.pk}/").status_code == 404
    assert client.get(f"/o/globex/controls/{controls['A.2.2'].pk}/").status_code == 404
    assert (
        client.post(f"/o/acme/controls/{theirs.pk}/applicability/", {"decision": "undecided"}).status_code
        == 404
    )
