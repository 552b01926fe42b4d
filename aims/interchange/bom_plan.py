"""Reading a CycloneDX ML-BOM upload and checking it, before anything is written.

`read_bom` refuses what is not a CycloneDX JSON BOM of a supported version, or not valid against its schema
(checked with cyclonedx-python-lib's strict validator), then parses it with the same library. `plan_import`
turns it into what aims would write, refusing a BOM not made by aims (no AI system as metadata.component,
no aims:reference) and listing every malformed value, each naming its component and property.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cyclonedx.model.bom import Bom
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.model.license import DisjunctiveLicense, LicenseExpression
from cyclonedx.schema import SchemaVersion
from django.core.exceptions import ValidationError

from aims.components.models import AIModel, Dataset
from aims.interchange.bom_fields import (
    DATASET_PROPERTIES,
    MODEL_PROPERTIES,
    PREFIX,
    SYSTEM_PROPERTIES,
    decode_properties,
)

MAX_BOM_BYTES = 2_000_000
MAX_COMPONENTS = 2_000
SUPPORTED_SPEC_VERSIONS = ("1.5", "1.6")
# System fields that change through their own actions, not update_ai_system.
SYSTEM_SPECIAL = ("owner", "lifecycle_stage", "status", "risk_class")


@dataclass
class PlannedRecord:
    """One model or dataset as the BOM describes it."""

    model: type[AIModel] | type[Dataset]
    reference: str
    values: dict[str, Any]
    status: str


@dataclass
class PlannedImport:
    """The system's editable fields, its specially handled fields, and its models and datasets."""

    system: dict[str, Any]
    special: dict[str, Any]
    records: list[PlannedRecord] = field(default_factory=list)
    serial_number: str = ""


def validation_errors(text: str, version: SchemaVersion = SchemaVersion.V1_6) -> list[str]:
    """What the CycloneDX JSON schema finds wrong with a BOM (empty if valid), as readable lines."""
    # Imported here: jsonschema's format checkers take seconds to import (rfc3987-syntax builds its grammar),
    # which every process would otherwise pay at start-up, not only the one that validates a BOM.
    from cyclonedx.validation.json import JsonStrictValidator

    found = JsonStrictValidator(version).validate_str(text, all_errors=True)
    errors = []
    for error in list(found or [])[:10]:
        where = getattr(error.data, "json_path", "$")
        errors.append(f"{where}: {getattr(error.data, 'message', error.data)}")
    return errors


def _document(data: bytes) -> tuple[str, dict[str, Any]]:
    if len(data) > MAX_BOM_BYTES:
        raise ValidationError(f"The BOM is {len(data):,} bytes; the limit is {MAX_BOM_BYTES:,}.")
    if not data.strip():
        raise ValidationError("The BOM is empty.")
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"This is not JSON text: {exc}.") from None
    if not isinstance(document, dict) or document.get("bomFormat") != "CycloneDX":
        raise ValidationError('This is not a CycloneDX BOM: it has no "bomFormat": "CycloneDX".')
    return text, document


def read_bom(data: bytes) -> Bom:
    """The BOM in the upload, or ValidationError saying why it is not a valid CycloneDX JSON BOM."""
    text, document = _document(data)
    version = document.get("specVersion")
    if version not in SUPPORTED_SPEC_VERSIONS:
        raise ValidationError(
            f"CycloneDX {version} is not supported; aims reads versions "
            f"{' and '.join(SUPPORTED_SPEC_VERSIONS)} (machine-learning models need 1.5 or later)."
        )
    components = document.get("components")
    if isinstance(components, list) and len(components) > MAX_COMPONENTS:
        raise ValidationError(f"The BOM has more than {MAX_COMPONENTS:,} components.")
    errors = validation_errors(text, SchemaVersion.from_version(version))
    if errors:
        raise ValidationError(["The BOM does not follow the CycloneDX schema:", *errors])
    try:
        return Bom.from_json(document)  # type: ignore[attr-defined]
    except Exception as exc:  # the library raises many kinds for what the schema lets through
        raise ValidationError(f"The BOM cannot be read: {exc}.") from None


def _pairs(component: Component) -> list[tuple[str, str]]:
    return [(prop.name, prop.value or "") for prop in component.properties]


def _licence_text(component: Component) -> str:
    names = []
    for licence in component.licenses:
        if isinstance(licence, LicenseExpression):
            names.append(licence.value)
        elif isinstance(licence, DisjunctiveLicense):
            names.append(licence.id or licence.name or "")
    return " AND ".join(name for name in names if name)


def _standard(component: Component, *names: str) -> dict[str, Any]:
    values: dict[str, Any] = {"name": component.name, "description": component.description or ""}
    if "version" in names:
        values["version"] = component.version or ""
    if "licence" in names:
        values["licence"] = _licence_text(component)
    if "provider" in names:
        values["provider"] = (component.supplier.name or "") if component.supplier else ""
    return values


def _plan_system(root: Component | None) -> PlannedImport:
    if root is None or root.type != ComponentType.APPLICATION:
        raise ValidationError(
            "This BOM does not describe an AI system: its metadata.component must be the system, of type "
            "application (as aims exports it)."
        )
    values = decode_properties(SYSTEM_PROPERTIES, _pairs(root), f"The AI system “{root.name}”")
    if not values["reference"].strip():
        raise ValidationError(
            f"The AI system “{root.name}” has no {PREFIX}reference property: this is not a BOM exported "
            "by aims, or it was edited. Add the system's reference as that property."
        )
    special = {name: values.pop(name) for name in SYSTEM_SPECIAL}
    special["lifecycle_stage"] = special["lifecycle_stage"] or "inception"
    special["status"] = special["status"] or "active"
    return PlannedImport(system={**values, **_standard(root)}, special=special)


def _plan_record(component: Component) -> PlannedRecord:
    is_model = component.type == ComponentType.MACHINE_LEARNING_MODEL
    kind = "Model" if is_model else "Dataset"
    codecs = MODEL_PROPERTIES if is_model else DATASET_PROPERTIES
    values = decode_properties(codecs, _pairs(component), f"{kind} “{component.name}”")
    reference = values["reference"].strip()
    if not reference:
        raise ValidationError(f"{kind} “{component.name}” has no {PREFIX}reference property.")
    status = values.pop("status") or "active"
    fields = ("version", "licence", "provider") if is_model else ("licence", "provider")
    values.update(_standard(component, *fields), reference=reference)
    return PlannedRecord(AIModel if is_model else Dataset, reference, values, status)


def _depended_on(bom: Bom, root: Component) -> set[str] | None:
    """The bom-refs the system depends on, or None if the BOM lists no dependencies of the system."""
    for dependency in bom.dependencies:
        if dependency.ref.value == root.bom_ref.value:
            return {str(target.ref.value) for target in dependency.dependencies}
    return None


def _component_error(component: Component, depended_on: set[str] | None) -> str | None:
    if component.type not in (ComponentType.MACHINE_LEARNING_MODEL, ComponentType.DATA):
        return (
            f"Component “{component.name}” is of type {component.type.value}; aims imports only "
            "machine-learning-model and data components."
        )
    if depended_on is not None and str(component.bom_ref.value) not in depended_on:
        return f"Component “{component.name}” is not among the AI system's dependencies."
    return None


def plan_import(bom: Bom) -> PlannedImport:
    """Everything the BOM asks to write, checked; ValidationError lists every problem found."""
    root = bom.metadata.component
    plan = _plan_system(root)
    depended_on = _depended_on(bom, root) if root is not None else None
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    for component in bom.components:
        problem = _component_error(component, depended_on)
        if problem:
            errors.append(problem)
            continue
        try:
            record = _plan_record(component)
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        key = (record.model.__name__, record.reference)
        if key in seen:
            errors.append(f"The reference {record.reference} is used by two components of one kind.")
        seen.add(key)
        plan.records.append(record)
    if errors:
        raise ValidationError(errors)
    plan.serial_number = str(bom.serial_number)
    return plan
