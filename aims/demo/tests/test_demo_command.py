import pytest
from django.core.management import CommandError, call_command

from aims.audit.verification import verify_all
from aims.demo.seeding import DEMO_PASSWORD, create_demo
from aims.organizations.models import Membership, Organization


def test_demo_creates_one_user_per_role_with_a_valid_audit_chain(db):
    result = create_demo()
    assert result.created
    roles = set(Membership.objects.filter(organization=result.organization).values_list("role", flat=True))
    assert roles == {"owner", "manager", "contributor", "auditor", "viewer"}
    manager = Membership.objects.get(organization=result.organization, role="manager").user
    assert manager.check_password(DEMO_PASSWORD)
    assert all(report.ok for report in verify_all(organization_slug="demo"))


def test_demo_is_idempotent(db):
    create_demo()
    again = create_demo()
    assert not again.created
    assert Organization.objects.filter(slug="demo").count() == 1
    assert Membership.objects.filter(organization__slug="demo").count() == 5


def test_demo_command_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo")
    assert not Organization.objects.filter(slug="demo").exists()


def test_demo_command_prints_the_logins(db, settings, capsys):
    settings.DEBUG = True
    call_command("demo")
    out = capsys.readouterr().out
    assert "manager@demo.aims.test" in out
    assert DEMO_PASSWORD in out
