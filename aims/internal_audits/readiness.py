"""Readiness rules for internal audit (9.2.1, 9.2.2): an approved programme for the current cycle, audits
reported within the cycle that between them cover every clause and every included Annex A control, auditors
who audit nothing they own, and a nonconformity raised from every major or minor finding.

Coverage is worked out from four reads whatever the number of audits: the catalogue's clauses and controls,
the scope items and checklist requirements of the audits of the cycle, and the included controls.
Independence is one query over the audits, with `Exists` columns for owned AI systems and controls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.catalog.queries import ISO42001
from aims.controls.models import Control, Decision
from aims.internal_audits.models import NONCONFORMING, AuditProgramme, ChecklistItem, InternalAudit
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION
S = InternalAudit.Status
FINAL = (S.REPORTED, S.CLOSED)
OPEN = (S.PLANNED, S.IN_PROGRESS)
CLAUSE_GROUPS = ("4", "5", "6", "7", "8", "9", "10")


def _since(ctx: Context) -> date:
    return ctx.months_ago(ctx.settings.audit_cycle_months)


def _cycle(ctx: Context) -> str:
    return f"the last {plural(ctx.settings.audit_cycle_months, 'month')}"


def _audit_link(ctx: Context, audit: InternalAudit, note: str = "") -> Link:
    label = reference_label(audit) + (f": {note}" if note else "")
    return ctx.link(label, "internal_audits:audit_detail", pk=audit.pk)


def _reported(ctx: Context) -> QuerySet[InternalAudit]:
    """The audits reported within the audit cycle."""
    return InternalAudit.objects.filter(
        organization=ctx.organization, status__in=FINAL, reported_on__gte=_since(ctx)
    )


@rule("9.2-programme-approved", "9.2.2", "An approved audit programme covers the current cycle", BLOCKER)
def programme_approved(ctx: Context) -> Outcome:
    covering = AuditProgramme.objects.filter(
        organization=ctx.organization, period_start__lte=ctx.today, period_end__gte=ctx.today
    ).order_by("-period_start", "-pk")
    approved = covering.filter(status=AuditProgramme.Status.APPROVED).first()
    if approved is not None:
        return passed(f"The approved audit programme {approved.cycle} covers the current cycle.")
    draft = covering.first()
    if draft is None:
        return failed(
            f"No audit programme covers the current cycle ({ctx.today:%Y-%m-%d}).",
            fix=ctx.link("Draw up the audit programme", "internal_audits:programme_create"),
        )
    link = ctx.link(f"{draft.cycle} {draft.name}", "internal_audits:programme_detail", pk=draft.pk)
    return failed(
        f"The audit programme {draft.cycle} is not approved.",
        records=[link],
        fix=Link(f"Approve the audit programme {draft.cycle}", link.url),
    )


@rule("9.2-audit-completed", "9.2.1", "An internal audit is reported within the audit cycle", BLOCKER)
def audit_completed(ctx: Context) -> Outcome:
    latest = _reported(ctx).order_by("-reported_on", "-number").first()
    if latest is not None:
        return passed(
            f"{latest.reference} was reported on {latest.reported_on:%Y-%m-%d}, within {_cycle(ctx)}."
        )
    under_way = (
        InternalAudit.objects.filter(organization=ctx.organization, status__in=OPEN)
        .order_by("planned_start", "number")
        .first()
    )
    message = f"No internal audit has been reported within {_cycle(ctx)}."
    if under_way is None:
        return failed(message, fix=ctx.link("Plan an internal audit", "internal_audits:audit_create"))
    link = _audit_link(ctx, under_way, under_way.get_status_display().lower())
    return failed(message, records=[link], fix=Link(f"Complete and report {under_way.reference}", link.url))


@dataclass(frozen=True)
class Node:
    pk: int
    ref: str
    parent_id: int | None
    kind: str


def _catalogue() -> dict[int, Node]:
    """Clauses 4 to 10 and Annex A, objectives and controls, in catalogue order."""
    rows = CatalogItem.objects.filter(framework__code=ISO42001).filter(
        Q(kind=CatalogItem.Kind.CLAUSE, annex="")
        | Q(annex="A", kind__in=(CatalogItem.Kind.OBJECTIVE, CatalogItem.Kind.CONTROL))
    )
    found = rows.order_by("position").values_list("pk", "ref", "parent_id", "kind")
    return {pk: Node(pk, ref, parent_id, kind) for pk, ref, parent_id, kind in found}


def _covered(ctx: Context, nodes: dict[int, Node]) -> set[int]:
    """The catalogue items the audits reported within the cycle cover: those in their scope or checklist,
    and everything under them."""
    audits = _reported(ctx).values("pk")
    chosen = set(
        InternalAudit.scope_items.through.objects.filter(internalaudit_id__in=audits).values_list(
            "catalogitem_id", flat=True
        )
    )
    chosen |= set(ChecklistItem.objects.filter(audit_id__in=audits).values_list("requirement_id", flat=True))
    covered = set()
    for pk in nodes:
        node: Node | None = nodes[pk]
        while node is not None and node.pk not in chosen:
            node = nodes.get(node.parent_id) if node.parent_id is not None else None
        if node is not None:
            covered.add(pk)
    return covered


def _uncovered_clauses(nodes: dict[int, Node], covered: set[int]) -> list[str]:
    """The uncovered clauses, each named at the highest level at which nothing under it is covered: "8"
    when nothing of clause 8 was audited, "6.1.2" when only that part of 6 was missed."""
    children: dict[int | None, list[Node]] = {}
    for node in nodes.values():
        if node.kind == CatalogItem.Kind.CLAUSE:
            children.setdefault(node.parent_id, []).append(node)

    def untouched(node: Node) -> bool:
        return node.pk not in covered and all(untouched(child) for child in children.get(node.pk, []))

    def gaps(node: Node) -> list[str]:
        if untouched(node):
            return [node.ref]
        return [ref for child in children.get(node.pk, []) for ref in gaps(child)]

    return [ref for top in children.get(None, []) if top.ref in CLAUSE_GROUPS for ref in gaps(top)]


def _listed(refs: list[str]) -> str:
    """ "8", "8 and 9.2.1", "4, 8 and 9.2.1"."""
    return refs[0] if len(refs) == 1 else f"{', '.join(refs[:-1])} and {refs[-1]}"


@rule(
    "9.2-coverage",
    ("9.2.1", "9.2.2"),
    "The audits of the cycle cover every clause and every included Annex A control",
    NC,
)
def coverage(ctx: Context) -> Outcome:
    nodes = _catalogue()
    covered = _covered(ctx, nodes)
    clauses = _uncovered_clauses(nodes, covered)
    included = Control.objects.filter(
        organization=ctx.organization, decision=Decision.INCLUDED, catalog_item__isnull=False
    ).only("pk", "reference", "title", "catalog_item_id")
    controls = [c for c in included.order_by("position", "reference") if c.catalog_item_id not in covered]
    if not clauses and not controls:
        return passed(
            f"The audits reported within {_cycle(ctx)} cover clauses 4 to 10 and every included Annex A "
            "control."
        )
    parts = []
    if clauses:
        parts.append(f"{'clause' if len(clauses) == 1 else 'clauses'} {_listed(clauses)}")
    if controls:
        parts.append(plural(len(controls), "included Annex A control"))
    records = [ctx.link(f"Clause {ref}", "organizations:clause_detail", clause=ref) for ref in clauses]
    records += [ctx.link(reference_label(c), "controls:control_detail", pk=c.pk) for c in controls]
    return failed(
        f"Not covered by any audit reported within {_cycle(ctx)}: {'; '.join(parts)}.",
        records=records,
        count=len(records),
        fix=ctx.link("Plan an audit of what is not yet covered", "internal_audits:audit_create"),
    )


def _owned_by_an_auditor(field: str) -> Q:
    """`field` (an owner) is the audit's lead auditor or one of its team: inside a subquery of the audit."""
    team = InternalAudit.team.through.objects.filter(internalaudit_id=OuterRef(OuterRef("pk")))
    return Q(**{field: OuterRef("lead_auditor_id")}) | Q(**{f"{field}__in": Subquery(team.values("user_id"))})


def _conflicts(ctx: Context) -> QuerySet[InternalAudit]:
    """The audits of the cycle (open, or reported within it) in which an auditor owns something audited."""
    audit = OuterRef("pk")
    scope = InternalAudit.scope_items.through.objects.filter(internalaudit_id=OuterRef(OuterRef("pk")))
    checklist = ChecklistItem.objects.filter(audit_id=OuterRef(OuterRef("pk")))
    systems = AISystem.objects.filter(internal_audits=audit).filter(_owned_by_an_auditor("owner_id"))
    controls = (
        Control.objects.filter(organization=ctx.organization)
        .filter(_owned_by_an_auditor("owner_id"))
        .filter(
            Q(catalog_item_id__in=Subquery(scope.values("catalogitem_id")))
            | Q(catalog_item__parent_id__in=Subquery(scope.values("catalogitem_id")))
            | Q(catalog_item_id__in=Subquery(checklist.values("requirement_id")))
        )
    )
    return (
        InternalAudit.objects.filter(organization=ctx.organization)
        .filter(Q(status__in=OPEN) | Q(status__in=FINAL, reported_on__gte=_since(ctx)))
        .annotate(owns_system=Exists(systems), owns_control=Exists(controls))
        .filter(Q(owns_system=True) | Q(owns_control=True))
        .order_by("number")
    )


def _conflict_note(audit: InternalAudit) -> str:
    owned = [
        name
        for name, found in (("an AI system", "owns_system"), ("a control", "owns_control"))
        if getattr(audit, found, False)
    ]
    return f"an auditor owns {' and '.join(owned)} in its scope"


@rule("9.2-auditors-independent", "9.2.2", "No auditor audits what they own", NC)
def auditors_independent(ctx: Context) -> Outcome:
    return none_of(
        _conflicts(ctx),
        ok="No lead auditor or team member owns an AI system or control in the scope of their audit.",
        problem=lambda n: (
            f"{plural(n, 'audit is', 'audits are')} led or staffed by the owner of an AI system or control "
            "in its scope."
        ),
        link=lambda audit: _audit_link(ctx, audit, _conflict_note(audit)),
        fix=ctx.link("Give the audits independent auditors", "internal_audits:audit_list"),
    )


@rule(
    "10.2-audit-findings-raised",
    ("9.2.2", "10.2"),
    "A nonconformity is raised from every major or minor audit finding",
    NC,
)
def findings_raised(ctx: Context) -> Outcome:
    unraised = ChecklistItem.objects.filter(
        audit__organization=ctx.organization,
        audit__status__in=FINAL,
        result__in=NONCONFORMING,
        nonconformity__isnull=True,
    ).select_related("audit")
    return none_of(
        unraised.order_by("audit__number", "position"),
        ok="A nonconformity is raised from every major or minor finding of the reported audits.",
        problem=lambda n: (
            f"{plural(n, 'major or minor finding has', 'major or minor findings have')} "
            "no nonconformity raised."
        ),
        link=lambda item: ctx.link(
            f"{item.audit.reference} {item.ref}: {item.get_result_display().lower()}",
            "internal_audits:audit_detail",
            pk=item.audit_id,
        ),
        fix=ctx.link("Raise the nonconformities from the audit checklists", "internal_audits:audit_list"),
    )


RULES = [programme_approved, audit_completed, coverage, auditors_independent, findings_raised]
