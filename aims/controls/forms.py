"""Forms of the SoA pages. They parse and explain (help from the models); the actions decide and write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.context.models import Obligation
from aims.controls.actions import CITABLE, CUSTOM_FIELDS, IMPLEMENTATION_FIELDS, ReasonInput
from aims.controls.models import HELP, ApplicabilityReason, Control, Decision, ImplementationStatus
from aims.controls.queries import SoAFilter, members_of
from aims.organizations.models import Organization

Kind = ApplicabilityReason.Kind
REASON_HELP: dict[str, str] = {
    Kind.RISK_TREATMENT: "The control treats AI risks. Risks whose treatments chose this control count "
    "automatically; tick this to name other risks in the note.",
    Kind.LEGAL_REGULATORY: "A law or regulator's rule requires it: cite the obligations.",
    Kind.CONTRACTUAL: "A contract you signed requires it: cite the obligations.",
    Kind.BUSINESS_NEED: "The business needs it: say which need.",
    Kind.BEST_PRACTICE: "It is good practice for an organisation like yours: say why.",
}


class ApplicabilityForm(forms.Form):
    """The decision on a control and, for an inclusion, its reasons; for an exclusion, its justification."""

    decision = forms.ChoiceField(
        choices=Decision.choices, widget=forms.RadioSelect, help_text=HELP["decision"]
    )
    exclusion_justification = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=HELP["exclusion_justification"]
    )

    def __init__(self, data: Any = None, *, control: Control) -> None:
        super().__init__(data, initial=self._initial(control))
        obligations = Obligation.objects.filter(organization=control.organization).order_by("reference")
        for kind, label in Kind.choices:
            self.fields[kind] = forms.BooleanField(required=False, label=label, help_text=REASON_HELP[kind])
            if kind in ApplicabilityReason.CITES_OBLIGATIONS:
                self.fields[f"{kind}_obligations"] = forms.ModelMultipleChoiceField(
                    queryset=obligations.filter(kind__in=CITABLE[kind]),
                    required=False,
                    label="Obligations cited",
                    widget=forms.CheckboxSelectMultiple,
                    help_text=HELP["obligations"],
                )
            self.fields[f"{kind}_note"] = forms.CharField(
                required=False, label="Note", help_text=HELP["reason_note"], max_length=2000
            )

    @staticmethod
    def _initial(control: Control) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "decision": control.decision,
            "exclusion_justification": control.exclusion_justification,
        }
        for reason in control.reasons.all():
            initial[reason.kind] = True
            initial[f"{reason.kind}_note"] = reason.note
            if reason.kind in ApplicabilityReason.CITES_OBLIGATIONS:
                initial[f"{reason.kind}_obligations"] = [o.pk for o in reason.obligations.all()]
        return initial

    def reason_rows(self) -> list[dict[str, Any]]:
        """The bound fields of each reason, for the template."""
        rows = []
        for kind, _label in Kind.choices:
            cited = self[f"{kind}_obligations"] if f"{kind}_obligations" in self.fields else None
            rows.append({"tick": self[kind], "note": self[f"{kind}_note"], "obligations": cited})
        return rows

    def reasons(self) -> list[ReasonInput]:
        data = self.cleaned_data
        return [
            ReasonInput(
                kind=kind,
                note=data.get(f"{kind}_note") or "",
                obligations=tuple(data.get(f"{kind}_obligations") or ()),
            )
            for kind in Kind.values
            if data.get(kind)
        ]


class ImplementationForm(forms.Form):
    def __init__(self, data: Any = None, *, control: Control) -> None:
        super().__init__(data, initial=forms.model_to_dict(control, fields=IMPLEMENTATION_FIELDS))
        self.fields.update(forms.fields_for_model(Control, fields=IMPLEMENTATION_FIELDS))
        self.fields["owner"].queryset = members_of(control.organization)  # type: ignore[attr-defined]
        self.fields["implementation"].widget = forms.Textarea(attrs={"rows": 4})
        self.fields["target_on"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CustomControlForm(forms.Form):
    def __init__(self, data: Any = None, *, control: Control | None = None) -> None:
        initial = forms.model_to_dict(control, fields=CUSTOM_FIELDS) if control else None
        super().__init__(data, initial=initial)
        self.fields.update(forms.fields_for_model(Control, fields=CUSTOM_FIELDS))
        self.fields["reference"].required = False
        self.fields["reference"].help_text += " Leave empty and aims picks the next ORG number."
        self.fields["description"].widget = forms.Textarea(attrs={"rows": 3})


class ApproveForm(forms.Form):
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What changed since the last version, for the record (optional).",
    )


def _blank(label: str, choices: Any) -> list[tuple[str, str]]:
    return [("", label), *choices]


class SoAFilterForm(forms.Form):
    q = forms.CharField(
        required=False, label="Search", max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    decision = forms.ChoiceField(required=False, choices=_blank("Any decision", Decision.choices))
    status = forms.ChoiceField(
        required=False, label="Implementation", choices=_blank("Any status", ImplementationStatus.choices)
    )
    group = forms.ChoiceField(required=False, label="Control group")
    owner: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="Anyone"
    )

    def __init__(self, data: Any, *, organization: Organization, groups: list[tuple[str, str]]) -> None:
        super().__init__(data)
        named = [(ref, title if ref == "own" else f"{ref} {title}") for ref, title in groups]
        self.fields["group"].choices = _blank("All groups", named)  # type: ignore[attr-defined]
        self.fields["owner"].queryset = members_of(organization)  # type: ignore[attr-defined]

    def soa_filter(self) -> SoAFilter:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        owner = data.get("owner")
        return SoAFilter(
            q=(data.get("q") or "").strip(),
            decision=data.get("decision") or "",
            status=data.get("status") or "",
            group=data.get("group") or "",
            owner_id=owner.pk if owner else None,
        )
