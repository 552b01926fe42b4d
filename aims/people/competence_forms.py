"""Forms of the competence pages (7.2, 7.3, A.4.6); each field says what it is for."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.organizations.models import Organization
from aims.people import competence_queries as cq
from aims.people.forms import MemberChoiceField
from aims.people.models import Competence, TrainingRecord
from aims.people.uploads import max_upload_bytes


class CompetenceFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    literacy = forms.BooleanField(label="AI literacy only", required=False)
    sort = forms.ChoiceField(
        required=False, choices=[("name", "Name"), ("-name", "Name")], widget=forms.HiddenInput
    )


class CompetenceForm(forms.Form):
    name = forms.CharField(max_length=200, help_text="The competence in a few words (7.2 a).")
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What someone with it knows or can do, so you can judge who holds it (7.2).",
    )
    is_ai_literacy = forms.BooleanField(
        required=False,
        label="This is AI literacy",
        help_text="Training in it counts as AI literacy: EU AI Act Art. 4, and awareness (7.3).",
    )


class TrainingFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    competence = forms.ModelChoiceField(queryset=Competence.objects.none(), required=False, empty_label="All")
    user = MemberChoiceField(
        queryset=cq.members_none(), required=False, label="Person", empty_label="Everyone"
    )
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *TrainingRecord.Kind.choices])
    status = forms.ChoiceField(
        required=False, choices=[("", "Valid or expired"), ("valid", "Valid"), ("expired", "Expired")]
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(k, v) for key, v in cq.TRAINING_SORTS.items() for k in (key, f"-{key}")],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competence"].queryset = Competence.objects.filter(organization=organization)  # type: ignore[attr-defined]
        self.fields["user"].queryset = cq.members(organization)  # type: ignore[attr-defined]

    def training_filter(self) -> cq.TrainingFilter:
        data = self.cleaned_data if self.is_bound else {}
        return cq.TrainingFilter(
            q=(data.get("q") or "").strip(),
            competence=data["competence"].pk if data.get("competence") else None,
            user=data["user"].pk if data.get("user") else None,
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            sort=data.get("sort") or cq.DEFAULT_TRAINING_SORT,
        )


class TrainingForm(forms.Form):
    user = MemberChoiceField(
        queryset=cq.members_none(), label="Person", help_text="Whose qualification it is."
    )
    competence = forms.ModelChoiceField(
        queryset=Competence.objects.none(), help_text="The competence it gives or proves (7.2 b)."
    )
    kind = forms.ChoiceField(choices=TrainingRecord.Kind.choices, help_text="How the competence was gained.")
    title = forms.CharField(max_length=200, help_text=TrainingRecord._meta.get_field("title").help_text)
    completed_on = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), help_text="When it was done."
    )
    expires_on = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="When it must be renewed; leave empty if it does not expire.",
    )
    evidence = forms.FileField(
        required=False,
        help_text="A certificate or attendance record: PDF, PNG, JPEG or Word (.docx), "
        "up to {} MiB (7.2 d asks to keep evidence of competence).",
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = cq.members(organization)  # type: ignore[attr-defined]
        self.fields["competence"].queryset = Competence.objects.filter(organization=organization)  # type: ignore[attr-defined]
        evidence = self.fields["evidence"]
        evidence.help_text = evidence.help_text.format(max_upload_bytes() // (1024 * 1024))
