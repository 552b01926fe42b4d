"""The policy page: status of the AI policy, the template button, and the steps to publish it."""

from aims.acknowledgements.models import Campaign
from aims.documents.models import Document
from aims.policies.models import AIPolicy
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/o/acme/policy/"


def test_every_member_sees_the_page_and_an_empty_state_offers_the_template(personas, foreign):
    assert_permission_matrix(personas, "GET", URL, ROLES)
    page = personas.client("contributor").get(URL).content.decode()
    assert "There is no AI policy yet." in page
    assert "Start from the template" in page
    assert "Globex" not in page
    for ref in ("5.1", "5.2", "A.2.2", "A.2.3", "A.2.4"):
        assert f'<code class="ref">{ref}</code>' in page
    viewer = personas.client("viewer").get(URL).content.decode()
    assert "Start from the template" not in viewer


def test_starting_from_the_template_is_a_button_for_editors(personas):
    url = "/o/acme/policy/start/"
    assert_refused(personas, "POST", url, ("anonymous", "outsider", "viewer", "auditor"))
    assert not AIPolicy.objects.exists()
    response = personas.client("contributor").post(url, follow=True)
    page = response.content.decode()
    assert "Version 1 of POL-AI is drafted from the template" in page
    assert "Submit version 1 for approval" in page
    again = personas.client("manager").post(url, follow=True).content.decode()
    assert "has an AI policy already" in again
    assert Document.objects.filter(organization=personas.org).count() == 1
    assert personas.client("manager").get(url).status_code == 405


def test_the_policy_is_submitted_approved_by_another_and_published_from_the_page(personas, ai_policy):
    version = ai_policy.document.versions.get()
    step = f"/o/acme/policy/versions/{version.pk}/"
    assert_refused(personas, "POST", step + "submit/", ("anonymous", "outsider", "viewer", "auditor"))
    page = personas.client("contributor").post(step + "submit/", follow=True).content.decode()
    assert "Version 1 of the AI policy is submitted for approval." in page
    assert "Approve version 1" not in page  # contributors do not approve
    refused = personas.client("manager").post(step + "approve/", {"comment": "Mine"})
    assert refused.status_code == 403  # the author may not approve their own version
    assert "someone else must approve it" in refused.content.decode()
    assert "Approve version 1" in personas.client("owner").get(URL).content.decode()
    page = personas.client("owner").post(step + "approve/", {"comment": "Good"}, follow=True).content.decode()
    assert "Publish version 1" in page
    page = personas.client("owner").post(step + "publish/", follow=True).content.decode()
    assert "Version 1, published" in page
    assert "Ask everyone to acknowledge version 1" in page
    version.refresh_from_db()
    assert version.state == "published"


def test_the_acknowledgement_panel_starts_a_campaign_for_the_version_in_force(personas, published_policy):
    response = personas.client("manager").post(
        "/o/acme/acknowledgements/new/", {"version": published_policy.pk}
    )
    assert response.status_code == 302
    assert Campaign.objects.get().requests.count() == 5
    page = personas.client("viewer").get(URL).content.decode()
    assert "<strong>0 / 5</strong>" in page
    assert "Ask everyone to acknowledge" not in page
    assert "Read and acknowledge the AI policy" in page
    doc = published_policy.document
    assert f'href="/o/acme/documents/{doc.pk}/versions/1/"' in page
    assert f'href="/o/acme/documents/{doc.pk}/"' in page


def test_steps_on_another_organisations_policy_or_an_unknown_step_are_404(personas, ai_policy, foreign):
    theirs = foreign["policy"].document.versions.get()
    assert personas.client("owner").post(f"/o/acme/policy/versions/{theirs.pk}/submit/").status_code == 404
    mine = ai_policy.document.versions.get()
    assert personas.client("owner").post(f"/o/acme/policy/versions/{mine.pk}/explode/").status_code == 404


def test_a_new_version_is_started_after_publication(personas, published_policy):
    url = "/o/acme/policy/new-version/"
    assert_refused(personas, "POST", url, ("anonymous", "outsider", "viewer", "auditor"))
    page = personas.client("contributor").post(url, follow=True).content.decode()
    assert "Version 2 of the AI policy is drafted." in page
    assert published_policy.document.versions.count() == 2
