"""Per-organisation numbers for register records: INC-0001, NC-0002, MET-003, … Each register's record has
`organization`, `number` and `reference` fields with unique constraints on (organization, number)."""

from __future__ import annotations

from django.db import models
from django.db.models import Max

from aims.organizations.models import Organization


def assign_reference(record: models.Model, prefix: str, *, digits: int = 4) -> None:
    """Give a new record the organisation's next number and its reference (`PREFIX-0001`). Holds the
    organisation's row lock until the transaction ends, so two writers never take the same number; call it
    inside the transaction that saves the record, after validating it."""
    organization_id = record.organization_id  # type: ignore[attr-defined]
    Organization.objects.select_for_update().filter(pk=organization_id).first()
    records = type(record)._default_manager.filter(organization_id=organization_id)
    number = (records.aggregate(n=Max("number"))["n"] or 0) + 1
    record.number = number  # type: ignore[attr-defined]
    record.reference = f"{prefix}-{number:0{digits}d}"  # type: ignore[attr-defined]
