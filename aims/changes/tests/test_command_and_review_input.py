"""`aims changes list|show` and the management review's "changes" input."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from aims.changes import actions
from aims.changes.review_inputs import section
from aims.changes.tests.conftest import plan
from aims.reviews.registry import Period, providers
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("changes", *args, stdout=out)
    return out.getvalue()


def test_list_and_show(personas: Personas, submitted, foreign, risks) -> None:
    actions.approve_change(actor=personas.manager, change=submitted)
    out = _run("list", "--org", "acme", "--user", "viewer@acme.test")
    assert "CHG-0001" in out
    assert "approved" in out
    assert "Globex" not in out
    data = json.loads(
        _run("show", "CHG-0001", "--org", "acme", "--user", "auditor@acme.test", "--format", "json")
    )
    assert data["marked_risks"] == ["RSK-0001"]
    with pytest.raises(CommandError, match="not a member"):
        _run("list", "--org", "acme", "--user", "outsider@globex.test")
    with pytest.raises(CommandError, match="No planned change"):
        _run("show", "CHG-0999", "--org", "acme", "--user", "viewer@acme.test")


def test_review_input_counts_the_period(personas: Personas, system, django_assert_max_num_queries) -> None:
    assert "changes" in dict(providers())
    made = actions.plan_change(actor=personas.contributor, organization=personas.org, **plan(title="Made"))
    actions.submit_change(actor=personas.contributor, change=made)
    actions.approve_change(actor=personas.manager, change=made)
    actions.implement_change(actor=personas.contributor, change=made, implemented_on=timezone.localdate())
    waiting = actions.plan_change(actor=personas.contributor, organization=personas.org, **plan(title="Wait"))
    actions.submit_change(actor=personas.contributor, change=waiting)
    rejected = actions.plan_change(actor=personas.contributor, organization=personas.org, **plan(title="No"))
    actions.submit_change(actor=personas.contributor, change=rejected)
    actions.reject_change(actor=personas.manager, change=rejected, reason="No budget.")
    today = timezone.localdate()
    with django_assert_max_num_queries(2):
        result = section(personas.org, Period(start=today - timedelta(days=30), end=today))
    figures = dict(result.figures)
    assert figures["Planned in the period"] == 3
    assert figures["Approved in the period"] == 1
    assert figures["Rejected in the period"] == 1
    assert figures["Made in the period"] == 1
    assert figures["Awaiting a decision"] == 1
    assert figures["Approved, not yet made"] == 0
    assert {r.reference for r in result.rows} == {"CHG-0001", "CHG-0002", "CHG-0003"}
    empty = section(personas.org, Period(start=today - timedelta(days=400), end=today - timedelta(days=300)))
    assert dict(empty.figures)["Planned in the period"] == 0
