"""Allocating responsibilities in a relationship, stage by stage of the AI system life cycle (A.10.2)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from aims.ai_systems.models import LifecycleStage
from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.third_parties import permissions
from aims.third_parties.models import STAGE_ORDER, Relationship, ResponsibilityAllocation, Responsible

if TYPE_CHECKING:
    from aims.accounts.models import User


@dataclass(frozen=True)
class Allocation:
    """Who is responsible for one stage: `party` is a `Responsible` value; `note` says how, or how split."""

    stage: str
    party: str
    note: str = ""

    def summary(self) -> str:
        return f"{self.party}: {self.note}" if self.note else self.party


def _errors(allocations: list[Allocation]) -> dict[str, list[str]]:
    """Every problem with the allocation, keyed by stage (or `<stage>_note`)."""
    errors: dict[str, list[str]] = {}
    seen: set[str] = set()
    for item in allocations:
        if item.stage not in LifecycleStage.values:
            errors.setdefault(item.stage or "stage", []).append(f"{item.stage!r} is not a life-cycle stage.")
        elif item.stage in seen:
            errors.setdefault(item.stage, []).append("This stage is given more than once.")
        elif item.party not in Responsible.values:
            choices = ", ".join(Responsible.values)
            errors.setdefault(item.stage, []).append(f"{item.party!r} is not one of {choices}.")
        elif item.party == Responsible.SHARED and not item.note:
            errors.setdefault(f"{item.stage}_note", []).append("Say how this stage is shared.")
        seen.add(item.stage)
    for stage in LifecycleStage:
        if stage.value not in seen:
            errors.setdefault(stage.value, []).append(f"Say who is responsible for {stage.label.lower()}.")
    return errors


def _current(relationship: Relationship) -> dict[str, Allocation]:
    rows = ResponsibilityAllocation.objects.filter(relationship=relationship)
    return {row.stage: Allocation(row.stage, row.party, row.note) for row in rows}


@transaction.atomic
def set_responsibilities(
    *, actor: User, relationship: Relationship, allocations: Iterable[Allocation]
) -> list[ResponsibilityAllocation]:
    """Say, for every life-cycle stage at once, whether we, they, both or neither are responsible."""
    if not permissions.can_edit_third_parties(actor, relationship.organization):
        raise PermissionDenied("Only owners, managers and contributors can allocate responsibilities.")
    current = Relationship.objects.select_for_update(of=("self",)).get(pk=relationship.pk)
    if not current.is_active:
        raise ActionError("This relationship has ended; its responsibilities are kept as they were.")
    wanted = [Allocation(item.stage, item.party, item.note.strip()) for item in allocations]
    errors = _errors(wanted)
    if errors:
        raise ValidationError(errors)
    before = _current(current)
    new = {item.stage: item for item in wanted}
    changed = [stage for stage in LifecycleStage.values if before.get(stage) != new[stage]]
    if not changed:
        return list(ResponsibilityAllocation.objects.filter(relationship=current))
    ResponsibilityAllocation.objects.filter(relationship=current).delete()
    rows = ResponsibilityAllocation.objects.bulk_create(
        ResponsibilityAllocation(relationship=current, stage=item.stage, party=item.party, note=item.note)
        for item in sorted(wanted, key=lambda item: STAGE_ORDER[item.stage])
    )
    record(
        actor=actor,
        verb="third_party.responsibilities_set",
        target=relationship,
        before={stage: before[stage].summary() if stage in before else None for stage in changed},
        after={stage: new[stage].summary() for stage in changed},
    )
    return rows
