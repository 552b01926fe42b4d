"""Forms of the context pages. They parse and explain (help from the models); the actions decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Model

from aims.ai_systems.models import AISystem
from aims.context.actions import ISSUE_FIELDS, OBLIGATION_FIELDS, PARTY_FIELDS, REQUIREMENT_FIELDS
from aims.context.models import HELP, ContextIssue, InterestedParty, Obligation, Requirement, Status
from aims.context.queries import (
    ALL_STATUSES,
    ISSUE_SORTS,
    OBLIGATION_SORTS,
    PARTY_SORTS,
    RecordFilter,
    members_of,
)
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TEXT = forms.Textarea(attrs={"rows": 3})


class RecordForm(forms.Form):
    """A form with the model's own fields, labels and help texts, limited to the organisation's people."""

    model: type[Model]
    field_names: tuple[str, ...]

    def __init__(
        self, data: Any = None, *, organization: Organization, instance: Model | None = None
    ) -> None:
        initial = forms.model_to_dict(instance, fields=self.field_names) if instance is not None else None
        super().__init__(data, initial=initial)
        self.fields.update(forms.fields_for_model(self.model, fields=self.field_names))
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget = _TEXT
            if isinstance(field.widget, forms.DateInput):
                field.widget = _DATE
        if "owner" in self.fields:
            self.fields["owner"].queryset = members_of(organization)  # type: ignore[attr-defined]
        if "ai_systems" in self.fields:
            systems = AISystem.objects.filter(organization=organization).current().order_by("reference")
            self.fields["ai_systems"].queryset = systems  # type: ignore[attr-defined]
            self.fields["ai_systems"].widget = forms.CheckboxSelectMultiple()
            self.fields["ai_systems"].widget.choices = self.fields["ai_systems"].choices  # type: ignore[attr-defined]
        if "reference" in self.fields:
            self.fields["reference"].required = False
            self.fields["reference"].help_text += " Leave empty and aims picks the next number."

    def values(self) -> dict[str, Any]:
        """The cleaned values for the action, without the linked AI systems."""
        return {name: value for name, value in self.cleaned_data.items() if name != "ai_systems"}

    def systems(self) -> list[AISystem] | None:
        return list(self.cleaned_data["ai_systems"]) if "ai_systems" in self.cleaned_data else None


class IssueForm(RecordForm):
    model = ContextIssue
    field_names = (*ISSUE_FIELDS, "ai_systems")


class ObligationForm(RecordForm):
    model = Obligation
    field_names = (*OBLIGATION_FIELDS, "ai_systems")


class PartyForm(RecordForm):
    model = InterestedParty
    field_names = PARTY_FIELDS


class RequirementForm(RecordForm):
    model = Requirement
    field_names = REQUIREMENT_FIELDS

    def __init__(
        self, data: Any = None, *, organization: Organization, instance: Model | None = None
    ) -> None:
        super().__init__(data, organization=organization, instance=instance)
        obligations = Obligation.objects.filter(organization=organization).order_by("reference")
        self.fields["obligation"].queryset = obligations  # type: ignore[attr-defined]


def _blank(label: str, choices: Any) -> list[tuple[str, str]]:
    return [("", label), *choices]


def _sorts(sorts: dict[str, str]) -> list[tuple[str, str]]:
    return [
        choice for key, label in sorts.items() for choice in ((key, label), (f"-{key}", f"{label}, reversed"))
    ]


class FilterForm(forms.Form):
    """The list filters; subclasses set the kind and choice fields and the sort keys."""

    q = forms.CharField(
        required=False, label="Search", max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    status = forms.ChoiceField(
        required=False,
        choices=[*Status.choices, (ALL_STATUSES, "All")],
        label="Status",
        initial=Status.ACTIVE,
    )

    ai_system = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def record_filter(self) -> RecordFilter:
        data = self.cleaned_data if self.is_bound else {}
        return RecordFilter(
            q=(data.get("q") or "").strip(),
            kind=data.get("kind") or "",
            choice=data.get("choice") or "",
            status=data.get("status") or Status.ACTIVE,
            sort=data.get("sort") or self.default_sort,
            ai_system_id=data.get("ai_system"),
        )

    default_sort = "reference"


class IssueFilterForm(FilterForm):
    kind = forms.ChoiceField(
        required=False, choices=_blank("Internal and external", ContextIssue.Kind.choices)
    )
    choice = forms.ChoiceField(
        required=False, label="Category", choices=_blank("Any", ContextIssue.Category.choices)
    )
    sort = forms.ChoiceField(required=False, choices=_sorts(ISSUE_SORTS))


class ObligationFilterForm(FilterForm):
    kind = forms.ChoiceField(required=False, choices=_blank("Any kind", Obligation.Kind.choices))
    choice = forms.ChoiceField(
        required=False, label="Applicability", choices=_blank("Any", Obligation.Applicability.choices)
    )
    sort = forms.ChoiceField(required=False, choices=_sorts(OBLIGATION_SORTS))


class PartyFilterForm(FilterForm):
    kind = forms.ChoiceField(required=False, choices=_blank("Any kind", InterestedParty.Kind.choices))
    sort = forms.ChoiceField(required=False, choices=_sorts(PARTY_SORTS))
    default_sort = "name"


class ScopeForm(forms.Form):
    """A new draft version; exclusions one per line as `what: reason`."""

    boundaries = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), help_text=HELP["boundaries"])
    ai_roles = forms.MultipleChoiceField(
        choices=Organization.AIRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="AI roles",
        help_text=HELP["ai_roles"],
    )
    exclusions = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What is left out of the scope and why, one per line as “what: reason” (clause 4.3).",
    )

    def clean_exclusions(self) -> list[dict[str, str]]:
        found = []
        for number, line in enumerate(self.cleaned_data["exclusions"].splitlines(), start=1):
            if not line.strip():
                continue
            what, colon, reason = line.partition(":")
            if not colon or not what.strip() or not reason.strip():
                raise forms.ValidationError(f"Line {number}: write “what: reason”, with both parts.")
            found.append({"what": what.strip(), "reason": reason.strip()})
        return found
