from aims.third_parties.models import ResponsibilityAllocation
from aims.third_parties.tests.conftest import STAGES
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in EDITORS]


def _form(party="them", **overrides):
    data = {stage: party for stage in STAGES}
    data.update({f"{stage}_note": "" for stage in STAGES})
    data.update(overrides)
    return data


def test_the_allocation_form_is_for_editors(personas, relationship):
    url = f"/o/acme/third-parties/relationships/{relationship.pk}/responsibilities/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    content = personas.client("manager").get(url).content
    assert b"Verification and validation" in content
    assert b"Lumen Models" in content  # "them" is named


def test_readers_cannot_allocate_through_the_page(personas, relationship):
    url = f"/o/acme/third-parties/relationships/{relationship.pk}/responsibilities/"
    assert_refused(personas, "POST", url, NOT_EDITORS, data=_form())
    assert not ResponsibilityAllocation.objects.exists()


def test_an_editor_allocates_every_stage_through_the_page(personas, relationship):
    url = f"/o/acme/third-parties/relationships/{relationship.pk}/responsibilities/"
    response = personas.client("contributor").post(
        url, _form(deployment="shared", deployment_note="We deploy, they host")
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#relationship-{relationship.pk}")
    rows = {row.stage: row for row in ResponsibilityAllocation.objects.filter(relationship=relationship)}
    assert rows["deployment"].note == "We deploy, they host"
    assert rows["retirement"].party == "them"
    detail = personas.client("viewer").get(f"/o/acme/third-parties/{relationship.third_party_id}/")
    assert b"We deploy, they host" in detail.content


def test_a_missing_stage_or_an_unexplained_shared_stage_is_shown_on_the_form(personas, relationship):
    url = f"/o/acme/third-parties/relationships/{relationship.pk}/responsibilities/"
    response = personas.client("manager").post(url, _form(retirement="", deployment="shared"))
    assert response.status_code == 422
    assert b"This field is required" in response.content
    response = personas.client("manager").post(url, _form(deployment="shared"))
    assert response.status_code == 422
    assert b"Say how this stage is shared." in response.content
    assert not ResponsibilityAllocation.objects.exists()
