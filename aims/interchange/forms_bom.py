"""The upload forms of the ML-BOM and model-card page: each field says what to give and why."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from aims.components.models import AIModel
from aims.interchange.bom_plan import MAX_BOM_BYTES
from aims.interchange.model_cards import MAX_CARD_CHARS
from aims.organizations.models import Organization


class BomUploadForm(forms.Form):
    file = forms.FileField(
        label="CycloneDX ML-BOM (.json)",
        help_text=(
            "A CycloneDX 1.5 or 1.6 JSON file exported from aims (here or in another organisation), at most "
            f"{MAX_BOM_BYTES // 1_000_000} MB. The AI system, its models and datasets are matched by "
            "reference: existing records are updated, missing ones added and linked (A.4.2 inventory, "
            "A.4.3 data resources, A.6.2.3 model documentation). Nothing is written if any part is wrong."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".json"):
            raise ValidationError("Upload a .json file (a CycloneDX BOM in JSON).")
        if upload.size > MAX_BOM_BYTES:
            raise ValidationError(f"The file is {upload.size:,} bytes; the limit is {MAX_BOM_BYTES:,}.")
        data: bytes = upload.read()
        return data


class ModelCardForm(forms.Form):
    text = forms.CharField(
        label="Model card text",
        required=False,
        max_length=MAX_CARD_CHARS,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text=(
            "Paste the model's README.md from Hugging Face, starting with its --- front matter. aims reads "
            "the licence, base model, datasets and evaluation metrics (A.6.2.3 how the model was built, "
            "A.6.2.4 how it performs)."
        ),
    )
    file = forms.FileField(
        label="…or upload README.md",
        required=False,
        help_text=f"The README.md file itself instead of pasting it, at most {MAX_CARD_CHARS:,} characters.",
        widget=forms.ClearableFileInput(attrs={"accept": ".md,text/markdown,text/plain"}),
    )
    model = forms.ModelChoiceField(
        label="Update this model",
        queryset=AIModel.objects.none(),
        required=False,
        help_text=(
            "Leave empty to add a new model to the register (or update the one with the reference below)."
        ),
    )
    reference = forms.CharField(
        max_length=40,
        required=False,
        help_text=(
            "For a new model: its reference (e.g. MOD-012); left empty, aims numbers it. A model that "
            "already has this reference is updated."
        ),
    )
    name = forms.CharField(
        max_length=200,
        required=False,
        help_text="What people call the model; left empty, the name in the card's model-index is used.",
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["model"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = AIModel.objects.filter(organization=organization).active().order_by("reference")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        upload = cleaned.get("file")
        if upload:
            if upload.size > MAX_CARD_CHARS * 4:
                raise ValidationError("The file is too large for a model card.")
            try:
                cleaned["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError("The file is not UTF-8 text; upload the README.md itself.") from None
        if not (cleaned.get("text") or "").strip():
            raise ValidationError("Paste the model card's text or upload its README.md.")
        return cleaned
