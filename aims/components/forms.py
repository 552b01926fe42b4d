"""The forms of the component pages. Each field explains itself and names the control it serves."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.components.models import (
    AIModel,
    CompetenceNeed,
    Dataset,
    ProvenanceEvent,
    Resource,
    SpecialCategory,
)
from aims.components.models.ai_model import evaluation_errors
from aims.components.queries import (
    COMPETENCE_SORTS,
    COMPONENT_SORTS,
    SORT_LABELS,
    STATUS_ANY,
    CompetenceFilter,
    ComponentFilter,
)
from aims.organizations.models import Organization

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SHORT_TEXT = forms.Textarea(attrs={"rows": 3})


class EvaluationResultsField(forms.CharField):
    """One result a line, `metric | value | test data`, stored as [{metric, value, dataset}]."""

    widget = forms.Textarea(attrs={"rows": 4, "placeholder": "AUC | 0.81 | DS-003 hold-out 2025"})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(
                " | ".join(
                    str(part)
                    for part in (row.get("metric", ""), row.get("value", ""), row.get("dataset"))
                    if part
                )
                for row in value
                if isinstance(row, dict)
            )
        return value

    def to_python(self, value: Any) -> list[dict[str, Any]]:  # type: ignore[override]
        text = super().to_python(value) or ""
        results = []
        for line in text.splitlines():
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) < 2 or len(parts) > 3:
                raise forms.ValidationError(f"“{line.strip()}”: write metric | value | test data (optional).")
            entry = {"metric": parts[0], "value": _number_or_text(parts[1])}
            if len(parts) == 3 and parts[2]:
                entry["dataset"] = parts[2]
            results.append(entry)
        errors = evaluation_errors(results)
        if errors:
            raise forms.ValidationError(errors)
        return results


def _number_or_text(text: str) -> float | int | str:
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text else number


class SystemReferenceField(forms.CharField):
    """An AI system of the organisation, typed by its reference (lists of thousands make poor menus)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("label", "AI system")
        super().__init__(**kwargs)


def _system_in(organization: Organization, reference: str) -> AISystem:
    system = AISystem.objects.filter(organization=organization, reference=reference.strip()).first()
    if system is None:
        raise forms.ValidationError(f"No AI system with the reference “{reference}” in {organization.name}.")
    return system


class ComponentForm(forms.ModelForm):  # type: ignore[type-arg]
    """A register row. Created with the organisation; `ai_system` (new rows only) links the row at once."""

    groups: ClassVar[list[tuple[str, tuple[str, ...]]]] = []

    ai_system = SystemReferenceField(
        required=False,
        help_text="Optional: the reference of an AI system that uses it (A.4.2). You can link more later.",
    )

    def __init__(self, *args: Any, organization: Organization, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        prefix = self._meta.model.reference_prefix
        self.fields["reference"].required = not creating
        self.fields[
            "reference"
        ].help_text = (
            f"Your identifier, unique in the organisation (e.g. {prefix}-007). Left empty, aims numbers it."
        )
        if not creating:
            del self.fields["ai_system"]

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The form's fields in the groups its template shows, each with a legend."""
        groups = [
            (legend, [self[name] for name in names if name in self.fields]) for legend, names in self.groups
        ]
        return [(legend, fields) for legend, fields in groups if fields]

    def clean_ai_system(self) -> AISystem | None:
        reference = self.cleaned_data.get("ai_system", "")
        return _system_in(self.organization, reference) if reference else None

    def action_data(self) -> dict[str, Any]:
        """The cleaned fields the register's actions take."""
        return {name: self.cleaned_data[name] for name in self._meta.model.editable_fields}


class AIModelForm(ComponentForm):
    groups: ClassVar[list[tuple[str, tuple[str, ...]]]] = [
        ("The model", ("reference", "name", "description", "model_type", "version", "provider", "licence")),
        (
            "How it was built and how well it works (A.6.2.3, A.6.2.4)",
            ("training_approach", "evaluation_results", "known_limitations"),
        ),
        ("Used by", ("ai_system",)),
    ]
    evaluation_results = EvaluationResultsField(
        required=False,
        help_text="One result a line: metric | value | test data, e.g. “AUC | 0.81 | DS-003” (A.6.2.4).",
    )

    class Meta:
        model = AIModel
        fields = AIModel.editable_fields
        widgets: ClassVar[dict[str, Any]] = {
            "description": SHORT_TEXT,
            "training_approach": SHORT_TEXT,
            "known_limitations": SHORT_TEXT,
        }


class DatasetForm(ComponentForm):
    groups: ClassVar[list[tuple[str, tuple[str, ...]]]] = [
        ("The dataset", ("reference", "name", "description", "category", "volume", "data_updated_on")),
        (
            "Where it comes from and what you may do with it (A.7.3)",
            ("provider", "source", "acquisition_method", "usage_rights", "licence"),
        ),
        ("Personal data (A.7.2)", ("contains_personal_data", "special_categories")),
        (
            "Quality, bias and preparation (A.7.4, A.7.6)",
            ("known_bias", "quality_requirements", "measured_quality", "preparation_steps"),
        ),
        ("Retention and disposal (A.4.3)", ("retention_until", "disposal_method")),
        ("Used by", ("ai_system",)),
    ]
    special_categories = forms.MultipleChoiceField(
        choices=SpecialCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Special categories of personal data it holds (GDPR art. 9); they need a legal exception.",
    )

    class Meta:
        model = Dataset
        fields = Dataset.editable_fields
        widgets: ClassVar[dict[str, Any]] = {
            "description": SHORT_TEXT,
            "usage_rights": SHORT_TEXT,
            "known_bias": SHORT_TEXT,
            "quality_requirements": SHORT_TEXT,
            "measured_quality": SHORT_TEXT,
            "preparation_steps": SHORT_TEXT,
            "data_updated_on": DATE,
            "retention_until": DATE,
        }


class ResourceForm(ComponentForm):
    groups: ClassVar[list[tuple[str, tuple[str, ...]]]] = [
        ("The resource", ("reference", "name", "description", "kind", "version", "provider")),
        ("Where it runs and what it costs the environment (A.4.5)", ("location", "energy_notes")),
        ("Used by", ("ai_system",)),
    ]

    class Meta:
        model = Resource
        fields = Resource.editable_fields
        widgets: ClassVar[dict[str, Any]] = {"description": SHORT_TEXT, "energy_notes": SHORT_TEXT}


class LinkForm(forms.Form):
    ai_system = SystemReferenceField(help_text="The reference of the AI system that uses it (e.g. AIS-014).")

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_ai_system(self) -> AISystem:
        return _system_in(self.organization, self.cleaned_data["ai_system"])


class ProvenanceForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ProvenanceEvent
        fields = ("kind", "actor_name", "occurred_on", "description")
        labels: ClassVar[dict[str, str]] = {
            "actor_name": "Who",
            "occurred_on": "When",
            "kind": "What happened",
        }
        widgets: ClassVar[dict[str, Any]] = {"occurred_on": DATE, "description": SHORT_TEXT}


class CompetenceNeedForm(forms.ModelForm):  # type: ignore[type-arg]
    ai_system = SystemReferenceField(help_text="The reference of the AI system that needs the competence.")
    holders = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Members who have this competence (A.4.6). Leave empty to show it as a gap to fill.",
    )

    class Meta:
        model = CompetenceNeed
        fields = ("competence", "area", "description")
        widgets: ClassVar[dict[str, Any]] = {"description": SHORT_TEXT}

    def __init__(self, *args: Any, organization: Organization, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        members = User.objects.filter(memberships__organization=organization).order_by("full_name", "email")
        self.fields["holders"].queryset = members  # type: ignore[attr-defined]
        self.fields["holders"].label_from_instance = lambda user: user.display_name  # type: ignore[attr-defined]
        if not creating:
            del self.fields["ai_system"]

    def clean_ai_system(self) -> AISystem:
        return _system_in(self.organization, self.cleaned_data["ai_system"])

    def action_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("competence", "area", "description")}


# Filter forms of the list pages ------------------------------------------------------------------------


def _any(choices: list[tuple[str, str]], label: str) -> list[tuple[str, str]]:
    return [("", label), *((value, text) for value, text in choices if value)]


class ComponentFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search")
    kind = forms.ChoiceField(required=False, label="Type")
    system = forms.CharField(required=False, max_length=40, label="AI system (reference)")
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Active"), ("archived", "Archived"), (STATUS_ANY, "Active and archived")],
    )
    sort = forms.ChoiceField(
        required=False, choices=[(key, SORT_LABELS[key]) for key in COMPONENT_SORTS], label="Sort by"
    )

    kind_choices: ClassVar[list[tuple[str, str]]] = []
    kind_label: ClassVar[str] = "Type"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _any(self.kind_choices, "Any")  # type: ignore[attr-defined]
        self.fields["kind"].label = self.kind_label

    def component_filter(self) -> ComponentFilter:
        data = self.cleaned_data if self.is_bound else {}
        return ComponentFilter(
            q=data.get("q", "").strip(),
            kind=data.get("kind", ""),
            status=data.get("status") or "active",
            ai_system_reference=data.get("system", "").strip(),
            contains_personal_data={"yes": True, "no": False}.get(data.get("personal_data", "")),
            location=data.get("location", ""),
            sort=data.get("sort") or "name",
        )


class AIModelFilterForm(ComponentFilterForm):
    kind_choices = AIModel.ModelType.choices
    kind_label = "Model type"


class DatasetFilterForm(ComponentFilterForm):
    kind_choices = Dataset.Category.choices
    kind_label = "Category"
    personal_data = forms.ChoiceField(
        required=False,
        choices=[("", "Any"), ("yes", "Holds personal data"), ("no", "No personal data")],
        label="Personal data",
    )


class ResourceFilterForm(ComponentFilterForm):
    kind_choices = Resource.Kind.choices
    kind_label = "Kind"
    location = forms.ChoiceField(
        required=False, choices=_any(Resource.Location.choices, "Anywhere"), label="Runs"
    )


class CompetenceFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search")
    area = forms.ChoiceField(required=False, choices=_any(CompetenceNeed.Area.choices, "Any area"))
    system = forms.CharField(required=False, max_length=40, label="AI system (reference)")
    unfilled = forms.BooleanField(required=False, label="Only gaps (nobody holds it)")
    sort = forms.ChoiceField(
        required=False, choices=[(key, SORT_LABELS[key]) for key in COMPETENCE_SORTS], label="Sort by"
    )

    def competence_filter(self) -> CompetenceFilter:
        data = self.cleaned_data if self.is_bound else {}
        return CompetenceFilter(
            q=data.get("q", "").strip(),
            area=data.get("area", ""),
            ai_system_reference=data.get("system", "").strip(),
            unfilled=bool(data.get("unfilled")),
            sort=data.get("sort") or "competence",
        )
