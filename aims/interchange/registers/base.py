"""What every register's spreadsheet shares: matching rows to records by reference, validating every row
before anything is written, and writing in batches with history.

A register works in two steps. `plan` turns the parsed rows into new and changed records (in memory) and
the row errors, with a fixed number of queries whatever the number of rows; `write` saves a plan with
bulk_create / bulk_update in batches. The import action plans every sheet first and writes only when no
sheet has an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from aims.ai_systems.models import AISystem
from aims.interchange import parsers
from aims.interchange.tabular import Column, ParsedRows, RowError
from aims.organizations.models import Membership

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

BATCH = 1_000

# Called while an import runs: (what is being done, rows done, rows in all).
Progress = Callable[[str, int, int], None]


def no_progress(step: str, done: int, total: int) -> None:
    """The default progress callback: say nothing."""


@dataclass
class ImportContext:
    """What every register's plan may look up, each fetched once for the whole file."""

    organization: Organization
    actor: User
    filename: str
    progress: Progress = no_progress
    # AI systems that rows may link to: the organisation's, then those the file itself adds (ref → status).
    planned_systems: dict[str, str] = field(default_factory=dict)

    @cached_property
    def saved_systems(self) -> dict[str, str]:
        """The organisation's AI systems by reference (→ status), as they are in the database."""
        rows = AISystem.objects.filter(organization=self.organization).values_list("reference", "status")
        return dict(rows)

    def system_status(self, reference: str) -> str | None:
        """The status of the AI system with this reference once the file is imported; None if none."""
        return self.planned_systems.get(reference) or self.saved_systems.get(reference)

    @cached_property
    def members(self) -> dict[str, int]:
        """The organisation's members by lower-case e-mail address (→ user id)."""
        rows = Membership.objects.filter(organization=self.organization).values_list("user__email", "user_id")
        return {email.lower(): user_id for email, user_id in rows}

    def system_ids(self) -> dict[str, int]:
        """The organisation's AI systems by reference (→ id), once the file's systems are written."""
        rows = AISystem.objects.filter(organization=self.organization).values_list("reference", "id")
        return dict(rows)


@dataclass
class Plan:
    """What importing one sheet would do, worked out before anything is written."""

    register: Register
    creates: list[Any] = field(default_factory=list)
    updates: list[Any] = field(default_factory=list)
    changed_fields: set[str] = field(default_factory=set)
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    # Register-specific extras (links to AI systems, stage changes), keyed by reference.
    extras: dict[str, Any] = field(default_factory=dict)

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, column, message))


class RowInvalid(Exception):
    """One row's errors; the row is left out of the plan."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def empty_value(model_field: models.Field[Any, Any]) -> Any:
    """What a blank cell stands for in this field."""
    if isinstance(model_field, models.BooleanField):
        return model_field.get_default()
    if isinstance(model_field, models.JSONField):
        return []
    if model_field.null:
        return None
    return ""


def field_column(
    model: type[models.Model],
    name: str,
    *,
    parse: Callable[[str], Any] | None = None,
    required: bool = False,
    example: str = "",
    extra: str = "",
    help_text: str = "",
) -> Column:
    """A column for a model field, explained by the field's own help text (or `help_text`) and `extra`;
    text is bounded by the field's length."""
    model_field = model._meta.get_field(name)
    limit = getattr(model_field, "max_length", None)
    if parse is None:
        parse = parsers.bounded_text(limit) if limit else str
    explained = help_text or str(getattr(model_field, "help_text", ""))
    return Column(name, " ".join(part.strip() for part in (explained, extra) if part), required=required,
                  parse=parse, example=example)  # fmt: skip


def reference_list(text: str) -> list[str]:
    """References separated by commas or semicolons, each once."""
    parts = (part.strip() for part in text.replace(";", ",").split(","))
    return list(dict.fromkeys(part for part in parts if part))


def cell_value(value: Any) -> Any:
    """A field's value as it goes into a spreadsheet cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return value


class Register:
    """One register's spreadsheet. Subclasses set the class attributes and override the hooks they need."""

    name: ClassVar[str]  # the import's `register` parameter: ai_systems, ai_models, datasets, suppliers
    sheet: ClassVar[str]  # the sheet's name in a workbook holding several registers
    description: ClassVar[str]
    model: ClassVar[type[models.Model]]
    columns: ClassVar[Sequence[Column]]
    # Columns that are not plain model fields, handled by `assign_special`.
    special: ClassVar[frozenset[str]] = frozenset()
    # Foreign keys the model validation must leave alone (checked by the register, without queries).
    unchecked: ClassVar[tuple[str, ...]] = ("organization",)

    # ---- export

    def queryset(self, organization: Organization) -> models.QuerySet[Any]:
        return self.model._default_manager.filter(organization=organization).order_by("reference")

    def export_value(self, record: Any, column: str) -> Any:
        return getattr(record, column)

    def export_rows(self, queryset: Iterable[Any]) -> Iterator[list[Any]]:
        names = [column.name for column in self.columns]
        for record in queryset:
            yield [cell_value(self.export_value(record, name)) for name in names]

    # ---- import: planning

    def existing(self, plan: Plan, context: ImportContext) -> dict[str, Any]:
        """The organisation's records by reference, in one query (a register may load more into the plan)."""
        records: Iterable[Any] = self.model._default_manager.filter(organization=context.organization)
        return {record.reference: record for record in records}

    def new_record(self, context: ImportContext) -> Any:
        return self.model(organization=context.organization)

    def plan(self, parsed: ParsedRows, context: ImportContext) -> Plan:
        plan = Plan(register=self, errors=list(parsed.errors))
        failed = {error.row for error in parsed.errors}
        existing = self.existing(plan, context) if parsed.rows else {}
        seen: dict[str, int] = {}
        for number, values in parsed.rows:
            reference = values.get("reference")
            if number in failed or not reference:
                continue
            if reference in seen:
                plan.error(number, "reference", f"{reference} is also on row {seen[reference]}")
                continue
            seen[reference] = number
            self._plan_row(plan, context, number, values, existing.get(reference))
            if len(seen) % BATCH == 0:
                context.progress(f"Checking {self.sheet}", len(seen), len(parsed.rows))
        return plan

    def _plan_row(
        self, plan: Plan, context: ImportContext, number: int, values: dict[str, Any], record: Any
    ) -> None:
        is_new = record is None
        record = self.new_record(context) if is_new else record
        try:
            changed = self.apply(plan, record, values, context, is_new=is_new)
            self.check_row(plan, record, values, context, is_new=is_new, changed=changed)
        except RowInvalid as exc:
            for column, message in exc.errors:
                plan.error(number, column, message)
            return
        if is_new:
            plan.creates.append(record)
        elif changed:
            plan.updates.append(record)
            plan.changed_fields.update(name for name in changed if self.is_column_field(name))
        else:
            plan.unchanged += 1

    def is_column_field(self, name: str) -> bool:
        """Whether the name is a field of the record's own table (not a link to other records)."""
        try:
            model_field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        return bool(model_field.concrete and not model_field.many_to_many)

    def attname(self, column: str) -> str:
        model_field = self.model._meta.get_field(column)
        assert isinstance(model_field, models.Field)
        return str(model_field.attname)

    def apply(
        self, plan: Plan, record: Any, values: dict[str, Any], context: ImportContext, *, is_new: bool
    ) -> list[str]:
        """Set the row's values on the record and validate it; the names of the fields it changes."""
        errors: list[tuple[str, str]] = []
        changed: list[str] = []
        for column, value in values.items():
            if column in self.special:
                try:
                    if self.assign_special(plan, record, column, value, context):
                        changed.append(column)
                except ValueError as exc:
                    errors.append((column, str(exc)))
                continue
            attname = self.attname(column)
            before = getattr(record, attname)
            setattr(record, attname, empty_value(record._meta.get_field(column)) if value is None else value)
            if getattr(record, attname) != before:
                changed.append(column)
        errors += self.validate(record)
        if errors:
            raise RowInvalid(errors)
        return changed

    def assign_special(
        self, plan: Plan, record: Any, column: str, value: Any, context: ImportContext
    ) -> bool:
        """Set a special column's value; True if it changes the record. ValueError for a bad value."""
        raise NotImplementedError(column)

    def validate(self, record: Any) -> list[tuple[str, str]]:
        """The record's own rules (fields and clean()), without uniqueness checks: those are the file's."""
        try:
            record.full_clean(exclude=list(self.unchecked), validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            return validation_errors(exc)
        return []

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
        """Rules that involve the record's state or other records; raise RowInvalid to refuse the row."""
        if not is_new and changed and record.is_archived:
            raise RowInvalid([("", f"{record.reference} is archived; restore it before changing it")])

    # ---- import: writing

    def write(self, plan: Plan, context: ImportContext) -> None:
        now = timezone.now()
        reason = f"Imported from {context.filename}"[:100]
        for record in plan.updates:
            record.updated_at = now
        if plan.creates:
            bulk_create_with_history(
                plan.creates,
                self.model,
                batch_size=BATCH,
                default_user=context.actor,
                default_change_reason=reason,
            )
        if plan.updates:
            fields = sorted({self.attname(name) for name in plan.changed_fields} | {"updated_at"})
            bulk_update_with_history(
                plan.updates,
                self.model,
                fields,
                batch_size=BATCH,
                default_user=context.actor,
                default_change_reason=reason,
            )


def validation_errors(exc: ValidationError) -> list[tuple[str, str]]:
    if not hasattr(exc, "error_dict"):
        return [("", message) for message in exc.messages]
    return [
        ("" if name == "__all__" else name, message)
        for name, messages in exc.message_dict.items()
        for message in messages
    ]
