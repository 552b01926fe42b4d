"""From an internal audit to the next management review, in the real browser: generate the audit's checklist
from the catalogue, start the audit, record a minor nonconformity against 7.5.3, raise it as a
nonconformity, correct it, find its root cause, take a corrective action, have the owner verify that it was
effective and close it, then plan the next management review and find the closed nonconformity and the
audit among its inputs."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from aims.catalog.models import CatalogItem
from aims.improvement.models import EffectivenessCheck, Nonconformity
from aims.internal_audits import actions as audit_actions
from aims.internal_audits.models import ChecklistItem, InternalAudit
from aims.reviews.models import ManagementReview
from aims.web.testing import BROWSER_MARKS, browser_page, session_key_for

pytestmark = BROWSER_MARKS
FINDING = "7.5.3"


@pytest.fixture
def audit(personas, catalog) -> InternalAudit:
    today = timezone.localdate()
    return audit_actions.plan_audit(
        actor=personas.manager,
        organization=personas.org,
        title="Documented information",
        scope_items=list(CatalogItem.objects.filter(ref="7.5")),
        criteria="ISO/IEC 42001 and our document procedure",
        lead_auditor=personas.manager,
        planned_start=today,
        planned_end=today + timedelta(days=2),
    )


def test_an_audit_finding_is_closed_after_verification_and_reaches_the_management_review(
    live_server, personas, audit
):
    today = timezone.localdate().isoformat()
    with browser_page(live_server.url, session_key=session_key_for(personas.manager)) as page:
        page.goto(f"/o/acme/internal-audits/{audit.pk}/")
        page.get_by_role("button", name="Generate the checklist").click()
        page.get_by_role("button", name="Start the audit").click()
        page.wait_for_load_state()
        item = ChecklistItem.objects.get(audit=audit, ref=FINDING)
        card = page.locator(f"#item-{item.pk}")
        card.locator("select[name=result]").select_option("minor")
        card.locator("textarea[name=notes]").fill("Two procedures in use had no version or approval date.")
        card.get_by_role("button", name="Save the result").click()
        card.get_by_role("button", name="Raise nonconformity").click()
        page.wait_for_load_state()
        for other in ChecklistItem.objects.filter(audit=audit).exclude(ref=FINDING):
            card = page.locator(f"#item-{other.pk}")
            card.locator("select[name=result]").select_option("conforming")
            card.get_by_role("button", name="Save the result").click()
            card.get_by_text("Assessed by").wait_for()
        page.reload()
        page.locator("#id_conclusion").fill("Documented information is controlled, with one minor lapse.")
        page.get_by_role("button", name="Report the audit").click()
        page.wait_for_load_state()
        audit.refresh_from_db()
        assert audit.status == InternalAudit.Status.REPORTED

        nc = Nonconformity.objects.get(organization=personas.org)
        assert nc.requirement is not None
        assert (nc.source, nc.grade, nc.requirement.ref) == ("audit", "minor", FINDING)
        page.goto(f"/o/acme/improvement/{nc.pk}/")
        assert page.get_by_text(f"{audit.reference} · {FINDING}").first.is_visible()
        page.get_by_role("link", name="Record the correction").click()
        page.locator("#id_correction").fill("Both procedures were given versions and approved.")
        page.locator("#id_corrected_on").fill(today)
        page.locator("#id_corrected_by").select_option(str(personas.manager.pk))
        page.get_by_role("button", name="Save the correction").click()
        page.get_by_role("link", name="Record the root cause").click()
        page.locator("#id_why_1").fill("Why had the procedures no version?")
        page.locator("#id_because_1").fill("They were written outside the document register.")
        page.locator("#id_root_cause").fill("Nothing said that procedures belong in the register.")
        page.get_by_role("button", name="Save the root cause").click()
        page.get_by_role("button", name="Add a corrective action").click()
        page.locator("#id_description").fill("Move every procedure into the document register.")
        page.locator("#id_owner").select_option(str(personas.contributor.pk))
        page.locator("#id_due_on").fill(today)
        page.get_by_role("button", name="Add the action").click()
        page.get_by_role("link", name="Done", exact=True).click()
        page.locator("#id_done_on").fill(today)
        page.get_by_role("button", name="Mark it done").click()
        page.get_by_role("button", name="Ask for verification of effectiveness").click()
        page.wait_for_load_state()
        assert page.get_by_text("Awaiting verification of effectiveness").first.is_visible()

    # Someone other than the people who did the work checks that it worked, then closes it.
    with browser_page(live_server.url, session_key=session_key_for(personas.owner)) as page:
        page.goto(f"/o/acme/improvement/{nc.pk}/")
        page.get_by_role("button", name="Verify effectiveness").click()
        page.get_by_label("Effective", exact=True).check()
        page.locator("#id_checked_on").fill(today)
        page.locator("#id_notes").fill("All procedures are in the register, versioned and approved.")
        page.get_by_role("button", name="Record the verification").click()
        page.get_by_role("button", name=f"Close {nc.reference}").click()
        page.wait_for_load_state()

        nc.refresh_from_db()
        assert nc.status == Nonconformity.Status.CLOSED
        check = EffectivenessCheck.objects.get(nonconformity=nc)
        assert (check.outcome, check.verified_by) == ("effective", personas.owner)

        page.goto("/o/acme/management-reviews/new/")
        page.locator("#id_title").fill("Management review, first half")
        page.locator("#id_planned_on").fill((timezone.localdate() + timedelta(days=14)).isoformat())
        page.get_by_role("button", name="Plan the review").click()
        page.wait_for_url(re.compile(r".*/o/acme/management-reviews/\d+/$"))
        review = ManagementReview.objects.get(organization=personas.org)
        assert review.status == ManagementReview.Status.PLANNED
        nonconformities = page.locator("#input-nonconformities")
        row = nonconformities.locator("tr", has=page.get_by_text(nc.reference))
        assert row.get_by_text("Closed").is_visible()
        assert nonconformities.get_by_text("Closed in the period").is_visible()
        assert page.locator("#input-audits").get_by_text(audit.reference).is_visible()
