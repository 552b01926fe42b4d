"""Readiness rules for the Statement of Applicability (6.1.3), and the Annex A family: one result for each
control the organisation includes, saying whether it is owned, implemented and evidenced.

The family reads every included control, with whether current evidence supports it, in one query.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q

from aims.catalog.models import CatalogItem
from aims.catalog.queries import ISO42001
from aims.controls.models import Control, Decision, ImplementationStatus, SoAVersion
from aims.evidence.models import Evidence, EvidenceLink
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Check, FamilyResult, Link, Outcome, Rule, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def _control_link(ctx: Context, control: Control, label: str | None = None) -> Link:
    return ctx.link(label or reference_label(control), "controls:control_detail", pk=control.pk)


def _latest_version(ctx: Context) -> SoAVersion | None:
    return ctx.once(
        "controls.soa_version",
        lambda: SoAVersion.objects.filter(organization=ctx.organization).order_by("-number").first(),
    )


@rule("6.1.3-soa-approved", "6.1.3", "A Statement of Applicability is approved", BLOCKER)
def soa_approved(ctx: Context) -> Outcome:
    latest = _latest_version(ctx)
    if latest is None:
        return failed(
            "No version of the Statement of Applicability has been approved.",
            fix=ctx.link("Complete and approve the Statement of Applicability", "controls:soa"),
        )
    return passed(f"Version {latest.number} of the Statement of Applicability is approved.")


@rule("6.1.3-controls-decided", "6.1.3", "Every control is included or excluded", BLOCKER)
def controls_decided(ctx: Context) -> Outcome:
    fix = ctx.link("Decide them in the Statement of Applicability", "controls:soa")
    have = Control.objects.filter(organization=ctx.organization, catalog_item=OuterRef("pk"))
    absent = (
        CatalogItem.objects.filter(framework__code=ISO42001, kind=CatalogItem.Kind.CONTROL)
        .filter(~Exists(have))
        .count()
    )
    if absent:
        return failed(
            f"{plural(absent, 'Annex A control is', 'Annex A controls are')} not yet in the Statement of "
            "Applicability, so not decided.",
            count=absent,
            fix=fix,
        )
    undecided = Control.objects.filter(organization=ctx.organization, decision=Decision.UNDECIDED)
    return none_of(
        undecided.order_by("position", "reference"),
        ok="Every control in the Statement of Applicability is included or excluded.",
        problem=lambda n: f"{plural(n, 'control is', 'controls are')} neither included nor excluded.",
        link=lambda control: _control_link(ctx, control),
        fix=fix,
    )


@rule(
    "6.1.3-soa-current",
    "6.1.3",
    "The approved Statement of Applicability matches the decisions in force",
    OBSERVATION,
)
def soa_current(ctx: Context) -> Outcome:
    latest = _latest_version(ctx)
    if latest is None:
        return failed(
            "No Statement of Applicability is approved to compare the decisions with.",
            fix=ctx.link("Approve the Statement of Applicability", "controls:soa"),
        )
    approved = {entry["ref"]: entry.get("decision") for entry in latest.entries}
    controls = Control.objects.filter(organization=ctx.organization).order_by("position", "reference")
    changed = [
        c
        for c in controls.only("pk", "reference", "title", "decision")
        if approved.get(c.reference) != c.decision
    ]
    if not changed:
        return passed(f"The decisions in force are those of the approved version {latest.number}.")
    return failed(
        f"{plural(len(changed), 'control was', 'controls were')} added or decided differently since version "
        f"{latest.number} was approved.",
        records=[_control_link(ctx, control) for control in changed],
        count=len(changed),
        fix=ctx.link("Approve a new version of the Statement of Applicability", "controls:soa"),
    )


# What each implementation status short of "implemented" says about an included control, and how grave it is.
STATUS_GAPS = {
    ImplementationStatus.NOT_STARTED: ("its implementation has not started", NC),
    ImplementationStatus.PLANNED: ("its implementation is only planned", OBSERVATION),
    ImplementationStatus.PARTIAL: ("it is only partly implemented", OBSERVATION),
    ImplementationStatus.NOT_APPLICABLE: ("it is marked not applicable though it is included", NC),
}


def _gaps(control: Control) -> list[tuple[str, Severity]]:
    found = []
    if control.owner_id is None:
        found.append(("no owner is named", NC))
    if control.implementation_status in STATUS_GAPS:
        found.append(STATUS_GAPS[ImplementationStatus(control.implementation_status)])
    if not (getattr(control, "evidence_on_record", False) or getattr(control, "evidence_on_item", False)):
        found.append(("no current evidence is linked", NC))
    return found


def _included(ctx: Context) -> list[Control]:
    """The included Annex A controls, each annotated with whether current evidence supports it."""
    current = EvidenceLink.objects.filter(
        organization=ctx.organization,
        evidence__organization=ctx.organization,
        evidence__status=Evidence.Status.ACTIVE,
    ).filter(Q(evidence__valid_until__isnull=True) | Q(evidence__valid_until__gte=ctx.today))
    record_type = ContentType.objects.get_for_model(Control)
    return list(
        Control.objects.filter(
            organization=ctx.organization, decision=Decision.INCLUDED, catalog_item__isnull=False
        )
        .select_related("catalog_item", "owner")
        .annotate(
            evidence_on_record=Exists(current.filter(content_type=record_type, object_id=OuterRef("pk"))),
            evidence_on_item=Exists(current.filter(item_id=OuterRef("catalog_item_id"))),
        )
        .order_by("position", "reference")
    )


def _outcome(ctx: Context, control: Control, gaps: list[tuple[str, Severity]]) -> Outcome:
    if not gaps:
        owner = control.owner.display_name if control.owner else ""
        return passed(f"Owned by {owner}, implemented, and supported by current evidence.")
    text = "; ".join(what for what, _ in gaps)
    return failed(
        f"{control.reference}: {text[0].upper()}{text[1:]}.",
        records=[_control_link(ctx, control)],
        fix=_control_link(ctx, control, f"Update {control.reference}"),
    )


def _found(outcome: Outcome) -> Check:
    """The check of a family result: what the family found when it read every control at once."""

    def check(_ctx: Context) -> Outcome:
        return outcome

    return check


def annex_a(ctx: Context) -> Iterator[FamilyResult]:
    """One result per included Annex A control; its severity is the gravest of what is missing."""
    for control in _included(ctx):
        assert control.catalog_item is not None  # only Annex A controls are read
        ref = control.catalog_item.ref
        gaps = _gaps(control)
        severity = min((s for _, s in gaps), key=lambda s: s.rank, default=NC)
        outcome = _outcome(ctx, control, gaps)
        checked = Rule(f"{ref}-in-place", (ref,), control.title, severity, _found(outcome))
        yield FamilyResult(rule=checked, outcome=outcome)


RULES = [soa_approved, controls_decided, soa_current]
