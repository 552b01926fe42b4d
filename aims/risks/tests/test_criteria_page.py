"""The criteria page: every member reads it; managers draft, owners put drafts in force."""

from aims.risks.models import RiskCriteria
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

DRAFT = {
    "likelihood": "Rare: hardly ever\nPossible\nLikely: most years",
    "consequence": "Small\nSerious\nGrave",
    "levels": "low | Low | green | owner, manager, contributor\nhigh | High | red | -",
    "matrix": "low low high\nlow high high\nhigh high high",
    "notes": "Three levels are enough for us.",
}


def test_every_member_reads_the_criteria_in_force(personas):
    assert_permission_matrix(personas, "GET", "/o/acme/risks/criteria/", ROLES)
    page = personas.client("viewer").get("/o/acme/risks/criteria/").content.decode()
    assert "High residual risk can only be accepted by an owner." in page
    assert "Almost certain" in page
    assert "Draft a new version" not in page


def test_a_manager_drafts_and_an_owner_puts_it_in_force(personas):
    url = "/o/acme/risks/criteria/"
    assert_refused(
        personas, "POST", url, ("anonymous", "outsider", "viewer", "auditor", "contributor"), data=DRAFT
    )
    response = personas.client("manager").post(url, DRAFT)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = RiskCriteria.objects.get(state="draft")
    approve = f"/o/acme/risks/criteria/{draft.pk}/approve/"
    assert_refused(
        personas, "POST", approve, ("anonymous", "outsider", "viewer", "auditor", "contributor", "manager")
    )
    assert personas.client("owner").post(approve).status_code == 302
    draft.refresh_from_db()
    assert draft.state == "in_force"
    assert draft.spec().level("low").acceptable_by == ("owner", "manager", "contributor")


def test_a_malformed_draft_shows_what_is_wrong(personas):
    response = personas.client("owner").post("/o/acme/risks/criteria/", {**DRAFT, "matrix": "low low\nhigh"})
    assert response.status_code == 422
    assert "The matrix needs 3 rows" in response.content.decode()
    bad_levels = {**DRAFT, "levels": "low, Low, green"}
    assert (
        "key | Label | colour | roles"
        in personas.client("owner").post("/o/acme/risks/criteria/", bad_levels).content.decode()
    )
    assert not RiskCriteria.objects.filter(state="draft").exists()
