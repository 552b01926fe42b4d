"""Reads over the catalogue used by pages, the API and the CLI across aims.

Every function here runs a fixed number of queries, however many items a framework has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from aims.catalog.models import CatalogItem, Framework

ISO42001 = "iso42001"

# Headings of the browsable tree: the top-level items of a framework, grouped by annex and kind.
SECTION_TITLES: dict[tuple[str, str], str] = {
    ("", CatalogItem.Kind.CLAUSE): "Clauses 4 to 10: requirements",
    ("A", CatalogItem.Kind.OBJECTIVE): "Annex A: reference control objectives and controls",
    ("C", CatalogItem.Kind.OBJECTIVE): "Annex C: potential AI-related organizational objectives",
    ("C", CatalogItem.Kind.RISK_SOURCE): "Annex C: potential risk sources",
}


@dataclass
class Node:
    item: CatalogItem
    children: list[Node] = field(default_factory=list)


@dataclass
class Section:
    """One part of a framework's tree, such as its clauses or Annex A."""

    key: str
    title: str
    annex: str
    nodes: list[Node]

    @property
    def groups(self) -> list[Node]:
        """Top-level items with items below them (the Annex A objectives and their controls)."""
        return [node for node in self.nodes if node.children]

    @property
    def leaves(self) -> list[Node]:
        """Top-level items that stand alone (the Annex C objectives and risk sources)."""
        return [node for node in self.nodes if not node.children]


@dataclass
class ItemDetail:
    item: CatalogItem
    ancestors: list[CatalogItem]
    children: list[CatalogItem]


def _tree(items: list[CatalogItem]) -> list[Node]:
    nodes = {item.pk: Node(item) for item in items}
    roots: list[Node] = []
    for item in items:
        parent = nodes.get(item.parent_id) if item.parent_id else None
        (parent.children if parent else roots).append(nodes[item.pk])
    return roots


def get_framework(code: str = ISO42001) -> Framework | None:
    return Framework.objects.filter(code=code).first()


def frameworks() -> QuerySet[Framework]:
    """Every loaded framework, with the number of items in each."""
    return Framework.objects.annotate(item_count=Count("items")).order_by("code")


def catalog_tree(framework: str = ISO42001) -> list[Section]:
    """The whole framework as sections of trees (clauses, Annex A, Annex C …), in one query."""
    roots = _tree(list(CatalogItem.objects.filter(framework__code=framework).order_by("position")))
    sections: dict[tuple[str, str], Section] = {}
    for node in roots:
        key = (node.item.annex, node.item.kind)
        if key not in sections:
            sections[key] = Section(
                key=f"annex-{key[0]}-{key[1]}".lower().replace("_", "-") if key[0] else "clauses",
                title=SECTION_TITLES.get(key, _section_title(*key)),
                annex=node.item.annex,
                nodes=[],
            )
        sections[key].nodes.append(node)
    return list(sections.values())


def _section_title(annex: str, kind: str) -> str:
    label = CatalogItem.Kind(kind).label
    return f"Annex {annex}: {label.lower()}s" if annex else f"{label}s"


def find_items(
    *, q: str = "", kind: str | None = None, annex: str | None = None, framework: str | None = ISO42001
) -> QuerySet[CatalogItem]:
    """Items matching a search in ref, title or summary, filtered by kind, annex and framework."""
    items = CatalogItem.objects.select_related("framework", "parent").order_by("framework__code", "position")
    if framework:
        items = items.filter(framework__code=framework)
    if q.strip():
        term = q.strip()
        items = items.filter(Q(ref__icontains=term) | Q(title__icontains=term) | Q(summary__icontains=term))
    if kind:
        items = items.filter(kind=kind)
    if annex is not None:
        items = items.filter(annex=annex)
    return items


def get_item(ref: str, framework: str = ISO42001) -> CatalogItem:
    """One item by its ref, with its parent and grandparent; 404 when there is none."""
    item = (
        CatalogItem.objects.select_related("framework", "parent__parent__parent")
        .filter(framework__code=framework, ref=ref)
        .first()
    )
    if item is None:
        raise Http404(f"No catalogue item {ref} in {framework}.")
    return item


def item_detail(ref: str, framework: str = ISO42001) -> ItemDetail:
    """An item with the chain of items above it (the top first) and the items directly below it."""
    item = get_item(ref, framework)
    ancestors: list[CatalogItem] = []
    parent = item.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    children = list(item.children.select_related("framework", "parent").order_by("position"))
    return ItemDetail(item=item, ancestors=ancestors, children=children)


def items_linked_to(record: models.Model) -> QuerySet[CatalogItem]:
    """The requirements a record (a risk, a document, an organisation …) is linked to as evidence."""
    content_type = ContentType.objects.get_for_model(record)
    return (
        CatalogItem.objects.filter(links__content_type=content_type, links__object_id=str(record.pk))
        .select_related("framework")
        .order_by("framework__code", "position")
    )


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
