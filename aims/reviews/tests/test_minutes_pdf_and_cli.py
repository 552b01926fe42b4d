"""The minutes PDF, read back with pypdf, and the `aims reviews` command."""

from __future__ import annotations

import io
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from aims.reviews import actions, queries
from aims.reviews.minutes_pdf import minutes_pdf
from aims.reviews.models import ManagementReview
from aims.reviews.tests.conftest import days
from aims.reviews.tests.test_inputs_risks_and_incidents import make_risk
from aims.web.testing import Personas


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def minuted(personas: Personas, with_top: ManagementReview) -> ManagementReview:
    make_risk(personas.org, 1, level_rank=3, level_label="High", title="Unfair scores for older applicants")
    actions.add_attendee(
        actor=personas.contributor, review=with_top, name="Dr. Adviser", attendance="apologies"
    )
    held = actions.hold_review(actor=personas.manager, review=with_top)
    actions.save_discussion(
        actor=personas.manager, review=held, section_key="risks", notes="Treat RSK-0001 first."
    )
    decision = actions.record_decision(
        actor=personas.manager, review=held, kind="change", text="Add a fairness gate."
    )
    actions.add_review_action(
        actor=personas.manager, review=held, decision=decision, description="Build the gate",
        owner=personas.contributor, due_on=days(14),
    )  # fmt: skip
    return held


def test_the_minutes_pdf_holds_attendees_inputs_notes_decisions_and_actions(
    personas: Personas, minuted: ManagementReview
) -> None:
    make_risk(personas.org, 2, level_rank=4, level_label="Critical", title="Raised after the meeting")
    text = text_of(minutes_pdf(queries.minutes(minuted)))
    for expected in (
        "Management review MR-0001", "Acme AI", "Owner", "Chief executive", "Dr. Adviser", "Apologies",
        "Top management", "AI risks and their treatment", "Open risks and opportunities", "RSK-0001",
        "Unfair scores for older applicants", "Treat RSK-0001 first.", "Add a fairness gate.", "MRA-0001",
        "Build the gate", "Contributor", minuted.inputs_sha256[:16],
    ):  # fmt: skip
        assert expected in text, expected
    assert "Raised after the meeting" not in text  # the inputs were frozen before it was raised


def _run(*args: str) -> str:
    out = StringIO()
    call_command("reviews", *args, stdout=out)
    return out.getvalue()


MEMBER = ("--org", "acme", "--user", "viewer@acme.test")


def test_cli_lists_and_shows_reviews(
    personas: Personas, minuted: ManagementReview, foreign: ManagementReview
) -> None:
    listed = _run("list", *MEMBER)
    assert "MR-0001" in listed
    assert "Globex" not in listed
    rows = json.loads(_run("list", *MEMBER, "--format", "json"))
    assert [r["reference"] for r in rows] == ["MR-0001"]
    shown = _run("show", "MR-0001", *MEMBER)
    assert "verifies" in shown
    assert "[top management]" in shown
    assert "MRA-0001" in shown
    assert "Discussion: Treat RSK-0001 first." in shown
    data = json.loads(_run("show", "mr-0001", *MEMBER, "--format", "json"))
    assert data["actions"][0]["reference"] == "MRA-0001"
    assert [s["key"] for s in data["inputs"] if s["key"] == "risks"] == ["risks"]


def test_cli_compiles_inputs_for_a_period(personas: Personas) -> None:
    make_risk(personas.org, 1, level_rank=3, level_label="High")
    out = _run("inputs", *MEMBER, "--from", days(-30).isoformat(), "--to", days(0).isoformat())
    assert "AI risks and their treatment" in out
    assert "RSK-0001" in out
    data = json.loads(
        _run(
            "inputs",
            *MEMBER,
            "--from",
            days(-30).isoformat(),
            "--to",
            days(0).isoformat(),
            "--format",
            "json",
        )
    )
    risks = next(s for s in data if s["key"] == "risks")
    assert ["Open risks and opportunities", 1] in risks["figures"]


def test_cli_writes_the_minutes(personas: Personas, minuted: ManagementReview, tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"
    _run("minutes", "MR-0001", *MEMBER, "--output", str(target))
    assert "Build the gate" in text_of(target.read_bytes())


@pytest.mark.parametrize(
    "args",
    [
        ("show", "MR-0009", *MEMBER),
        ("show", "MR-0001", "--org", "acme", "--user", "outsider@globex.test"),
        ("list", "--org", "nowhere", "--user", "viewer@acme.test"),
        ("list", *MEMBER, "--status", "bogus"),
        ("inputs", *MEMBER, "--from", "2026-13-01", "--to", "2026-01-01"),
        ("inputs", *MEMBER, "--from", "2026-02-01", "--to", "2026-01-01"),
    ],
)
def test_cli_refuses_with_exit_status_2(
    personas: Personas, review: ManagementReview, args: tuple[str, ...]
) -> None:
    with pytest.raises(CommandError) as caught:
        _run(*args)
    assert caught.value.returncode == 2
