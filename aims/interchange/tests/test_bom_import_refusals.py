"""A BOM import refuses bad input with a message naming what is wrong, and writes nothing."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems import actions as system_actions
from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.components.models import AIModel, Dataset
from aims.interchange import bom_plan
from aims.interchange.cyclonedx import export_system_bom, import_system_bom
from aims.interchange.tests.bom_samples import bom_bytes, empty_organization, make_inventory
from aims.lib.errors import ActionError


@pytest.fixture
def exported(personas):
    inventory = make_inventory(personas)
    return json.loads(export_system_bom(inventory.system))


def _refused(personas, organization, data, *expected):
    counts = (AISystem.objects.count(), AIModel.objects.count(), Dataset.objects.count())
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as caught:
        import_system_bom(actor=personas.manager, organization=organization, data=data)
    text = " ".join(caught.value.messages)
    for part in expected:
        assert part in text, text
    assert (AISystem.objects.count(), AIModel.objects.count(), Dataset.objects.count()) == counts
    assert AuditEvent.objects.count() == events


def _component(document, ref):
    return next(c for c in document["components"] if c["bom-ref"] == ref)


def test_text_that_is_not_json_is_refused(personas):
    _refused(personas, personas.org, b"{not json", "not JSON")


def test_json_that_is_not_cyclonedx_is_refused(personas):
    _refused(personas, personas.org, b'{"spdxVersion": "SPDX-2.3"}', "not a CycloneDX BOM")


def test_an_empty_upload_is_refused(personas):
    _refused(personas, personas.org, b"  ", "empty")


def test_an_old_spec_version_is_refused(personas, exported):
    exported["specVersion"] = "1.4"
    _refused(personas, personas.org, bom_bytes(exported), "CycloneDX 1.4 is not supported")


def test_a_bom_against_the_schema_is_refused_with_the_path(personas, exported):
    exported["components"][0]["type"] = "spaceship"
    _refused(personas, personas.org, bom_bytes(exported), "does not follow the CycloneDX schema", "$.")


def test_an_oversize_bom_is_refused_before_parsing(personas, monkeypatch, exported):
    monkeypatch.setattr(bom_plan, "MAX_BOM_BYTES", 100)
    _refused(personas, personas.org, bom_bytes(exported), "the limit is 100")


def test_a_bom_without_a_system_is_not_an_aims_bom(personas, exported):
    del exported["metadata"]["component"]
    exported.pop("dependencies")
    _refused(personas, personas.org, bom_bytes(exported), "does not describe an AI system")


def test_a_system_without_an_aims_reference_is_refused(personas, exported):
    root = exported["metadata"]["component"]
    root["properties"] = [p for p in root["properties"] if p["name"] != "aims:reference"]
    _refused(personas, personas.org, bom_bytes(exported), "has no aims:reference")


def test_a_component_without_a_reference_is_refused(personas, exported):
    model = _component(exported, "aims:model:MOD-001")
    model["properties"] = [p for p in model["properties"] if p["name"] != "aims:reference"]
    _refused(personas, personas.org, bom_bytes(exported), "Model “Scorecard GBM” has no aims:reference")


def test_malformed_properties_are_each_named(personas, exported):
    dataset = _component(exported, "aims:dataset:DS-001")
    for prop in dataset["properties"]:
        if prop["name"] == "aims:contains_personal_data":
            prop["value"] = "maybe"
        if prop["name"] == "aims:retention_until":
            prop["value"] = "next year"
    dataset["properties"].append({"name": "aims:colour", "value": "blue"})
    _refused(
        personas,
        personas.org,
        bom_bytes(exported),
        "property aims:contains_personal_data: “maybe” is not true or false",
        "property aims:retention_until: “next year” is not a date",
        "unknown property aims:colour",
    )


def test_other_component_types_are_refused(personas, exported):
    exported["components"].append({"type": "library", "name": "numpy", "bom-ref": "pkg:numpy"})
    [system] = [d for d in exported["dependencies"] if d["ref"] == "aims:ai-system:AIS-001"]
    system["dependsOn"].append("pkg:numpy")
    _refused(personas, personas.org, bom_bytes(exported), "“numpy” is of type library")


def test_a_value_the_register_refuses_rolls_back_the_whole_import(personas, exported):
    target = empty_organization(personas)
    dataset = _component(exported, "aims:dataset:DS-002")
    for prop in dataset["properties"]:
        if prop["name"] == "aims:category":
            prop["value"] = "guesswork"
    # The system and the models are written before the dataset fails: all of it must be undone.
    _refused(personas, target, bom_bytes(exported), "Dataset DS-002, category:")
    assert not AISystem.objects.filter(organization=target).exists()


def test_viewer_and_auditor_cannot_import(personas, exported):
    for persona in ("viewer", "auditor", "outsider"):
        with pytest.raises(PermissionDenied):
            import_system_bom(
                actor=getattr(personas, persona), organization=personas.org, data=bom_bytes(exported)
            )
    assert AISystem.objects.count() == 1


def test_a_contributor_cannot_import_a_deployed_system_as_new(personas, exported):
    target = empty_organization(personas)
    with pytest.raises(PermissionDenied):
        import_system_bom(actor=personas.contributor, organization=target, data=bom_bytes(exported))
    assert not AISystem.objects.filter(organization=target).exists()


def test_a_component_the_system_does_not_depend_on_is_refused(personas, exported):
    [system] = [d for d in exported["dependencies"] if d["ref"] == "aims:ai-system:AIS-001"]
    system["dependsOn"].remove("aims:dataset:DS-002")
    _refused(personas, personas.org, bom_bytes(exported), "“Hold-out 2024” is not among the AI system's")


def test_changes_to_an_archived_system_are_refused(personas, exported):
    system = AISystem.objects.get()
    system_actions.archive_ai_system(actor=personas.manager, system=system)
    exported["metadata"]["component"]["name"] = "Renamed"
    for prop in exported["metadata"]["component"]["properties"]:
        if prop["name"] == "aims:status":
            prop["value"] = "archived"
    with pytest.raises(ActionError, match="AI system AIS-001: it is archived here"):
        import_system_bom(actor=personas.manager, organization=personas.org, data=bom_bytes(exported))
    assert AISystem.objects.get().name == "Credit scoring"
