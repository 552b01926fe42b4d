"""What an audit's scope covers: the catalogue's leaf requirements under the chosen clauses, Annex A
objectives and controls, in catalogue order; and who in the team owns something in scope (9.2.2 c))."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.controls.models import Control

REQUIREMENT_KINDS = (CatalogItem.Kind.CLAUSE, CatalogItem.Kind.CONTROL)
SCOPE_KINDS = (CatalogItem.Kind.CLAUSE, CatalogItem.Kind.CONTROL, CatalogItem.Kind.OBJECTIVE)


@dataclass(frozen=True)
class Requirement:
    item: CatalogItem
    group: str
    """The top-level clause ("7") or Annex A group ("A.6") it belongs to."""


def _top(item: CatalogItem, by_id: dict[int, CatalogItem]) -> CatalogItem:
    while item.parent_id is not None and item.parent_id in by_id:
        item = by_id[item.parent_id]
    return item


def expand(chosen: Iterable[CatalogItem]) -> list[Requirement]:
    """The leaf clauses and the controls under the chosen items, in catalogue order, in one query."""
    chosen_ids = {item.pk for item in chosen}
    framework_ids = {item.framework_id for item in chosen}
    if not chosen_ids:
        return []
    items = list(
        CatalogItem.objects.filter(framework_id__in=framework_ids, kind__in=SCOPE_KINDS).order_by(
            "framework_id", "position"
        )
    )
    by_id = {item.pk: item for item in items}
    parents = {item.parent_id for item in items if item.kind in REQUIREMENT_KINDS and item.parent_id}
    wanted: list[Requirement] = []
    for item in items:
        if item.kind not in REQUIREMENT_KINDS or item.pk in parents:
            continue
        if _covered(item, chosen_ids, by_id):
            wanted.append(Requirement(item=item, group=_top(item, by_id).ref))
    return wanted


def _covered(item: CatalogItem, chosen_ids: set[int], by_id: dict[int, CatalogItem]) -> bool:
    node: CatalogItem | None = item
    while node is not None:
        if node.pk in chosen_ids:
            return True
        node = by_id.get(node.parent_id) if node.parent_id is not None else None
    return False


def conflicts(
    organization_id: int,
    people: Iterable[User],
    systems: Iterable[AISystem],
    requirements: Iterable[Requirement],
) -> list[str]:
    """One sentence for each thing in scope that a member of the audit team owns (two queries at most)."""
    by_id = {person.pk: person for person in people}
    found: list[str] = []
    for system in sorted(systems, key=lambda s: s.reference):
        if system.owner_id in by_id:
            name = by_id[system.owner_id].display_name
            found.append(f"{name} owns {system.reference} {system.name} and cannot audit it.")
    control_items = [r.item.pk for r in requirements if r.item.kind == CatalogItem.Kind.CONTROL]
    if control_items and by_id:
        owned = Control.objects.filter(
            organization_id=organization_id, catalog_item_id__in=control_items, owner_id__in=list(by_id)
        ).order_by("position", "reference")
        for control in owned:
            assert control.owner_id is not None
            name = by_id[control.owner_id].display_name
            found.append(f"{name} owns control {control.reference} {control.title} and cannot audit it.")
    return found
