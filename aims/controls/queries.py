"""Reads of the Statement of Applicability: the controls with everything a row shows, progress per control
group, the frozen entry of each control, and the comparison of two versions. Fixed query counts throughout."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet

from aims.accounts.models import User
from aims.context.models import Obligation
from aims.controls.models import (
    ApplicabilityReason,
    Control,
    Decision,
    ImplementationStatus,
    SoAVersion,
    ensure_annex_a_controls,
)
from aims.controls.reliance import Reliance, reliances_on
from aims.evidence.models import Evidence, EvidenceLink
from aims.organizations.models import Organization

CUSTOM_GROUP = "own"
CUSTOM_GROUP_TITLE = "The organisation's own controls"
REASON_LABELS = dict(ApplicabilityReason.Kind.choices)
DECISION_LABELS = dict(Decision.choices)
STATUS_LABELS = dict(ImplementationStatus.choices)


def members_of(organization: Organization) -> QuerySet[User]:
    return User.objects.filter(memberships__organization=organization).order_by("full_name", "email")


def controls_with_entries_all() -> QuerySet[Control]:
    """Controls with their group, owner, reasons and cited obligations (3 queries)."""
    obligations = Obligation.objects.only("pk", "reference", "title", "source").order_by("reference")
    reasons = ApplicabilityReason.objects.prefetch_related(Prefetch("obligations", queryset=obligations))
    return (
        Control.objects.select_related("catalog_item__parent", "owner")
        .prefetch_related(Prefetch("reasons", queryset=reasons.order_by("pk")))
        .order_by("position", "reference")
    )


def controls_with_entries(organization: Organization) -> QuerySet[Control]:
    return controls_with_entries_all().filter(organization=organization)


def soa_controls(organization: Organization) -> list[Control]:
    """Every control of the organisation, each with `relied_on` (records relying on it) attached.

    Adds the Annex A controls the first time (when the catalogue is loaded and the organisation has none).
    """
    controls = list(controls_with_entries(organization))
    if not any(control.catalog_item_id for control in controls):
        ensure_annex_a_controls(organization)
        controls = list(controls_with_entries(organization))
    attach_reliances(controls)
    attach_evidence(organization, controls)
    return controls


def evidence_of_controls(
    organization: Organization, controls: Sequence[Control]
) -> dict[int, list[Evidence]]:
    """{control pk: the active evidence supporting it}, linked to the control itself or to its Annex A
    requirement, newest first: one query for every control together."""
    control_type = ContentType.objects.get_for_model(Control)
    by_item = {control.catalog_item_id: control.pk for control in controls if control.catalog_item_id}
    links = (
        EvidenceLink.objects.filter(organization=organization, evidence__status=Evidence.Status.ACTIVE)
        .filter(
            Q(content_type=control_type, object_id__in=[control.pk for control in controls])
            | Q(item_id__in=list(by_item))
        )
        .select_related("evidence")
        .order_by("-evidence__collected_on", "-evidence__number")
    )
    found: dict[int, list[Evidence]] = {}
    for link in links:
        pk = link.object_id if link.content_type_id == control_type.pk else by_item.get(link.item_id or 0)
        if pk is None:
            continue
        mine = found.setdefault(int(pk), [])
        if all(item.pk != link.evidence_id for item in mine):
            mine.append(link.evidence)
    return found


def attach_evidence(organization: Organization, controls: Sequence[Control]) -> None:
    found = evidence_of_controls(organization, controls)
    for control in controls:
        control.evidence_items = found.get(control.pk, [])  # type: ignore[attr-defined]


def evidence_text(items: Iterable[Evidence]) -> str:
    """ "EV-0003 Model card (valid until 2027-01-31); EV-0007 Bias test" for exports."""
    return "; ".join(
        f"{item.reference} {item.title}"
        + (f" (valid until {item.valid_until.isoformat()})" if item.valid_until else "")
        for item in items
    )


def evidence_by_reference(organization: Organization) -> dict[str, str]:
    """{control reference: its evidence as text}, for the SoA exports (the evidence held when exported)."""
    controls = list(
        Control.objects.filter(organization=organization).only("pk", "reference", "catalog_item_id")
    )
    found = evidence_of_controls(organization, controls)
    return {
        control.reference: evidence_text(found[control.pk]) for control in controls if control.pk in found
    }


def attach_reliances(controls: Sequence[Control]) -> None:
    found = reliances_on(controls)
    for control in controls:
        control.relied_on = found.get(control.pk, [])  # type: ignore[attr-defined]


def relied_on(control: Control) -> list[Reliance]:
    return list(getattr(control, "relied_on", []))


def group_of(control: Control) -> tuple[str, str]:
    """(ref, title) of the control's Annex A objective, or the organisation's own group."""
    parent = control.catalog_item.parent if control.catalog_item else None
    if parent is None:
        return CUSTOM_GROUP, CUSTOM_GROUP_TITLE
    return parent.ref, parent.title


@dataclass
class Group:
    ref: str
    title: str
    controls: list[Control] = field(default_factory=list)
    included: int = 0
    excluded: int = 0
    undecided: int = 0
    implemented: int = 0

    @property
    def total(self) -> int:
        return self.included + self.excluded + self.undecided

    def share(self, count: int) -> int:
        """A percentage rounded to 5, for the bars (drawn with classes, as the CSP forbids inline styles)."""
        return round(count * 20 / self.total) * 5 if self.total else 0

    @property
    def included_share(self) -> int:
        return self.share(self.included)

    @property
    def excluded_share(self) -> int:
        return self.share(self.excluded)

    @property
    def undecided_share(self) -> int:
        return max(0, 100 - self.included_share - self.excluded_share) if self.total else 0

    @property
    def implemented_share(self) -> int:
        """Implemented controls as a share of the included ones, rounded to 5 for the bar."""
        return round(self.implemented * 20 / self.included) * 5 if self.included else 0

    @property
    def implemented_percent(self) -> int:
        """Implemented controls as a share of the included ones."""
        return round(self.implemented * 100 / self.included) if self.included else 0


def grouped(controls: Iterable[Control]) -> list[Group]:
    """Controls by Annex A objective, then the organisation's own; with counts for the progress bars."""
    groups: dict[str, Group] = {}
    for control in controls:
        ref, title = group_of(control)
        group = groups.setdefault(ref, Group(ref, title))
        group.controls.append(control)
        group.included += control.decision == Decision.INCLUDED
        group.excluded += control.decision == Decision.EXCLUDED
        group.undecided += control.decision == Decision.UNDECIDED
        implemented = control.implementation_status == ImplementationStatus.IMPLEMENTED
        group.implemented += implemented and control.decision == Decision.INCLUDED
    return list(groups.values())


@dataclass(frozen=True)
class SoAFilter:
    q: str = ""
    decision: str = ""
    status: str = ""
    group: str = ""
    owner_id: int | None = None

    def matches(self, control: Control) -> bool:
        checks = (
            not self.decision or control.decision == self.decision,
            not self.status or control.implementation_status == self.status,
            not self.group or group_of(control)[0] == self.group,
            self.owner_id is None or control.owner_id == self.owner_id,
            not self.q or self.q.lower() in f"{control.reference} {control.title}".lower(),
        )
        return all(checks)

    @property
    def active(self) -> bool:
        return bool(self.q or self.decision or self.status or self.group or self.owner_id)


def obligation_text(obligation: Obligation) -> str:
    return f"{obligation.reference} {obligation.title} ({obligation.source})"


def entry_of(control: Control) -> dict[str, Any]:
    """The control's whole SoA entry as plain data: what a version freezes and the exports print."""
    group_ref, group_title = group_of(control)
    reasons = [
        {
            "kind": reason.kind,
            "label": REASON_LABELS.get(reason.kind, reason.kind),
            "note": reason.note,
            "obligations": [obligation_text(o) for o in reason.obligations.all()],
        }
        for reason in control.reasons.all()
    ]
    return {
        "ref": control.reference,
        "title": control.title,
        "description": control.description,
        "group": group_ref,
        "group_title": group_title,
        "custom": control.is_custom,
        "decision": control.decision,
        "reasons": reasons,
        "relied_on_by": [f"{item.reference} {item.title}" for item in relied_on(control)],
        "justification": control.exclusion_justification,
        "status": control.implementation_status,
        "owner": control.owner.display_name if control.owner else "",
        "implementation": control.implementation,
        "target_on": control.target_on.isoformat() if control.target_on else "",
    }


def reasons_text(entry: dict[str, Any]) -> str:
    """One line per reason, risks relied on first: for exports and short display."""
    lines = []
    if entry["relied_on_by"]:
        lines.append("Risk treatment: " + "; ".join(entry["relied_on_by"]))
    for reason in entry["reasons"]:
        cited = "; ".join(reason["obligations"])
        parts = [part for part in (cited, reason["note"]) if part]
        lines.append(f"{reason['label']}: {' — '.join(parts)}" if parts else reason["label"])
    return "\n".join(lines)


def snapshot_of(organization: Organization, controls: Iterable[Control]) -> dict[str, Any]:
    return {"organization": organization.name, "controls": [entry_of(control) for control in controls]}


def problems_of(controls: Iterable[Control]) -> list[str]:
    """Why the SoA cannot be approved yet: undecided controls and entries that break the rules."""
    found = []
    for control in controls:
        if control.decision == Decision.UNDECIDED:
            found.append(f"{control.reference} is undecided")
        elif control.decision == Decision.INCLUDED and not (control.reasons.all() or relied_on(control)):
            found.append(f"{control.reference} is included without a reason")
        elif control.decision == Decision.INCLUDED and _uncited(control):
            found.append(f"{control.reference} has a legal or contractual reason citing no obligation")
        elif control.decision == Decision.EXCLUDED and relied_on(control):
            risks = ", ".join(item.reference for item in relied_on(control))
            found.append(f"{control.reference} is excluded but risk treatments rely on it ({risks})")
        elif control.decision == Decision.EXCLUDED and not control.exclusion_justification.strip():
            found.append(f"{control.reference} is excluded without a justification")
    return found


def _uncited(control: Control) -> bool:
    """A legal or contractual reason whose obligations were all deleted since."""
    cites = ApplicabilityReason.CITES_OBLIGATIONS
    return any(r.kind in cites and not r.obligations.all() for r in control.reasons.all())


def versions_of(organization: Organization) -> QuerySet[SoAVersion]:
    return (
        SoAVersion.objects.filter(organization=organization)
        .defer("snapshot")
        .select_related("approved_by")
        .order_by("-number")
    )


COMPARED = (
    "title",
    "decision",
    "reasons",
    "relied_on_by",
    "justification",
    "status",
    "owner",
    "implementation",
)


@dataclass
class Change:
    ref: str
    title: str
    fields: list[tuple[str, Any, Any]]


@dataclass
class Comparison:
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[Change]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _shown(name: str, entry: dict[str, Any]) -> str:
    if name == "decision":
        return DECISION_LABELS.get(entry["decision"], entry["decision"])
    if name == "status":
        return STATUS_LABELS.get(entry["status"], entry["status"])
    if name == "reasons":
        return reasons_text({**entry, "relied_on_by": []})
    if name == "relied_on_by":
        return "; ".join(entry["relied_on_by"])
    return str(entry.get(name, ""))


def compare(old: dict[str, Any], new: dict[str, Any]) -> Comparison:
    """What changed from one snapshot to another: controls added, removed, and changed field by field."""
    before = {entry["ref"]: entry for entry in old.get("controls", [])}
    after = {entry["ref"]: entry for entry in new.get("controls", [])}
    changed = []
    for ref, entry in after.items():
        if ref not in before:
            continue
        fields = [
            (name.replace("_", " "), _shown(name, before[ref]), _shown(name, entry))
            for name in COMPARED
            if _shown(name, before[ref]) != _shown(name, entry)
        ]
        if fields:
            changed.append(Change(ref, entry["title"], fields))
    return Comparison(
        added=[entry for ref, entry in after.items() if ref not in before],
        removed=[entry for ref, entry in before.items() if ref not in after],
        changed=changed,
    )
