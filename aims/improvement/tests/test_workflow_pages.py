from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.improvement.models import CorrectiveAction, EffectivenessCheck, Nonconformity
from aims.incidents import actions as incident_actions
from aims.incidents.models import Incident
from aims.web.testing import Personas, assert_refused

pytestmark = pytest.mark.django_db
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
NOT_DECIDERS = [*NOT_EDITORS, "contributor"]
TODAY = timezone.localdate().isoformat()


def _url(personas: Personas, name: str, **kwargs: Any) -> str:
    return reverse(f"improvement:{name}", kwargs={"org": personas.org.slug, **kwargs})


def test_correction_form(personas: Personas, nc: Nonconformity) -> None:
    url = _url(personas, "nonconformity_correction", pk=nc.pk)
    data = {"correction": "Assessment booked.", "corrected_on": TODAY, "corrected_by": personas.manager.pk}
    assert_refused(personas, "GET", url, NOT_EDITORS)
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data)
    future = {**data, "corrected_on": (timezone.localdate() + timedelta(days=2)).isoformat()}
    assert personas.client("contributor").post(url, future).status_code == 422
    assert personas.client("contributor").post(url, data).status_code == 302
    nc.refresh_from_db()
    assert nc.corrected_by == personas.manager


def test_root_cause_form_builds_the_chain_of_whys(personas: Personas, nc: Nonconformity) -> None:
    url = _url(personas, "nonconformity_cause", pk=nc.pk)
    data = {
        "cause_method": "five_whys",
        "why_1": "Why late?",
        "because_1": "No reminder.",
        "why_2": "Why no reminder?",
        "because_2": "Not in the procedure.",
        "root_cause": "The procedure had no reminder step.",
        "aims_changes": "Procedure P-3 updated.",
    }
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data)
    half = {**data, "because_2": ""}
    response = personas.client("contributor").post(url, half)
    assert response.status_code == 422
    assert "Give both the why and the because." in response.content.decode()
    assert personas.client("contributor").post(url, data).status_code == 302
    nc.refresh_from_db()
    assert nc.cause_steps == [
        {"why": "Why late?", "because": "No reminder."},
        {"why": "Why no reminder?", "because": "Not in the procedure."},
    ]
    page = personas.client("contributor").get(url).content.decode()
    assert 'value="Why no reminder?"' in page


def test_action_pages_add_change_complete_and_cancel(personas: Personas, nc: Nonconformity) -> None:
    client = personas.client("contributor")
    add = _url(personas, "action_add", pk=nc.pk)
    data = {"description": "Add a reminder.", "owner": personas.contributor.pk, "due_on": TODAY}
    assert_refused(personas, "POST", add, NOT_EDITORS, data=data)
    assert client.post(add, {**data, "owner": ""}).status_code == 422
    assert client.post(add, data).status_code == 302
    assert client.post(add, {**data, "description": "Brief."}).status_code == 302
    first, second = CorrectiveAction.objects.order_by("pk")
    edit = _url(personas, "action_edit", pk=nc.pk, action_pk=first.pk)
    assert client.post(edit, {**data, "notes": "Ticket 4"}).status_code == 302
    complete = _url(personas, "action_complete", pk=nc.pk, action_pk=first.pk)
    assert_refused(personas, "POST", complete, NOT_EDITORS, data={"done_on": TODAY})
    assert client.post(complete, {"done_on": TODAY, "notes": "Live."}).status_code == 302
    cancel = _url(personas, "action_cancel", pk=nc.pk, action_pk=second.pk)
    assert client.post(cancel, {"reason": "Not needed."}).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.notes, second.status) == ("done", "Live.", "cancelled")
    again = client.post(complete, {"done_on": TODAY})
    assert again.status_code == 422
    assert "done already" in again.content.decode()


def test_an_action_of_another_nonconformity_is_not_found(
    personas: Personas, nc: Nonconformity, foreign: Nonconformity
) -> None:
    theirs = CorrectiveAction.objects.create(
        nonconformity=foreign, description="x", owner=personas.outsider, due_on=foreign.raised_on
    )
    url = _url(personas, "action_complete", pk=nc.pk, action_pk=theirs.pk)
    assert personas.client("owner").post(url, {"done_on": TODAY}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "open"


def test_verification_close_and_reopen_buttons(personas: Personas, nc: Nonconformity) -> None:
    from aims.improvement.tests.conftest import with_done_action

    with_done_action(personas, nc)
    request = _url(personas, "nonconformity_request_verification", pk=nc.pk)
    assert_refused(personas, "POST", request, NOT_EDITORS)
    assert personas.client("contributor").post(request).status_code == 302
    verify = _url(personas, "nonconformity_verify", pk=nc.pk)
    data = {"outcome": "effective", "checked_on": TODAY, "notes": "Held for a quarter."}
    assert_refused(personas, "POST", verify, NOT_DECIDERS, data=data)
    refused = personas.client("manager").post(verify, data)
    assert refused.status_code == 403
    assert "someone independent of it must verify" in refused.content.decode()
    assert personas.client("owner").post(verify, data).status_code == 302
    close = _url(personas, "nonconformity_close", pk=nc.pk)
    assert_refused(personas, "POST", close, NOT_DECIDERS)
    assert personas.client("manager").post(close).status_code == 302
    nc.refresh_from_db()
    assert nc.status == "closed"
    reopen = _url(personas, "nonconformity_reopen", pk=nc.pk)
    assert_refused(personas, "POST", reopen, NOT_DECIDERS, data={"reopen-reason": "Recurred."})
    response = personas.client("owner").post(reopen, {"reopen-reason": ""}, follow=True)
    assert "Say why it is reopened." in response.content.decode()
    personas.client("owner").post(reopen, {"reopen-reason": "Recurred."})
    nc.refresh_from_db()
    assert nc.status == "action"
    assert EffectivenessCheck.objects.count() == 1


def test_close_button_without_verification_shows_why(personas: Personas, awaiting: Nonconformity) -> None:
    url = _url(personas, "nonconformity_close", pk=awaiting.pk)
    page = personas.client("owner").post(url, follow=True).content.decode()
    assert "cannot be closed before its corrective action is verified as effective" in page
    awaiting.refresh_from_db()
    assert awaiting.status == "verification"


@pytest.fixture
def incident(personas: Personas) -> Incident:
    system = AISystem.objects.create(organization=personas.org, reference="AIS-001", name="Bot", purpose="x")
    now = timezone.now()
    return incident_actions.record_incident(
        actor=personas.contributor,
        organization=personas.org,
        ai_systems=[system],
        title="Chatbot quoted wrong refunds",
        what_happened="The chatbot doubled refund amounts.",
        severity="high",
        detected_on=timezone.localdate(now),
        became_aware_at=now - timedelta(hours=1),
        owner=personas.manager,
    )


def test_raise_from_an_incident_is_prefilled_and_linked(personas: Personas, incident: Incident) -> None:
    url = _url(personas, "nonconformity_from_incident", incident_pk=incident.pk)
    assert_refused(personas, "GET", url, NOT_EDITORS)
    form = personas.client("contributor").get(url).content.decode()
    assert 'value="Chatbot quoted wrong refunds"' in form
    assert "The chatbot doubled refund amounts." in form
    assert f'value="{incident.reference}"' in form
    data = {"title": incident.title, "description": "d", "source": "incident", "grade": "minor"}
    assert personas.client("contributor").post(url, data).status_code == 302
    nc = Nonconformity.objects.get()
    assert nc.incident == incident
    page = (
        personas.client("viewer")
        .get(reverse("incidents:incident_detail", kwargs={"org": personas.org.slug, "pk": incident.pk}))
        .content.decode()
    )
    assert f">{nc.reference}</code>" in page
    assert "Raise a nonconformity" not in page
    editor_page = (
        personas.client("contributor")
        .get(reverse("incidents:incident_detail", kwargs={"org": personas.org.slug, "pk": incident.pk}))
        .content.decode()
    )
    assert url in editor_page
