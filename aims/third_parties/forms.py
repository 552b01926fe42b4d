"""Forms of the third-party pages. They parse input; the actions decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import AISystem, LifecycleStage
from aims.organizations.models import Organization
from aims.third_parties import queries
from aims.third_parties.actions import Allocation
from aims.third_parties.models import (
    DueDiligence,
    Outcome,
    Relationship,
    ResponsibilityAllocation,
    Responsible,
    ThirdParty,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _help(model: type[Any], name: str) -> str:
    return str(model._meta.get_field(name).help_text)


class PartyFilterForm(forms.Form):
    q = forms.CharField(
        required=False, max_length=100, label="Search", help_text="Name, reference or contact."
    )
    kind = forms.ChoiceField(
        required=False,
        choices=[("", "All"), *((k, v[0]) for k, v in queries.KIND_FILTERS.items())],
    )
    category = forms.ChoiceField(required=False, choices=[("", "Any"), *ThirdParty.Category.choices])
    status = forms.ChoiceField(required=False, choices=list(queries.STATUS_FILTERS.items()))
    review = forms.ChoiceField(
        required=False, label="Review", choices=[("", "Any"), *queries.REVIEW_FILTERS.items()]
    )
    sort = forms.ChoiceField(required=False, label="Sort by", choices=list(queries.SORT_LABELS.items()))

    def party_filter(self) -> queries.PartyFilter:
        data = self.cleaned_data
        return queries.PartyFilter(
            search=data.get("q", "").strip(),
            kind=data.get("kind", ""),
            category=data.get("category", ""),
            status=data.get("status", ""),
            review=data.get("review", ""),
            sort=data.get("sort") or "name",
        )


def model_field(model: type[Any], name: str, **kwargs: Any) -> forms.Field:
    """The form field of a model field: its label, help text, length and choices come with it."""
    field = model._meta.get_field(name).formfield(**kwargs)
    assert field is not None, f"{model.__name__}.{name} has no form field"
    return field


def initial_from(instance: Any, names: list[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in names}


class ThirdPartyForm(forms.Form):
    reference = model_field(ThirdParty, "reference")
    name = model_field(ThirdParty, "name")
    kind = model_field(ThirdParty, "kind")
    categories = forms.MultipleChoiceField(
        choices=ThirdParty.Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_help(ThirdParty, "categories"),
    )
    status = forms.ChoiceField(
        choices=[
            (ThirdParty.Status.PROSPECTIVE.value, ThirdParty.Status.PROSPECTIVE.label),
            (ThirdParty.Status.ACTIVE.value, ThirdParty.Status.ACTIVE.label),
        ],
        initial=ThirdParty.Status.ACTIVE,
        help_text=_help(ThirdParty, "status"),
    )
    country = model_field(ThirdParty, "country")
    contact = model_field(ThirdParty, "contact")
    website = model_field(ThirdParty, "website", assume_scheme="https")
    notes = model_field(ThirdParty, "notes", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, instance: ThirdParty | None = None, **kwargs: Any) -> None:
        if instance is not None:
            kwargs["initial"] = initial_from(instance, list(self.base_fields))
        super().__init__(*args, **kwargs)


class RelationshipForm(forms.Form):
    role = model_field(Relationship, "role")
    subject = model_field(Relationship, "subject")
    ai_system_reference = forms.CharField(
        required=False,
        max_length=40,
        label="AI system",
        help_text=(
            "The reference of the AI system this relationship concerns (e.g. AIS-014); leave empty if it "
            "covers the whole organisation."
        ),
        widget=forms.TextInput(attrs={"list": "ai-system-options", "autocomplete": "off"}),
    )
    contract_reference = model_field(Relationship, "contract_reference")
    started_on = model_field(Relationship, "started_on", widget=DATE)
    next_review_on = model_field(Relationship, "next_review_on", widget=DATE)
    notes = model_field(Relationship, "notes", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self, *args: Any, organization: Organization, instance: Relationship | None = None, **kwargs: Any
    ) -> None:
        if instance is not None:
            names = [name for name in self.base_fields if name != "ai_system_reference"]
            system = instance.ai_system
            kwargs["initial"] = {
                **initial_from(instance, names),
                "ai_system_reference": system.reference if system else "",
            }
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_ai_system_reference(self) -> AISystem | None:
        reference = self.cleaned_data["ai_system_reference"].strip()
        if not reference:
            return None
        system = AISystem.objects.filter(organization=self.organization, reference=reference).first()
        if system is None:
            raise forms.ValidationError(f"There is no AI system {reference} in {self.organization}.")
        return system

    def action_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["ai_system"] = data.pop("ai_system_reference")
        return data


class ArchiveForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=500,
        help_text="Why you no longer work with them; kept in the audit trail.",
    )


class EndRelationshipForm(forms.Form):
    ended_on = forms.DateField(
        required=False, widget=DATE, help_text="When it ended; today if left empty. Not in the future."
    )
    reason = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why it ended (contract expired, system retired, supplier replaced, …).",
    )


def note_field(stage: str) -> str:
    return f"{stage}_note"


class ResponsibilityForm(forms.Form):
    """One choice and one note per life-cycle stage (A.10.2)."""

    def __init__(
        self, *args: Any, relationship: Relationship, current: list[ResponsibilityAllocation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        allocated = {row.stage: row for row in current}
        them = relationship.third_party.name
        choices = [
            ("", "—"),
            *((value, label if value != "them" else them) for value, label in Responsible.choices),
        ]
        for stage in LifecycleStage:
            found = allocated.get(stage.value)
            self.fields[stage.value] = forms.ChoiceField(
                choices=choices, label=stage.label, initial=found.party if found else ""
            )
            self.fields[note_field(stage.value)] = forms.CharField(
                required=False,
                max_length=300,
                label=f"How, for {stage.label.lower()}",
                initial=found.note if found else "",
            )

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[stage], self[note_field(stage)]) for stage in LifecycleStage.values]

    def allocations(self) -> list[Allocation]:
        data = self.cleaned_data
        return [Allocation(stage, data[stage], data[note_field(stage)]) for stage in LifecycleStage.values]


class DueDiligenceForm(forms.Form):
    relationship = forms.ModelChoiceField(
        queryset=Relationship.objects.none(),
        required=False,
        empty_label="The third party as a whole",
        help_text="The relationship the check was done for, if it was for one.",
    )
    performed_on = forms.DateField(widget=DATE, help_text="When the check was completed.")
    performed_by = forms.ModelChoiceField(
        queryset=User.objects.none(), help_text="The member who carried out the check."
    )
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        help_text="Whether they fit your responsible approach to AI (A.10.3); conditions go in the findings.",
    )
    findings = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text=_help(DueDiligence, "findings")
    )
    next_due_on = forms.DateField(
        required=False,
        widget=DATE,
        help_text="When to check them again (A.10.3 asks you to monitor suppliers).",
    )

    def __init__(self, *args: Any, party: ThirdParty, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["relationship"].queryset = party.relationships.active().order_by("pk")  # type: ignore[attr-defined]
        members = User.objects.filter(memberships__organization=party.organization).order_by("email")
        self.fields["performed_by"].queryset = members  # type: ignore[attr-defined]
        self.fields["performed_by"].initial = actor.pk
