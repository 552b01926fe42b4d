"""The context and previous-actions inputs: figures and rows asserted against seeded records."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement
from aims.reviews import actions
from aims.reviews.inputs import compile_inputs, context, previous_actions
from aims.reviews.models import ManagementReview
from aims.reviews.registry import Period
from aims.reviews.tests.conftest import days
from aims.web.testing import Personas

PERIOD = Period(start=days(-90), end=days(0))
OLD = timezone.now() - timedelta(days=300)
RECENT = timezone.now() - timedelta(days=10)


def figures(section: Any) -> dict[str, Any]:
    return dict(section.figures)


def _issue(personas: Personas, ref: str, kind: str = "external", **fields: Any) -> ContextIssue:
    return ContextIssue.objects.create(
        organization=personas.org, reference=ref, title=f"Issue {ref}", kind=kind, category="legal", **fields
    )


def _dated(record: Any, created: Any, updated: Any) -> None:
    type(record).objects.filter(pk=record.pk).update(created_at=created, updated_at=updated)


def test_context_input_counts_what_was_added_changed_and_archived(personas: Personas) -> None:
    _issue(personas, "ISS-1")  # new, external
    _issue(personas, "ISS-2", kind="internal")  # new, internal
    _dated(_issue(personas, "ISS-3"), OLD, RECENT)  # changed
    _dated(_issue(personas, "ISS-4", status="archived"), OLD, RECENT)  # archived
    _dated(_issue(personas, "ISS-5"), OLD, OLD)  # untouched
    ContextIssue.objects.create(
        organization=personas.other_org, reference="ISS-1", title="Globex", kind="external", category="legal"
    )
    party = InterestedParty.objects.create(organization=personas.org, name="Applicants", kind="customers")
    old_party = InterestedParty.objects.create(organization=personas.org, name="Regulator", kind="regulators")
    _dated(old_party, OLD, RECENT)
    Requirement.objects.create(party=party, description="Fair decisions", is_addressed=False, rationale="r")
    _dated(Requirement.objects.create(party=old_party, description="Reports", rationale="r"), OLD, RECENT)
    Obligation.objects.create(
        organization=personas.org, reference="OBL-1", title="EU AI Act", kind="legal", source="Art. 26"
    )  # new, under review by default
    _dated(
        Obligation.objects.create(
            organization=personas.org, reference="OBL-2", title="GDPR", kind="legal", source="Art. 22",
            applicability="applies",
        ),
        OLD, RECENT,
    )  # fmt: skip
    section = context.section(personas.org, PERIOD)
    got = figures(section)
    assert (got["New issues"], got["of which external"], got["Issues changed"], got["Issues archived"]) == (
        2, 1, 1, 1,
    )  # fmt: skip
    assert got["Active issues"] == 4
    assert (got["New interested parties"], got["Interested parties changed"]) == (1, 1)
    assert (got["New requirements of interested parties"], got["Requirements changed"]) == (1, 1)
    assert got["Requirements not addressed by the AIMS"] == 1
    assert (got["New obligations"], got["Obligations changed"], got["Obligations archived"]) == (1, 1, 0)
    assert got["Obligations under review"] == 1
    shown = {(row.reference, row.status) for row in section.rows}
    assert shown == {
        ("ISS-1", "New"), ("ISS-2", "New"), ("ISS-3", "Changed"), ("ISS-4", "Archived"),
        ("OBL-1", "New"), ("OBL-2", "Changed"), ("Party", "New"), ("Party", "Changed"),
    }  # fmt: skip


def test_context_input_is_empty_when_nothing_changed(personas: Personas) -> None:
    _dated(_issue(personas, "ISS-1"), OLD, OLD)
    section = context.section(personas.org, PERIOD)
    assert section.rows == ()
    assert figures(section)["Active issues"] == 1
    assert figures(section)["New issues"] == 0


def test_previous_actions_input_reports_open_overdue_and_done(
    personas: Personas, held: ManagementReview
) -> None:
    late = actions.add_review_action(
        actor=personas.contributor, review=held, description="Late", due_on=days(-2)
    )
    soon = actions.add_review_action(
        actor=personas.contributor, review=held, description="Soon", due_on=days(5), owner=personas.viewer
    )
    done = actions.add_review_action(actor=personas.contributor, review=held, description="Done")
    actions.complete_review_action(actor=personas.contributor, action=done)
    dropped = actions.add_review_action(actor=personas.contributor, review=held, description="Dropped")
    actions.cancel_review_action(actor=personas.contributor, action=dropped, reason="No longer needed")
    section = previous_actions.section(personas.org, PERIOD)
    got = figures(section)
    assert (got["Open"], got["Overdue"], got["Done in the period"], got["Cancelled in the period"]) == (
        2,
        1,
        1,
        1,
    )
    assert got["Raised in the period"] == 4
    assert [(row.reference, row.status) for row in section.rows] == [
        (late.reference, "Overdue"),
        (soon.reference, "Open"),
        (done.reference, f"Done {timezone.localdate().isoformat()}"),
        (dropped.reference, f"Cancelled {timezone.localdate().isoformat()}"),
    ]
    assert "Viewer" in section.rows[1].note
    assert held.reference in section.rows[1].note


def test_compile_inputs_runs_the_providers_in_agenda_order(personas: Personas) -> None:
    keys = [section.key for section in compile_inputs(personas.org, PERIOD)]
    mine = [key for key in keys if key in {"previous_actions", "context", "risks", "incidents"}]
    assert mine == ["previous_actions", "context", "risks", "incidents"]
