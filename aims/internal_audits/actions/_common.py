"""What the internal audit actions share: field cleaning, snapshots for the audit trail, refusals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models

TEXT_FIELDS = {
    "name", "cycle", "frequency", "criteria", "scope", "responsibilities", "objectives", "title", "plan",
    "conclusion", "notes", "evidence_references",
}  # fmt: skip


def cleaned(values: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {k: (v or "").strip() if k in TEXT_FIELDS else v for k, v in values.items()}


def shown(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: shown(getattr(instance, name)) for name in fields}


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)
