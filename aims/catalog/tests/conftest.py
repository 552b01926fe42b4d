"""Catalogue tests: the ISO/IEC 42001 catalogue loaded from package data, and copies of it to edit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aims.catalog.loading import DEFAULT_DATA_FILE, LoadResult, load_catalog

WriteData = Callable[[Callable[[dict[str, Any]], None]], Path]


@pytest.fixture
def catalog(db: None) -> LoadResult:
    return load_catalog()


@pytest.fixture
def raw_data() -> dict[str, Any]:
    return json.loads(DEFAULT_DATA_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def write_data(tmp_path: Path) -> WriteData:
    """A copy of the packaged data file, changed by `edit`, written to a temporary file."""

    def write(edit: Callable[[dict[str, Any]], None]) -> Path:
        data = json.loads(DEFAULT_DATA_FILE.read_text(encoding="utf-8"))
        edit(data)
        path = tmp_path / "catalog.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return write


def item(data: dict[str, Any], ref: str) -> dict[str, Any]:
    return next(entry for entry in data["items"] if entry["ref"] == ref)
