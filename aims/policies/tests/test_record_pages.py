"""Forms and lists for aligned policies, reviews and commitment records."""

from aims.policies.models import AlignedPolicy, CommitmentRecord, PolicyReview
from aims.policies.tests.conftest import DAY
from aims.web.testing import ROLES, assert_allowed, assert_permission_matrix, assert_refused

EDITORS_REFUSED = ("anonymous", "outsider", "viewer", "auditor")
LEADERS_REFUSED = ("anonymous", "outsider", "viewer", "auditor", "contributor")


def test_editors_link_and_unlink_an_aligned_policy(personas, ai_policy, security_policy):
    url = "/o/acme/policy/aligned/new/"
    data = {"document": security_policy.pk, "note": "Model access follows it."}
    assert_refused(personas, "GET", url, EDITORS_REFUSED)
    assert_refused(personas, "POST", url, EDITORS_REFUSED, data=data)
    assert_allowed(personas, "GET", url, ("owner", "manager", "contributor"))
    form = personas.client("contributor").get(url).content.decode()
    assert "POL-001 Information security policy" in form
    assert "POL-AI AI policy" not in form  # the AI policy itself is not offered
    assert personas.client("contributor").post(url, data).status_code == 302
    link = AlignedPolicy.objects.get()
    page = personas.client("viewer").get("/o/acme/policy/").content.decode()
    assert "Model access follows it." in page
    remove = f"/o/acme/policy/aligned/{link.pk}/remove/"
    assert_refused(personas, "POST", remove, EDITORS_REFUSED)
    assert personas.client("manager").post(remove).status_code == 302
    assert not AlignedPolicy.objects.exists()


def test_a_blank_note_shows_the_form_again(personas, ai_policy, security_policy):
    response = personas.client("manager").post(
        "/o/acme/policy/aligned/new/", {"document": security_policy.pk, "note": ""}
    )
    assert response.status_code == 422
    assert "field-error" in response.content.decode()


def test_owners_and_managers_record_a_review_and_the_list_filters(personas, published_policy, foreign):
    url = "/o/acme/policy/reviews/new/"
    data = {
        "document": published_policy.document.pk, "reviewed_on": DAY.isoformat(),
        "reviewers": [personas.owner.pk, personas.manager.pk], "outcome": "update_needed",
        "findings": "The new EU rules need a section on transparency.",
    }  # fmt: skip
    assert_refused(personas, "GET", url, LEADERS_REFUSED)
    assert_refused(personas, "POST", url, LEADERS_REFUSED, data=data)
    assert not PolicyReview.objects.filter(organization=personas.org).exists()
    form = personas.client("manager").get(url).content.decode()
    assert f'value="{published_policy.document.pk}" selected' in form
    assert personas.client("manager").post(url, data).status_code == 302
    review = PolicyReview.objects.get(organization=personas.org)
    assert review.version == published_policy
    lists = "/o/acme/policy/reviews/"
    assert_permission_matrix(personas, "GET", lists, ROLES)
    client = personas.client("auditor")
    assert "section on transparency" in client.get(lists).content.decode()
    assert "section on transparency" not in client.get(lists + "?outcome=no_change").content.decode()
    assert "section on transparency" in client.get(lists + "?q=transparency").content.decode()
    assert client.get(lists + "?outcome=sideways").status_code == 400
    assert "Globex privacy" not in client.get(lists).content.decode()


def test_a_review_with_bad_dates_shows_why(personas, published_policy):
    data = {
        "document": published_policy.document.pk, "reviewed_on": DAY.isoformat(),
        "reviewers": [personas.owner.pk], "outcome": "no_change", "findings": "Fine",
        "next_review_on": DAY.isoformat(),
    }  # fmt: skip
    response = personas.client("owner").post("/o/acme/policy/reviews/new/", data)
    assert response.status_code == 422
    assert "The next review must come after this one." in response.content.decode()


def test_owners_and_managers_record_commitment_and_the_list_filters(personas, foreign):
    url = "/o/acme/policy/commitment/new/"
    data = {
        "kind": "resources_allocated", "member": personas.owner.pk, "occurred_on": DAY.isoformat(),
        "description": "Two people and a budget for the AIMS.", "link": "https://intranet.example/board/7",
    }  # fmt: skip
    assert_refused(personas, "GET", url, LEADERS_REFUSED)
    assert_refused(personas, "POST", url, LEADERS_REFUSED, data=data)
    assert not CommitmentRecord.objects.filter(organization=personas.org).exists()
    assert personas.client("owner").post(url, data).status_code == 302
    assert CommitmentRecord.objects.get(organization=personas.org).member == personas.owner
    lists = "/o/acme/policy/commitment/"
    assert_permission_matrix(personas, "GET", lists, ROLES)
    client = personas.client("viewer")
    assert "budget for the AIMS" in client.get(lists).content.decode()
    assert "budget for the AIMS" not in client.get(lists + "?kind=communication").content.decode()
    assert "Mail" not in client.get(lists).content.decode()  # Globex's record
    assert "budget for the AIMS" in client.get("/o/acme/policy/").content.decode()


def test_an_outsider_member_cannot_be_chosen(personas):
    data = {"kind": "communication", "member": personas.outsider.pk, "occurred_on": DAY.isoformat(),
            "description": "x"}  # fmt: skip
    response = personas.client("owner").post("/o/acme/policy/commitment/new/", data)
    assert response.status_code == 422
    assert not CommitmentRecord.objects.exists()
