"""Plan an audit, change its scope and team, and move it through planned → in progress → reported → closed
(or cancelled). Auditors must be objective (9.2.2 c)): no one audits an AI system or control they own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.catalog.models import CatalogItem
from aims.internal_audits import permissions, scope
from aims.internal_audits.actions._common import cleaned, require, shown, snapshot
from aims.internal_audits.actions.checklist import add_missing_items
from aims.internal_audits.actions.programmes import require_decider, require_worker
from aims.internal_audits.models import NONCONFORMING, InternalAudit, Result
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization, Role
from aims.organizations.numbering import assign_reference

AUDIT_FIELDS = (
    "programme", "title", "criteria", "lead_auditor", "plan", "planned_start", "planned_end",
)  # fmt: skip
S = InternalAudit.Status


def require_conductor(actor: User, audit: InternalAudit) -> None:
    require(
        permissions.can_conduct_audit(actor, audit),
        f"Only the audit team of {audit.reference}, owners and managers can do this.",
    )


def _members(organization_id: int, people: list[User], field: str, errors: dict[str, Any]) -> None:
    if not people:
        return
    roles = dict(
        Membership.objects.filter(organization_id=organization_id, user__in=people).values_list(
            "user_id", "role"
        )
    )
    for person in people:
        if person.pk not in roles:
            errors[field] = f"{person.display_name} is not a member of this organisation."
        elif roles[person.pk] == Role.VIEWER:
            errors[field] = f"{person.display_name} is a viewer; viewers cannot audit."


def _check(audit: InternalAudit, items: list[CatalogItem], systems: list[AISystem], team: list[User]) -> None:
    """Every rule of an audit's plan, the independence of its auditors included; writes nothing."""
    errors: dict[str, Any] = {}
    org_id = audit.organization_id
    if audit.programme is not None and audit.programme.organization_id != org_id:
        errors["programme"] = "Choose a programme of this organisation."
    if not items:
        errors["scope_items"] = "Choose at least one clause or Annex A control to audit."
    elif any(item.kind not in scope.SCOPE_KINDS for item in items):
        errors["scope_items"] = "Choose clauses, Annex A objectives or Annex A controls."
    if any(s.organization_id != org_id for s in systems):
        errors["ai_systems"] = "Choose AI systems of this organisation."
    if audit.planned_start and audit.planned_end and audit.planned_end < audit.planned_start:
        errors["planned_end"] = "The audit cannot end before it starts."
    lead = audit.lead_auditor if audit.lead_auditor_id else None
    if lead is None:
        errors["lead_auditor"] = "Name the lead auditor."
    else:
        _members(org_id, [lead], "lead_auditor", errors)
    _members(org_id, team, "team", errors)
    if not errors:
        _independence(audit, lead, items, systems, team, errors)
    if errors:
        raise ValidationError(errors)
    audit.full_clean(
        exclude=["organization", "number", "reference", "lead_auditor"], validate_constraints=False
    )


def _independence(
    audit: InternalAudit,
    lead: User | None,
    items: list[CatalogItem],
    systems: list[AISystem],
    team: list[User],
    errors: dict[str, Any],
) -> None:
    requirements = scope.expand(items)
    if lead is not None:
        found = scope.conflicts(audit.organization_id, [lead], systems, requirements)
        if found:
            errors["lead_auditor"] = found
    others = [person for person in team if lead is None or person.pk != lead.pk]
    found = scope.conflicts(audit.organization_id, others, systems, requirements)
    if found:
        errors["team"] = found


def _describe(
    items: Iterable[CatalogItem], systems: Iterable[AISystem], team: Iterable[User]
) -> dict[str, Any]:
    return {
        "scope_items": sorted(i.ref for i in items),
        "ai_systems": sorted(s.reference for s in systems),
        "team": sorted(u.email for u in team),
    }


@transaction.atomic
def plan_audit(
    *,
    actor: User,
    organization: Organization,
    scope_items: Iterable[CatalogItem],
    ai_systems: Iterable[AISystem] = (),
    team: Iterable[User] = (),
    **values: Any,
) -> InternalAudit:
    """Plan an internal audit (9.2.2): its scope of clauses, controls and AI systems, criteria, lead auditor
    and team, plan and dates. Numbered AUD-0001, AUD-0002, … per organisation."""
    require_worker(actor, organization)
    values = cleaned(values, AUDIT_FIELDS)
    items, systems, people = list(scope_items), list(ai_systems), list(dict.fromkeys(team))
    audit = InternalAudit(organization=organization, **values)
    _check(audit, items, systems, people)
    assign_reference(audit, "AUD")
    audit.save()
    audit.scope_items.set(items)
    audit.ai_systems.set(systems)
    audit.team.set(people)
    after = {**snapshot(audit, values), **_describe(items, systems, people)}
    record(actor=actor, verb="internal_audit.planned", target=audit, after=after)
    return audit


def _require_editable(actor: User, audit: InternalAudit) -> None:
    if audit.status == S.PLANNED:
        require_worker(actor, audit.organization)
    else:
        require_conductor(actor, audit)
    if not audit.is_open:
        raise ActionError(f"{audit.reference} is {audit.get_status_display().lower()}; it cannot change.")


@transaction.atomic
def update_audit(
    *,
    actor: User,
    audit: InternalAudit,
    changes: Mapping[str, Any],
    scope_items: Iterable[CatalogItem] | None = None,
    ai_systems: Iterable[AISystem] | None = None,
    team: Iterable[User] | None = None,
) -> InternalAudit:
    """Change the plan, scope or team while the audit is planned or in progress; the independence of the
    auditors is checked again. The checklist keeps its results: generate it again to add new requirements."""
    _require_editable(actor, audit)
    values = cleaned(changes, AUDIT_FIELDS)
    old_items, old_systems = list(audit.scope_items.all()), list(audit.ai_systems.all())
    old_team = list(audit.team.all())
    items = list(scope_items) if scope_items is not None else old_items
    systems = list(ai_systems) if ai_systems is not None else old_systems
    people = list(dict.fromkeys(team)) if team is not None else old_team
    before = {**snapshot(audit, values), **_describe(old_items, old_systems, old_team)}
    for name, value in values.items():
        setattr(audit, name, value)
    _check(audit, items, systems, people)
    audit.updated_at = timezone.now()
    audit.save()
    audit.scope_items.set(items)
    audit.ai_systems.set(systems)
    audit.team.set(people)
    after = {**snapshot(audit, values), **_describe(items, systems, people)}
    record(actor=actor, verb="internal_audit.updated", target=audit, before=before, after=after)
    return audit


def _status(actor: User, audit: InternalAudit, status: str, **extra: Any) -> InternalAudit:
    before = audit.status
    audit.status, audit.updated_at = status, timezone.now()
    for name, value in extra.items():
        setattr(audit, name, value)
    audit.save(update_fields=["status", "updated_at", *extra])
    after = {"status": status, **{k: shown(v) for k, v in extra.items()}}
    record(actor=actor, verb=f"internal_audit.{status}", target=audit, before={"status": before}, after=after)
    return audit


def _require_status(audit: InternalAudit, *allowed: str, doing: str) -> None:
    if audit.status not in allowed:
        current = audit.get_status_display().lower()
        raise ActionError(f"{audit.reference} is {current}; it cannot be {doing}.")


@transaction.atomic
def start_audit(*, actor: User, audit: InternalAudit, started_on: date | None = None) -> InternalAudit:
    """Start fieldwork: the auditors' independence is checked once more (owners change), and the checklist
    is generated if it is missing items."""
    require_conductor(actor, audit)
    _require_status(audit, S.PLANNED, doing="started")
    started_on = started_on or timezone.localdate()
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": "An audit cannot start in the future."})
    _check(audit, list(audit.scope_items.all()), list(audit.ai_systems.all()), list(audit.team.all()))
    add_missing_items(audit)
    return _status(actor, audit, S.IN_PROGRESS, actual_start=started_on)


@transaction.atomic
def report_audit(
    *, actor: User, audit: InternalAudit, conclusion: str | None = None, ended_on: date | None = None
) -> InternalAudit:
    """Report the audit to management (9.2.2 e)): every checklist item assessed and a conclusion written."""
    require_conductor(actor, audit)
    _require_status(audit, S.IN_PROGRESS, doing="reported")
    text = (conclusion if conclusion is not None else audit.conclusion).strip()
    errors: dict[str, str] = {}
    if not text:
        errors["conclusion"] = "Write the audit's conclusion for management before you report it."
    today = timezone.localdate()
    ended_on = ended_on or today
    if ended_on > today or (audit.actual_start and ended_on < audit.actual_start):
        errors["ended_on"] = "Fieldwork ends between the audit's start and today."
    if errors:
        raise ValidationError(errors)
    left = audit.checklist.filter(result=Result.NOT_ASSESSED).count()
    if left or not audit.checklist.exists():
        raise ActionError(f"{left} checklist items of {audit.reference} are not yet assessed.")
    return _status(actor, audit, S.REPORTED, conclusion=text, actual_end=ended_on, reported_on=today)


@transaction.atomic
def close_audit(*, actor: User, audit: InternalAudit) -> InternalAudit:
    """Close a reported audit (owners and managers) once a nonconformity is raised for every major or minor
    finding."""
    require_decider(actor, audit.organization)
    _require_status(audit, S.REPORTED, doing="closed")
    unraised = audit.checklist.filter(result__in=NONCONFORMING, nonconformity__isnull=True)
    refs = list(unraised.values_list("ref", flat=True))
    if refs:
        raise ActionError(f"Raise a nonconformity for each finding first: {', '.join(refs)}.")
    return _status(actor, audit, S.CLOSED, closed_on=timezone.localdate())


@transaction.atomic
def cancel_audit(*, actor: User, audit: InternalAudit) -> InternalAudit:
    """Cancel an audit that is planned or in progress (owners and managers)."""
    require_decider(actor, audit.organization)
    _require_status(audit, S.PLANNED, S.IN_PROGRESS, doing="cancelled")
    return _status(actor, audit, S.CANCELLED)
