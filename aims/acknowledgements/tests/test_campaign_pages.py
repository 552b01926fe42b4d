"""The campaign list, the start form and the campaign page: who may see and do what."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from aims.acknowledgements import actions
from aims.acknowledgements.models import Campaign
from aims.acknowledgements.tests.conftest import request_of
from aims.web.testing import ROLES, assert_allowed, assert_permission_matrix, assert_refused

MANAGERS = ("owner", "manager")
REFUSED = ("anonymous", "outsider", "contributor", "auditor", "viewer")


def test_every_member_sees_the_list_with_counts_and_overdue_marked(personas, campaign, foreign):
    Campaign.objects.filter(pk=campaign.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert_permission_matrix(personas, "GET", "/o/acme/acknowledgements/", ROLES)
    page = personas.client("viewer").get("/o/acme/acknowledgements/").content.decode()
    assert "AI code of conduct" in page
    assert "<strong>0 / 3</strong>" in page
    assert "Overdue" in page
    assert "Globex rules" not in page
    assert "You are asked to read 1 document." in page
    assert (
        "You are asked to read"
        not in personas.client("manager").get("/o/acme/acknowledgements/").content.decode()
    )


def test_the_list_filters_by_state_and_search(personas, campaign):
    client = personas.client("viewer")
    assert "AI code of conduct" not in client.get("/o/acme/acknowledgements/?state=closed").content.decode()
    assert (
        "AI code of conduct" in client.get("/o/acme/acknowledgements/?state=all&q=conduct").content.decode()
    )
    assert "AI code of conduct" not in client.get("/o/acme/acknowledgements/?q=nothing").content.decode()
    assert client.get("/o/acme/acknowledgements/?state=sideways").status_code == 400
    partial = client.get("/o/acme/acknowledgements/?q=ai", headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="campaigns">')


def test_an_empty_list_explains_how_to_start(personas):
    page = personas.client("manager").get("/o/acme/acknowledgements/").content.decode()
    assert "No open campaign." in page
    assert "Start a campaign" in page


def test_owners_and_managers_start_a_campaign_from_the_form(personas, version):
    url = "/o/acme/acknowledgements/new/"
    assert_refused(personas, "GET", url, REFUSED)
    assert_refused(personas, "POST", url, REFUSED, data={"version": version.pk})
    assert not Campaign.objects.exists()
    assert_allowed(personas, "GET", url, MANAGERS)
    form = personas.client("manager").get(url).content.decode()
    assert "POL-007 AI code of conduct, version 1" in form
    response = personas.client("manager").post(url, {"version": version.pk, "message": "Read it"})
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/acknowledgements/{campaign.pk}/"
    assert campaign.requests.count() == 3


def test_an_empty_distribution_list_shows_why_on_the_form(personas, version):
    version.document.distribution.clear()
    response = personas.client("owner").post("/o/acme/acknowledgements/new/", {"version": version.pk})
    assert response.status_code == 422
    assert "distribution list of POL-007 is empty" in response.content.decode()
    assert not Campaign.objects.exists()


def test_another_organisations_version_cannot_be_chosen(personas, foreign):
    response = personas.client("owner").post("/o/acme/acknowledgements/new/", {"version": foreign.version.pk})
    assert response.status_code == 422
    assert Campaign.objects.filter(organization=personas.org).count() == 0


def test_the_campaign_page_shows_who_has_and_who_has_not(personas, campaign, foreign):
    actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    url = f"/o/acme/acknowledgements/{campaign.pk}/"
    assert_permission_matrix(personas, "GET", url, ROLES)
    assert personas.client("owner").get(f"/o/acme/acknowledgements/{foreign.pk}/").status_code == 404
    page = personas.client("manager").get(url).content.decode()
    assert "<strong>1 / 3</strong>" in page
    assert page.count("Not yet") >= 2
    assert "Send reminders" in page
    pending = personas.client("manager").get(url + "?state=pending").content.decode()
    assert "viewer@acme.test" not in pending
    assert "auditor@acme.test" in pending
    assert "Send reminders" not in personas.client("viewer").get(url).content.decode()


def test_reminders_and_closing_are_buttons_for_owners_and_managers(personas, campaign):
    remind = f"/o/acme/acknowledgements/{campaign.pk}/remind/"
    close = f"/o/acme/acknowledgements/{campaign.pk}/close/"
    assert_refused(personas, "POST", remind, REFUSED)
    assert_refused(personas, "POST", close, REFUSED)
    mail.outbox.clear()
    response = personas.client("manager").post(remind, follow=True)
    assert "Reminders sent to 3 people." in response.content.decode()
    assert len(mail.outbox) == 3
    again = personas.client("manager").post(remind, follow=True).content.decode()
    assert "Nobody to remind" in again
    assert len(mail.outbox) == 3
    assert personas.client("owner").post(close).status_code == 302
    campaign.refresh_from_db()
    assert not campaign.is_open
    refused = personas.client("owner").post(remind, follow=True).content.decode()
    assert "closed" in refused
    assert personas.client("owner").get(remind).status_code == 405
