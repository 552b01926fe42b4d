"""A live clause page: per sub-clause, the registers whose records serve it, the evidence linked to it, and
the results of the readiness rules that test it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.apps import apps
from django.urls import reverse

from aims.evidence.models import EvidenceLink
from aims.readiness.engine import Readiness, RuleResult

if TYPE_CHECKING:
    from aims.catalog.models import CatalogItem
    from aims.catalog.queries import Node
    from aims.organizations.models import Organization

MAX_EVIDENCE = 20


@dataclass
class ClauseRecords:
    results: list[RuleResult] = field(default_factory=list)
    registers: list[tuple[str, int]] = field(default_factory=list)
    """(register name, how many records the organisation holds in it)."""
    evidence: list[tuple[str, str, str]] = field(default_factory=list)
    """(title, url, valid until) of the evidence linked to it."""

    @property
    def satisfied(self) -> bool | None:
        if not self.results:
            return None
        return all(result.ok for result in self.results)


def _refs(node: Node) -> list[str]:
    return [node.item.ref, *(ref for child in node.children for ref in _refs(child))]


def _registers(organization: Organization, refs: list[str]) -> dict[str, list[tuple[str, int]]]:
    """The models that declare they evidence each ref (their `evidences`), with the organisation's count."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for model in apps.get_models():
        declared = getattr(model, "evidences", ())
        wanted = [ref for ref in refs if ref in declared]
        if not wanted or not any(f.name == "organization" for f in model._meta.concrete_fields):
            continue
        count = model._default_manager.filter(organization=organization).count()
        for ref in wanted:
            found[ref].append((str(model._meta.verbose_name_plural).capitalize(), count))
    return found


def _evidence(organization: Organization, refs: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    links = (
        EvidenceLink.objects.filter(
            organization=organization, item__ref__in=refs, item__framework__code="iso42001"
        )
        .select_related("evidence", "item")
        .order_by("item__position", "-evidence__collected_on")
    )
    found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link in links[: MAX_EVIDENCE * len(refs)]:
        evidence = link.evidence
        url = reverse("evidence:evidence_detail", kwargs={"org": organization.slug, "pk": evidence.pk})
        until = evidence.valid_until.isoformat() if evidence.valid_until else ""
        ref = link.item.ref if link.item else ""
        if len(found[ref]) < MAX_EVIDENCE:
            found[ref].append((evidence.title, url, until))
    return found


@dataclass
class LiveNode:
    """A clause of the catalogue tree with what the organisation holds for it."""

    item: CatalogItem
    records: ClauseRecords
    children: list[LiveNode]


def live_tree(organization: Organization, tree: Node, readiness: Readiness) -> LiveNode:
    """The clause tree with, on every node, its rules' results, registers and evidence."""
    refs = _refs(tree)
    registers = _registers(organization, refs)
    evidence = _evidence(organization, refs)

    def build(node: Node) -> LiveNode:
        ref = node.item.ref
        records = ClauseRecords(
            results=sorted(
                (r for r in readiness.results if ref in r.refs), key=lambda r: (r.ok, r.severity.rank)
            ),
            registers=registers.get(ref, []),
            evidence=evidence.get(ref, []),
        )
        return LiveNode(node.item, records, [build(child) for child in node.children])

    return build(tree)
