"""Forms of the review pages. They parse and explain (help from the models); the actions decide and write."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.reviews.actions.minutes import ACTION_FIELDS, ATTENDEE_FIELDS
from aims.reviews.actions.review import REVIEW_FIELDS
from aims.reviews.models import HELP, ManagementReview, ReviewAction, ReviewAttendee, ReviewDecision
from aims.reviews.queries import OVERDUE, ActionFilter

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _tidy(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget = forms.Textarea(attrs={"rows": 3})
        elif isinstance(field.widget, forms.DateInput):
            field.widget = _DATE


def members(organization: Organization) -> Any:
    return User.objects.filter(memberships__organization=organization).order_by("email")


def _member_field(form: forms.BaseForm, name: str, organization: Organization) -> None:
    field = form.fields[name]
    field.queryset = members(organization)  # type: ignore[attr-defined]
    field.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]


class ReviewForm(forms.Form):
    def __init__(
        self, data: Any = None, *, organization: Organization, instance: ManagementReview | None = None
    ) -> None:
        initial = forms.model_to_dict(instance, fields=REVIEW_FIELDS) if instance is not None else {}
        super().__init__(data, initial=initial)
        self.fields.update(forms.fields_for_model(ManagementReview, fields=REVIEW_FIELDS))
        for name in ("period_start", "period_end"):
            self.fields[name].required = instance is not None
        _tidy(self)
        _member_field(self, "chair", organization)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class AttendeeForm(forms.Form):
    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data, prefix="attendee")
        self.fields.update(forms.fields_for_model(ReviewAttendee, fields=ATTENDEE_FIELDS))
        self.fields["user"].label = "Member"
        _member_field(self, "user", organization)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class DiscussionForm(forms.Form):
    notes = forms.CharField(
        label="Discussion notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the meeting said about this input, and any conclusion.",
    )


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReviewDecision.Kind.choices, help_text=HELP["decision_kind"])
    text = forms.CharField(
        label="Decision", widget=forms.Textarea(attrs={"rows": 3}), help_text=HELP["decision_text"]
    )

    def __init__(self, data: Any = None) -> None:
        super().__init__(data, prefix="decision")


class ActionForm(forms.Form):
    """A new review action, or the changes to an open one; `review` offers that review's decisions."""

    def __init__(
        self,
        data: Any = None,
        *,
        organization: Organization,
        review: ManagementReview | None = None,
        instance: ReviewAction | None = None,
    ) -> None:
        initial = forms.model_to_dict(instance, fields=ACTION_FIELDS) if instance is not None else {}
        super().__init__(data, initial=initial, prefix="action" if instance is None else None)
        if review is not None:
            self.fields["decision"] = forms.ModelChoiceField(
                queryset=ReviewDecision.objects.filter(review=review).order_by("number"),
                required=False,
                help_text="The decision this action carries out, if any.",
            )
        self.fields.update(forms.fields_for_model(ReviewAction, fields=ACTION_FIELDS))
        if instance is None:
            del self.fields["notes"]
        _tidy(self)
        _member_field(self, "owner", organization)

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "decision"}


class CloseActionForm(forms.Form):
    done_on = forms.DateField(label="Done on", required=False, widget=_DATE, help_text="Today if empty.")
    notes = forms.CharField(label="What was done", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), help_text=HELP["cancel_reason"])


class HoldForm(forms.Form):
    held_on = forms.DateField(
        label="Held on", required=False, widget=_DATE, help_text="The day of the meeting; today if empty."
    )


STATUS_CHOICES = [("", "Any status"), (OVERDUE, "Overdue"), *ReviewAction.Status.choices]


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_CHOICES)
    owner = forms.ModelChoiceField(label="Owner", queryset=User.objects.none(), required=False)

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        _member_field(self, "owner", organization)

    def wanted(self) -> ActionFilter:
        if not self.is_bound:
            return ActionFilter()
        owner = self.cleaned_data.get("owner")
        return ActionFilter(
            status=self.cleaned_data.get("status") or "", owner_id=owner.pk if owner else None
        )
