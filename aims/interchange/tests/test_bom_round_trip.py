"""A BOM exported from aims imports back losslessly: into an empty organisation, and over itself."""

import json

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.components.models import AIModel, Dataset
from aims.interchange.cyclonedx import export_system_bom, import_system_bom
from aims.interchange.tests.bom_samples import (
    DATASET,
    MODEL,
    SYSTEM,
    bom_bytes,
    comparable,
    empty_organization,
    make_inventory,
)


def test_export_import_export_gives_the_same_bom(personas):
    inventory = make_inventory(personas)
    first = export_system_bom(inventory.system)
    target = empty_organization(personas)
    imported = import_system_bom(actor=personas.manager, organization=target, data=first.encode())
    second = export_system_bom(imported)
    assert comparable(second) == comparable(first)


def test_every_field_and_link_arrives_in_the_new_organisation(personas):
    inventory = make_inventory(personas)
    target = empty_organization(personas)
    data = export_system_bom(inventory.system).encode()
    system = import_system_bom(actor=personas.manager, organization=target, data=data)
    assert system.organization == target
    for name, value in SYSTEM.items():
        assert getattr(system, name) == value, name
    assert (system.lifecycle_stage, system.risk_class, system.owner) == (
        "deployment",
        "high",
        personas.contributor,
    )
    model = AIModel.objects.get(organization=target, reference="MOD-001")
    for name, value in MODEL.items():
        assert getattr(model, name) == value, name
    dataset = Dataset.objects.get(organization=target, reference="DS-001")
    for name, value in DATASET.items():
        assert getattr(dataset, name) == value, name
    old = AIModel.objects.get(organization=target, reference="MOD-002")
    assert (old.is_archived, old.licence) == (True, "MIT OR Apache-2.0")
    assert sorted(system.ai_models.values_list("reference", flat=True)) == ["MOD-001", "MOD-002"]
    assert sorted(system.datasets.values_list("reference", flat=True)) == ["DS-001", "DS-002"]
    assert AISystem.objects.filter(organization=personas.org).count() == 1  # the source is untouched


def test_importing_a_bom_over_its_own_records_changes_nothing(personas):
    inventory = make_inventory(personas)
    data = export_system_bom(inventory.system).encode()
    events = AuditEvent.objects.count()
    system = import_system_bom(actor=personas.manager, organization=personas.org, data=data)
    assert system.pk == inventory.system.pk
    assert AIModel.objects.count() == 2
    assert Dataset.objects.count() == 2
    # Only the import itself is on the record: no record was changed.
    assert list(AuditEvent.objects.order_by("pk").values_list("verb", flat=True)[events:]) == [
        "ai_system.bom_imported"
    ]


def test_import_updates_existing_records_by_reference_and_links_new_ones(personas):
    inventory = make_inventory(personas)
    document = json.loads(export_system_bom(inventory.system))
    document["metadata"]["component"]["name"] = "Credit scoring v2"
    for component in document["components"]:
        if component["bom-ref"] == "aims:model:MOD-001":
            component["version"] = "4.0"
    document["components"].append(
        {
            "type": "data",
            "bom-ref": "aims:dataset:DS-009",
            "name": "Bureau data",
            "properties": [
                {"name": "aims:reference", "value": "DS-009"},
                {"name": "aims:category", "value": "production"},
            ],
        }
    )
    for dependency in document["dependencies"]:
        if dependency["ref"] == "aims:ai-system:AIS-001":
            dependency["dependsOn"].append("aims:dataset:DS-009")
    system = import_system_bom(actor=personas.manager, organization=personas.org, data=bom_bytes(document))
    assert system.name == "Credit scoring v2"
    assert AIModel.objects.get(reference="MOD-001").version == "4.0"
    assert system.datasets.filter(reference="DS-009", category="production").exists()
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"ai_system.updated", "ai_model.updated", "dataset.created"} <= verbs


def test_the_import_is_on_the_audit_trail(personas):
    inventory = make_inventory(personas)
    target = empty_organization(personas)
    document = json.loads(export_system_bom(inventory.system))
    system = import_system_bom(actor=personas.manager, organization=target, data=bom_bytes(document))
    event = AuditEvent.objects.filter(verb="ai_system.bom_imported").get()
    assert (event.actor, event.organization_id) == (personas.manager, target.pk)
    assert event.data["serial_number"] == document["serialNumber"].removeprefix("urn:uuid:")
    assert event.data["system"] == "created"
    assert sorted(event.data["created"]) == ["DS-001", "DS-002", "MOD-001", "MOD-002"]
    assert event.data["owner_not_member"] is None
    assert AuditEvent.objects.filter(verb="ai_system.created", organization=target).count() == 1
    assert system.pk is not None


def test_an_owner_who_is_not_a_member_is_left_unset_and_noted(personas):
    inventory = make_inventory(personas)
    data = export_system_bom(inventory.system).encode()
    system = import_system_bom(actor=personas.outsider, organization=personas.other_org, data=data)
    assert system.owner is None
    event = AuditEvent.objects.filter(verb="ai_system.bom_imported").get()
    assert event.data["owner_not_member"] == "contributor@acme.test"
