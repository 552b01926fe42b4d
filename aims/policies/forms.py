"""Forms of the AI policy pages. They parse and explain (help from the models); the actions write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.policies import queries
from aims.policies.models import HELP, CommitmentRecord, PolicyReview

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DocumentChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.reference} {obj.title}"


class MemberChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.email})"


class MembersChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.email})"


def members_of(organization: Organization) -> Any:
    return User.objects.filter(memberships__organization=organization).order_by("email")


class AlignedPolicyForm(forms.Form):
    document = DocumentChoice(queryset=None, label="Policy", help_text=HELP["aligned_document"])
    note = forms.CharField(
        label="How it aligns", widget=forms.Textarea(attrs={"rows": 4}), help_text=HELP["note"]
    )

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        self.fields["document"].queryset = queries.alignable_documents(organization)  # type: ignore[attr-defined]


class PolicyReviewForm(forms.Form):
    document = DocumentChoice(queryset=None, label="Policy reviewed", help_text=HELP["review_document"])
    reviewed_on = forms.DateField(label="Reviewed on", widget=_DATE, help_text=HELP["reviewed_on"])
    reviewers = MembersChoice(queryset=None, widget=forms.CheckboxSelectMultiple, help_text=HELP["reviewers"])
    outcome = forms.ChoiceField(choices=PolicyReview.Outcome.choices, help_text=HELP["outcome"])
    findings = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), help_text=HELP["findings"])
    next_review_on = forms.DateField(
        required=False, label="Next review", widget=_DATE, help_text=HELP["next_review_on"]
    )

    def __init__(self, data: Any = None, *, organization: Organization, initial: Any = None) -> None:
        super().__init__(data, initial=initial)
        self.fields["document"].queryset = queries.reviewable_documents(organization)  # type: ignore[attr-defined]
        self.fields["reviewers"].queryset = members_of(organization)  # type: ignore[attr-defined]


class CommitmentForm(forms.Form):
    kind = forms.ChoiceField(
        label="What was done", choices=CommitmentRecord.Kind.choices, help_text=HELP["commitment_kind"]
    )
    member = MemberChoice(queryset=None, label="Who", help_text=HELP["member"])
    occurred_on = forms.DateField(label="When", widget=_DATE, help_text=HELP["occurred_on"])
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), help_text=HELP["commitment_description"]
    )
    link = forms.URLField(required=False, max_length=500, assume_scheme="https", help_text=HELP["link"])

    def __init__(self, data: Any = None, *, organization: Organization, initial: Any = None) -> None:
        super().__init__(data, initial=initial)
        self.fields["member"].queryset = members_of(organization)  # type: ignore[attr-defined]


class ReviewFilterForm(forms.Form):
    q = forms.CharField(
        required=False, label="Search", max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    outcome = forms.ChoiceField(required=False, choices=[("", "Any outcome"), *PolicyReview.Outcome.choices])


class CommitmentFilterForm(forms.Form):
    q = forms.CharField(
        required=False, label="Search", max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    kind = forms.ChoiceField(
        required=False, label="What", choices=[("", "Anything"), *CommitmentRecord.Kind.choices]
    )
