"""Forms of the objective pages. They parse and explain (help from the models); the actions decide and
write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.catalog.models import CatalogItem
from aims.monitoring.models import Metric
from aims.objectives.actions import OBJECTIVE_FIELDS, PLAN_FIELDS
from aims.objectives.models import HELP, Objective, ObjectivePlanItem
from aims.objectives.queries import ObjectiveFilter
from aims.organizations.models import Organization
from aims.policies.models import AIPolicy

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def members(organization: Organization) -> Any:
    return User.objects.filter(memberships__organization=organization).order_by("email")


def annex_c_items() -> Any:
    return CatalogItem.objects.filter(kind=CatalogItem.Kind.OBJECTIVE, annex="C").order_by("position")


def _people(field: forms.Field, organization: Organization) -> None:
    field.queryset = members(organization)  # type: ignore[attr-defined]
    field.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]


class ObjectiveForm(forms.Form):
    def __init__(
        self, data: Any = None, *, organization: Organization, instance: Objective | None = None
    ) -> None:
        initial: dict[str, Any] = {}
        if instance is not None:
            initial = forms.model_to_dict(instance, fields=OBJECTIVE_FIELDS)
            initial["metric"] = instance.metric.reference if instance.metric else ""
            initial["annex_c"] = list(instance.annex_c.values_list("pk", flat=True))
        super().__init__(data, initial=initial)
        self.fields.update(forms.fields_for_model(Objective, fields=OBJECTIVE_FIELDS))
        for name in ("description", "policy_statement", "manual_measure", "evaluation"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 3})
        self.fields["due_on"].widget = _DATE
        self.fields["policy"].queryset = AIPolicy.objects.filter(organization=organization)  # type: ignore[attr-defined]
        self.fields["policy"].label_from_instance = lambda p: "The organisation's AI policy"  # type: ignore[attr-defined]
        self.fields["metric"] = forms.ModelChoiceField(
            label="Measured by",
            queryset=Metric.objects.filter(organization=organization),
            required=False,
            to_field_name="reference",
            widget=forms.TextInput(attrs={"placeholder": "MET-001"}),
            help_text=f"{HELP['metric']} Its reference.",
            error_messages={"invalid_choice": "No metric of this organisation has that reference."},
        )
        self.fields["annex_c"] = forms.ModelMultipleChoiceField(
            label="Annex C objectives",
            queryset=annex_c_items(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=HELP["annex_c"],
        )
        _people(self.fields["owner"], organization)
        self.order_fields([*OBJECTIVE_FIELDS[:4], "annex_c"])

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "annex_c"}

    def annex_c(self) -> list[CatalogItem]:
        return list(self.cleaned_data.get("annex_c") or [])


class PlanItemForm(forms.Form):
    def __init__(
        self,
        data: Any = None,
        *,
        organization: Organization,
        instance: ObjectivePlanItem | None = None,
        prefix: str | None = "plan",
    ) -> None:
        initial = forms.model_to_dict(instance, fields=PLAN_FIELDS) if instance is not None else {}
        super().__init__(data, initial=initial, prefix=prefix)
        self.fields.update(forms.fields_for_model(ObjectivePlanItem, fields=PLAN_FIELDS))
        self.fields["resources"].widget = forms.Textarea(attrs={"rows": 2})
        self.fields["due_on"].widget = _DATE
        _people(self.fields["responsible"], organization)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class OutcomeForm(forms.Form):
    achieved = forms.TypedChoiceField(
        label="Outcome",
        choices=[("yes", "Achieved"), ("no", "Not achieved")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="What the evaluation found", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why it is withdrawn", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Objective.Status.choices]
    )
    owner = forms.ModelChoiceField(
        label="Owner", queryset=User.objects.none(), required=False, empty_label="Anyone"
    )

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        _people(self.fields["owner"], organization)

    def wanted(self) -> ObjectiveFilter:
        if not self.is_bound:
            return ObjectiveFilter()
        data = self.cleaned_data
        owner = data.get("owner")
        return ObjectiveFilter(
            q=(data.get("q") or "").strip(),
            status=data.get("status") or "",
            owner_id=owner.pk if owner else None,
        )
