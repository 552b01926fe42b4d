"""Forms of the acknowledgement pages. They parse and explain; the actions decide and write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.acknowledgements.models import HELP, Campaign
from aims.acknowledgements.queries import CAMPAIGN_STATES, REQUEST_STATES
from aims.documents.models import DocumentVersion
from aims.organizations.models import Organization


class VersionChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.document.reference} {obj.document.title}, version {obj.number}"


class CampaignForm(forms.Form):
    version = VersionChoice(
        queryset=DocumentVersion.objects.none(),
        label="Published version",
        help_text="The version in force that people must read (7.3); its distribution list says who.",
    )
    due_on = forms.DateField(
        required=False,
        label="Due",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=HELP["due_on"],
    )
    message = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=HELP["message"]
    )

    def __init__(self, data: Any = None, *, organization: Organization, initial: Any = None) -> None:
        super().__init__(data, initial=initial)
        open_versions = Campaign.objects.filter(organization=organization, closed_at__isnull=True).values(
            "version"
        )
        versions = (
            DocumentVersion.objects.filter(
                document__organization=organization, state=DocumentVersion.State.PUBLISHED
            )
            .exclude(pk__in=open_versions)
            .select_related("document")
            .order_by("document__reference")
        )
        self.fields["version"].queryset = versions  # type: ignore[attr-defined]


class CampaignFilterForm(forms.Form):
    q = forms.CharField(
        required=False, label="Search", max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    state = forms.ChoiceField(required=False, choices=list(CAMPAIGN_STATES.items()), label="Campaigns")


class RequestFilterForm(forms.Form):
    state = forms.ChoiceField(required=False, choices=list(REQUEST_STATES.items()), label="Show")
