import io

import pytest
from django.core.management import CommandError, call_command

from aims.policies.models import AIPolicy


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("policy", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_aims_policy_start_drafts_it_and_show_tells_where_it_stands(personas):
    assert "has no AI policy yet" in run("show", "--org", "acme", "--user", "viewer@acme.test")
    assert "Drafted version 1 of POL-AI" in run("start", "--org", "acme", "--user", "manager@acme.test")
    shown = run("show", "--org", "acme", "--user", "viewer@acme.test")
    assert "POL-AI AI policy (active)" in shown
    assert "In force: nothing published yet" in shown
    assert "In progress: version 1, draft" in shown


def test_show_reports_the_version_in_force_and_the_last_review(personas, review):
    shown = run("show", "--org", "acme", "--user", "auditor@acme.test")
    assert "In force: version 1, published" in shown
    assert "Last review: 2026-03-02, no change" in shown
    assert "Next review: 2027-03-02" in shown


def test_a_second_start_exits_1(personas, ai_policy):
    with pytest.raises(CommandError) as exited:
        run("start", "--org", "acme", "--user", "owner@acme.test")
    assert exited.value.returncode == 1
    assert AIPolicy.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--org", "nope", "--user", "owner@acme.test"], "No organisation 'nope'"),
        (["--org", "acme", "--user", "outsider@globex.test"], "is not a member"),
        (["--org", "acme", "--user", "viewer@acme.test"], "Only owners, managers and contributors"),
    ],
)
def test_usage_errors_exit_2(personas, args, message):
    with pytest.raises(CommandError, match=message) as error:
        run("start", *args)
    assert error.value.returncode == 2
    assert not AIPolicy.objects.exists()
