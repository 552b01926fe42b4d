"""The AI system inventory as a spreadsheet (A.4.2, clause 4.1): one row per system, keyed by reference."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils import timezone

from aims.ai_systems.models import HELP, STAGES_NEEDING_APPROVAL, AISystem, LifecycleStage, StageChange
from aims.ai_systems.permissions import can_approve_stage
from aims.interchange import parsers
from aims.interchange.registers.base import ImportContext, Plan, Register, RowInvalid, field_column
from aims.interchange.tabular import Column
from aims.organizations.models import Organization

_ROLE_ORDER = {role: index for index, role in enumerate(Organization.AIRole.values)}
_STATUSES = AISystem.Status.choices
_FROM_STAGE = "_interchange_from_stage"


REFERENCE_HELP = (
    "Your identifier for the system, unique in the organisation (e.g. AIS-014), so that risks, assessments "
    "and audits can refer to it (A.4.2: the inventory). Required: rows are matched to systems by it, so "
    "importing again updates them."
)


def _column(name: str, example: str, parse: Any = None, *, extra: str = "", required: bool = False) -> Column:
    help_text = HELP[name] if name != "reference" else REFERENCE_HELP
    return field_column(AISystem, name, parse=parse, required=required, example=example, extra=extra,
                        help_text=help_text)  # fmt: skip


COLUMNS = [
    _column("reference", "AIS-001", required=True),
    _column("name", "Credit scoring model", required=True),
    _column("purpose", "Decide on consumer loans.", required=True),
    _column("description", "Gradient-boosted model on our loan book."),
    _column("intended_use", "Support loan officers' decisions."),
    _column("foreseeable_misuse", "Using the score for hiring."),
    _column(
        "ai_roles",
        "provider, producer",
        parsers.choice_list(Organization.AIRole.choices),
        extra="Separate several with commas.",
    ),
    _column(
        "lifecycle_stage",
        "design_development",
        parsers.choice(LifecycleStage.choices),
        extra="Changing it here records the move, as the system's page does.",
    ),
    _column("deployment_environment", "cloud", parsers.choice(AISystem.Environment.choices)),
    _column("in_scope", "yes", parsers.boolean, extra="yes or no."),
    _column("owner", "dana@example.com", str, extra="Give their e-mail address."),
    _column("business_unit", "Consumer lending"),
    _column("affected_parties", "Loan applicants"),
    _column("automation_level", "human_approves", parsers.choice(AISystem.Automation.choices)),
    _column("human_oversight", "An officer reviews every score."),
    _column(
        "status",
        "active",
        parsers.choice(_STATUSES),
        extra="Archived systems are exported as archived; archive and restore them on their page.",
    ),
    _column("next_review_on", "2027-01-31", parsers.iso_date, extra="As YYYY-MM-DD."),
]


class AISystems(Register):
    name = "ai_systems"
    sheet = "AI systems"
    description = "The AI systems the organisation develops, provides or uses (A.4.2)."
    model = AISystem
    columns = COLUMNS
    special: ClassVar[frozenset[str]] = frozenset({"owner", "ai_roles", "lifecycle_stage", "status"})
    unchecked = ("organization", "owner", "stage_approved_by")

    def queryset(self, organization: Organization) -> models.QuerySet[Any]:
        return super().queryset(organization).select_related("owner")

    def export_value(self, record: Any, column: str) -> Any:
        if column == "owner":
            return record.owner.email if record.owner else ""
        return super().export_value(record, column)

    def assign_special(
        self, plan: Plan, record: Any, column: str, value: Any, context: ImportContext
    ) -> bool:
        if column == "owner":
            return _assign_owner(record, value, context)
        if column == "ai_roles":
            roles = sorted(value or [], key=_ROLE_ORDER.__getitem__)
            before, record.ai_roles = record.ai_roles, roles
            return bool(before != roles)
        if column == "status":
            return _assign_status(record, value)
        stage = value or LifecycleStage.INCEPTION
        before, record.lifecycle_stage = record.lifecycle_stage, stage
        setattr(record, _FROM_STAGE, before)  # for the StageChange that records the move
        return bool(before != stage)

    def check_row(
        self,
        plan: Plan,
        record: Any,
        values: dict[str, Any],
        context: ImportContext,
        *,
        is_new: bool,
        changed: list[str],
    ) -> None:
        if is_new and record.status == AISystem.Status.ARCHIVED:
            raise RowInvalid([("status", "a new system is draft or active; archive it on its page")])
        super().check_row(plan, record, values, context, is_new=is_new, changed=changed)
        if "lifecycle_stage" in changed or (is_new and "lifecycle_stage" in values):
            _check_stage(plan, record, context, is_new=is_new)
        context.planned_systems[record.reference] = record.status

    def write(self, plan: Plan, context: ImportContext) -> None:
        super().write(plan, context)
        moves = plan.extras.get("stage_changes", [])
        StageChange.objects.bulk_create(moves, batch_size=1_000)


def _assign_owner(record: AISystem, value: str | None, context: ImportContext) -> bool:
    owner_id = None
    if value:
        owner_id = context.members.get(value.strip().lower())
        if owner_id is None:
            raise ValueError(f"no member of {context.organization.name} has the address {value}")
    before, record.owner_id = record.owner_id, owner_id
    return before != owner_id


def _assign_status(record: AISystem, value: str | None) -> bool:
    status = value or AISystem.Status.ACTIVE
    if status == record.status:
        return False
    if AISystem.Status.ARCHIVED in (status, record.status):
        raise ValueError("archive and restore a system on its page, not by import")
    record.status = status
    return True


def _check_stage(plan: Plan, record: AISystem, context: ImportContext, *, is_new: bool) -> None:
    stage = record.lifecycle_stage
    needs_approval = stage in STAGES_NEEDING_APPROVAL
    if needs_approval and not can_approve_stage(context.actor, context.organization):
        label = LifecycleStage(stage).label.lower()
        raise RowInvalid(
            [("lifecycle_stage", f"moving a system into {label} needs an owner or manager (A.6.2.5)")]
        )
    now = timezone.now()
    record.stage_changed_at = now if needs_approval or not is_new else record.stage_changed_at
    record.stage_approved_by_id = context.actor.pk if needs_approval else None
    if not is_new:
        plan.changed_fields.update({"stage_changed_at", "stage_approved_by"})
        plan.extras.setdefault("stage_changes", []).append(
            StageChange(
                ai_system=record,
                from_stage=getattr(record, _FROM_STAGE),
                to_stage=stage,
                changed_by=context.actor,
                approved_by=context.actor if needs_approval else None,
                note=f"Imported from {context.filename}",
                changed_at=now,
            )
        )
