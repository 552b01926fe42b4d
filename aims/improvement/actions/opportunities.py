"""The register of improvement opportunities (10.1): record, change, decide (owners and managers), start and
complete with what came of it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.improvement.actions._common import (
    cleaned,
    is_member,
    not_future,
    require_decider,
    require_editor,
    snapshot,
)
from aims.improvement.models import ImprovementOpportunity
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.numbering import assign_reference

if TYPE_CHECKING:
    from aims.accounts.models import User

OPPORTUNITY_FIELDS = ("title", "description", "source", "source_reference", "owner", "expected_benefit")
_TEXT = ("title", "description", "source_reference", "expected_benefit")
S = ImprovementOpportunity.Status
DECISIONS = (S.ACCEPTED, S.DECLINED)


def _check(item: ImprovementOpportunity) -> None:
    if item.owner_id is not None and not is_member(item.organization_id, item.owner_id):
        raise ValidationError({"owner": "The owner must be a member of this organisation."})
    item.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


def _unfinished(item: ImprovementOpportunity, doing: str) -> None:
    if item.is_finished:
        raise ActionError(f"{item.reference} is {item.get_status_display().lower()}; it cannot {doing}.")


@transaction.atomic
def record_opportunity(*, actor: User, organization: Organization, **values: Any) -> ImprovementOpportunity:
    """Put an opportunity for improvement on the register, numbered IMP-0001, IMP-0002, …"""
    require_editor(actor, organization)
    item = ImprovementOpportunity(
        organization=organization, raised_by=actor, **cleaned(values, OPPORTUNITY_FIELDS, _TEXT)
    )
    _check(item)
    assign_reference(item, "IMP")
    item.save()
    after = {"reference": item.reference, **snapshot(item, OPPORTUNITY_FIELDS)}
    record(actor=actor, verb="improvement.recorded", target=item, after=after)
    return item


@transaction.atomic
def update_opportunity(
    *, actor: User, opportunity: ImprovementOpportunity, changes: Mapping[str, Any]
) -> ImprovementOpportunity:
    """Change what the opportunity says, until it is done or declined."""
    item = opportunity
    require_editor(actor, item.organization)
    _unfinished(item, "change")
    values = cleaned(changes, OPPORTUNITY_FIELDS, _TEXT)
    before = snapshot(item, values)
    for name, value in values.items():
        setattr(item, name, value)
    _check(item)
    item.updated_at = timezone.now()
    item.save()
    record(actor=actor, verb="improvement.updated", target=item, before=before, after=snapshot(item, values))
    return item


@transaction.atomic
def decide_opportunity(
    *, actor: User, opportunity: ImprovementOpportunity, decision: str, reason: str
) -> ImprovementOpportunity:
    """Accept or decline a proposed opportunity, saying why (owners and managers)."""
    item = opportunity
    require_decider(actor, item.organization)
    if item.status != S.PROPOSED:
        raise ActionError(f"{item.reference} is decided already ({item.get_status_display().lower()}).")
    errors: dict[str, str] = {}
    if decision not in DECISIONS:
        errors["decision"] = "Accept or decline it."
    if not (reason or "").strip():
        errors["reason"] = "Say why."
    if errors:
        raise ValidationError(errors)
    item.status, item.decision_note = decision, reason.strip()
    item.decided_on, item.decided_by = timezone.localdate(), actor
    item.updated_at = timezone.now()
    item.save(update_fields=["status", "decision_note", "decided_on", "decided_by", "updated_at"])
    record(
        actor=actor,
        verb="improvement.decided",
        target=item,
        before={"status": S.PROPOSED},
        after={"status": decision, "reason": item.decision_note},
    )
    return item


@transaction.atomic
def start_opportunity(*, actor: User, opportunity: ImprovementOpportunity) -> ImprovementOpportunity:
    """Mark an accepted opportunity as in progress."""
    item = opportunity
    require_editor(actor, item.organization)
    if item.status != S.ACCEPTED:
        raise ActionError(
            f"Only an accepted opportunity can start; {item.reference} is "
            f"{item.get_status_display().lower()}."
        )
    item.status, item.updated_at = S.IN_PROGRESS, timezone.now()
    item.save(update_fields=["status", "updated_at"])
    record(
        actor=actor,
        verb="improvement.started",
        target=item,
        before={"status": S.ACCEPTED},
        after={"status": S.IN_PROGRESS},
    )
    return item


@transaction.atomic
def complete_opportunity(
    *, actor: User, opportunity: ImprovementOpportunity, outcome: str, completed_on: date | None = None
) -> ImprovementOpportunity:
    """Mark an accepted or started opportunity done, with what came of it."""
    item = opportunity
    require_editor(actor, item.organization)
    if item.status not in (S.ACCEPTED, S.IN_PROGRESS):
        raise ActionError(
            f"Only an accepted opportunity can be completed; {item.reference} is "
            f"{item.get_status_display().lower()}."
        )
    when = completed_on or timezone.localdate()
    errors: dict[str, str] = {}
    if not (outcome or "").strip():
        errors["outcome"] = "Say what came of it."
    not_future(errors, "completed_on", when)
    if errors:
        raise ValidationError(errors)
    before = {"status": item.status}
    item.status, item.outcome, item.completed_on = S.DONE, outcome.strip(), when
    item.updated_at = timezone.now()
    item.save(update_fields=["status", "outcome", "completed_on", "updated_at"])
    record(
        actor=actor,
        verb="improvement.completed",
        target=item,
        before=before,
        after={"status": S.DONE, "outcome": item.outcome, "completed_on": when.isoformat()},
    )
    return item
