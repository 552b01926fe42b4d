"""The audit log's filter form: the choices come from the organisation's own chain."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from aims.audit.queries import EventFilter, FilterChoices


def _choices(values: list[str], any_label: str) -> list[tuple[str, str]]:
    return [("", any_label), *((value, value or "(none)") for value in values)]


def start_of_day(day: date) -> datetime:
    """Midnight at the start of the day, in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


class EventFilterForm(forms.Form):
    actor = forms.ChoiceField(required=False, label="Actor")
    verb = forms.ChoiceField(required=False, label="Action")
    target_type = forms.ChoiceField(required=False, label="Object type")
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, choices: FilterChoices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = _choices(choices.actors, "Anyone")  # type: ignore[attr-defined]
        self.fields["verb"].choices = _choices(choices.verbs, "Any action")  # type: ignore[attr-defined]
        self.fields["target_type"].choices = _choices(  # type: ignore[attr-defined]
            [value for value in choices.target_types if value], "Any type"
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned

    def event_filter(self) -> EventFilter:
        """The filter the valid form asks for (dates are whole days in the site's time zone)."""
        data = self.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        return EventFilter(
            actor=data.get("actor", ""),
            verb=data.get("verb", ""),
            target_type=data.get("target_type", ""),
            since=start_of_day(start) if start else None,
            until=start_of_day(end + timedelta(days=1)) if end else None,
        )
