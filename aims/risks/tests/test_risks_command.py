"""`aims risks list|show|due`: the register from the command line, for members only."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aims.ai_systems import actions as system_actions


def _run(*args: str) -> str:
    out = StringIO()
    call_command("risks", *args, stdout=out)
    return out.getvalue()


def test_list_shows_open_risks_with_their_levels(personas, treated, foreign):
    out = _run("list", "--org", "acme", "--user", "viewer@acme.test")
    assert "RSK-0001" in out
    assert "High -> Medium" in out
    assert "Globex" not in out
    rows = json.loads(_run("list", "--org", "acme", "--user", "viewer@acme.test", "--format", "json"))
    assert [row["reference"] for row in rows] == ["RSK-0001"]
    assert "No risks." in _run("list", "--org", "acme", "--user", "viewer@acme.test", "--level", "low")


def test_show_prints_one_risk_and_refuses_unknown_ones(personas, treated):
    out = _run("show", "RSK-0001", "--org", "acme", "--user", "auditor@acme.test")
    assert "Unfair scores" in out
    assert "Medium (likelihood 2, consequence 4, criteria v1)" in out
    with pytest.raises(CommandError, match="No risk"):
        _run("show", "RSK-0999", "--org", "acme", "--user", "auditor@acme.test")


def test_due_lists_risks_whose_system_changed(personas, assessed, system):
    assert "No risks." in _run("due", "--org", "acme", "--user", "viewer@acme.test")
    system_actions.update_ai_system(actor=personas.manager, system=system, changes={"purpose": "Changed"})
    assert "RSK-0001" in _run("due", "--org", "acme", "--user", "viewer@acme.test")


def test_outsiders_and_unknown_organisations_are_refused(personas, treated):
    with pytest.raises(CommandError, match="not a member"):
        _run("list", "--org", "acme", "--user", "outsider@globex.test")
    with pytest.raises(CommandError, match="No organisation"):
        _run("list", "--org", "nowhere", "--user", "viewer@acme.test")
