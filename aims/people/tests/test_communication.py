"""Communication plan and log (7.4): actions, pages and endpoints."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.people import actions
from aims.people.models import CommunicationLog, CommunicationPlanItem
from aims.people.tests.conftest import patch_json, post_json
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

MEMBERS = ("owner", "manager", "contributor", "auditor", "viewer")
READ_ONLY = [p for p in EVERYONE if p not in ("owner", "manager", "contributor")]
ITEM = {
    "what": "AI policy changes",
    "audience": "All staff",
    "frequency": "At each change",
    "channel": "email",
}


@pytest.fixture
def item(personas):
    return actions.add_plan_item(
        actor=personas.contributor, organization=personas.org, communicator=personas.manager, **ITEM
    )


def test_editors_keep_the_plan_and_log_with_audit_events(personas, item):
    actions.update_plan_item(actor=personas.manager, item=item, changes={"frequency": "Quarterly"})
    entry = actions.log_communication(
        actor=personas.contributor,
        organization=personas.org,
        plan_item=item,
        communicated_on=date(2026, 3, 1),
        audience="All staff",
        summary="Sent the new AI policy.",
    )
    assert entry.communicated_by == personas.contributor
    verbs = list(AuditEvent.objects.order_by("seq").values_list("verb", flat=True))
    assert verbs[-3:] == ["communication_plan.added", "communication_plan.updated", "communication.logged"]


def test_readers_cannot_change_the_plan_or_log(personas, item):
    for persona in ("auditor", "viewer", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.add_plan_item(actor=getattr(personas, persona), organization=personas.org, **ITEM)
        with pytest.raises(PermissionDenied):
            actions.log_communication(
                actor=getattr(personas, persona),
                organization=personas.org,
                communicated_on=date(2026, 1, 1),
                audience="x",
                summary="x",
            )
    assert CommunicationPlanItem.objects.count() == 1
    assert not CommunicationLog.objects.exists()


def test_invalid_entries_are_refused(personas, item):
    with pytest.raises(ValidationError):
        actions.add_plan_item(
            actor=personas.owner, organization=personas.org, **{**ITEM, "channel": "pigeon"}
        )
    with pytest.raises(ValidationError):
        actions.add_plan_item(
            actor=personas.owner, organization=personas.org, **{**ITEM, "communicator": personas.outsider}
        )
    foreign = actions.add_plan_item(actor=personas.outsider, organization=personas.other_org, **ITEM)
    with pytest.raises(ValidationError):
        actions.log_communication(
            actor=personas.owner,
            organization=personas.org,
            plan_item=foreign,
            communicated_on=date(2026, 1, 1),
            audience="x",
            summary="x",
        )
    with pytest.raises(ValidationError):
        actions.log_communication(
            actor=personas.owner,
            organization=personas.org,
            communicated_on=date(2026, 1, 1),
            audience="x",
            summary=" ",
            evidence_link="not a url",
        )
    assert CommunicationPlanItem.objects.filter(organization=personas.org).count() == 1
    assert not CommunicationLog.objects.exists()


def test_plan_and_log_pages(personas, item):
    assert_permission_matrix(personas, "GET", "/o/acme/people/communication/", MEMBERS)
    assert_permission_matrix(personas, "GET", "/o/acme/people/communication/log/", MEMBERS)
    client = personas.client("viewer")
    assert (
        "AI policy changes"
        in client.get(
            "/o/acme/people/communication/", {"q": "policy", "channel": "email", "sort": "-audience"}
        ).content.decode()
    )
    assert (
        "AI policy changes"
        not in client.get("/o/acme/people/communication/", {"channel": "meeting"}).content.decode()
    )
    assert client.get("/o/acme/people/communication/", {"sort": "secret"}).status_code == 400
    new = "/o/acme/people/communication/new/"
    assert_permission_matrix(personas, "GET", new, ("owner", "manager", "contributor"))
    assert_refused(personas, "POST", new, READ_ONLY, data=ITEM)
    assert personas.client("contributor").post(new, {**ITEM, "channel": "pigeon"}).status_code == 422
    assert personas.client("contributor").post(new, {**ITEM, "what": "Model cards"}).status_code == 302
    edit = f"/o/acme/people/communication/{item.pk}/edit/"
    assert_refused(personas, "POST", edit, READ_ONLY, data=ITEM)
    assert personas.client("manager").post(edit, {**ITEM, "frequency": "Monthly"}).status_code == 302
    log = "/o/acme/people/communication/log/new/"
    data = {
        "plan_item": item.pk,
        "communicated_on": "2026-03-01",
        "audience": "Staff",
        "summary": "Town hall on AI.",
    }
    assert_refused(personas, "POST", log, READ_ONLY, data=data)
    assert personas.client("contributor").post(log, {**data, "summary": ""}).status_code == 422
    assert personas.client("contributor").post(log, data).status_code == 302
    assert (
        "Town hall"
        in client.get("/o/acme/people/communication/log/", {"plan_item": item.pk}).content.decode()
    )
    assert CommunicationPlanItem.objects.count() == 2
    assert CommunicationLog.objects.count() == 1


def test_plan_and_log_endpoints(personas, item):
    plan = "/api/v1/people/communications/plan?organization=acme"
    log = "/api/v1/people/communications/log?organization=acme"
    assert_permission_matrix(personas, "GET", plan, MEMBERS, api=True)
    assert_permission_matrix(personas, "GET", log, MEMBERS, api=True)
    assert_refused(personas, "POST", plan, READ_ONLY, data=ITEM, api=True)
    response = post_json(personas.client("contributor"), plan, {**ITEM, "communicator": "viewer@acme.test"})
    assert response.status_code == 201
    assert response.json()["communicator"] == "viewer@acme.test"
    assert post_json(personas.client("contributor"), plan, {**ITEM, "channel": "pigeon"}).status_code == 422
    assert (
        post_json(
            personas.client("contributor"), plan, {**ITEM, "communicator": "outsider@globex.test"}
        ).status_code
        == 422
    )
    url = f"/api/v1/people/communications/plan/{item.pk}"
    assert personas.client("outsider").patch(url, "{}", content_type="application/json").status_code == 404
    assert patch_json(personas.client("viewer"), url, {"frequency": "x"}).status_code == 403
    assert (
        patch_json(personas.client("manager"), url, {"frequency": "Monthly"}).json()["frequency"] == "Monthly"
    )
    data = {"plan_item": item.pk, "communicated_on": "2026-03-01", "audience": "Staff", "summary": "Sent."}
    assert_refused(personas, "POST", log, READ_ONLY, data=data, api=True)
    assert post_json(personas.client("contributor"), log, {**data, "plan_item": 9999}).status_code == 422
    assert post_json(personas.client("contributor"), log, data).status_code == 201
    assert CommunicationLog.objects.count() == 1
