"""Forms of the incident pages. They parse and explain (help from the models); the actions decide
and write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.incidents.actions import COMMUNICATION_FIELDS, INCIDENT_FIELDS
from aims.incidents.models import HELP, Incident, IncidentCommunication
from aims.incidents.queries import IncidentFilter
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _tidy(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget = forms.Textarea(attrs={"rows": 3})
        elif isinstance(field.widget, forms.DateTimeInput):
            field.widget = _DATETIME
        elif isinstance(field.widget, forms.DateInput):
            field.widget = _DATE


def _systems(organization: Organization) -> Any:
    return AISystem.objects.filter(organization=organization).order_by("reference")


class IncidentForm(forms.Form):
    """What the incident record says; seriousness, reports and statuses have their own forms and buttons."""

    def __init__(
        self, data: Any = None, *, organization: Organization, instance: Incident | None = None
    ) -> None:
        initial: dict[str, Any] = {}
        if instance is not None:
            initial = forms.model_to_dict(instance, fields=INCIDENT_FIELDS)
            initial["ai_systems"] = ", ".join(s.reference for s in instance.ai_systems.order_by("reference"))
        super().__init__(data, initial=initial)
        self.organization = organization
        # References typed in, not a list of checkboxes: an organisation may have thousands of AI systems.
        self.fields["ai_systems"] = forms.CharField(
            label="AI systems",
            required=False,
            max_length=2000,
            widget=forms.TextInput(attrs={"placeholder": "AIS-001, AIS-004"}),
            help_text=f"{HELP['ai_systems']} Their references, separated by commas.",
        )
        self.fields.update(forms.fields_for_model(Incident, fields=INCIDENT_FIELDS))
        _tidy(self)
        owner = self.fields["owner"]
        owner.queryset = User.objects.filter(memberships__organization=organization).order_by("email")  # type: ignore[attr-defined]
        owner.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "ai_systems"}

    def clean_ai_systems(self) -> list[AISystem]:
        wanted = [ref.strip() for ref in self.cleaned_data["ai_systems"].replace(";", ",").split(",")]
        wanted = [ref for ref in wanted if ref]
        found = {s.reference.lower(): s for s in _systems(self.organization).filter(reference__in=wanted)}
        missing = [ref for ref in wanted if ref.lower() not in found]
        if missing:
            raise forms.ValidationError(
                f"No AI system of this organisation has the reference {', '.join(missing)}."
            )
        return list({ref.lower(): found[ref.lower()] for ref in wanted}.values())

    def systems(self) -> list[AISystem]:
        return list(self.cleaned_data.get("ai_systems") or [])


class SeriousnessForm(forms.Form):
    is_serious = forms.BooleanField(label="Serious incident", required=False, help_text=HELP["is_serious"])
    serious_kind = forms.ChoiceField(
        label="Kind of serious incident",
        required=False,
        choices=[("", "—"), *Incident.SeriousKind.choices],
        help_text=HELP["serious_kind"],
    )


class ReportForm(forms.Form):
    reported_at = forms.DateTimeField(
        label="Reported at", widget=_DATETIME, help_text=HELP["reported_to_authority_at"]
    )
    authority = forms.CharField(max_length=200, help_text=HELP["authority"])


class CommunicationForm(forms.Form):
    def __init__(self, data: Any = None, *, prefix: str | None = "comm") -> None:
        super().__init__(data, prefix=prefix)
        self.fields.update(forms.fields_for_model(IncidentCommunication, fields=COMMUNICATION_FIELDS))
        _tidy(self)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Incident.Status.choices)


SERIOUS_CHOICES = [("", "Serious or not"), ("yes", "Serious"), ("no", "Not serious")]


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
        label="Status", required=False, choices=[("", "Any status"), *Incident.Status.choices]
    )
    severity = forms.ChoiceField(
        label="Severity", required=False, choices=[("", "Any severity"), *Incident.Severity.choices]
    )
    serious = forms.ChoiceField(label="Serious", required=False, choices=SERIOUS_CHOICES)
    overdue = forms.BooleanField(label="Report overdue", required=False)

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        field = self.fields["ai_system"]
        field.queryset = _systems(organization)  # type: ignore[attr-defined]

    def wanted(self) -> IncidentFilter:
        if not self.is_bound:
            return IncidentFilter()
        data = self.cleaned_data
        system = data.get("ai_system")
        serious = data.get("serious")
        return IncidentFilter(
            q=(data.get("q") or "").strip(),
            ai_system_id=system.pk if system else None,
            status=data.get("status") or "",
            severity=data.get("severity") or "",
            serious=None if not serious else serious == "yes",
            overdue=bool(data.get("overdue")),
        )
