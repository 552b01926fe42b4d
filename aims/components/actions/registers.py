"""Create, change, archive, restore and link the rows of the model, dataset and resource registers.

One implementation for the three registers; the named actions below are what views, API and CLI call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.components.actions.common import (
    check_can_edit,
    check_known_fields,
    check_reference_free,
    check_same_organization,
    check_system_open,
    next_reference,
    snapshot,
)
from aims.components.models import AIModel, ComponentModel, Dataset, Resource, Status
from aims.lib.errors import ActionError

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.organizations.models import Organization

C = TypeVar("C", AIModel, Dataset, Resource)


def _create(
    model: type[C],
    *,
    actor: User,
    organization: Organization,
    data: Mapping[str, Any],
    ai_systems: Iterable[AISystem],
) -> C:
    label = model._meta.verbose_name
    check_can_edit(actor, organization, f"add a {label}")
    check_known_fields(model, data)
    systems = list(ai_systems)
    check_same_organization(organization, systems, "ai_systems")
    for system in systems:
        check_system_open(system)
    component = model(organization=organization, **data)
    component.reference = component.reference.strip() or next_reference(model, organization)
    check_reference_free(model, organization, component.reference, None)
    component.full_clean(validate_constraints=False)
    component.save()
    component.ai_systems.add(*systems)
    record(
        actor=actor,
        verb=f"{model.audit_name}.created",
        target=component,
        after=snapshot(component, model.editable_fields),
        data={"ai_systems": [system.reference for system in systems]},
    )
    return component


def _update(component: C, *, actor: User, data: Mapping[str, Any]) -> C:
    model = type(component)
    check_can_edit(actor, component.organization, f"change a {model._meta.verbose_name}")
    check_known_fields(model, data)
    if isinstance(data.get("reference"), str):
        data = {**data, "reference": data["reference"].strip()}
    component = model.objects.select_for_update().select_related("organization").get(pk=component.pk)
    if component.is_archived:
        raise ActionError(f"{component.reference} is archived; restore it before changing it.")
    before = snapshot(component, data)
    for name, value in data.items():
        setattr(component, name, value)
    changed = [name for name in data if getattr(component, name) != before[name]]
    if not changed:
        return component
    if "reference" in changed:
        check_reference_free(model, component.organization, component.reference, component.pk)
    component.full_clean(validate_constraints=False)
    component.updated_at = timezone.now()
    component.save()
    record(
        actor=actor,
        verb=f"{model.audit_name}.updated",
        target=component,
        before={name: before[name] for name in changed},
        after=snapshot(component, changed),
    )
    return component


def _set_status(component: C, *, actor: User, status: Status, verb: str) -> C:
    model = type(component)
    check_can_edit(actor, component.organization, f"{verb} a {model._meta.verbose_name}")
    component = model.objects.select_for_update().select_related("organization").get(pk=component.pk)
    if component.status == status:
        raise ActionError(f"{component.reference} is {status.label.lower()} already.")
    before = component.status
    component.status, component.updated_at = status, timezone.now()
    component.save(update_fields=["status", "updated_at"])
    record(
        actor=actor,
        verb=f"{model.audit_name}.{verb}d",
        target=component,
        before={"status": before},
        after={"status": status.value},
    )
    return component


@transaction.atomic
def create_ai_model(
    *, actor: User, organization: Organization, data: Mapping[str, Any], ai_systems: Iterable[AISystem] = ()
) -> AIModel:
    """Add a model to the register (A.4.2, A.6.2.3), linked to the given AI systems of the organisation."""
    return _create(AIModel, actor=actor, organization=organization, data=data, ai_systems=ai_systems)


@transaction.atomic
def update_ai_model(*, actor: User, ai_model: AIModel, data: Mapping[str, Any]) -> AIModel:
    return _update(ai_model, actor=actor, data=data)


@transaction.atomic
def archive_ai_model(*, actor: User, ai_model: AIModel) -> AIModel:
    """Take a model out of use; it stays on record, with its links, and can be restored."""
    return _set_status(ai_model, actor=actor, status=Status.ARCHIVED, verb="archive")


@transaction.atomic
def restore_ai_model(*, actor: User, ai_model: AIModel) -> AIModel:
    return _set_status(ai_model, actor=actor, status=Status.ACTIVE, verb="restore")


@transaction.atomic
def create_dataset(
    *, actor: User, organization: Organization, data: Mapping[str, Any], ai_systems: Iterable[AISystem] = ()
) -> Dataset:
    """Add a dataset to the register (A.4.3, A.7), linked to the given AI systems of the organisation."""
    return _create(Dataset, actor=actor, organization=organization, data=data, ai_systems=ai_systems)


@transaction.atomic
def update_dataset(*, actor: User, dataset: Dataset, data: Mapping[str, Any]) -> Dataset:
    return _update(dataset, actor=actor, data=data)


@transaction.atomic
def archive_dataset(*, actor: User, dataset: Dataset) -> Dataset:
    return _set_status(dataset, actor=actor, status=Status.ARCHIVED, verb="archive")


@transaction.atomic
def restore_dataset(*, actor: User, dataset: Dataset) -> Dataset:
    return _set_status(dataset, actor=actor, status=Status.ACTIVE, verb="restore")


@transaction.atomic
def create_resource(
    *, actor: User, organization: Organization, data: Mapping[str, Any], ai_systems: Iterable[AISystem] = ()
) -> Resource:
    """Add a tooling or computing resource to the register (A.4.4, A.4.5)."""
    return _create(Resource, actor=actor, organization=organization, data=data, ai_systems=ai_systems)


@transaction.atomic
def update_resource(*, actor: User, resource: Resource, data: Mapping[str, Any]) -> Resource:
    return _update(resource, actor=actor, data=data)


@transaction.atomic
def archive_resource(*, actor: User, resource: Resource) -> Resource:
    return _set_status(resource, actor=actor, status=Status.ARCHIVED, verb="archive")


@transaction.atomic
def restore_resource(*, actor: User, resource: Resource) -> Resource:
    return _set_status(resource, actor=actor, status=Status.ACTIVE, verb="restore")


@transaction.atomic
def link_component_to_system(
    *, actor: User, component: ComponentModel, ai_system: AISystem
) -> ComponentModel:
    """Record that an AI system uses this model, dataset or resource. Both must be of one organisation."""
    label = component._meta.verbose_name
    check_can_edit(actor, component.organization, f"link a {label} to an AI system")
    check_same_organization(component.organization, [ai_system], "ai_system")
    if component.is_archived:
        raise ActionError(f"{component.reference} is archived; restore it before linking it.")
    check_system_open(ai_system)
    if component.ai_systems.filter(pk=ai_system.pk).exists():
        raise ActionError(f"{component.reference} is linked to {ai_system.reference} already.")
    component.ai_systems.add(ai_system)
    record(
        actor=actor,
        verb=f"{component.audit_name}.linked",
        target=component,
        data={"ai_system": ai_system.reference},
    )
    return component


@transaction.atomic
def unlink_component_from_system(
    *, actor: User, component: ComponentModel, ai_system: AISystem
) -> ComponentModel:
    """Record that an AI system no longer uses this model, dataset or resource."""
    label = component._meta.verbose_name
    check_can_edit(actor, component.organization, f"unlink a {label} from an AI system")
    if not component.ai_systems.filter(pk=ai_system.pk).exists():
        raise ActionError(f"{component.reference} is not linked to {ai_system.reference}.")
    component.ai_systems.remove(ai_system)
    record(
        actor=actor,
        verb=f"{component.audit_name}.unlinked",
        target=component,
        data={"ai_system": ai_system.reference},
    )
    return component
