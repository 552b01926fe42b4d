"""The audit checklist: generated from the catalogue for the audit's scope, a result per requirement, and a
nonconformity (10.2) raised from each major or minor finding."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from aims.audit.trail import record
from aims.evidence.models import Evidence
from aims.improvement.actions import raise_nonconformity
from aims.improvement.models import Nonconformity
from aims.internal_audits import permissions, scope
from aims.internal_audits.actions._common import require
from aims.internal_audits.models import ChecklistItem, InternalAudit, Result
from aims.lib.errors import ActionError

if TYPE_CHECKING:
    from aims.accounts.models import User


def add_missing_items(audit: InternalAudit) -> int:
    """Add a checklist item for each requirement in scope that has none; results are never touched. Four
    queries whatever the scope, items written with one bulk insert."""
    requirements = scope.expand(audit.scope_items.all())
    have = set(ChecklistItem.objects.filter(audit=audit).values_list("requirement_id", flat=True))
    new = [
        ChecklistItem(
            audit=audit,
            requirement=r.item,
            ref=r.item.ref,
            group=r.group,
            title=r.item.title,
            guidance=r.item.summary,
            position=r.item.position,
        )
        for r in requirements
        if r.item.pk not in have
    ]
    ChecklistItem.objects.bulk_create(new, batch_size=500)
    return len(new)


@transaction.atomic
def generate_checklist(*, actor: User, audit: InternalAudit) -> int:
    """Generate the checklist for the scope: one item per leaf clause and per Annex A control, in catalogue
    order. Running it again adds only what is missing; returns how many items were added."""
    require(
        permissions.can_work_on_audits(actor, audit.organization),
        "Only owners, managers, contributors and auditors can generate audit checklists.",
    )
    if not audit.is_open:
        raise ActionError(
            f"{audit.reference} is {audit.get_status_display().lower()}; its checklist is final."
        )
    added = add_missing_items(audit)
    if added:
        record(actor=actor, verb="internal_audit.checklist_generated", target=audit, after={"added": added})
    return added


def _require_conductor(actor: User, audit: InternalAudit) -> None:
    require(
        permissions.can_conduct_audit(actor, audit),
        f"Only the audit team of {audit.reference}, owners and managers can record its results.",
    )


@transaction.atomic
def set_result(
    *,
    actor: User,
    item: ChecklistItem,
    result: str,
    notes: str = "",
    evidence: Iterable[Evidence] | None = None,
    evidence_references: str = "",
) -> ChecklistItem:
    """Record what was found for one requirement while the audit is in progress."""
    audit = item.audit
    _require_conductor(actor, audit)
    if audit.status != InternalAudit.Status.IN_PROGRESS:
        raise ActionError(
            f"Start {audit.reference} before you record results; results change only while it runs."
        )
    chosen = list(evidence) if evidence is not None else None
    errors: dict[str, str] = {}
    if result not in Result.values:
        errors["result"] = f"Choose one of: {', '.join(Result.values)}."
    if chosen is not None and any(e.organization_id != audit.organization_id for e in chosen):
        errors["evidence"] = "Choose evidence of this organisation."
    if errors:
        raise ValidationError(errors)
    if item.nonconformity_id is not None and result not in (Result.MAJOR, Result.MINOR):
        raise ActionError(
            f"A nonconformity was raised from {item.ref}; it stays a major or minor nonconformity."
        )
    before = {"result": item.result, "notes": item.notes}
    item.result, item.notes = result, (notes or "").strip()
    item.evidence_references = (evidence_references or "").strip()
    item.assessed_by = actor if result != Result.NOT_ASSESSED else None
    item.assessed_at = timezone.now() if result != Result.NOT_ASSESSED else None
    item.save(update_fields=["result", "notes", "evidence_references", "assessed_by", "assessed_at"])
    after: dict[str, Any] = {"item": item.ref, "result": item.result, "notes": item.notes}
    if chosen is not None:
        item.evidence.set(chosen)
        after["evidence"] = sorted(e.reference for e in chosen)
    record(actor=actor, verb="internal_audit.result_recorded", target=audit, before=before, after=after)
    return item


def item_url(item: ChecklistItem) -> str:
    audit = item.audit
    page = reverse("internal_audits:audit_detail", kwargs={"org": audit.organization.slug, "pk": audit.pk})
    return f"{page}#item-{item.pk}"


@transaction.atomic
def raise_finding_nonconformity(
    *,
    actor: User,
    item: ChecklistItem,
    title: str = "",
    description: str = "",
    owner: User | None = None,
    due_on: date | None = None,
) -> Nonconformity:
    """Raise a nonconformity (10.2) from a major or minor finding, linked both ways."""
    audit = item.audit
    _require_conductor(actor, audit)
    if audit.status not in (InternalAudit.Status.IN_PROGRESS, InternalAudit.Status.REPORTED):
        raise ActionError(
            f"{audit.reference} is {audit.get_status_display().lower()}; "
            "raise findings while it runs or once reported."
        )
    if not item.is_nonconforming:
        raise ActionError(
            f"{item.ref} is {item.get_result_display().lower()}; "
            "only a major or minor nonconformity is raised."
        )
    if item.nonconformity_id is not None:
        raise ActionError(f"{item.nonconformity} was raised from {item.ref} already.")
    nc = raise_nonconformity(
        actor=actor,
        organization=audit.organization,
        title=(title or f"{item.ref} {item.title}: {item.get_result_display().lower()}")[:200],
        description=description or item.notes or f"Found in internal audit {audit.reference}.",
        source=Nonconformity.Source.AUDIT,
        grade=item.result,
        source_reference=f"{audit.reference} · {item.ref}",
        source_url=item_url(item),
        requirement=item.requirement,
        owner=owner,
        due_on=due_on,
    )
    item.nonconformity = nc
    item.save(update_fields=["nonconformity"])
    record(
        actor=actor, verb="internal_audit.nonconformity_raised", target=audit,
        after={"item": item.ref, "nonconformity": nc.reference, "grade": nc.grade},
    )  # fmt: skip
    return nc
