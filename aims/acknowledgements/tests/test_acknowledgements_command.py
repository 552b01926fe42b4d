import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from aims.acknowledgements import actions
from aims.acknowledgements.tests.conftest import request_of


def run(*args):
    out = io.StringIO()
    call_command("acknowledgements", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_status_lists_counts_and_who_has_not_acknowledged(personas, campaign):
    actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    out = run("status", "--org", "acme", "--user", "auditor@acme.test")
    assert f"#{campaign.pk} POL-007 AI code of conduct v1: 1/3 acknowledged (open)" in out
    assert "not yet: auditor@acme.test" in out
    assert "not yet: viewer@acme.test" not in out


def test_closed_campaigns_show_with_all(personas, campaign):
    actions.close_campaign(actor=personas.owner, campaign=campaign)
    assert "No open campaign." in run("status", "--org", "acme", "--user", "viewer@acme.test")
    assert "(closed)" in run("status", "--org", "acme", "--user", "viewer@acme.test", "--all")


def test_remind_emails_pending_recipients_once_a_day(personas, campaign):
    mail.outbox.clear()
    out = run("remind", "--org", "acme", "--user", "manager@acme.test")
    assert "3 reminders sent in all." in out
    assert len(mail.outbox) == 3
    again = run("remind", "--org", "acme", "--user", "manager@acme.test", "--campaign", str(campaign.pk))
    assert "0 reminders sent in all." in again
    assert len(mail.outbox) == 3


def test_a_closed_campaign_exits_1_and_roles_and_unknowns_exit_2(personas, campaign):
    with pytest.raises(CommandError, match="Only owners and managers") as error:
        run("remind", "--org", "acme", "--user", "viewer@acme.test")
    assert error.value.returncode == 2
    with pytest.raises(CommandError, match="No campaign 999"):
        run("remind", "--org", "acme", "--user", "owner@acme.test", "--campaign", "999")
    actions.close_campaign(actor=personas.owner, campaign=campaign)
    with pytest.raises(CommandError) as exited:
        run("remind", "--org", "acme", "--user", "owner@acme.test", "--campaign", str(campaign.pk))
    assert exited.value.returncode == 1
