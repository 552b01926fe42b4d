"""Small helpers the registers' rules are written with, so that each rule says only what it tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from aims.readiness.registry import MAX_RECORDS, Link, Outcome, failed, passed

M = TypeVar("M", bound=Model)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 AI system", "3 AI systems"."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def none_of(
    found: QuerySet[M],
    *,
    ok: str,
    problem: Callable[[int], str],
    link: Callable[[M], Link],
    fix: Link | None = None,
) -> Outcome:
    """Passes (saying `ok`) when `found` is empty; else fails with `problem(count)`, naming the first records.

    Two queries at most: the first records, and the count only when there are more than are listed.
    """
    rows = list(found[: MAX_RECORDS + 1])
    if not rows:
        return passed(ok)
    count = len(rows) if len(rows) <= MAX_RECORDS else found.count()
    return failed(problem(count), records=[link(row) for row in rows[:MAX_RECORDS]], count=count, fix=fix)


def reference_label(record: Any) -> str:
    """ "AIS-0003 Loan screening": a record's reference and its name or title."""
    reference = getattr(record, "reference", "") or ""
    name = getattr(record, "name", None) or getattr(record, "title", None) or str(record)
    return f"{reference} {name}".strip()
