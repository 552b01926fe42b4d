"""Reads over the catalogue used by pages across aims."""

from __future__ import annotations

from dataclasses import dataclass, field

from aims.catalog.models import CatalogItem

ISO42001 = "iso42001"


@dataclass
class Node:
    item: CatalogItem
    children: list[Node] = field(default_factory=list)


def _tree(items: list[CatalogItem]) -> list[Node]:
    nodes = {item.pk: Node(item) for item in items}
    roots: list[Node] = []
    for item in items:
        parent = nodes.get(item.parent_id) if item.parent_id else None
        (parent.children if parent else roots).append(nodes[item.pk])
    return roots


def clause_overview(framework: str = ISO42001) -> list[CatalogItem]:
    """The top-level clauses (4 to 10) of the framework, in order."""
    return list(
        CatalogItem.objects.filter(
            framework__code=framework, kind=CatalogItem.Kind.CLAUSE, parent__isnull=True
        ).order_by("position")
    )


def clause_with_children(ref: str, framework: str = ISO42001) -> Node | None:
    """A clause and every sub-clause below it, as a tree, in one query."""
    items = list(
        CatalogItem.objects.filter(framework__code=framework, kind=CatalogItem.Kind.CLAUSE)
        .filter(ref__regex=rf"^{_escape(ref)}(\.|$)")
        .order_by("position")
    )
    roots = _tree(items)
    return roots[0] if roots and roots[0].item.ref == ref else None


def _escape(ref: str) -> str:
    return "".join(f"\\{char}" if char == "." else char for char in ref if char.isalnum() or char == ".")
