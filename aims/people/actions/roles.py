"""Every change to AIMS roles, their holders and the RACI: permission, validation, write, audit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.organizations.models import Membership
from aims.people import permissions
from aims.people.models import AIMSRole, Competence, RaciEntry, RoleAssignment

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.catalog.models import CatalogItem
    from aims.organizations.models import Organization

ROLE_FIELDS = ("name", "area", "description", "responsibilities", "authorities")
REFUSED = "Only owners and managers can change AIMS roles and responsibilities."


def _check(actor: User, organization: Organization) -> None:
    if not permissions.can_manage_roles(actor, organization):
        raise PermissionDenied(REFUSED)


def member_by_email(organization: Organization, email: str, field: str = "user") -> User:
    """The member with this address, for doors that name people by e-mail (the API)."""
    membership = (
        Membership.objects.select_related("user")
        .filter(organization=organization, user__email__iexact=email.strip())
        .first()
    )
    if membership is None:
        raise ValidationError({field: f"No member of {organization.name} has the address {email!r}."})
    return membership.user


def _check_competences(organization: Organization, competences: Iterable[Competence]) -> list[Competence]:
    chosen = list(competences)
    if any(c.organization_id != organization.pk for c in chosen):
        raise ValidationError({"competences": "Choose competences of this organisation."})
    return chosen


def _check_unique_name(role: AIMSRole) -> None:
    clash = AIMSRole.objects.filter(organization_id=role.organization_id, name__iexact=role.name)
    if clash.exclude(pk=role.pk).exists():
        raise ValidationError({"name": f"There is already a role called {role.name!r}."})


@transaction.atomic
def create_role(
    *,
    actor: User,
    organization: Organization,
    name: str,
    area: str,
    description: str = "",
    responsibilities: str = "",
    authorities: str = "",
    competences: Iterable[Competence] = (),
) -> AIMSRole:
    _check(actor, organization)
    role = AIMSRole(
        organization=organization,
        name=name.strip(),
        area=area,
        description=description,
        responsibilities=responsibilities,
        authorities=authorities,
    )
    role.full_clean(validate_unique=False)
    _check_unique_name(role)
    chosen = _check_competences(organization, competences)
    role.save()
    role.competences.set(chosen)
    record(actor=actor, verb="aims_role.created", target=role, after=_snapshot(role))
    return role


def _snapshot(role: AIMSRole) -> dict[str, Any]:
    return {field: getattr(role, field) for field in ROLE_FIELDS}


@transaction.atomic
def update_role(*, actor: User, role: AIMSRole, changes: Mapping[str, Any]) -> AIMSRole:
    _check(actor, role.organization)
    unknown = set(changes) - {*ROLE_FIELDS, "competences"}
    if unknown:
        raise ValidationError({"__all__": f"Unknown field(s): {', '.join(sorted(unknown))}."})
    before = _snapshot(role)
    for field in ROLE_FIELDS:
        if field in changes:
            value = changes[field]
            setattr(role, field, value.strip() if field == "name" else value)
    role.full_clean(validate_unique=False)
    _check_unique_name(role)
    chosen = _check_competences(role.organization, changes.get("competences") or [])
    role.save()
    if "competences" in changes:
        role.competences.set(chosen)
    record(actor=actor, verb="aims_role.updated", target=role, before=before, after=_snapshot(role))
    return role


@transaction.atomic
def assign_role(
    *, actor: User, role: AIMSRole, user: User, since: date, until: date | None = None
) -> RoleAssignment:
    _check(actor, role.organization)
    if not Membership.objects.filter(organization=role.organization, user=user).exists():
        raise ValidationError({"user": "Only a member of the organisation can hold one of its roles."})
    assignment = RoleAssignment(role=role, user=user, since=since, until=until)
    assignment.full_clean()
    if until is None and role.assignments.filter(user=user, until__isnull=True).exists():
        raise ActionError(f"{user.email} already holds the role {role}.")
    assignment.save()
    record(
        actor=actor,
        verb="aims_role.assigned",
        target=role,
        data={"user": user.email, "since": since, "until": until},
    )
    return assignment


@transaction.atomic
def end_assignment(*, actor: User, assignment: RoleAssignment, until: date) -> RoleAssignment:
    role = assignment.role
    _check(actor, role.organization)
    if assignment.until is not None:
        raise ActionError("This assignment has already ended.")
    assignment.until = until
    assignment.full_clean()
    assignment.save(update_fields=["until"])
    record(
        actor=actor,
        verb="aims_role.assignment_ended",
        target=role,
        data={"user": assignment.user.email, "until": until},
    )
    return assignment


def _subject_filter(entry: RaciEntry) -> dict[str, Any]:
    subject: dict[str, Any] = {"organization_id": entry.organization_id, "kind": entry.kind}
    if entry.kind == RaciEntry.Kind.PROCESS:
        subject["process__iexact"] = entry.process
    elif entry.kind == RaciEntry.Kind.CONTROL:
        subject["control_id"] = entry.control_id
    else:
        subject["ai_system_id"] = entry.ai_system_id
    return subject


def _check_subject(entry: RaciEntry, role: AIMSRole) -> None:
    organization_id = entry.organization_id
    if role.organization_id != organization_id:
        raise ValidationError({"role": "Choose a role of this organisation."})
    if entry.control is not None and entry.control.kind != "control":
        raise ValidationError({"control": "Choose an Annex A control."})
    if entry.ai_system is not None and entry.ai_system.organization_id != organization_id:
        raise ValidationError({"ai_system": "Choose an AI system of this organisation."})


@transaction.atomic
def set_raci(
    *,
    actor: User,
    organization: Organization,
    kind: str,
    role: AIMSRole,
    letter: str,
    process: str = "",
    control: CatalogItem | None = None,
    ai_system: AISystem | None = None,
) -> RaciEntry:
    """Give a role its letter for one subject (replacing any letter it had); one A per subject."""
    _check(actor, organization)
    entry = RaciEntry(
        organization=organization,
        kind=kind,
        process=process.strip(),
        control=control,
        ai_system=ai_system,
        role=role,
        letter=letter,
    )
    entry.full_clean(validate_unique=False, validate_constraints=False)
    _check_subject(entry, role)
    same_subject = RaciEntry.objects.select_for_update().filter(**_subject_filter(entry)).order_by("pk")
    accountable = same_subject.filter(letter=RaciEntry.Letter.ACCOUNTABLE).exclude(role=role)
    if letter == RaciEntry.Letter.ACCOUNTABLE and accountable.exists():
        raise ActionError(
            f"{entry.subject_label} already has an accountable role; exactly one A per subject."
        )
    existing = same_subject.filter(role=role).first()
    before = {"letter": existing.letter} if existing else None
    if existing is not None:
        existing.letter = letter
        existing.save(update_fields=["letter"])
        entry = existing
    else:
        entry.save()
    record(
        actor=actor,
        verb="raci.set",
        target=entry,
        before=before,
        after={"letter": letter},
        data={"subject": entry.subject_label, "role": role.name},
    )
    return entry


@transaction.atomic
def clear_raci(*, actor: User, entry: RaciEntry) -> None:
    _check(actor, entry.organization)
    data = {"subject": entry.subject_label, "role": entry.role.name, "letter": entry.letter}
    organization = entry.organization
    entry.delete()
    record(actor=actor, verb="raci.cleared", organization=organization, data=data)
