"""Forms of the impact assessment pages. They parse and explain (help from the models); the actions decide
and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from aims.ai_systems.models import AISystem
from aims.impact_assessments.actions import ASSESSMENT_FIELDS, ITEM_FIELDS
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.impact_assessments.queries import AssessmentFilter
from aims.organizations.models import Organization
from aims.risks.models import Risk

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _tidy(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget = forms.Textarea(attrs={"rows": 3})
        if isinstance(field.widget, forms.DateInput):
            field.widget = _DATE


class AssessmentForm(forms.Form):
    """What the assessment says; the state changes through its own buttons."""

    def __init__(
        self, data: Any = None, *, organization: Organization, instance: ImpactAssessment | None = None
    ) -> None:
        initial = forms.model_to_dict(instance, fields=ASSESSMENT_FIELDS) if instance is not None else {}
        super().__init__(data, initial=initial)
        self.fields.update(forms.fields_for_model(ImpactAssessment, fields=ASSESSMENT_FIELDS))
        _tidy(self)
        # A reference typed in, not a <select>: an organisation may have tens of thousands of AI systems.
        system = self.fields["ai_system"]
        system.queryset = AISystem.objects.filter(organization=organization)  # type: ignore[attr-defined]
        system.to_field_name = "reference"  # type: ignore[attr-defined]
        system.widget = forms.TextInput(attrs={"placeholder": "AIS-001"})
        system.error_messages["invalid_choice"] = "No AI system of this organisation has that reference."
        if instance is not None:
            self.initial["ai_system"] = instance.ai_system.reference

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class ItemForm(forms.Form):
    def __init__(
        self, data: Any = None, *, instance: ImpactItem | None = None, prefix: str | None = None
    ) -> None:
        initial = forms.model_to_dict(instance, fields=ITEM_FIELDS) if instance is not None else {}
        super().__init__(data, initial=initial, prefix=prefix)
        self.fields.update(forms.fields_for_model(ImpactItem, fields=ITEM_FIELDS))
        _tidy(self)
        for name in ("severity", "likelihood"):
            self.fields[name] = forms.TypedChoiceField(
                label=name.capitalize(),
                choices=[(n, str(n)) for n in range(1, 5)],
                coerce=int,
                help_text=str(self.fields[name].help_text),
            )

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class NoteForm(forms.Form):
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="What should change, or a remark."
    )


class RaiseRiskForm(forms.Form):
    risk = forms.CharField(
        label="Existing risk",
        required=False,
        max_length=20,
        help_text="Leave empty to add a new risk of the system, or give an existing risk's reference "
        "(e.g. RSK-0003) to link it.",
    )

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        self.organization = organization

    def clean_risk(self) -> Risk | None:
        reference = self.cleaned_data["risk"].strip()
        if not reference:
            return None
        risk = Risk.objects.filter(organization=self.organization, reference__iexact=reference).first()
        if risk is None:
            raise ValidationError(f"No risk {reference} in {self.organization.name}.")
        return risk


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    # A reference typed in, not a <select>: an organisation may have tens of thousands of AI systems.
    ai_system = forms.ModelChoiceField(
        label="AI system",
        queryset=AISystem.objects.none(),
        required=False,
        to_field_name="reference",
        widget=forms.TextInput(attrs={"placeholder": "AIS-001"}),
        help_text="The AI system's reference.",
        error_messages={"invalid_choice": "No AI system of this organisation has that reference."},
    )
    state = forms.ChoiceField(
        label="State", required=False, choices=[("", "Any state"), *ImpactAssessment.State.choices]
    )
    decision = forms.ChoiceField(
        label="Decision", required=False, choices=[("", "Any decision"), *ImpactAssessment.Decision.choices]
    )
    due = forms.BooleanField(label="Next assessment overdue", required=False)

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        field = self.fields["ai_system"]
        field.queryset = AISystem.objects.filter(organization=organization)  # type: ignore[attr-defined]

    def wanted(self) -> AssessmentFilter:
        if not self.is_bound:
            return AssessmentFilter()
        data = self.cleaned_data
        system = data.get("ai_system")
        return AssessmentFilter(
            q=(data.get("q") or "").strip(),
            ai_system_id=system.pk if system else None,
            state=data.get("state") or "",
            decision=data.get("decision") or "",
            due=bool(data.get("due")),
        )
