"""Forms of the evidence pages. They parse and explain (help from the models); the actions decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from aims.accounts.models import User
from aims.catalog.models import CatalogItem
from aims.evidence.links import find_record, find_requirement, record_types
from aims.evidence.models import HELP, Evidence, Freshness
from aims.evidence.queries import ALL, SORTS, EvidenceFilter, members_of
from aims.evidence.uploads import limits_help
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REQUIREMENTS_HELP = (
    "The ISO/IEC 42001 clauses and Annex A controls this evidence supports, separated by commas, e.g. "
    '"6.1.2, A.6.2.4". You can add more on the evidence page.'
)


def parse_requirements(text: str) -> list[CatalogItem]:
    found, errors = [], []
    for ref in dict.fromkeys(part.strip() for part in text.replace(";", ",").split(",") if part.strip()):
        try:
            found.append(find_requirement(ref))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"requirements": errors})
    return found


class EvidenceForm(forms.Form):
    """Add evidence: a file (kind "file") or a link (kind "link"), and what it supports."""

    title = forms.CharField(max_length=200, help_text=HELP["title"])
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=HELP["description"]
    )
    owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False, help_text=HELP["owner"])
    collected_on = forms.DateField(label="Collected on", widget=_DATE, help_text=HELP["collected_on"])
    valid_until = forms.DateField(required=False, widget=_DATE, help_text=HELP["valid_until"])
    requirements = forms.CharField(
        label="Supports requirements", required=False, max_length=500, help_text=REQUIREMENTS_HELP
    )

    record = forms.CharField(required=False, widget=forms.HiddenInput, max_length=80)

    def __init__(
        self,
        data: Any = None,
        files: Any = None,
        *,
        organization: Organization,
        kind: str,
        initial: Any = None,
    ) -> None:
        super().__init__(data, files, initial=initial)
        self.organization, self.kind = organization, kind
        self.fields["owner"].queryset = members_of(organization)  # type: ignore[attr-defined]
        if kind == Evidence.Kind.FILE:
            accept = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.csv,.txt,.json"
            self.fields["file"] = forms.FileField(
                help_text=limits_help(), widget=forms.ClearableFileInput(attrs={"accept": accept})
            )
            self.order_fields(["file"])
        else:
            self.fields["url"] = forms.URLField(
                label="Link", max_length=2000, help_text=HELP["url"], assume_scheme="https"
            )
            self.order_fields(["url"])

    def clean_requirements(self) -> list[CatalogItem]:
        try:
            return parse_requirements(self.cleaned_data.get("requirements") or "")
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error

    def clean_record(self) -> Any:
        """The record the evidence is attached to from its page ("ai_systems.aisystem:5"), if any."""
        label, _, pk = (self.cleaned_data.get("record") or "").partition(":")
        if not label:
            return None
        try:
            return find_record(self.organization, label, int(pk))
        except (ValidationError, ValueError) as error:
            raise forms.ValidationError("The record to attach the evidence to was not found.") from error

    def supports(self) -> list[Any]:
        record = self.cleaned_data.get("record")
        return [*self.cleaned_data["requirements"], *([record] if record is not None else [])]

    def values(self) -> dict[str, Any]:
        skip = {"requirements", "file", "url", "record"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


class EvidenceEditForm(forms.Form):
    title = forms.CharField(max_length=200, help_text=HELP["title"])
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=HELP["description"]
    )
    owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False, help_text=HELP["owner"])
    collected_on = forms.DateField(label="Collected on", widget=_DATE, help_text=HELP["collected_on"])
    valid_until = forms.DateField(required=False, widget=_DATE, help_text=HELP["valid_until"])

    def __init__(self, data: Any = None, *, evidence: Evidence) -> None:
        initial = {
            name: getattr(evidence, name) for name in ("title", "description", "collected_on", "valid_until")
        }
        initial["owner"] = evidence.owner_id
        if not evidence.is_file:
            initial["url"] = evidence.url
        super().__init__(data, initial=initial)
        self.fields["owner"].queryset = members_of(evidence.organization)  # type: ignore[attr-defined]
        if not evidence.is_file:
            self.fields["url"] = forms.URLField(
                label="Link", max_length=2000, help_text=HELP["url"], assume_scheme="https"
            )


class RequirementLinkForm(forms.Form):
    requirement = forms.CharField(
        max_length=30,
        help_text='An ISO/IEC 42001 clause or Annex A control, e.g. "9.2" or "A.6.2.4".',
    )
    note = forms.CharField(required=False, max_length=300, help_text=HELP["note"])

    def clean_requirement(self) -> CatalogItem:
        try:
            return find_requirement(self.cleaned_data["requirement"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error


class RecordLinkForm(forms.Form):
    record_type = forms.ChoiceField(label="Kind of record", choices=())
    reference = forms.CharField(
        max_length=40, help_text='The record\'s reference, e.g. "AIS-001" or "A.6.2.4".'
    )
    note = forms.CharField(required=False, max_length=300, help_text=HELP["note"])

    def __init__(self, data: Any = None) -> None:
        super().__init__(data)
        self.fields["record_type"].choices = [(kind.label, kind.name) for kind in record_types()]  # type: ignore[attr-defined]


class RetireForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        help_text="Why the evidence is no longer relied on (superseded by EV-…, withdrawn, wrong file). "
        "It stays in the register with its file.",
    )


def _blank(label: str, choices: Any) -> list[tuple[str, str]]:
    return [("", label), *choices]


SORT_CHOICES = [
    choice
    for key, (_, label) in SORTS.items()
    for choice in ((key, label), (f"-{key}", f"{label}, reversed"))
]


class FilterForm(forms.Form):
    q = forms.CharField(
        required=False, label="Search", max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    kind = forms.ChoiceField(required=False, choices=_blank("Files and links", Evidence.Kind.choices))
    freshness = forms.ChoiceField(required=False, label="Validity", choices=_blank("Any", Freshness.choices))
    status = forms.ChoiceField(
        required=False, choices=[*Evidence.Status.choices, (ALL, "All")], initial=Evidence.Status.ACTIVE
    )
    owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False, empty_label="Anyone")
    requirement = forms.CharField(
        required=False,
        max_length=30,
        label="Supports",
        widget=forms.TextInput(attrs={"placeholder": "A.6.2.4"}),
    )
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        self.fields["owner"].queryset = members_of(organization)  # type: ignore[attr-defined]

    def evidence_filter(self) -> EvidenceFilter:
        data = self.cleaned_data if self.is_bound else {}
        owner = data.get("owner")
        return EvidenceFilter(
            q=(data.get("q") or "").strip(),
            kind=data.get("kind") or "",
            freshness=data.get("freshness") or "",
            status=data.get("status") or Evidence.Status.ACTIVE,
            owner_id=owner.pk if owner else None,
            requirement=(data.get("requirement") or "").strip(),
            sort=data.get("sort") or "-reference",
        )
