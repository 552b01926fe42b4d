"""Forms of the monitoring pages. They parse and explain (help from the models); the actions decide and
write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.monitoring import computed
from aims.monitoring.actions import METRIC_FIELDS, Reading
from aims.monitoring.models import HELP, Measurement, Metric
from aims.monitoring.queries import MetricFilter
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def members(organization: Organization) -> Any:
    return User.objects.filter(memberships__organization=organization).order_by("email")


def _systems(organization: Organization) -> Any:
    return AISystem.objects.filter(organization=organization).order_by("reference")


class MetricForm(forms.Form):
    """What is measured, how, how often, by whom, and the thresholds."""

    def __init__(
        self, data: Any = None, *, organization: Organization, instance: Metric | None = None
    ) -> None:
        initial: dict[str, Any] = {}
        if instance is not None:
            initial = forms.model_to_dict(instance, fields=METRIC_FIELDS)
            initial["ai_system"] = instance.ai_system.reference if instance.ai_system else ""
        super().__init__(data, initial=initial)
        self.fields.update(
            forms.fields_for_model(Metric, fields=[f for f in METRIC_FIELDS if f != "ai_system"])
        )
        # A reference typed in, not a select: an organisation may have thousands of AI systems.
        self.fields["ai_system"] = forms.ModelChoiceField(
            label="AI system",
            queryset=_systems(organization),
            required=False,
            to_field_name="reference",
            widget=forms.TextInput(attrs={"placeholder": "AIS-001"}),
            help_text=f"{HELP['ai_system']} Its reference.",
            error_messages={"invalid_choice": "No AI system of this organisation has that reference."},
        )
        self.fields["computed_key"] = forms.ChoiceField(
            label="Computed from",
            required=False,
            choices=[("", "—"), *computed.choices()],
            help_text=HELP["computed_key"],
        )
        for name in ("description", "method"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 3})
        owner = self.fields["owner"]
        owner.queryset = members(organization)  # type: ignore[attr-defined]
        owner.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]
        self.order_fields(METRIC_FIELDS)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class MeasurementForm(forms.Form):
    value = forms.DecimalField(max_digits=20, decimal_places=6, help_text=HELP["value"])
    measured_at = forms.DateTimeField(
        label="Measured at",
        required=False,
        widget=_DATETIME,
        help_text=f"{HELP['measured_at']} Leave empty for now.",
    )
    note = forms.CharField(max_length=500, required=False, help_text=HELP["note"])

    def __init__(self, data: Any = None, *, prefix: str | None = "m") -> None:
        super().__init__(data, prefix=prefix)

    def reading(self) -> Reading:
        data = self.cleaned_data
        return Reading(value=data["value"], measured_at=data.get("measured_at"), note=data.get("note") or "")


class PeriodForm(forms.Form):
    since = forms.DateField(label="From", required=False, widget=_DATE)
    until = forms.DateField(label="To", required=False, widget=_DATE)


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    source = forms.ChoiceField(
        label="Source", required=False, choices=[("", "Any source"), *Metric.Source.choices]
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
    breached = forms.BooleanField(label="Breached now", required=False)

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        self.fields["ai_system"].queryset = _systems(organization)  # type: ignore[attr-defined]

    def wanted(self) -> MetricFilter:
        if not self.is_bound:
            return MetricFilter()
        data = self.cleaned_data
        system = data.get("ai_system")
        return MetricFilter(
            q=(data.get("q") or "").strip(),
            source=data.get("source") or "",
            ai_system_id=system.pk if system else None,
            breached=bool(data.get("breached")),
        )


SOURCES = dict(Measurement.Source.choices)
