"""Forms of the improvement pages. They parse and explain (help from the models); the actions decide and
write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from aims.accounts.models import User
from aims.improvement import queries
from aims.improvement.actions import NC_FIELDS, OPPORTUNITY_FIELDS
from aims.improvement.models import (
    HELP,
    MAX_CAUSE_STEPS,
    OPPORTUNITY_HELP,
    CorrectiveAction,
    EffectivenessCheck,
    ImprovementOpportunity,
    Nonconformity,
)
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REQUIREMENT_HELP = f"{HELP['requirement']} Its ID, such as 10.2 or A.8.4."


def _tidy(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget = forms.Textarea(attrs={"rows": 3})
        elif isinstance(field.widget, forms.DateInput):
            field.widget = _DATE


def members(organization: Organization) -> Any:
    return User.objects.filter(memberships__organization=organization).order_by("email")


def _member_field(form: forms.BaseForm, name: str, organization: Organization, *, required: bool) -> None:
    field = forms.ModelChoiceField(
        queryset=members(organization),
        required=required,
        label=form.fields[name].label if name in form.fields else name.replace("_", " ").capitalize(),
        help_text=form.fields[name].help_text if name in form.fields else "",
    )
    field.label_from_instance = lambda u: u.display_name  # type: ignore[method-assign,assignment]
    form.fields[name] = field


class NonconformityForm(forms.Form):
    """What the nonconformity says; the correction, root cause and actions have their own forms."""

    def __init__(
        self, data: Any = None, *, organization: Organization, instance: Nonconformity | None = None
    ) -> None:
        initial: dict[str, Any] = {}
        if instance is not None:
            initial = forms.model_to_dict(instance, fields=NC_FIELDS)
            initial["requirement"] = instance.requirement.ref if instance.requirement else ""
        super().__init__(data, initial=initial)
        self.organization = organization
        fields = [f for f in NC_FIELDS if f not in ("requirement", "source_url")]
        self.fields.update(forms.fields_for_model(Nonconformity, fields=fields))
        self.fields["requirement"] = forms.CharField(
            label="Requirement", required=False, max_length=30, help_text=REQUIREMENT_HELP
        )
        _member_field(self, "owner", organization, required=False)
        _tidy(self)

    def clean_requirement(self) -> Any:
        ref = (self.cleaned_data.get("requirement") or "").strip()
        if not ref:
            return None
        item = queries.requirement_by_ref(ref)
        if item is None:
            raise forms.ValidationError(f"No clause or control {ref} in ISO/IEC 42001.")
        return item

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class CorrectionForm(forms.Form):
    correction = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), help_text=HELP["correction"])
    corrected_on = forms.DateField(label="Corrected on", widget=_DATE, help_text=HELP["corrected_on"])

    def __init__(self, data: Any = None, *, organization: Organization, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["corrected_by"] = forms.ModelChoiceField(
            queryset=members(organization), label="Corrected by", help_text=HELP["corrected_by"]
        )
        self.fields["corrected_by"].label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]


class RootCauseForm(forms.Form):
    """The method, up to five why/because steps, the root cause, and what it means elsewhere and for the
    AIMS."""

    cause_method = forms.ChoiceField(
        label="Method", choices=Nonconformity.CauseMethod.choices, help_text=HELP["cause_method"]
    )

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        for n in range(1, MAX_CAUSE_STEPS + 1):
            self.fields[f"why_{n}"] = forms.CharField(label=f"Why? ({n})", required=False, max_length=1000)
            self.fields[f"because_{n}"] = forms.CharField(
                label=f"Because ({n})", required=False, max_length=1000
            )
        for name in ("root_cause", "similar_elsewhere", "aims_changes"):
            model_field = Nonconformity._meta.get_field(name)
            assert isinstance(model_field, models.Field)
            self.fields[name] = forms.CharField(
                label=str(model_field.verbose_name).capitalize(),
                required=name == "root_cause",
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=str(model_field.help_text),
            )

    @staticmethod
    def initial_for(nc: Nonconformity) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "cause_method": nc.cause_method or Nonconformity.CauseMethod.FIVE_WHYS,
            "root_cause": nc.root_cause,
            "similar_elsewhere": nc.similar_elsewhere,
            "aims_changes": nc.aims_changes,
        }
        for n, step in enumerate(nc.cause_steps or [], start=1):
            initial[f"why_{n}"], initial[f"because_{n}"] = step.get("why", ""), step.get("because", "")
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(1, MAX_CAUSE_STEPS + 1):
            why, because = data.get(f"why_{n}", ""), data.get(f"because_{n}", "")
            if bool(why.strip()) != bool(because.strip()):
                self.add_error(
                    f"because_{n}" if why.strip() else f"why_{n}", "Give both the why and the because."
                )
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        steps = []
        for n in range(1, MAX_CAUSE_STEPS + 1):
            why, because = data.get(f"why_{n}", "").strip(), data.get(f"because_{n}", "").strip()
            if why or because:
                steps.append({"why": why, "because": because})
        return {
            "cause_method": data["cause_method"],
            "cause_steps": steps,
            "root_cause": data["root_cause"],
            "similar_elsewhere": data.get("similar_elsewhere", ""),
            "aims_changes": data.get("aims_changes", ""),
        }


class CorrectiveActionForm(forms.Form):
    def __init__(
        self, data: Any = None, *, organization: Organization, instance: CorrectiveAction | None = None
    ) -> None:
        initial = (
            forms.model_to_dict(instance, fields=("description", "owner", "due_on", "notes"))
            if instance
            else {}
        )
        super().__init__(data, initial=initial)
        self.fields.update(
            forms.fields_for_model(CorrectiveAction, fields=("description", "owner", "due_on", "notes"))
        )
        _member_field(self, "owner", organization, required=True)
        _tidy(self)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class CompleteActionForm(forms.Form):
    done_on = forms.DateField(label="Done on", widget=_DATE, help_text="The day it was done.")
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="How it was done, and where the evidence is.",
    )


class CancelActionForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), help_text="Why it is no longer needed."
    )


class VerifyForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=EffectivenessCheck.Outcome.choices,
        widget=forms.RadioSelect,
        help_text="Did the corrective actions remove the cause?",
    )
    checked_on = forms.DateField(
        label="Checked on", widget=_DATE, help_text="The day effectiveness was checked."
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="What was looked at and what it showed."
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text="Say why.")


STATUS_CHOICES = [("", "Any status"), *Nonconformity.Status.choices]


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_CHOICES)
    source = forms.ChoiceField(
        label="Source", required=False, choices=[("", "Any source"), *Nonconformity.Source.choices]
    )
    grade = forms.ChoiceField(
        label="Grade", required=False, choices=[("", "Any grade"), *Nonconformity.Grade.choices]
    )
    owner = forms.ModelChoiceField(
        label="Owner", queryset=User.objects.none(), required=False, empty_label="Anyone"
    )
    overdue = forms.BooleanField(label="Overdue", required=False)

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        owner = self.fields["owner"]
        owner.queryset = members(organization)  # type: ignore[attr-defined]
        owner.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]

    def wanted(self) -> queries.NonconformityFilter:
        if not self.is_bound:
            return queries.NonconformityFilter()
        data = self.cleaned_data
        owner = data.get("owner")
        return queries.NonconformityFilter(
            q=(data.get("q") or "").strip(),
            status=data.get("status") or "",
            source=data.get("source") or "",
            grade=data.get("grade") or "",
            overdue=bool(data.get("overdue")),
            owner_id=owner.pk if owner else None,
        )


class OpportunityForm(forms.Form):
    def __init__(
        self, data: Any = None, *, organization: Organization, instance: ImprovementOpportunity | None = None
    ) -> None:
        initial = forms.model_to_dict(instance, fields=OPPORTUNITY_FIELDS) if instance else {}
        super().__init__(data, initial=initial)
        self.fields.update(forms.fields_for_model(ImprovementOpportunity, fields=OPPORTUNITY_FIELDS))
        _member_field(self, "owner", organization, required=False)
        _tidy(self)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (ImprovementOpportunity.Status.ACCEPTED, "Accept"),
            (ImprovementOpportunity.Status.DECLINED, "Decline"),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), help_text=OPPORTUNITY_HELP["decision_note"]
    )


class CompleteOpportunityForm(forms.Form):
    outcome = forms.CharField(
        label="What came of it",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=OPPORTUNITY_HELP["outcome"],
    )
    completed_on = forms.DateField(label="Completed on", widget=_DATE)


class OpportunityFilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *ImprovementOpportunity.Status.choices]
    )
    source = forms.ChoiceField(
        label="Source", required=False, choices=[("", "Any source"), *ImprovementOpportunity.Source.choices]
    )

    def wanted(self) -> queries.OpportunityFilter:
        if not self.is_bound:
            return queries.OpportunityFilter()
        data = self.cleaned_data
        return queries.OpportunityFilter(
            q=(data.get("q") or "").strip(), status=data.get("status") or "", source=data.get("source") or ""
        )
