"""Reads and forms of the communication plan and log (7.4)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet

from aims.organizations.models import Organization
from aims.people import competence_queries as cq
from aims.people.forms import MemberChoiceField
from aims.people.models import CommunicationLog, CommunicationPlanItem

PLAN_SORTS = {"what": "What", "audience": "Audience", "channel": "Channel"}
LOG_SORTS = {"date": "Date", "audience": "Audience"}
_PLAN_ORDER = {"what": "what", "audience": "audience", "channel": "channel"}
_LOG_ORDER = {"date": "communicated_on", "audience": "audience"}


def _order(sort: str, mapping: dict[str, str], default: str) -> list[str]:
    key = sort.lstrip("-")
    field = mapping.get(key, mapping[default])
    return [f"-{field}", "-pk"] if sort.startswith("-") and key in mapping else [field, "pk"]


def plan_for(
    organization: Organization, q: str = "", channel: str = "", sort: str = "what"
) -> QuerySet[CommunicationPlanItem]:
    items = CommunicationPlanItem.objects.filter(organization=organization)
    if q:
        items = items.filter(Q(what__icontains=q) | Q(audience__icontains=q) | Q(purpose__icontains=q))
    if channel:
        items = items.filter(channel=channel)
    return items.select_related("communicator", "organization").order_by(*_order(sort, _PLAN_ORDER, "what"))


def log_for(
    organization: Organization, q: str = "", plan_item: int | None = None, sort: str = "-date"
) -> QuerySet[CommunicationLog]:
    entries = CommunicationLog.objects.filter(organization=organization)
    if q:
        entries = entries.filter(Q(audience__icontains=q) | Q(summary__icontains=q))
    if plan_item:
        entries = entries.filter(plan_item_id=plan_item)
    return entries.select_related("plan_item", "communicated_by").order_by(*_order(sort, _LOG_ORDER, "date"))


def _sort_choices(sorts: dict[str, str]) -> list[tuple[str, str]]:
    return [(k, v) for key, v in sorts.items() for k in (key, f"-{key}")]


class PlanFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    channel = forms.ChoiceField(
        required=False, choices=[("", "Any channel"), *CommunicationPlanItem.Channel.choices]
    )
    sort = forms.ChoiceField(required=False, choices=_sort_choices(PLAN_SORTS), widget=forms.HiddenInput)


class LogFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    plan_item = forms.ModelChoiceField(
        queryset=CommunicationPlanItem.objects.none(), required=False, label="Plan item", empty_label="All"
    )
    sort = forms.ChoiceField(required=False, choices=_sort_choices(LOG_SORTS), widget=forms.HiddenInput)

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].queryset = CommunicationPlanItem.objects.filter(organization=organization)  # type: ignore[attr-defined]


class PlanItemForm(forms.Form):
    what = forms.CharField(max_length=200, help_text=CommunicationPlanItem._meta.get_field("what").help_text)
    audience = forms.CharField(
        max_length=200, help_text=CommunicationPlanItem._meta.get_field("audience").help_text
    )
    frequency = forms.CharField(
        max_length=100, label="When", help_text=CommunicationPlanItem._meta.get_field("frequency").help_text
    )
    channel = forms.ChoiceField(
        choices=CommunicationPlanItem.Channel.choices,
        label="How",
        help_text=CommunicationPlanItem._meta.get_field("channel").help_text,
    )
    communicator = MemberChoiceField(
        queryset=cq.members_none(), required=False, help_text="Who communicates it (7.4 e)."
    )
    purpose = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=CommunicationPlanItem._meta.get_field("purpose").help_text,
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["communicator"].queryset = cq.members(organization)  # type: ignore[attr-defined]


class LogForm(forms.Form):
    plan_item = forms.ModelChoiceField(
        queryset=CommunicationPlanItem.objects.none(),
        required=False,
        help_text="The plan item it carries out, if any (7.4).",
    )
    communicated_on = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), help_text="When it happened."
    )
    audience = forms.CharField(max_length=200, help_text="Who received it.")
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="What was said or sent.")
    evidence_link = forms.URLField(
        required=False, assume_scheme="https", help_text="A link to the e-mail, minutes or page, if any."
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].queryset = CommunicationPlanItem.objects.filter(organization=organization)  # type: ignore[attr-defined]
