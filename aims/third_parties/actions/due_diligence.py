"""Recording a due diligence on a third party (A.10.3). Records are appended, never changed."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.organizations import permissions as org_permissions
from aims.third_parties import permissions
from aims.third_parties.actions.changes import refresh_review_dates
from aims.third_parties.models import DueDiligence, Relationship, ThirdParty

if TYPE_CHECKING:
    from aims.accounts.models import User


def _check_subject(party: ThirdParty, relationship: Relationship | None) -> None:
    if party.is_archived:
        raise ActionError(f"{party.name} is archived; record due diligence only on current third parties.")
    if relationship is not None and not relationship.is_active:
        raise ActionError("This relationship has ended; record the due diligence on the third party instead.")


@transaction.atomic
def record_due_diligence(
    *,
    actor: User,
    third_party: ThirdParty,
    outcome: str,
    performed_on: datetime.date,
    performed_by: User | None = None,
    findings: str = "",
    next_due_on: datetime.date | None = None,
    relationship: Relationship | None = None,
) -> DueDiligence:
    """Record the outcome of checking a third party, for one relationship or for the party as a whole.

    The outcome approves or rejects the third party, so owners and managers record it; the check itself
    may have been performed by any member (`performed_by`, by default the actor).
    """
    organization = third_party.organization
    if not permissions.can_record_due_diligence(actor, organization):
        raise PermissionDenied("Only owners and managers can record the outcome of a due diligence.")
    party = (
        ThirdParty.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=third_party.pk)
    )
    if relationship is not None:
        relationship = Relationship.objects.select_for_update(of=("self",)).get(pk=relationship.pk)
    _check_subject(party, relationship)
    performer = performed_by or actor
    if org_permissions.role_in(performer, organization) is None:
        raise ValidationError({"performed_by": f"{performer} is not a member of {organization}."})
    check = DueDiligence(
        organization=organization,
        third_party=party,
        relationship=relationship,
        performed_on=performed_on,
        performed_by=performer,
        outcome=outcome,
        findings=findings.strip(),
        next_due_on=next_due_on,
        recorded_by=actor,
    )
    check.full_clean()
    check.save()
    refresh_review_dates(party)
    record(
        actor=actor,
        verb="third_party.due_diligence_recorded",
        target=check,
        after={
            "third_party": party.reference,
            "relationship": relationship.pk if relationship else None,
            "outcome": outcome,
            "performed_on": performed_on,
            "performed_by": performer.email,
            "next_due_on": next_due_on,
            "findings": check.findings,
        },
    )
    return check
