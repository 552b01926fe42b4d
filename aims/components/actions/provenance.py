"""Adding to a dataset's provenance timeline (A.7.5). Events are appended, never changed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction

from aims.audit.trail import record
from aims.components.actions.common import check_can_edit
from aims.components.models import Dataset, ProvenanceEvent
from aims.lib.errors import ActionError

if TYPE_CHECKING:
    from aims.accounts.models import User


@transaction.atomic
def record_provenance_event(
    *, actor: User, dataset: Dataset, kind: str, actor_name: str, occurred_on: date, description: str
) -> ProvenanceEvent:
    """Append what happened to the data (created, changed, moved, shared), by whom and when."""
    check_can_edit(actor, dataset.organization, "record a dataset's provenance")
    if dataset.is_archived:
        raise ActionError(f"{dataset.reference} is archived; restore it before adding to its provenance.")
    event = ProvenanceEvent(
        dataset=dataset,
        kind=kind,
        actor_name=actor_name.strip(),
        occurred_on=occurred_on,
        description=description.strip(),
        recorded_by=actor,
    )
    event.full_clean()
    event.save()
    record(
        actor=actor,
        verb="dataset.provenance_recorded",
        target=dataset,
        data={
            "event": event.pk,
            "kind": kind,
            "actor_name": event.actor_name,
            "occurred_on": occurred_on,
            "description": event.description,
        },
    )
    return event
