"""Loading is idempotent, updates in place by data_version, and refuses bad data before writing."""

from __future__ import annotations

from typing import Any

import pytest

from aims.catalog.loading import CatalogDataError, load_catalog
from aims.catalog.models import CatalogItem, Framework, RequirementLink
from aims.catalog.tests.conftest import item


def snapshot() -> list[tuple[Any, ...]]:
    return list(
        CatalogItem.objects.order_by("pk").values_list(
            "pk", "ref", "title", "summary", "parent_id", "position"
        )
    )


def test_loading_twice_creates_nothing_new(catalog):
    before = snapshot()
    again = load_catalog()
    assert again.created == []
    assert again.updated == []
    assert again.unchanged == 108
    assert not again.changed
    assert snapshot() == before
    assert Framework.objects.count() == 1
    assert len(catalog.created) == 108


def test_loading_runs_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        load_catalog()
    with django_assert_max_num_queries(12):
        load_catalog()


def test_a_newer_data_version_updates_items_in_place(catalog, write_data):
    pks = dict(CatalogItem.objects.values_list("ref", "pk"))

    def edit(data: dict[str, Any]) -> None:
        data["framework"]["data_version"] = 2
        item(data, "A.2.2")["title"] = "AI policy (retitled)"
        item(data, "4.1")["summary"] = "A new paraphrase."

    result = load_catalog(write_data(edit))
    assert result.updated == ["4.1", "A.2.2"]
    assert result.created == []
    assert (result.previous_version, result.data_version) == (1, 2)
    assert "was 1" in result.describe()
    assert Framework.objects.get().data_version == 2
    retitled = CatalogItem.objects.get(ref="A.2.2")
    assert retitled.title == "AI policy (retitled)"
    assert retitled.pk == pks["A.2.2"]
    assert CatalogItem.objects.get(ref="4.1").summary == "A new paraphrase."
    assert CatalogItem.objects.count() == 108


def test_an_older_data_version_is_refused(catalog, write_data):
    def bump(data: dict[str, Any]) -> None:
        data["framework"]["data_version"] = 3

    load_catalog(write_data(bump))
    with pytest.raises(CatalogDataError, match="older than the loaded version 3"):
        load_catalog()
    assert Framework.objects.get().data_version == 3


def test_a_new_item_gets_its_parent_and_position(catalog, write_data):
    def edit(data: dict[str, Any]) -> None:
        data["framework"]["data_version"] = 2
        index = data["items"].index(item(data, "A.2.4"))
        new = {"ref": "A.2.5", "title": "Invented", "kind": "control", "annex": "A", "parent": "A.2"}
        data["items"].insert(index + 1, new)

    result = load_catalog(write_data(edit))
    assert result.created == ["A.2.5"]
    new = CatalogItem.objects.get(ref="A.2.5")
    assert new.parent is not None
    assert new.parent.ref == "A.2"
    assert [i.ref for i in CatalogItem.objects.filter(parent__ref="A.2")] == [
        "A.2.2",
        "A.2.3",
        "A.2.4",
        "A.2.5",
    ]
    assert "A.3" in result.updated  # everything after it moved down one place


def test_removed_items_are_deleted_unless_a_record_links_to_them(catalog, write_data, personas):
    RequirementLink.objects.create(
        organization=personas.org, item=CatalogItem.objects.get(ref="A.10.3"), record=personas.org
    )

    def edit(data: dict[str, Any]) -> None:
        data["framework"]["data_version"] = 2
        drop = {"A.10", "A.10.2", "A.10.3", "A.10.4", "C.3.7"}
        data["items"] = [entry for entry in data["items"] if entry["ref"] not in drop]

    result = load_catalog(write_data(edit))
    assert result.deleted == ["A.10", "A.10.2", "A.10.4", "C.3.7"]
    assert result.kept == ["A.10.3"]
    assert "Kept, because records link to them: A.10.3" in result.describe()
    kept = CatalogItem.objects.get(ref="A.10.3")
    assert kept.parent is None
    assert not CatalogItem.objects.filter(ref__in=["A.10", "A.10.2", "C.3.7"]).exists()


BAD_DATA = {
    "unknown kind": (lambda d: item(d, "A.2.2").update(kind="guideline"), "unknown kind 'guideline'"),
    "missing parent": (lambda d: item(d, "A.2.2").update(parent="A.99"), "parent A.99 does not exist"),
    "parent after child": (
        lambda d: d["items"].append(d["items"].pop(0)),
        "parent 4 must come before its children",
    ),
    "duplicate ref": (lambda d: d["items"].append(dict(item(d, "5.2"))), "(5.2): duplicate ref"),
    "missing title": (lambda d: item(d, "7.1").update(title=""), "(7.1): title is missing"),
    "unknown annex": (lambda d: item(d, "C.2.1").update(annex="Z"), "unknown annex 'Z'"),
    "bad version": (lambda d: d["framework"].update(data_version="two"), "data_version must be"),
    "no items": (lambda d: d.update(items=[]), "items: must be a non-empty list"),
}


@pytest.mark.parametrize("fault", BAD_DATA.keys())
def test_bad_data_is_refused_before_anything_is_written(db, write_data, fault):
    edit, message = BAD_DATA[fault]
    with pytest.raises(CatalogDataError) as refused:
        load_catalog(write_data(edit))
    assert message in str(refused.value)
    assert not Framework.objects.exists()
    assert not CatalogItem.objects.exists()


def test_bad_data_leaves_a_loaded_catalogue_untouched(catalog, write_data):
    before = snapshot()

    def edit(data: dict[str, Any]) -> None:
        data["framework"]["data_version"] = 2
        item(data, "4.1")["title"] = "Changed"
        item(data, "A.2.2")["kind"] = "guideline"

    with pytest.raises(CatalogDataError):
        load_catalog(write_data(edit))
    assert snapshot() == before
    assert Framework.objects.get().data_version == 1


def test_a_file_that_is_not_json_is_refused(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CatalogDataError, match="cannot be read as JSON"):
        load_catalog(path)
