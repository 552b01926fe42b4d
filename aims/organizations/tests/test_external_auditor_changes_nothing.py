"""An external auditor changes nothing: every write page and API write answers 403, and nothing is written
(but the record of the attempt in the access log)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import aims
from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.organizations import permissions
from aims.organizations.models import Invitation, Membership, Role
from aims.risks.models import Risk
from aims.web.testing import assert_refused

READS = ("can_view_", "can_download_", "can_export_")


def _predicates() -> list[tuple[str, object]]:
    """Every app's `can_<verb>(user, organization)` predicate."""
    found: list[tuple[str, object]] = []
    for app in pkgutil.iter_modules(aims.__path__):
        try:
            module = importlib.import_module(f"aims.{app.name}.permissions")
        except ModuleNotFoundError:
            continue
        for name, function in inspect.getmembers(module, inspect.isfunction):
            params = list(inspect.signature(function).parameters)
            if name.startswith("can_") and params == ["user", "organization"]:
                found.append((f"{app.name}.{name}", function))
    return found


@pytest.mark.parametrize(("name", "predicate"), _predicates())
def test_every_predicate_lets_an_external_auditor_read_only(personas, external_auditor, name, predicate):
    answer = predicate(external_auditor, personas.org)
    if name.split(".")[1].startswith(READS):
        assert answer == predicate(personas.auditor, personas.org), name
    else:
        assert answer is False, name


def test_an_external_auditor_grants_no_role(personas, external_auditor):
    for role in Role:
        assert not permissions.can_grant_role(external_auditor, personas.org, role)
    assert not permissions.can_take_part(external_auditor, personas.org)


def _html_writes(system: AISystem, risk: Risk) -> list[tuple[str, dict[str, str]]]:
    viewer = Membership.objects.get(role="viewer")
    return [
        ("/o/acme/systems/new/", {"name": "Shadow system", "purpose": "x"}),
        (f"/o/acme/systems/{system.pk}/edit/", {"name": "Renamed"}),
        ("/o/acme/risks/new/", {"title": "A risk"}),
        (f"/o/acme/risks/{risk.pk}/edit/", {"title": "Renamed"}),
        (f"/o/acme/risks/{risk.pk}/assess/", {"likelihood": "4", "consequence": "4"}),
        ("/o/acme/controls/new/", {"title": "A control"}),
        ("/o/acme/controls/approve/", {}),
        ("/o/acme/documents/new/", {"title": "A document"}),
        ("/o/acme/evidence/new/link/", {"title": "A link", "url": "https://x.test/"}),
        ("/o/acme/incidents/new/", {"title": "An incident"}),
        ("/o/acme/people/concerns/new/", {"category": "other", "description": "Something"}),
        ("/o/acme/readiness/settings/", {"due_soon_days": "5"}),
        ("/o/acme/members/invite/", {"email": "friend@certbody.test", "role": "viewer"}),
        (f"/o/acme/members/{viewer.pk}/role/", {"role": "owner"}),
        (f"/o/acme/members/{viewer.pk}/remove/", {}),
    ]


def _api_writes(system: AISystem, risk: Risk) -> list[tuple[str, str, dict[str, object]]]:
    viewer = Membership.objects.get(role="viewer")
    return [
        ("POST", "/api/v1/ai-systems?organization=acme", {"name": "Shadow system", "purpose": "x"}),
        ("PATCH", f"/api/v1/ai-systems/{system.pk}", {"name": "Renamed"}),
        ("POST", "/api/v1/risks?organization=acme", {"title": "A risk"}),
        ("PATCH", f"/api/v1/risks/{risk.pk}", {"title": "Renamed"}),
        ("POST", f"/api/v1/risks/{risk.pk}/assess", {"likelihood": 4, "consequence": 4}),
        ("POST", "/api/v1/organizations/acme/invitations", {"email": "friend@certbody.test"}),
        ("PATCH", f"/api/v1/organizations/acme/members/{viewer.pk}", {"role": "owner"}),
        ("DELETE", f"/api/v1/organizations/acme/members/{viewer.pk}", {}),
        (
            "POST",
            "/api/v1/organizations/acme/external-auditors",
            {"email": "viewer@acme.test", "expires_on": "2099-01-01"},
        ),
    ]


def _written() -> tuple[int, ...]:
    """What a write would change: the records and every audit event but the access log."""
    return (
        AISystem.objects.count(),
        Risk.objects.count(),
        Invitation.objects.count(),
        Membership.objects.count(),
        AuditEvent.objects.exclude(verb="access.viewed").count(),
    )


def test_every_write_page_refuses_an_external_auditor(personas, external_auditor, system, risk):
    before = _written()
    for url, data in _html_writes(system, risk):
        assert_refused(personas, "POST", url, ["external_auditor"], data=data)
    assert _written() == before
    risk.refresh_from_db()
    assert risk.title == "Unfair scores for thin-file applicants"


def test_every_api_write_refuses_an_external_auditor(personas, external_auditor, system, risk):
    before = _written()
    for method, url, data in _api_writes(system, risk):
        assert_refused(personas, method, url, ["external_auditor"], data=data, api=True)
    assert _written() == before
    system.refresh_from_db()
    assert system.name == "Credit scoring"
