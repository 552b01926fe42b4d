"""An AI system with its models and datasets as a CycloneDX 1.6 ML-BOM, and back (A.4.2, A.4.3, A.6.2.3).

The export is built, serialised and validated with cyclonedx-python-lib: the system is the BOM's
metadata.component (type application), each model a machine-learning-model component, each dataset a data
component, and the system depends on all of them. Fields without a CycloneDX home travel as "aims:<field>"
properties (see bom_fields). The import reads such a BOM back: it validates it against the CycloneDX schema,
parses it with the same library, checks every value, and only then writes, in one transaction, through the
ai_systems and components actions (so every write is permission-checked and audited). Records are matched by
reference in the organisation: existing ones are updated, missing ones created, and all are linked to the
system. Exporting, importing into an empty organisation and exporting again gives the same BOM, serial
number and timestamp aside.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from cyclonedx.contrib.license.factories import LicenseFactory
from cyclonedx.model import Property
from cyclonedx.model.bom import Bom
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.model.contact import OrganizationalEntity
from cyclonedx.output.json import JsonV1Dot6
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from aims import __version__
from aims.ai_systems import actions as system_actions
from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.components import actions as component_actions
from aims.components.models import AIModel, Dataset
from aims.interchange.bom_fields import (
    DATASET_PROPERTIES,
    MODEL_PROPERTIES,
    SYSTEM_PROPERTIES,
    Codec,
    encode_properties,
)
from aims.interchange.bom_plan import PlannedImport, PlannedRecord, plan_import, read_bom, validation_errors
from aims.lib.errors import ActionError
from aims.organizations.models import Membership
from aims.organizations.permissions import can_edit_records

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

MEDIA_TYPE = "application/vnd.cyclonedx+json"
ARCHIVED = "archived"
IMPORT_NOTE = "Imported from a CycloneDX ML-BOM."


def bom_ref(kind: str, reference: str) -> str:
    return f"aims:{kind}:{reference}"


def file_name(system: AISystem) -> str:
    safe = "".join(char if char.isalnum() or char in "-_." else "_" for char in system.reference)
    return f"{safe}.cdx.json"


# --- export -------------------------------------------------------------------------------------------


def _properties(codecs: dict[str, Codec], values: dict[str, Any]) -> list[Property]:
    return [Property(name=name, value=text) for name, text in encode_properties(codecs, values)]


def _licences(text: str) -> list[Any]:
    return [LicenseFactory().make_from_string(text)] if text.strip() else []


def _system_component(system: AISystem) -> Component:
    values = {name: getattr(system, name) for name in SYSTEM_PROPERTIES if name != "owner"}
    values["reference"] = system.reference
    values["owner"] = system.owner.email if system.owner else ""
    return Component(
        type=ComponentType.APPLICATION,
        name=system.name,
        description=system.description or None,
        bom_ref=bom_ref("ai-system", system.reference),
        properties=_properties(SYSTEM_PROPERTIES, values),
    )


def _component(record: AIModel | Dataset) -> Component:
    is_model = isinstance(record, AIModel)
    codecs = MODEL_PROPERTIES if is_model else DATASET_PROPERTIES
    values = {name: getattr(record, name) for name in ("reference", *codecs)}
    return Component(
        type=ComponentType.MACHINE_LEARNING_MODEL if is_model else ComponentType.DATA,
        name=record.name,
        description=record.description or None,
        version=(record.version or None) if isinstance(record, AIModel) else None,
        licenses=_licences(record.licence),
        supplier=OrganizationalEntity(name=record.provider) if record.provider else None,
        bom_ref=bom_ref("model" if is_model else "dataset", record.reference),
        properties=_properties(codecs, values),
    )


def system_bom(system: AISystem) -> Bom:
    """The BOM object of a system: two queries (its models, its datasets) besides the system itself."""
    bom = Bom()
    bom.metadata.tools.components.add(
        Component(type=ComponentType.APPLICATION, name="aims", version=__version__)
    )
    root = _system_component(system)
    bom.metadata.component = root
    records: list[AIModel | Dataset] = [
        *system.ai_models.order_by("reference", "pk"),
        *system.datasets.order_by("reference", "pk"),
    ]
    components = [_component(record) for record in records]
    for component in components:
        bom.components.add(component)
    bom.register_dependency(root, components)
    return bom


def export_system_bom(system: AISystem) -> str:
    """The system as CycloneDX 1.6 JSON, checked against the schema before it leaves."""
    text = JsonV1Dot6(system_bom(system)).output_as_string(indent=2)
    errors = validation_errors(text)
    if errors:  # pragma: no cover - a bug in the mapping, not bad input
        raise RuntimeError("The exported BOM does not validate: " + "; ".join(errors))
    return text


# --- import: writing, through the actions, once the whole BOM has been checked ---------------------------


@contextmanager
def _naming(what: str) -> Iterator[None]:
    """Say which record an action's refusal is about: "Model MOD-003, model_type: …"."""
    try:
        yield
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            messages = [
                f"{what}, {name}: {message}" if name != "__all__" else f"{what}: {message}"
                for name, found in exc.message_dict.items()
                for message in found
            ]
        else:
            messages = [f"{what}: {message}" for message in exc.messages]
        raise ValidationError(messages) from None
    except ActionError as exc:
        raise ActionError(f"{what}: {exc.message}", code=exc.code) from None


def _changes(current: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if getattr(current, name) != value}


def _owner(organization: Organization, email: str) -> tuple[User | None, bool]:
    """The member with this address (None for no owner), and whether an address given matched no one."""
    if not email.strip():
        return None, False
    membership = (
        Membership.objects.select_related("user")
        .filter(organization=organization, user__email__iexact=email.strip())
        .first()
    )
    return (membership.user, False) if membership else (None, True)


def _create_system(actor: User, organization: Organization, plan: PlannedImport) -> AISystem:
    status = plan.special["status"]
    return system_actions.register_ai_system(
        actor=actor,
        organization=organization,
        lifecycle_stage=plan.special["lifecycle_stage"],
        **{**plan.system, "status": "active" if status == ARCHIVED else status},
    )


def _update_system(actor: User, system: AISystem, plan: PlannedImport) -> AISystem:
    status = plan.special["status"]
    values = {**plan.system, **({} if status == ARCHIVED else {"status": status})}
    if system.is_archived:
        if status == ARCHIVED:
            if _changes(system, values) or system.lifecycle_stage != plan.special["lifecycle_stage"]:
                raise ActionError("it is archived here; restore it before importing changes to it.")
            return system
        system_actions.restore_ai_system(actor=actor, system=system)
    system = system_actions.update_ai_system(actor=actor, system=system, changes=values)
    if system.lifecycle_stage != plan.special["lifecycle_stage"]:
        system_actions.change_lifecycle_stage(
            actor=actor, system=system, stage=plan.special["lifecycle_stage"], note=IMPORT_NOTE
        )
    return system


def _write_system(actor: User, organization: Organization, plan: PlannedImport) -> tuple[AISystem, bool]:
    reference = plan.system["reference"]
    existing = (
        AISystem.objects.select_for_update(of=("self",))
        .select_related("organization", "owner")
        .filter(organization=organization, reference=reference)
        .first()
    )
    with _naming(f"AI system {reference}"):
        if existing is None:
            return _create_system(actor, organization, plan), True
        return _update_system(actor, existing, plan), False


def _create_record(actor: User, system: AISystem, planned: PlannedRecord) -> AIModel | Dataset:
    organization, systems = system.organization, [system]
    if planned.model is AIModel:
        return component_actions.create_ai_model(
            actor=actor, organization=organization, data=planned.values, ai_systems=systems
        )
    return component_actions.create_dataset(
        actor=actor, organization=organization, data=planned.values, ai_systems=systems
    )


def _update_record(
    actor: User, system: AISystem, existing: AIModel | Dataset, planned: PlannedRecord, linked: bool
) -> AIModel | Dataset:
    changes = _changes(existing, planned.values)
    if existing.is_archived:
        if planned.status == ARCHIVED and (changes or not linked):
            raise ActionError("it is archived here; restore it before importing changes or links to it.")
        if planned.status != ARCHIVED:
            existing = _set_archived(actor, existing, archived=False)
    if changes:
        if isinstance(existing, AIModel):
            existing = component_actions.update_ai_model(actor=actor, ai_model=existing, data=changes)
        else:
            existing = component_actions.update_dataset(actor=actor, dataset=existing, data=changes)
    if not linked:
        component_actions.link_component_to_system(actor=actor, component=existing, ai_system=system)
    return existing


def _set_archived(actor: User, component: AIModel | Dataset, *, archived: bool) -> AIModel | Dataset:
    if isinstance(component, AIModel):
        change = component_actions.archive_ai_model if archived else component_actions.restore_ai_model
        return change(actor=actor, ai_model=component)
    change_dataset = component_actions.archive_dataset if archived else component_actions.restore_dataset
    return change_dataset(actor=actor, dataset=component)


def _write_records(actor: User, system: AISystem, plan: PlannedImport) -> dict[str, list[str]]:
    """Create, update and link each model and dataset; the references created and updated."""
    written: dict[str, list[str]] = {"created": [], "updated": []}
    for model in (AIModel, Dataset):
        planned = [item for item in plan.records if item.model is model]
        references = [item.reference for item in planned]
        found = model.objects.filter(organization=system.organization, reference__in=references)
        existing = {item.reference: item for item in found.select_related("organization")}
        linked = set(model.objects.filter(ai_systems=system).values_list("pk", flat=True))
        for item in planned:
            kind = str(model._meta.verbose_name).capitalize()
            with _naming(f"{kind} {item.reference}"):
                current = existing.get(item.reference)
                if current is None:
                    component = _create_record(actor, system, item)
                else:
                    component = _update_record(actor, system, current, item, current.pk in linked)
                if item.status == ARCHIVED and not component.is_archived:
                    _set_archived(actor, component, archived=True)
            written["created" if current is None else "updated"].append(item.reference)
    return written


@transaction.atomic
def import_system_bom(*, actor: User, organization: Organization, data: bytes) -> AISystem:
    """Create or update the system, its models and datasets from an aims ML-BOM: all or nothing.

    The owner is matched by e-mail among the organisation's members; an address that matches no member
    leaves the owner as it is (unset for a new system), and the audit event says so. The EU AI Act class
    is recorded with the BOM as its source (a BOM without one leaves it as it is). Links the BOM does not
    mention are left in place.
    """
    if not can_edit_records(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can import an ML-BOM.")
    plan = plan_import(read_bom(data))
    owner, unmatched = _owner(organization, plan.special["owner"])
    if not unmatched:
        plan.system["owner"] = owner
    system, created = _write_system(actor, organization, plan)
    written = _write_records(actor, system, plan)
    with _naming(f"AI system {system.reference}"):
        if plan.special["risk_class"]:  # a BOM without a class leaves a classification in place
            system_actions.set_risk_class(
                actor=actor, system=system, risk_class=plan.special["risk_class"], source="CycloneDX ML-BOM"
            )
        if plan.special["status"] == ARCHIVED and not system.is_archived:
            system_actions.archive_ai_system(actor=actor, system=system, reason=IMPORT_NOTE)
    record(
        actor=actor,
        verb="ai_system.bom_imported",
        target=system,
        data={
            "serial_number": plan.serial_number,
            "system": "created" if created else "updated",
            **written,
            "owner_not_member": plan.special["owner"] if unmatched else None,
        },
    )
    return system
