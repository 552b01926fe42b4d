"""`aims improvement list|show|opportunities`: from the command line, for members only."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from aims.improvement.models import ImprovementOpportunity, Nonconformity
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db
AS_VIEWER = ("--org", "acme", "--user", "viewer@acme.test")


def _run(*args: str) -> str:
    out = StringIO()
    call_command("improvement", *args, stdout=out)
    return out.getvalue()


def test_list_shows_this_organisations_nonconformities(
    personas: Personas, nc: Nonconformity, foreign: Nonconformity
) -> None:
    out = _run("list", *AS_VIEWER)
    assert "NC-0001" in out
    assert "Impact assessment of AIS-004 overdue" in out
    assert "Globex" not in out
    rows = json.loads(_run("list", *AS_VIEWER, "--format", "json"))
    assert [(r["reference"], r["owner"]) for r in rows] == [("NC-0001", "manager@acme.test")]


def test_list_filters_by_status_and_overdue(personas: Personas, nc: Nonconformity) -> None:
    assert "No nonconformities." in _run("list", *AS_VIEWER, "--overdue")
    Nonconformity.objects.filter(pk=nc.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    assert "OVERDUE" in _run("list", *AS_VIEWER, "--overdue")
    assert "No nonconformities." in _run("list", *AS_VIEWER, "--status", "closed")
    assert "NC-0001" in _run("list", *AS_VIEWER, "--status", "open")


def test_show_prints_the_whole_story(personas: Personas, verified: Nonconformity) -> None:
    out = _run("show", "nc-0001", "--org", "acme", "--user", "auditor@acme.test")
    assert "Impact-assessment reviews had no reminder." in out
    assert "Why 2: Why was nobody told?" in out
    assert "Add a reminder for every review date." in out
    assert "round 1 effective" in out
    data = json.loads(_run("show", "NC-0001", *AS_VIEWER, "--format", "json"))
    assert data["checks"][0]["verified_by"] == "owner@acme.test"
    assert data["actions"][0]["status"] == "done"


def test_opportunities(personas: Personas, opportunity: ImprovementOpportunity) -> None:
    assert "IMP-0001  proposed" in _run("opportunities", *AS_VIEWER)
    assert "No improvement opportunities." in _run("opportunities", *AS_VIEWER, "--status", "done")
    rows = json.loads(_run("opportunities", *AS_VIEWER, "--format", "json"))
    assert rows[0]["title"] == "Automate the monthly fairness report"


def test_command_refuses_outsiders_unknown_records_and_bad_options(
    personas: Personas, nc: Nonconformity
) -> None:
    with pytest.raises(CommandError, match="not a member"):
        _run("list", "--org", "acme", "--user", "outsider@globex.test")
    with pytest.raises(CommandError, match="No nonconformity"):
        _run("show", "NC-0999", *AS_VIEWER)
    with pytest.raises(CommandError, match="Unknown status"):
        _run("list", *AS_VIEWER, "--status", "done")
    with pytest.raises(CommandError, match="Unknown status"):
        _run("opportunities", *AS_VIEWER, "--status", "open")
