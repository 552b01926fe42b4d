"""`aims incidents list|show`: incidents from the command line, for members only."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from aims.incidents import actions
from aims.incidents.models import Incident
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("incidents", *args, stdout=out)
    return out.getvalue()


def test_list_shows_this_organisations_incidents_and_their_countdown(
    personas: Personas, serious: Incident, foreign: Incident
) -> None:
    out = _run("list", "--org", "acme", "--user", "viewer@acme.test")
    assert "INC-0001" in out
    assert "report within 14 days" in out
    assert "Globex" not in out
    rows = json.loads(_run("list", "--org", "acme", "--user", "viewer@acme.test", "--format", "json"))
    assert [row["ai_systems"] for row in rows] == [["AIS-001"]]


def test_list_overdue_shows_only_late_reports(personas: Personas, serious: Incident) -> None:
    assert "No incidents." in _run("list", "--org", "acme", "--user", "viewer@acme.test", "--overdue")
    Incident.objects.filter(pk=serious.pk).update(became_aware_at=timezone.now() - timedelta(days=16))
    out = _run("list", "--org", "acme", "--user", "viewer@acme.test", "--overdue")
    assert "INC-0001" in out
    assert "REPORT OVERDUE" in out


def test_show_prints_one_incident_with_its_communications(personas: Personas, serious: Incident) -> None:
    actions.log_communication(
        actor=personas.manager,
        incident=serious,
        sent_at=timezone.now(),
        audience="users",
        message="We told them.",
    )
    out = _run("show", "INC-0001", "--org", "acme", "--user", "auditor@acme.test")
    assert "Chatbot quoted wrong refund amounts" in out
    assert "We told them." in out
    data = json.loads(
        _run("show", "INC-0001", "--org", "acme", "--user", "auditor@acme.test", "--format", "json")
    )
    assert data["communications"][0]["audience"] == "users"


def test_command_refuses_outsiders_and_unknown_records(personas: Personas, incident: Incident) -> None:
    with pytest.raises(CommandError, match="not a member"):
        _run("list", "--org", "acme", "--user", "outsider@globex.test")
    with pytest.raises(CommandError, match="No incident"):
        _run("show", "INC-0999", "--org", "acme", "--user", "viewer@acme.test")
    with pytest.raises(CommandError, match="Unknown status"):
        _run("list", "--org", "acme", "--user", "viewer@acme.test", "--status", "done")
