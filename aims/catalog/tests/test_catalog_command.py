"""`aims catalog load` and `aims catalog show`, called as management commands."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from aims.catalog.models import CatalogItem


def run(*args: str) -> str:
    out = StringIO()
    call_command("catalog", *args, stdout=out)
    return out.getvalue()


def test_load_prints_what_it_created_then_that_nothing_changed(db):
    first = run("load")
    assert "ISO/IEC 42001:2023 data version 1: 108 created, 0 updated" in first
    assert "Created: 4, 4.1, 4.2" in first
    second = run("load")
    assert "0 created, 0 updated, 108 unchanged, 0 deleted." in second
    assert "Created" not in second
    assert CatalogItem.objects.count() == 108


def test_load_refuses_a_bad_file_with_the_reason(db, tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_text('{"framework": {"code": "x"}, "items": []}', encoding="utf-8")
    with pytest.raises(CommandError, match="framework: name is missing"):
        run("load", str(path))
    assert not CatalogItem.objects.exists()


def test_show_json_lists_every_item_with_id_title_and_kind(catalog):
    rows = json.loads(run("show", "--format", "json"))
    assert len(rows) == 108
    by_id = {row["id"]: row for row in rows}
    control = by_id["A.2.2"]
    assert (control["title"], control["kind"], control["annex"]) == ("AI policy", "control", "A")
    assert (control["parent"], control["framework"]) == ("A.2", "iso42001")
    assert by_id["6.1.3"]["kind"] == "clause"
    assert by_id["C.3.4"]["kind"] == "risk_source"
    kinds = {row["kind"] for row in rows}
    assert kinds == {"clause", "control", "objective", "risk_source"}


def test_show_filters_by_kind(catalog):
    rows = json.loads(run("show", "--format", "json", "--kind", "control", "--kind", "risk_source"))
    assert len(rows) == 38 + 7
    assert {row["kind"] for row in rows} == {"control", "risk_source"}


def test_show_text_prints_one_line_per_item(catalog):
    lines = run("show", "--kind", "objective").splitlines()
    assert len(lines) == 9 + 11
    assert lines[0].split() == ["A.2", "objective", "Policies", "related", "to", "AI"]


def test_show_says_when_nothing_is_loaded(db):
    with pytest.raises(CommandError, match="not loaded"):
        run("show")
