"""Every change to the controls and the Statement of Applicability: permission, validation, write and audit
event, in one transaction. The HTML pages, the API, the CLI and the demo all call these."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.context.models import Obligation
from aims.controls import queries
from aims.controls.models import (
    CUSTOM_POSITION,
    ApplicabilityReason,
    Control,
    Decision,
    ImplementationStatus,
    SoAVersion,
)
from aims.controls.reliance import reliances_on
from aims.lib.errors import ActionError
from aims.lib.hashing import canonical_json, sha256_hex
from aims.organizations import permissions
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User

IMPLEMENTATION_FIELDS = ("implementation_status", "owner", "implementation", "target_on")
CUSTOM_FIELDS = ("reference", "title", "description")
CUSTOM_PREFIX = "ORG-"
Kind = ApplicabilityReason.Kind
# Which kinds of obligation each citing reason may cite.
CITABLE: dict[str, frozenset[str]] = {
    Kind.LEGAL_REGULATORY: frozenset({Obligation.Kind.LEGAL, Obligation.Kind.REGULATORY}),
    Kind.CONTRACTUAL: frozenset({Obligation.Kind.CONTRACTUAL}),
}


@dataclass(frozen=True)
class ReasonInput:
    """One reason to include a control, as the doors hand it to `set_applicability`."""

    kind: str
    note: str = ""
    obligations: tuple[Obligation, ...] = ()


def _require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_records(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change the controls.")


def _cleaned(values: Mapping[str, Any], allowed: Iterable[str]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}


def _snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    shown = {}
    for name in fields:
        value = getattr(instance, name)
        shown[name] = value.pk if isinstance(value, models.Model) else value
    return shown


def _locked(control: Control) -> Control:
    return (
        Control.objects.select_for_update(of=("self",))
        .select_related("organization", "catalog_item")
        .get(pk=control.pk)
    )


def _check_reason(index: int, reason: ReasonInput, organization: Organization) -> None:
    field = f"reasons.{index}"
    if reason.kind not in Kind.values:
        raise ValidationError(
            {field: f"Unknown reason {reason.kind!r}; choose one of {', '.join(Kind.values)}."}
        )
    if any(obligation.organization_id != organization.pk for obligation in reason.obligations):
        raise ValidationError({field: "Cite obligations of this organisation only."})
    label = queries.REASON_LABELS[reason.kind]
    wrong = [o.reference for o in reason.obligations if o.kind not in CITABLE.get(reason.kind, ())]
    if reason.kind in CITABLE and wrong:
        kinds = " or ".join(sorted(CITABLE[reason.kind]))
        raise ValidationError({field: f"{label}: {', '.join(wrong)} is not a {kinds} obligation."})
    if reason.kind in ApplicabilityReason.CITES_OBLIGATIONS and not reason.obligations:
        raise ValidationError(
            {field: f"{label}: cite the obligations that require the control (record them under Context)."}
        )
    if reason.kind not in ApplicabilityReason.CITES_OBLIGATIONS and reason.obligations:
        raise ValidationError({field: f"{label}: only legal and contractual reasons cite obligations."})
    if reason.kind not in ApplicabilityReason.CITES_OBLIGATIONS and not reason.note.strip():
        raise ValidationError({field: f"{label}: say in a sentence why it makes the control needed."})


def _check_reasons(control: Control, reasons: Sequence[ReasonInput], relied: bool) -> None:
    kinds = [reason.kind for reason in reasons]
    if len(set(kinds)) != len(kinds):
        raise ValidationError({"reasons": "Give each kind of reason once."})
    for index, reason in enumerate(reasons):
        _check_reason(index, reason, control.organization)
    if not reasons and not relied:
        raise ValidationError(
            {"reasons": f"Give at least one reason for including {control.reference} (clause 6.1.3)."}
        )


def _check_exclusion(control: Control, justification: str) -> None:
    relied = reliances_on([control]).get(control.pk, [])
    if relied:
        names = ", ".join(f"{item.reference} {item.title}" for item in relied)
        raise ActionError(
            f"{control.reference} cannot be excluded: risk treatments rely on it: {names}.", code="relied_on"
        )
    if not justification:
        raise ValidationError(
            {"exclusion_justification": f"Say why {control.reference} is excluded; an auditor will ask."}
        )


def _entry_now(control: Control) -> dict[str, Any]:
    fresh = queries.controls_with_entries(control.organization).get(pk=control.pk)
    queries.attach_reliances([fresh])
    return queries.entry_of(fresh)


def _write_reasons(control: Control, reasons: Sequence[ReasonInput]) -> None:
    control.reasons.all().delete()
    for reason in reasons:
        made = ApplicabilityReason.objects.create(control=control, kind=reason.kind, note=reason.note.strip())
        if reason.obligations:
            made.obligations.set(reason.obligations)


@transaction.atomic
def set_applicability(
    *,
    actor: User,
    control: Control,
    decision: str,
    reasons: Sequence[ReasonInput] = (),
    justification: str = "",
) -> Control:
    """Include a control (with its reasons), exclude it (with a justification) or set it back to undecided.

    A control that a risk treatment relies on cannot be excluded; its reliance counts as a reason to include.
    """
    _require_editor(actor, control.organization)
    control = _locked(control)
    justification = justification.strip()
    if decision not in Decision.values:
        raise ValidationError({"decision": f"Choose one of {', '.join(Decision.values)}."})
    if decision == Decision.EXCLUDED:
        _check_exclusion(control, justification)
        reasons = ()
    elif decision == Decision.INCLUDED:
        _check_reasons(control, reasons, bool(reliances_on([control]).get(control.pk)))
    else:
        reasons = ()
    if decision != Decision.EXCLUDED:
        justification = ""
    before = _entry_now(control)
    control.decision, control.exclusion_justification = decision, justification
    if decision == Decision.EXCLUDED:
        control.implementation_status = ImplementationStatus.NOT_APPLICABLE
    elif control.implementation_status == ImplementationStatus.NOT_APPLICABLE:
        control.implementation_status = ImplementationStatus.NOT_STARTED
    control.full_clean(exclude=["organization", "catalog_item"], validate_constraints=False)
    control.save()
    _write_reasons(control, reasons)
    after = _entry_now(control)
    record(actor=actor, verb="control.applicability_set", target=control, before=before, after=after)
    return control


def _check_owner(organization: Organization, owner: User | None) -> None:
    if owner is not None and not Membership.objects.filter(organization=organization, user=owner).exists():
        raise ValidationError({"owner": "The owner must be a member of the organisation."})


@transaction.atomic
def update_implementation(*, actor: User, control: Control, changes: Mapping[str, Any]) -> Control:
    """Record how far the control is in place, who owns it, how it is done and by when."""
    _require_editor(actor, control.organization)
    control = _locked(control)
    values = _cleaned(changes, IMPLEMENTATION_FIELDS)
    _check_owner(control.organization, values.get("owner"))
    before = _snapshot(control, values)
    for name, value in values.items():
        setattr(control, name, value)
    control.full_clean(exclude=["organization", "catalog_item"], validate_constraints=False)
    control.save()
    after = _snapshot(control, values)
    record(actor=actor, verb="control.implementation_updated", target=control, before=before, after=after)
    return control


def next_custom_reference(organization: Organization) -> str:
    used = Control.objects.filter(organization=organization, reference__startswith=CUSTOM_PREFIX)
    numbers = [
        int(ref[len(CUSTOM_PREFIX) :])
        for ref in used.values_list("reference", flat=True)
        if ref[4:].isdigit()
    ]
    return f"{CUSTOM_PREFIX}{max(numbers, default=0) + 1:03d}"


def _save_custom(control: Control) -> None:
    if not control.reference:
        control.reference = next_custom_reference(control.organization)
    if control.reference.upper().startswith("A."):
        raise ValidationError(
            {"reference": "A.… references belong to Annex A; choose another, e.g. ORG-001."}
        )
    control.full_clean(exclude=["organization", "catalog_item"], validate_constraints=False)
    clash = Control.objects.filter(organization=control.organization, reference__iexact=control.reference)
    if clash.exclude(pk=control.pk).exists():
        raise ValidationError({"reference": f"{control.reference} is already used in this organisation."})
    control.save()


@transaction.atomic
def create_custom_control(*, actor: User, organization: Organization, **values: Any) -> Control:
    """Add a control of the organisation's own, beyond Annex A (clause 6.1.3); it starts undecided."""
    _require_editor(actor, organization)
    cleaned = _cleaned(values, CUSTOM_FIELDS)
    last = Control.objects.filter(organization=organization, catalog_item__isnull=True).order_by("-position")
    position = max(CUSTOM_POSITION, (last.values_list("position", flat=True).first() or 0) + 1)
    control = Control(organization=organization, position=position, **cleaned)
    _save_custom(control)
    record(actor=actor, verb="control.created", target=control, after=_snapshot(control, CUSTOM_FIELDS))
    return control


@transaction.atomic
def update_custom_control(*, actor: User, control: Control, changes: Mapping[str, Any]) -> Control:
    """Rename or redescribe one of the organisation's own controls; Annex A ones keep the catalogue's."""
    _require_editor(actor, control.organization)
    control = _locked(control)
    if not control.is_custom:
        raise ActionError(
            f"{control.reference} is an Annex A control; its ID and title come from the standard."
        )
    values = _cleaned(changes, CUSTOM_FIELDS)
    before = _snapshot(control, values)
    for name, value in values.items():
        setattr(control, name, value)
    _save_custom(control)
    record(
        actor=actor, verb="control.updated", target=control, before=before, after=_snapshot(control, values)
    )
    return control


@transaction.atomic
def approve_soa(*, actor: User, organization: Organization, note: str = "") -> SoAVersion:
    """Freeze the Statement of Applicability as a new, immutable version (owners and managers).

    Refused while any control is undecided or its entry breaks the rules; the message lists them all.
    """
    if not permissions.can_manage_members(actor, organization):
        raise PermissionDenied("Only owners and managers can approve the Statement of Applicability.")
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    controls = queries.soa_controls(organization)
    if not controls:
        raise ActionError("There are no controls yet: load the catalogue (aims catalog load) first.")
    problems = queries.problems_of(controls)
    if problems:
        raise ActionError(
            f"The SoA cannot be approved yet ({len(problems)} to resolve): {'; '.join(problems)}.",
            code="incomplete",
        )
    snapshot = queries.snapshot_of(organization, controls)
    latest = SoAVersion.objects.filter(organization=organization).order_by("-number").first()
    version = SoAVersion.objects.create(
        organization=organization,
        number=latest.number + 1 if latest else 1,
        approved_by=actor,
        approved_by_name=actor.display_name,
        approved_at=timezone.now(),
        note=note.strip(),
        snapshot=snapshot,
        content_hash=sha256_hex(canonical_json(snapshot)),
    )
    data = {"number": version.number, "content_hash": version.content_hash, "controls": len(controls)}
    record(actor=actor, verb="soa.approved", target=version, data=data)
    return version
