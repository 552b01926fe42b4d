"""Suppliers as a spreadsheet (A.10.3): third parties of kind supplier (or supplier and customer).

Customers are not imported here; a reference that belongs to a customer is refused rather than changed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models

from aims.interchange import parsers
from aims.interchange.registers.base import (
    ImportContext,
    Plan,
    Register,
    RowInvalid,
    field_column,
    validation_errors,
)
from aims.organizations.models import Organization
from aims.third_parties.models import Relationship, ThirdParty

SUPPLYING = (ThirdParty.Kind.SUPPLIER, ThirdParty.Kind.BOTH)
REFERENCE_HELP = "Required: rows are matched to third parties by it, so importing again updates them."
_CATEGORY_ORDER = {value: index for index, value in enumerate(ThirdParty.Category.values)}

COLUMNS = [
    field_column(ThirdParty, "reference", required=True, example="SUP-001", extra=REFERENCE_HELP),
    field_column(ThirdParty, "name", required=True, example="Example LLM Inc."),
    field_column(
        ThirdParty,
        "kind",
        parse=parsers.choice([(kind.value, kind.label) for kind in SUPPLYING]),
        example="supplier",
        extra="supplier, or both if they are also your customer.",
    ),
    field_column(
        ThirdParty,
        "categories",
        parse=parsers.choice_list(ThirdParty.Category.choices),
        example="model_provider, cloud",
        extra="Separate several with commas.",
    ),
    field_column(ThirdParty, "country", example="United States"),
    field_column(ThirdParty, "contact", example="vendor-management@example.com"),
    field_column(ThirdParty, "website", example="https://example.com"),
    field_column(ThirdParty, "notes", example="Hosts the language model behind the support chatbot."),
    field_column(
        ThirdParty,
        "status",
        parse=parsers.choice(ThirdParty.Status.choices),
        example="active",
        extra="Archived suppliers are exported as archived; archive them on their page.",
    ),
]


class Suppliers(Register):
    name = "suppliers"
    sheet = "Suppliers"
    description = "The companies that supply models, data, computing or services to you (A.10.3)."
    model = ThirdParty
    columns = COLUMNS
    special: ClassVar[frozenset[str]] = frozenset({"categories", "status", "kind"})

    def queryset(self, organization: Organization) -> models.QuerySet[Any]:
        return super().queryset(organization).filter(kind__in=SUPPLYING)

    def existing(self, plan: Plan, context: ImportContext) -> dict[str, Any]:
        plan.extras["buying"] = set(
            Relationship.objects.filter(organization=context.organization, role=Relationship.Role.CUSTOMER)
            .active()
            .values_list("third_party_id", flat=True)
        )
        return super().existing(plan, context)

    def assign_special(
        self, plan: Plan, record: Any, column: str, value: Any, context: ImportContext
    ) -> bool:
        if column == "categories":
            categories = sorted(value or [], key=_CATEGORY_ORDER.__getitem__)
            before, record.categories = record.categories, categories
            return bool(before != categories)
        if column == "kind":
            return _assign_kind(plan, record, value or ThirdParty.Kind.SUPPLIER)
        status = value or ThirdParty.Status.ACTIVE
        if status == record.status:
            return False
        if ThirdParty.Status.ARCHIVED in (status, record.status):
            raise ValueError("archive a third party on its page, which checks its relationships")
        record.status = status
        return True

    def validate(self, record: Any) -> list[tuple[str, str]]:
        # Field rules only: ThirdParty.clean() would look the reference up once per row; the file's
        # references are checked together, and the categories by their parser.
        try:
            record.clean_fields(exclude=list(self.unchecked))
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
        if record.kind == ThirdParty.Kind.CUSTOMER:
            raise RowInvalid(
                [("reference", f"{record.reference} is a customer, not a supplier; change it on its page")]
            )
        if is_new and record.status == ThirdParty.Status.ARCHIVED:
            raise RowInvalid([("status", "a new supplier is under evaluation or active")])
        super().check_row(plan, record, values, context, is_new=is_new, changed=changed)


def _assign_kind(plan: Plan, record: ThirdParty, kind: str) -> bool:
    if record.kind == ThirdParty.Kind.CUSTOMER or kind == record.kind:
        return False  # a customer's row is refused as a whole in check_row
    if record.pk in plan.extras["buying"]:
        raise ValueError("they are your customer under an active relationship; end it first")
    record.kind = kind
    return True
