from django.core.management import call_command

from aims.audit.verification import verify_all


def test_verify_reports_every_chain_intact(personas, acme_events):
    reports = {r.label: r for r in verify_all()}
    assert set(reports) == {"global", "acme", "globex"}
    assert all(r.ok for r in reports.values())
    assert (reports["acme"].checked, reports["globex"].checked, reports["global"].checked) == (5, 2, 0)


def test_verify_command_prints_each_chain_and_the_rate(personas, acme_events, capsys):
    call_command("audit", "verify")
    out = capsys.readouterr().out
    assert "acme: 5 events, chain intact" in out
    assert "globex: 2 events, chain intact" in out
    assert "all 3 chains intact: 7 events checked" in out
    assert "events/s" in out


def test_verify_command_checks_one_organisation(personas, acme_events, capsys):
    call_command("audit", "verify", "--org", "globex")
    out = capsys.readouterr().out
    assert "globex: 2 events, chain intact" in out
    assert "acme" not in out
