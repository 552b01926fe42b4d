"""Forms of the monitoring pages. They parse and explain (help from the models); the actions decide and
write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import AISystem, LifecycleStage
from aims.monitoring import computed, system_filter
from aims.monitoring.actions import METRIC_FIELDS, Reading
from aims.monitoring.models import HELP, Measurement, Metric
from aims.monitoring.queries import MetricFilter
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
_FILTERED = ", ".join(c.label.lower() for c in computed.registry().values() if c.concerns_systems)
FILTER_HELP = f"Only for a computed metric about AI systems ({_FILTERED}). Leave empty to count them all."
SCOPE_CHOICES = [
    ("", "Not filtered (coverage counts the systems in scope)"),
    ("in", "Only systems in scope"),
    ("out", "Only systems outside the AIMS scope"),
]
SCOPE_VALUES = {"": None, "in": True, "out": False}


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
            initial.update(_filter_initial(instance))
        super().__init__(data, initial=initial)
        self.fields.update(
            forms.fields_for_model(
                Metric, fields=[f for f in METRIC_FIELDS if f not in ("ai_system", "computed_filter")]
            )
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
        self.fields.update(_filter_fields(organization))
        for name in ("owner", "filter_owner"):
            owner = self.fields[name]
            owner.queryset = members(organization)  # type: ignore[attr-defined]
            owner.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]
        self.order_fields(METRIC_FIELDS)

    def values(self) -> dict[str, Any]:
        values = {k: v for k, v in self.cleaned_data.items() if not k.startswith("filter_")}
        owner = self.cleaned_data.get("filter_owner")
        values["computed_filter"] = system_filter.SystemFilter(
            risk_class=tuple(self.cleaned_data.get("filter_risk_class") or ()),
            lifecycle_stage=tuple(self.cleaned_data.get("filter_lifecycle_stage") or ()),
            in_scope=SCOPE_VALUES[self.cleaned_data.get("filter_in_scope") or ""],
            owner=owner.pk if owner else None,
        ).as_json()
        return values


def _filter_fields(organization: Organization) -> dict[str, forms.Field]:
    """The filter of AI systems, as the AI system register filters them."""
    checkboxes = forms.CheckboxSelectMultiple
    return {
        "filter_risk_class": forms.MultipleChoiceField(
            label="Only AI systems of EU AI Act class",
            choices=AISystem.RiskClass.choices,
            required=False,
            widget=checkboxes,
            help_text=FILTER_HELP,
        ),
        "filter_lifecycle_stage": forms.MultipleChoiceField(
            label="Only AI systems at life-cycle stage",
            choices=LifecycleStage.choices,
            required=False,
            widget=checkboxes,
        ),
        "filter_in_scope": forms.ChoiceField(label="Scope", choices=SCOPE_CHOICES, required=False),
        "filter_owner": forms.ModelChoiceField(
            label="Only AI systems owned by", queryset=members(organization), required=False
        ),
    }


def _filter_initial(metric: Metric) -> dict[str, Any]:
    systems = metric.system_filter
    scope = {value: key for key, value in SCOPE_VALUES.items()}[systems.in_scope]
    return {
        "filter_risk_class": list(systems.risk_class),
        "filter_lifecycle_stage": list(systems.lifecycle_stage),
        "filter_in_scope": scope,
        "filter_owner": systems.owner,
    }


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
