"""Adding, changing and archiving suppliers and customers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record, snapshot
from aims.lib.errors import ActionError
from aims.third_parties import permissions
from aims.third_parties.actions.changes import apply_changes
from aims.third_parties.models import Relationship, ThirdParty

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

PARTY_FIELDS = ["reference", "name", "kind", "categories", "country", "contact", "website", "notes", "status"]
EDITABLE = frozenset(PARTY_FIELDS)
NOT_EDITORS = "Only owners, managers and contributors can change suppliers and customers."


def _check_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_third_parties(actor, organization):
        raise PermissionDenied(NOT_EDITORS)


def _check_status_value(status: str) -> None:
    if status == ThirdParty.Status.ARCHIVED:
        raise ValidationError(
            {"status": "Archive a third party with Archive, which checks that its relationships have ended."}
        )


@transaction.atomic
def create_third_party(
    *,
    actor: User,
    organization: Organization,
    reference: str,
    name: str,
    kind: str = ThirdParty.Kind.SUPPLIER,
    categories: list[str] | None = None,
    country: str = "",
    contact: str = "",
    website: str = "",
    notes: str = "",
    status: str = ThirdParty.Status.ACTIVE,
) -> ThirdParty:
    """Add a supplier or customer to the register (A.10.3, A.10.4)."""
    _check_editor(actor, organization)
    _check_status_value(status)
    party = ThirdParty(
        organization=organization,
        reference=reference.strip(),
        name=name.strip(),
        kind=kind,
        categories=list(categories or []),
        country=country.strip(),
        contact=contact.strip(),
        website=website.strip(),
        notes=notes.strip(),
        status=status,
    )
    party.full_clean(validate_constraints=False)  # clean() checks the reference, with a field error
    party.save()
    record(actor=actor, verb="third_party.created", target=party, after=snapshot(party, PARTY_FIELDS))
    return party


def _check_kind_change(party: ThirdParty, after: dict[str, Any]) -> None:
    if "kind" not in after:
        return
    active = Relationship.objects.filter(third_party=party).active()
    if not party.may_supply and active.filter(role=Relationship.Role.SUPPLIER).exists():
        raise ValidationError({"kind": "They still supply you under an active relationship; end it first."})
    if not party.may_buy and active.filter(role=Relationship.Role.CUSTOMER).exists():
        raise ValidationError({"kind": "They are your customer under an active relationship; end it first."})


@transaction.atomic
def update_third_party(*, actor: User, third_party: ThirdParty, changes: Mapping[str, Any]) -> ThirdParty:
    """Change any of PARTY_FIELDS; archiving is `archive_third_party`."""
    _check_editor(actor, third_party.organization)
    party = (
        ThirdParty.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=third_party.pk)
    )
    if party.is_archived:
        raise ActionError(f"{party.name} is archived; an archived third party is kept as it was.")
    if "status" in changes:
        _check_status_value(changes["status"])
    before, after = apply_changes(party, changes, EDITABLE)
    party.full_clean(validate_constraints=False)  # may put the categories in their canonical order
    after = {name: getattr(party, name) for name in after if getattr(party, name) != before[name]}
    before = {name: before[name] for name in after}
    _check_kind_change(party, after)
    if not after:
        return party
    party.updated_at = timezone.now()
    party.save()
    record(actor=actor, verb="third_party.updated", target=party, before=before, after=after)
    return party


@transaction.atomic
def archive_third_party(*, actor: User, third_party: ThirdParty, reason: str = "") -> ThirdParty:
    """Archive a third party you no longer work with; its relationships must have ended."""
    _check_editor(actor, third_party.organization)
    party = (
        ThirdParty.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=third_party.pk)
    )
    if party.is_archived:
        raise ActionError(f"{party.name} is archived already.")
    active = Relationship.objects.filter(third_party=party).active().count()
    if active:
        raise ActionError(
            f"{party.name} still has {active} active relationship{'s' if active > 1 else ''}; "
            "end them first, so that each ending is on the record."
        )
    before = party.status
    party.status, party.archived_at = ThirdParty.Status.ARCHIVED, timezone.now()
    party.updated_at = party.archived_at
    party.save(update_fields=["status", "archived_at", "updated_at"])
    record(
        actor=actor,
        verb="third_party.archived",
        target=party,
        before={"status": before},
        after={"status": party.status},
        data={"reason": reason.strip()},
    )
    return party
