"""The dataset register as a spreadsheet (A.4.3, A.7): one row per dataset, keyed by reference."""

from __future__ import annotations

from aims.components.models import Dataset, SpecialCategory
from aims.interchange import parsers
from aims.interchange.registers.base import field_column
from aims.interchange.registers.components import SYSTEMS_COLUMN, ComponentRegister

REFERENCE_HELP = "Required: rows are matched to datasets by it, so importing again updates them."
DATE = "As YYYY-MM-DD."

COLUMNS = [
    field_column(Dataset, "reference", required=True, example="DS-001", extra=REFERENCE_HELP),
    field_column(Dataset, "name", required=True, example="Loan book 2014-2024"),
    field_column(Dataset, "description", example="Every consumer loan application and its outcome."),
    field_column(Dataset, "provider", example="Credit risk team"),
    field_column(
        Dataset,
        "category",
        required=True,
        parse=parsers.choice(Dataset.Category.choices),
        example="training",
    ),
    field_column(Dataset, "source", example="Loan origination system"),
    field_column(
        Dataset,
        "acquisition_method",
        parse=parsers.choice(Dataset.Acquisition.choices),
        example="internal",
    ),
    field_column(Dataset, "volume", example="1.2 million rows"),
    field_column(Dataset, "data_updated_on", parse=parsers.iso_date, example="2025-01-31", extra=DATE),
    field_column(Dataset, "usage_rights", example="Contract with the applicant; GDPR art. 6(1)(b)."),
    field_column(Dataset, "licence", example="Proprietary"),
    field_column(Dataset, "contains_personal_data", parse=parsers.boolean, example="yes", extra="yes or no."),
    field_column(
        Dataset,
        "special_categories",
        parse=parsers.choice_list(SpecialCategory.choices),
        example="health",
        extra="Separate several with commas.",
    ),
    field_column(Dataset, "known_bias", example="Few applicants under 21."),
    field_column(Dataset, "quality_requirements", example="Outcome known for 99% of loans."),
    field_column(Dataset, "measured_quality", example="99.4% complete, checked 2025-02."),
    field_column(Dataset, "preparation_steps", example="Deduplicated; incomes normalised."),
    field_column(Dataset, "retention_until", parse=parsers.iso_date, example="2032-12-31", extra=DATE),
    field_column(Dataset, "disposal_method", example="Deleted from the warehouse and backups."),
    SYSTEMS_COLUMN,
]


class Datasets(ComponentRegister):
    name = "datasets"
    sheet = "Datasets"
    description = "The data used to train, test and run the AI systems, with its provenance (A.4.3, A.7)."
    model = Dataset
    columns = COLUMNS
