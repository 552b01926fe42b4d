"""The inventory upload form: the file, and which register it holds when it is not a full workbook."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.interchange.actions import max_import_bytes
from aims.interchange.registers import REGISTERS

ALL_SHEETS = ""


def register_choices() -> list[tuple[str, str]]:
    choices = [(ALL_SHEETS, "Every register, one sheet each (an XLSX workbook)")]
    return choices + [(register.name, register.sheet) for register in REGISTERS.values()]


class InventoryImportForm(forms.Form):
    file = forms.FileField(
        help_text=(
            "An .xlsx or .csv file, like the templates below. Rows are matched to records by their "
            "reference: importing the same file again updates them instead of adding copies (A.4.2: keep "
            "the inventory of AI systems and their resources current)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    register = forms.ChoiceField(
        required=False,
        choices=register_choices,
        help_text=(
            "Which register the file holds. Choose “every register” for a workbook whose sheets are named "
            "AI systems, Models, Datasets and Suppliers: systems are imported first, so models and "
            "datasets may link to systems added by the same file. A CSV holds one register."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = max_import_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {limit:,}. Split it into smaller files."
            )
        return upload
