"""Forms of the planned change pages. They parse and explain (help from the model); the actions decide and
write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.changes.actions import CHANGE_FIELDS
from aims.changes.models import HELP, PlannedChange
from aims.changes.queries import ChangeFilter
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _systems(organization: Organization) -> Any:
    return AISystem.objects.filter(organization=organization).order_by("reference")


def parse_references(organization: Organization, text: str) -> list[AISystem]:
    """AI systems named by reference ("AIS-001, AIS-004"); a ValidationError names the unknown ones."""
    wanted = [ref.strip() for ref in text.replace(";", ",").split(",") if ref.strip()]
    found = {s.reference.lower(): s for s in _systems(organization).filter(reference__in=wanted)}
    missing = [ref for ref in wanted if ref.lower() not in found]
    if missing:
        raise forms.ValidationError(
            f"No AI system of this organisation has the reference {', '.join(missing)}."
        )
    return list({ref.lower(): found[ref.lower()] for ref in wanted}.values())


class ChangeForm(forms.Form):
    def __init__(
        self, data: Any = None, *, organization: Organization, instance: PlannedChange | None = None
    ) -> None:
        initial: dict[str, Any] = {}
        if instance is not None:
            initial = forms.model_to_dict(instance, fields=CHANGE_FIELDS)
            initial["ai_systems"] = ", ".join(s.reference for s in instance.ai_systems.order_by("reference"))
        super().__init__(data, initial=initial)
        self.organization = organization
        self.fields.update(forms.fields_for_model(PlannedChange, fields=CHANGE_FIELDS[:4]))
        # References typed in, not checkboxes: an organisation may have thousands of AI systems.
        self.fields["ai_systems"] = forms.CharField(
            label="AI systems affected",
            required=False,
            max_length=2000,
            widget=forms.TextInput(attrs={"placeholder": "AIS-001, AIS-004"}),
            help_text=f"{HELP['ai_systems']} Their references, separated by commas.",
        )
        self.fields.update(forms.fields_for_model(PlannedChange, fields=CHANGE_FIELDS[4:]))
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget = forms.Textarea(attrs={"rows": 3})
            elif isinstance(field.widget, forms.DateInput):
                field.widget = _DATE
        requester = self.fields["requester"]
        requester.queryset = User.objects.filter(memberships__organization=organization).order_by("email")  # type: ignore[attr-defined]
        requester.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]
        requester.help_text = f"{HELP['requester']} Empty: you."

    def clean_ai_systems(self) -> list[AISystem]:
        return parse_references(self.organization, self.cleaned_data["ai_systems"])

    def values(self) -> dict[str, Any]:
        values = {k: v for k, v in self.cleaned_data.items() if k != "ai_systems"}
        if values.get("requester") is None:
            values.pop("requester", None)
        return values

    def systems(self) -> list[AISystem]:
        return list(self.cleaned_data.get("ai_systems") or [])


class DecisionForm(forms.Form):
    note = forms.CharField(
        label="Why", required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=HELP["decision_note"]
    )


class ImplementForm(forms.Form):
    implemented_on = forms.DateField(label="Made on", widget=_DATE, help_text="The day the change was made.")
    note = forms.CharField(
        label="How it went",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=HELP["implementation_note"],
    )

    def __init__(self, data: Any = None) -> None:
        super().__init__(data, initial={"implemented_on": timezone.localdate()})


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    ai_system = forms.ModelChoiceField(
        label="AI system",
        queryset=AISystem.objects.none(),
        required=False,
        to_field_name="reference",
        widget=forms.TextInput(attrs={"placeholder": "AIS-001"}),
        help_text="The AI system's reference.",
        error_messages={"invalid_choice": "No AI system of this organisation has that reference."},
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *PlannedChange.Status.choices]
    )
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind"), *PlannedChange.Kind.choices]
    )
    risk_level = forms.ChoiceField(
        label="Risk of the change",
        required=False,
        choices=[("", "Any risk"), *PlannedChange.RiskLevel.choices],
    )

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        self.fields["ai_system"].queryset = _systems(organization)  # type: ignore[attr-defined]

    def wanted(self) -> ChangeFilter:
        if not self.is_bound:
            return ChangeFilter()
        data = self.cleaned_data
        system = data.get("ai_system")
        return ChangeFilter(
            q=(data.get("q") or "").strip(),
            ai_system_id=system.pk if system else None,
            status=data.get("status") or "",
            kind=data.get("kind") or "",
            risk_level=data.get("risk_level") or "",
        )
