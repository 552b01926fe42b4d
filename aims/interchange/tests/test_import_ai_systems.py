import pytest
from django.core.exceptions import PermissionDenied

from aims.ai_systems.models import AISystem, LifecycleStage
from aims.audit.models import AuditEvent
from aims.interchange.report import ImportRejected
from aims.interchange.tests.inventory_files import run_import, systems_csv


def test_a_csv_of_ai_systems_creates_each_system(personas):
    report = run_import(personas.contributor, personas.org, systems_csv(), "systems.csv", "ai_systems")
    assert report.ok
    assert report.counts() == {"ai_systems": {"created": 2, "updated": 0, "unchanged": 0}}
    scoring = AISystem.objects.get(organization=personas.org, reference="AIS-001")
    assert scoring.name == "Credit scoring"
    assert scoring.lifecycle_stage == LifecycleStage.DESIGN
    assert scoring.owner == personas.manager
    assert scoring.ai_roles == ["provider"]
    chatbot = AISystem.objects.get(organization=personas.org, reference="AIS-002")
    assert chatbot.ai_roles == ["provider", "customer"]
    assert chatbot.in_scope is False
    assert chatbot.owner is None
    assert chatbot.history.count() == 1


def test_the_import_is_one_audit_event_with_counts_and_the_files_hash(personas):
    report = run_import(personas.contributor, personas.org, systems_csv(), "systems.csv", "ai_systems")
    event = AuditEvent.objects.get(organization=personas.org, verb="inventory.imported")
    assert event.actor == personas.contributor
    assert event.data == {
        "file": "systems.csv",
        "sha256": report.sha256,
        "registers": {"ai_systems": {"created": 2, "updated": 0, "unchanged": 0}},
    }


def test_a_contributor_cannot_import_a_system_straight_into_deployment(personas):
    data = systems_csv(["AIS-009", "Scorer", "Score.", "deployment", "", "", "yes"])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.contributor, personas.org, data, "systems.csv", "ai_systems")
    (sheet,) = rejected.value.report.sheets
    assert [(e.row, e.column) for e in sheet.errors] == [(2, "lifecycle_stage")]
    assert "owner or manager" in sheet.errors[0].message
    assert not AISystem.objects.filter(organization=personas.org).exists()


def test_a_manager_importing_into_deployment_approves_the_stage(personas):
    data = systems_csv(["AIS-009", "Scorer", "Score.", "Deployment", "", "", "yes"])
    run_import(personas.manager, personas.org, data, "systems.csv", "ai_systems")
    system = AISystem.objects.get(reference="AIS-009")
    assert system.lifecycle_stage == LifecycleStage.DEPLOYMENT
    assert system.stage_approved_by == personas.manager


def test_an_owner_who_is_not_a_member_is_a_row_error(personas):
    data = systems_csv(["AIS-009", "Scorer", "Score.", "", "outsider@globex.test", "", ""])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.contributor, personas.org, data, "systems.csv", "ai_systems")
    error = rejected.value.report.sheets[0].errors[0]
    assert (error.row, error.column) == (2, "owner")
    assert "no member of Acme AI has the address outsider@globex.test" in error.message


def test_viewers_and_auditors_cannot_import(personas):
    for persona in ("viewer", "auditor", "outsider"):
        with pytest.raises(PermissionDenied):
            run_import(personas.user(persona), personas.org, systems_csv(), "systems.csv", "ai_systems")
    assert not AISystem.objects.exists()
    assert not AuditEvent.objects.filter(verb="inventory.imported").exists()
