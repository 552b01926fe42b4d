"""Relationships with third parties: starting, changing and ending them (A.10.2, A.10.3, A.10.4)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.third_parties import permissions
from aims.third_parties.actions.changes import apply_changes, refresh_review_dates
from aims.third_parties.models import Outcome, Relationship, ThirdParty

if TYPE_CHECKING:
    from aims.accounts.models import User

EDITABLE = frozenset(
    {"ai_system", "role", "subject", "contract_reference", "started_on", "next_review_on", "notes"}
)
NOT_EDITORS = "Only owners, managers and contributors can change relationships with third parties."


def relationship_facts(relationship: Relationship) -> dict[str, Any]:
    """What the audit trail keeps of a relationship."""
    system = relationship.ai_system
    return {
        "third_party": relationship.third_party.reference,
        "ai_system": system.reference if system else None,
        "role": relationship.role,
        "subject": relationship.subject,
        "contract_reference": relationship.contract_reference,
        "started_on": relationship.started_on,
        "next_review_on": relationship.next_review_on,
        "notes": relationship.notes,
    }


def _check_editor(actor: User, party: ThirdParty) -> None:
    if not permissions.can_edit_third_parties(actor, party.organization):
        raise PermissionDenied(NOT_EDITORS)


def _check_system_in_use(system: AISystem | None) -> None:
    if system is not None and system.status == AISystem.Status.ARCHIVED:
        raise ActionError(f"The AI system {system} is archived; it takes no new relationships.")


def _check_party_may_supply(party: ThirdParty, role: str) -> None:
    if party.is_archived:
        raise ActionError(f"{party.name} is archived; it takes no new relationships.")
    if role == Relationship.Role.SUPPLIER and party.due_diligence_outcome == Outcome.REJECTED:
        raise ActionError(
            f"The latest due diligence on {party.name} ({party.due_diligence_on}) rejected them; record a "
            "new due diligence before relying on them as a supplier."
        )


@transaction.atomic
def create_relationship(
    *,
    actor: User,
    third_party: ThirdParty,
    subject: str,
    role: str = Relationship.Role.SUPPLIER,
    ai_system: AISystem | None = None,
    contract_reference: str = "",
    started_on: datetime.date | None = None,
    next_review_on: datetime.date | None = None,
    notes: str = "",
) -> Relationship:
    """Record what a third party supplies to us, or buys from us, for one AI system or for all."""
    _check_editor(actor, third_party)
    party = (
        ThirdParty.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=third_party.pk)
    )
    _check_party_may_supply(party, role)
    relationship = Relationship(
        organization=party.organization,
        third_party=party,
        ai_system=ai_system,
        role=role,
        subject=subject.strip(),
        contract_reference=contract_reference.strip(),
        started_on=started_on,
        next_review_on=next_review_on,
        notes=notes.strip(),
    )
    relationship.full_clean()
    _check_system_in_use(ai_system)
    relationship.save()
    refresh_review_dates(party)
    record(
        actor=actor,
        verb="third_party.relationship_created",
        target=relationship,
        after=relationship_facts(relationship),
    )
    return relationship


def _locked(relationship: Relationship) -> Relationship:
    return (
        Relationship.objects.select_for_update(of=("self",))
        .select_related("organization", "third_party__organization", "ai_system")
        .get(pk=relationship.pk)
    )


def _audit_value(value: Any) -> Any:
    return value.reference if isinstance(value, AISystem) else value


@transaction.atomic
def update_relationship(
    *, actor: User, relationship: Relationship, changes: Mapping[str, Any]
) -> Relationship:
    """Change an active relationship: its system, role, subject, contract, dates or notes."""
    _check_editor(actor, relationship.third_party)
    current = _locked(relationship)
    if not current.is_active:
        raise ActionError("This relationship has ended; an ended relationship is kept as it was.")
    before, after = apply_changes(current, changes, EDITABLE)
    current.full_clean()
    if "ai_system" in after:
        _check_system_in_use(current.ai_system)
    if "role" in after:
        _check_party_may_supply(current.third_party, current.role)
    if not after:
        return current
    current.updated_at = timezone.now()
    current.save()
    refresh_review_dates(current.third_party)
    record(
        actor=actor,
        verb="third_party.relationship_updated",
        target=current,
        before={name: _audit_value(value) for name, value in before.items()},
        after={name: _audit_value(value) for name, value in after.items()},
    )
    return current


@transaction.atomic
def end_relationship(
    *, actor: User, relationship: Relationship, ended_on: datetime.date | None = None, reason: str = ""
) -> Relationship:
    """End a relationship (the contract ended, the system was retired, …); it stays on the record."""
    _check_editor(actor, relationship.third_party)
    current = _locked(relationship)
    if not current.is_active:
        raise ActionError("This relationship has ended already.")
    today = timezone.localdate()
    ended_on = ended_on or today
    if ended_on > today:
        raise ValidationError(
            {"ended_on": "This date is in the future; end the relationship once it has ended."}
        )
    current.status, current.ended_on, current.end_reason = Relationship.Status.ENDED, ended_on, reason.strip()
    current.full_clean()
    current.updated_at = timezone.now()
    current.save(update_fields=["status", "ended_on", "end_reason", "updated_at"])
    refresh_review_dates(current.third_party)
    record(
        actor=actor,
        verb="third_party.relationship_ended",
        target=current,
        before={"status": Relationship.Status.ACTIVE},
        after={"status": current.status, "ended_on": ended_on},
        data={"reason": current.end_reason},
    )
    return current
