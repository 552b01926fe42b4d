"""`aims impact list|show`: impact assessments from the command line, for members only."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aims.impact_assessments.models import ImpactAssessment
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("impact", *args, stdout=out)
    return out.getvalue()


def test_list_shows_this_organisations_assessments(
    personas: Personas, approved: ImpactAssessment, foreign: ImpactAssessment
) -> None:
    out = _run("list", "--org", "acme", "--user", "viewer@acme.test")
    assert "IA-0001" in out
    assert "approved" in out
    assert "1 negative impacts" in out
    rows = json.loads(_run("list", "--org", "acme", "--user", "viewer@acme.test", "--format", "json"))
    assert [row["ai_system"] for row in rows] == ["AIS-001"]
    assert "No impact assessments." in _run(
        "list", "--org", "acme", "--user", "viewer@acme.test", "--state", "draft"
    )


def test_show_prints_one_assessment_with_its_impacts(personas: Personas, approved: ImpactAssessment) -> None:
    out = _run("show", "IA-0001", "--org", "acme", "--user", "auditor@acme.test")
    assert "Acceptable with fairness testing." in out
    assert "negative fairness" in out
    data = json.loads(
        _run("show", "IA-0001", "--org", "acme", "--user", "auditor@acme.test", "--format", "json")
    )
    assert data["items"][0]["severity"] == 3


def test_command_refuses_outsiders_and_unknown_records(
    personas: Personas, approved: ImpactAssessment
) -> None:
    with pytest.raises(CommandError, match="not a member"):
        _run("list", "--org", "acme", "--user", "outsider@globex.test")
    with pytest.raises(CommandError, match="No impact assessment"):
        _run("show", "IA-0999", "--org", "acme", "--user", "viewer@acme.test")
    with pytest.raises(CommandError, match="Unknown state"):
        _run("list", "--org", "acme", "--user", "viewer@acme.test", "--state", "done")
