"""Files written to storage inside a transaction that then fails must not stay behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.fields.files import FieldFile


@contextmanager
def discarded_on_error(stored: FieldFile | None) -> Iterator[None]:
    """Delete the stored file (if any) if the block raises: the row that would have named it rolls back."""
    try:
        yield
    except BaseException:
        if stored:
            stored.delete(save=False)
        raise
