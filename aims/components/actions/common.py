"""What the component actions share: the permission check, field checks, references, audit snapshots."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.lib.errors import ActionError
from aims.organizations import permissions

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.components.models import ComponentModel
    from aims.organizations.models import Organization


def check_can_edit(actor: User, organization: Organization, what: str) -> None:
    if not permissions.can_edit_records(actor, organization):
        raise PermissionDenied(f"Only owners, managers and contributors can {what}.")


def check_known_fields(model: type[ComponentModel], data: Mapping[str, Any]) -> None:
    unknown = sorted(set(data) - set(model.editable_fields))
    if unknown:
        raise ValidationError({"__all__": f"Unknown field(s): {', '.join(unknown)}."})


def check_reference_free(
    model: type[ComponentModel], organization: Organization, reference: str, pk: Any
) -> None:
    taken = model.objects.filter(organization=organization, reference=reference).exclude(pk=pk).exists()
    if taken:
        label = model._meta.verbose_name
        raise ValidationError({"reference": f"{reference} is already used by another {label} here."})


def next_reference(model: type[ComponentModel], organization: Organization) -> str:
    """The first free PREFIX-NNN reference after the register's size (MOD-001, DS-014, …)."""
    number = model.objects.filter(organization=organization).count() + 1
    while model.objects.filter(organization=organization, reference=_numbered(model, number)).exists():
        number += 1
    return _numbered(model, number)


def _numbered(model: type[ComponentModel], number: int) -> str:
    return f"{model.reference_prefix}-{number:03d}"


def check_same_organization(organization: Organization, systems: Iterable[AISystem], field: str) -> None:
    """A link may only join records of one organisation."""
    foreign = [system for system in systems if system.organization_id != organization.pk]
    if foreign:
        raise ValidationError({field: "Only AI systems of the same organisation can be linked."})


def check_system_open(system: AISystem) -> None:
    if system.status == AISystem.Status.ARCHIVED:
        raise ActionError(f"The AI system {system.reference} is archived; nothing new can be linked to it.")


def snapshot(record: Any, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in fields}
