"""Loading a framework's catalogue from package data: validated first, then upserted in one transaction.

A data file is `{"framework": {code, name, edition, data_version}, "items": [...]}`, each item
`{ref, title, kind, annex, parent, summary, documented_information}`, parents before their children.
Loading is idempotent: items are matched by (framework code, ref), so running it twice creates nothing,
and a newer data_version updates changed items in place. Items no longer in the data are deleted unless
a record links to them; either way they are reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.catalog.models import CatalogItem, Framework

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_DATA_FILE = DATA_DIR / "iso42001-2023.json"

ANNEXES = ("", "A", "C")
ITEM_FIELDS = ("title", "kind", "annex", "summary", "documented_information", "position", "parent_id")
_MAX_LENGTHS = {"ref": 30, "title": 200, "documented_information": 300}


class CatalogDataError(Exception):
    """The data file is not valid; nothing was written. `problems` lists every fault found."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        listed = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{source} is not a valid catalogue file:\n{listed}")


@dataclass(frozen=True)
class ItemData:
    ref: str
    title: str
    kind: str
    annex: str
    parent: str | None
    summary: str
    documented_information: str


@dataclass(frozen=True)
class CatalogData:
    code: str
    name: str
    edition: str
    data_version: int
    items: list[ItemData]


@dataclass
class LoadResult:
    framework: str
    data_version: int
    previous_version: int | None
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def describe(self) -> str:
        version = f"data version {self.data_version}"
        if self.previous_version not in (None, self.data_version):
            version += f" (was {self.previous_version})"
        text = (
            f"{self.framework} {version}: {len(self.created)} created, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.deleted)} deleted."
        )
        if self.kept:
            text += f" Kept, because records link to them: {', '.join(self.kept)}."
        return text


# Reading and validation: pure functions, nothing touches the database.


def read_catalog_file(path: Path) -> CatalogData:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogDataError(str(path), [f"cannot be read as JSON: {exc}"]) from exc
    return parse_catalog(raw, source=str(path))


def parse_catalog(raw: Any, *, source: str = "catalogue data") -> CatalogData:
    if not isinstance(raw, dict):
        raise CatalogDataError(source, ["the top level must be an object with framework and items"])
    problems: list[str] = []
    framework = _parse_framework(raw.get("framework"), problems)
    items = _parse_items(raw.get("items"), problems)
    if problems or framework is None:
        raise CatalogDataError(source, problems)
    return CatalogData(**framework, items=items)


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _parse_framework(raw: Any, problems: list[str]) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        problems.append("framework: must be an object with code, name, edition and data_version")
        return None
    faults = [
        f"framework: {key} is missing" for key in ("code", "name", "edition") if not _text(raw.get(key))
    ]
    version = raw.get("data_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        faults.append("framework: data_version must be a whole number from 1")
    problems.extend(faults)
    if faults:
        return None
    return {key: raw[key] for key in ("code", "name", "edition", "data_version")}


def _parse_items(raw: Any, problems: list[str]) -> list[ItemData]:
    if not isinstance(raw, list) or not raw:
        problems.append("items: must be a non-empty list")
        return []
    parsed = [(number, _parse_item(number, entry, problems)) for number, entry in enumerate(raw, start=1)]
    items = [(number, item) for number, item in parsed if item is not None]
    every_ref = {item.ref for _, item in items}
    seen: set[str] = set()
    for number, item in items:
        label = f"item {number} ({item.ref})"
        if item.ref in seen:
            problems.append(f"{label}: duplicate ref")
        elif item.parent is not None and item.parent not in every_ref:
            problems.append(f"{label}: parent {item.parent} does not exist")
        elif item.parent is not None and item.parent not in seen:
            problems.append(f"{label}: parent {item.parent} must come before its children")
        seen.add(item.ref)
    return [item for _, item in items]


def _parse_item(number: int, entry: Any, problems: list[str]) -> ItemData | None:
    if not isinstance(entry, dict):
        problems.append(f"item {number}: must be an object")
        return None
    label = f"item {number} ({entry.get('ref') or 'no ref'})"
    faults = [f"{label}: {fault}" for fault in _item_faults(entry)]
    problems.extend(faults)
    if faults:
        return None
    return ItemData(
        ref=entry["ref"],
        title=entry["title"],
        kind=entry["kind"],
        annex=entry.get("annex") or "",
        parent=entry.get("parent") or None,
        summary=entry.get("summary") or "",
        documented_information=entry.get("documented_information") or "",
    )


def _item_faults(entry: dict[str, Any]) -> list[str]:
    faults = [f"{key} is missing" for key in ("ref", "title", "kind") if not _text(entry.get(key))]
    if _text(entry.get("kind")) and entry["kind"] not in CatalogItem.Kind.values:
        faults.append(
            f"unknown kind {entry['kind']!r} (expected one of {', '.join(CatalogItem.Kind.values)})"
        )
    if (entry.get("annex") or "") not in ANNEXES:
        faults.append(f"unknown annex {entry['annex']!r}")
    for key in ("parent", "summary", "documented_information"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            faults.append(f"{key} must be text")
    for key, limit in _MAX_LENGTHS.items():
        if isinstance(entry.get(key), str) and len(entry[key]) > limit:
            faults.append(f"{key} is longer than {limit} characters")
    return faults


# Writing: one transaction, a constant number of queries whatever the number of items.


def load_catalog(path: Path | str | None = None) -> LoadResult:
    """Validate the data file (the ISO/IEC 42001 catalogue by default), then upsert it."""
    return load_catalog_data(read_catalog_file(Path(path) if path else DEFAULT_DATA_FILE))


@transaction.atomic
def load_catalog_data(data: CatalogData) -> LoadResult:
    framework, previous = _upsert_framework(data)
    result = LoadResult(f"{data.name}:{data.edition}", data.data_version, previous)
    existing = {item.ref: item for item in framework.items.all()}
    created = _create_missing(framework, data, existing)
    by_ref = existing | {item.ref: item for item in created}
    changed = _apply_fields(data, by_ref, result, {item.ref for item in created})
    CatalogItem.objects.bulk_update(changed, ITEM_FIELDS)
    _remove_dropped(existing, {item.ref for item in data.items}, result)
    return result


def _upsert_framework(data: CatalogData) -> tuple[Framework, int | None]:
    framework = Framework.objects.select_for_update().filter(code=data.code).first()
    previous = framework.data_version if framework else None
    if previous is not None and data.data_version < previous:
        raise CatalogDataError(
            data.code, [f"data_version {data.data_version} is older than the loaded version {previous}"]
        )
    framework = framework or Framework(code=data.code)
    framework.name, framework.edition = data.name, data.edition
    framework.data_version, framework.loaded_at = data.data_version, timezone.now()
    framework.save()
    return framework, previous


def _create_missing(
    framework: Framework, data: CatalogData, existing: dict[str, CatalogItem]
) -> list[CatalogItem]:
    new = [
        CatalogItem(framework=framework, ref=item.ref, title=item.title, kind=item.kind, annex=item.annex)
        for item in data.items
        if item.ref not in existing
    ]
    return CatalogItem.objects.bulk_create(new)


def _apply_fields(
    data: CatalogData, by_ref: dict[str, CatalogItem], result: LoadResult, created: set[str]
) -> list[CatalogItem]:
    changed: list[CatalogItem] = []
    for position, entry in enumerate(data.items, start=1):
        item = by_ref[entry.ref]
        wanted = {
            "title": entry.title,
            "kind": entry.kind,
            "annex": entry.annex,
            "summary": entry.summary,
            "documented_information": entry.documented_information,
            "position": position,
            "parent_id": by_ref[entry.parent].pk if entry.parent else None,
        }
        if entry.ref not in created and all(getattr(item, name) == value for name, value in wanted.items()):
            result.unchanged += 1
            continue
        for name, value in wanted.items():
            setattr(item, name, value)
        changed.append(item)
        (result.created if entry.ref in created else result.updated).append(entry.ref)
    return changed


def _remove_dropped(existing: dict[str, CatalogItem], wanted: set[str], result: LoadResult) -> None:
    dropped = {ref: item for ref, item in existing.items() if ref not in wanted}
    if not dropped:
        return
    linked = set(
        CatalogItem.objects.filter(pk__in=[item.pk for item in dropped.values()], links__isnull=False)
        .values_list("ref", flat=True)
        .distinct()
    )
    doomed = [item.pk for ref, item in dropped.items() if ref not in linked]
    # A kept item must not be deleted with a doomed parent (a cascade would hit its protected links).
    kept = [dropped[ref].pk for ref in linked]
    CatalogItem.objects.filter(pk__in=kept, parent_id__in=doomed).update(parent=None)
    CatalogItem.objects.filter(pk__in=doomed).delete()
    result.kept = sorted(linked, key=_ref_key)
    result.deleted = sorted((ref for ref in dropped if ref not in linked), key=_ref_key)


def _ref_key(ref: str) -> list[tuple[int, str]]:
    """Sort "A.10.2" after "A.9.4": numbers as numbers."""
    return [(int(part), "") if part.isdigit() else (-1, part) for part in ref.split(".")]
