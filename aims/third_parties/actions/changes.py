"""Shared steps of the app's actions: applying a set of changes, and the derived review dates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.db.models import Min

from aims.third_parties.models import DueDiligence, ThirdParty


def apply_changes(
    instance: models.Model, changes: Mapping[str, Any], editable: frozenset[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set the changed fields on the instance (text stripped); returns (before, after) of the changed."""
    unknown = set(changes) - editable
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}.")
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name, value in changes.items():
        new = value.strip() if isinstance(value, str) else value
        old = getattr(instance, name)
        if old != new:
            before[name], after[name] = old, new
            setattr(instance, name, new)
    return before, after


def refresh_review_dates(party: ThirdParty) -> None:
    """Recompute what the party carries for lists: its latest due diligence, and its next review (the
    earliest of its active relationships' review dates and the latest due diligence's next due date)."""
    earliest = party.relationships.active().aggregate(earliest=Min("next_review_on"))["earliest"]
    latest = DueDiligence.objects.filter(third_party=party).order_by("-performed_on", "-pk").first()
    dates = [day for day in (earliest, latest.next_due_on if latest else None) if day is not None]
    party.next_review_on = min(dates) if dates else None
    party.due_diligence_outcome = latest.outcome if latest else ""
    party.due_diligence_on = latest.performed_on if latest else None
    party.save(update_fields=["next_review_on", "due_diligence_outcome", "due_diligence_on"])
