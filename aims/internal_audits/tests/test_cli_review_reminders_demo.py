from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.improvement.models import Nonconformity
from aims.internal_audits import actions, reminders, review_input
from aims.internal_audits.models import InternalAudit
from aims.internal_audits.tests.conftest import plan
from aims.organizations.models import Membership
from aims.reminders.registry import providers
from aims.reviews.registry import Period
from aims.reviews.registry import providers as review_providers
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("audits", *args, stdout=out)
    return out.getvalue()


def _reported(personas: Personas, audit: InternalAudit) -> InternalAudit:
    actions.start_audit(actor=personas.auditor, audit=audit)
    for item in audit.checklist.select_related("audit__organization", "requirement"):
        result = {"7.5.3": "minor", "7.1": "observation", "7.2": "ofi"}.get(item.ref, "conforming")
        actions.set_result(actor=personas.auditor, item=item, result=result)
        if result == "minor":
            actions.raise_finding_nonconformity(actor=personas.manager, item=item)
    return actions.report_audit(actor=personas.auditor, audit=audit, conclusion="Done.")


def test_cli_lists_shows_checklist_and_report(
    personas: Personas, audit: InternalAudit, tmp_path: Path
) -> None:
    who = ["--org", "acme", "--user", personas.viewer.email]
    assert "AUD-0001" in _run("list", *who)
    assert "Lead auditor" in _run("show", "AUD-0001", *who)
    assert "No checklist yet." in _run("checklist", "AUD-0001", *who)
    _reported(personas, audit)
    assert "7.5.3     minor" in _run("checklist", "AUD-0001", *who)
    target = tmp_path / "r.pdf"
    assert "Wrote the report of AUD-0001" in _run("report", "AUD-0001", *who, "--output", str(target))
    assert target.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError):
        _run("show", "AUD-0404", *who)
    with pytest.raises(CommandError):
        _run("list", "--org", "acme", "--user", personas.outsider.email)


def test_review_input_counts_results_in_a_fixed_number_of_queries(
    personas: Personas, audit: InternalAudit, django_assert_num_queries: Any
) -> None:
    _reported(personas, audit)
    plan(personas, title="Not reported")
    today = timezone.localdate()
    assert "audits" in [key for key, _p in review_providers()]
    with django_assert_num_queries(4):
        section = review_input.audit_results(personas.org, Period(today - timedelta(days=30), today))
    figures = dict(section.figures)
    assert figures["Audits reported"] == 1
    assert figures["Conforming"] == 5
    assert figures["Minor nonconformity"] == 1
    assert figures["Observation"] == 1
    assert figures["Opportunity for improvement"] == 1
    assert figures["Major nonconformity"] == 0
    assert figures["Open nonconformities from audits"] == 1
    assert [row.reference for row in section.rows] == ["AUD-0001"]
    Nonconformity.objects.update(status="closed")
    empty = review_input.audit_results(
        personas.org, Period(today - timedelta(days=90), today - timedelta(days=60))
    )
    assert dict(empty.figures)["Audits reported"] == 0
    assert not empty.rows


def test_reminders_for_start_and_report(
    personas: Personas, system: AISystem, control: Any, django_assert_num_queries: Any
) -> None:
    today = timezone.localdate()
    Membership.objects.filter(user=personas.owner).update()
    soon = plan(
        personas,
        title="Soon",
        planned_start=today + timedelta(days=3),
        planned_end=today + timedelta(days=20),
        team=[personas.owner],
    )
    late = plan(
        personas,
        title="Late",
        planned_start=today - timedelta(days=20),
        planned_end=today - timedelta(days=2),
    )
    plan(
        personas,
        title="Far",
        planned_start=today + timedelta(days=60),
        planned_end=today + timedelta(days=70),
    )
    assert reminders.START_KIND in providers()
    assert reminders.REPORT_KIND in providers()
    with django_assert_num_queries(2):
        starting = list(reminders.audits_starting(today))
    assert {d.subject.split()[4] for d in starting} == {"AUD-0001", "AUD-0002"}
    due = next(d for d in starting if soon.reference in d.subject)
    assert set(due.recipient_ids) == {personas.auditor.pk, personas.owner.pk}
    with django_assert_num_queries(1):
        reporting = list(reminders.audits_to_report(today))
    assert [d.subject.split()[4] for d in reporting] == [late.reference]
    assert reporting[0].recipient_ids == (personas.auditor.pk,)


def test_demo_seed_is_idempotent_and_raises_a_minor_nc(personas: Personas, catalog: None) -> None:
    AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit", purpose="Score", owner=personas.manager
    )
    from aims.internal_audits import demo

    users = {
        "owner": personas.owner,
        "manager": personas.manager,
        "contributor": personas.contributor,
        "auditor": personas.auditor,
        "viewer": personas.viewer,
    }
    nc = demo.seed_demo(personas.org, users)
    assert nc is not None
    assert nc.grade == "minor"
    assert nc.requirement is not None
    assert nc.requirement.ref == "7.5.3"
    audit = InternalAudit.objects.get(organization=personas.org)
    assert audit.status == "reported"
    assert audit.lead_auditor == personas.auditor
    assert audit.programme is not None
    assert audit.programme.is_approved
    results = set(audit.checklist.values_list("result", flat=True))
    assert results == {"conforming", "minor", "observation", "ofi"}
    again = demo.seed_demo(personas.org, users)
    assert again == nc
    assert InternalAudit.objects.count() == 1
