"""Every change to the context registers: permission, validation, write and audit event, in one transaction.

The HTML pages, the API and the demo all call these; nothing else writes context records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.functions import Length
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.context.models import (
    ContextIssue,
    InterestedParty,
    Obligation,
    Requirement,
    ScopeExclusion,
    ScopeStatement,
)
from aims.lib.errors import ActionError
from aims.organizations import permissions
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User

R = TypeVar("R", ContextIssue, Obligation)

COMMON_FIELDS = ("reference", "title", "description", "owner", "review_on", "status")
ISSUE_FIELDS = (*COMMON_FIELDS, "kind", "category", "effect_on_aims", "is_climate_related")
OBLIGATION_FIELDS = (
    *COMMON_FIELDS, "kind", "source", "jurisdiction", "applicability", "applicability_rationale",
)  # fmt: skip
PARTY_FIELDS = ("name", "kind", "description", "status")
REQUIREMENT_FIELDS = ("description", "is_addressed", "rationale", "obligation")
PREFIXES = {ContextIssue: "ISS-", Obligation: "OBL-"}


def _require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_records(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change the context registers.")


def _cleaned(values: Mapping[str, Any], allowed: Iterable[str]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}


def next_reference(model: type[R], organization: Organization) -> str:
    """One more than the highest number in use with the model's prefix (ISS-001, OBL-001)."""
    prefix = PREFIXES[model]
    highest = (
        model.objects.filter(organization=organization, reference__regex=rf"^{prefix}[0-9]+$")
        .order_by(Length("reference").desc(), "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    return f"{prefix}{int(highest.removeprefix(prefix)) + 1 if highest else 1:03d}"


def _check_owner(organization: Organization, owner: Any) -> None:
    if owner is not None and not Membership.objects.filter(organization=organization, user=owner).exists():
        raise ValidationError({"owner": "The owner must be a member of the organisation."})


def _check_systems(organization: Organization, systems: list[AISystem] | None) -> None:
    if systems and any(system.organization_id != organization.pk for system in systems):
        raise ValidationError({"ai_systems": "Choose AI systems of this organisation only."})


def _check_unique_reference(record_: ContextIssue | Obligation) -> None:
    clash = type(record_).objects.filter(organization=record_.organization, reference=record_.reference)
    if clash.exclude(pk=record_.pk).exists():
        raise ValidationError({"reference": f"{record_.reference} is already used in this organisation."})


def _snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    shown = {}
    for name in fields:
        value = getattr(instance, name)
        shown[name] = value.pk if isinstance(value, models.Model) else value
    return shown


def _save_record(record_: R, fields: tuple[str, ...], systems: list[AISystem] | None) -> None:
    organization = record_.organization
    _check_owner(organization, record_.owner)
    _check_systems(organization, systems)
    if not record_.reference:
        record_.reference = next_reference(type(record_), organization)
    record_.full_clean(exclude=["organization"], validate_constraints=False)
    _check_unique_reference(record_)
    record_.save()
    if systems is not None:
        record_.ai_systems.set(systems)


def _create(actor: User, record_: R, fields: tuple[str, ...], systems: list[AISystem] | None, verb: str) -> R:
    _require_editor(actor, record_.organization)
    _save_record(record_, fields, systems)
    after = _snapshot(record_, fields) | {"ai_systems": [s.reference for s in systems or []]}
    record(actor=actor, verb=verb, target=record_, after=after)
    return record_


def _update(
    actor: User,
    record_: R,
    changes: Mapping[str, Any],
    fields: tuple[str, ...],
    systems: list[AISystem] | None,
) -> R:
    _require_editor(actor, record_.organization)
    values = _cleaned(changes, fields)
    before = _snapshot(record_, values)
    for name, value in values.items():
        setattr(record_, name, value)
    _save_record(record_, fields, systems)
    data = {"ai_systems": [s.reference for s in systems]} if systems is not None else {}
    verb = f"{record_._meta.model_name}.updated".replace("contextissue", "context_issue")
    record(actor=actor, verb=verb, target=record_, before=before, after=_snapshot(record_, values), data=data)
    return record_


@transaction.atomic
def create_issue(
    *, actor: User, organization: Organization, ai_systems: list[AISystem] | None = None, **values: Any
) -> ContextIssue:
    """Record an internal or external issue (clause 4.1)."""
    issue = ContextIssue(organization=organization, **_cleaned(values, ISSUE_FIELDS))
    return _create(actor, issue, ISSUE_FIELDS, ai_systems, "context_issue.created")


@transaction.atomic
def update_issue(
    *, actor: User, issue: ContextIssue, changes: Mapping[str, Any], ai_systems: list[AISystem] | None = None
) -> ContextIssue:
    return _update(actor, issue, changes, ISSUE_FIELDS, ai_systems)


@transaction.atomic
def create_obligation(
    *, actor: User, organization: Organization, ai_systems: list[AISystem] | None = None, **values: Any
) -> Obligation:
    """Record a legal, regulatory, contractual or voluntary obligation (clause 4.2, A.8.5)."""
    obligation = Obligation(organization=organization, **_cleaned(values, OBLIGATION_FIELDS))
    return _create(actor, obligation, OBLIGATION_FIELDS, ai_systems, "obligation.created")


@transaction.atomic
def update_obligation(
    *,
    actor: User,
    obligation: Obligation,
    changes: Mapping[str, Any],
    ai_systems: list[AISystem] | None = None,
) -> Obligation:
    return _update(actor, obligation, changes, OBLIGATION_FIELDS, ai_systems)


def _save_party(party: InterestedParty) -> None:
    party.full_clean(exclude=["organization"], validate_constraints=False)
    clash = InterestedParty.objects.filter(organization=party.organization, name__iexact=party.name)
    if clash.exclude(pk=party.pk).exists():
        raise ValidationError({"name": f"There is already an interested party called {party.name!r}."})
    party.save()


@transaction.atomic
def create_party(*, actor: User, organization: Organization, **values: Any) -> InterestedParty:
    """Record an interested party (clause 4.2 a)."""
    _require_editor(actor, organization)
    party = InterestedParty(organization=organization, **_cleaned(values, PARTY_FIELDS))
    _save_party(party)
    record(actor=actor, verb="interested_party.created", target=party, after=_snapshot(party, PARTY_FIELDS))
    return party


@transaction.atomic
def update_party(*, actor: User, party: InterestedParty, changes: Mapping[str, Any]) -> InterestedParty:
    _require_editor(actor, party.organization)
    values = _cleaned(changes, PARTY_FIELDS)
    before = _snapshot(party, values)
    for name, value in values.items():
        setattr(party, name, value)
    _save_party(party)
    record(actor=actor, verb="interested_party.updated", target=party, before=before, after=values)
    return party


def _save_requirement(requirement: Requirement) -> None:
    obligation = requirement.obligation
    if obligation is not None and obligation.organization_id != requirement.party.organization_id:
        raise ValidationError({"obligation": "Choose an obligation of this organisation."})
    requirement.full_clean(exclude=["party"])
    requirement.save()


@transaction.atomic
def add_requirement(*, actor: User, party: InterestedParty, **values: Any) -> Requirement:
    """Record what a party requires, whether the AIMS addresses it, and why (clause 4.2 b, c)."""
    _require_editor(actor, party.organization)
    requirement = Requirement(party=party, **_cleaned(values, REQUIREMENT_FIELDS))
    _save_requirement(requirement)
    after = _snapshot(requirement, REQUIREMENT_FIELDS)
    record(actor=actor, verb="requirement.created", target=party, after=after, data={"id": requirement.pk})
    return requirement


@transaction.atomic
def update_requirement(*, actor: User, requirement: Requirement, changes: Mapping[str, Any]) -> Requirement:
    _require_editor(actor, requirement.party.organization)
    values = _cleaned(changes, REQUIREMENT_FIELDS)
    before = _snapshot(requirement, values)
    for name, value in values.items():
        setattr(requirement, name, value)
    _save_requirement(requirement)
    after = _snapshot(requirement, values)
    data = {"id": requirement.pk}
    record(
        actor=actor,
        verb="requirement.updated",
        target=requirement.party,
        before=before,
        after=after,
        data=data,
    )
    return requirement


@transaction.atomic
def remove_requirement(*, actor: User, requirement: Requirement) -> None:
    party = requirement.party
    _require_editor(actor, party.organization)
    data = {"id": requirement.pk, "description": requirement.description}
    requirement.delete()
    record(actor=actor, verb="requirement.removed", target=party, data=data)


def current_scope(organization: Organization) -> ScopeStatement | None:
    """The latest approved version, or None if none is approved yet."""
    approved = ScopeStatement.objects.filter(organization=organization, state=ScopeStatement.State.APPROVED)
    return approved.order_by("-version").first()


def _check_roles(roles: list[str]) -> list[str]:
    unknown = set(roles) - set(Organization.AIRole.values)
    if unknown:
        raise ValidationError({"ai_roles": f"Unknown AI role(s): {', '.join(sorted(unknown))}."})
    return [role for role in Organization.AIRole.values if role in roles]


def _exclusions(items: Iterable[Mapping[str, str]]) -> list[ScopeExclusion]:
    built = []
    for index, item in enumerate(items):
        exclusion = ScopeExclusion(
            what=str(item.get("what", "")).strip(), reason=str(item.get("reason", "")).strip()
        )
        try:
            exclusion.full_clean(exclude=["scope"])
        except ValidationError as error:
            raise ValidationError({f"exclusions.{index}": error.messages}) from error
        built.append(exclusion)
    return built


def in_scope_references(organization: Organization) -> list[str]:
    systems = AISystem.objects.filter(organization=organization, in_scope=True).current()
    return list(systems.order_by("reference").values_list("reference", flat=True))


@transaction.atomic
def draft_scope(
    *,
    actor: User,
    organization: Organization,
    boundaries: str | None = None,
    ai_roles: list[str] | None = None,
    exclusions: Iterable[Mapping[str, str]] | None = None,
) -> ScopeStatement:
    """Start a new draft version of the scope; what is not given is copied from the latest version."""
    _require_editor(actor, organization)
    latest = (
        ScopeStatement.objects.select_for_update()
        .filter(organization=organization)
        .order_by("-version")
        .first()
    )
    if latest is not None and not latest.is_approved:
        raise ActionError(f"Version {latest.version} is still a draft; change or approve it first.")
    copied: list[Mapping[str, str]] = (
        [{"what": what, "reason": reason} for what, reason in latest.exclusions.values_list("what", "reason")]
        if latest
        else []
    )
    scope = ScopeStatement(
        organization=organization,
        version=latest.version + 1 if latest else 1,
        boundaries=(boundaries if boundaries is not None else latest.boundaries if latest else "").strip(),
        ai_roles=_check_roles(ai_roles if ai_roles is not None else latest.ai_roles if latest else []),
        systems_in_scope=in_scope_references(organization),
        author=actor,
    )
    built = _exclusions(exclusions if exclusions is not None else copied)
    scope.full_clean(exclude=["organization", "author"], validate_constraints=False)
    scope.save()
    for exclusion in built:
        exclusion.scope = scope
    ScopeExclusion.objects.bulk_create(built)
    after = {
        "boundaries": scope.boundaries,
        "ai_roles": scope.ai_roles,
        "exclusions": [e.what for e in built],
    }
    record(actor=actor, verb="scope.drafted", target=scope, after=after, data={"version": scope.version})
    return scope


@transaction.atomic
def approve_scope(*, actor: User, scope: ScopeStatement) -> ScopeStatement:
    """An owner or manager other than the author approves a draft; it is frozen from then on."""
    if not permissions.can_manage_members(actor, scope.organization):
        raise PermissionDenied("Only owners and managers can approve the scope.")
    scope = ScopeStatement.objects.select_for_update().get(pk=scope.pk)
    if scope.is_approved:
        raise ActionError(f"Version {scope.version} is approved already; start a new draft to change it.")
    if scope.author_id == actor.pk:
        raise ActionError("The author of a scope version cannot approve it; ask another owner or manager.")
    scope.state, scope.approved_by, scope.approved_at = ScopeStatement.State.APPROVED, actor, timezone.now()
    scope.systems_in_scope = in_scope_references(scope.organization)
    scope.save(update_fields=["state", "approved_by", "approved_at", "systems_in_scope"])
    record(actor=actor, verb="scope.approved", target=scope, data={"version": scope.version})
    return scope
