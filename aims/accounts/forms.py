"""Forms of the account page. They parse input; the actions hold the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from aims.accounts.actions import MAX_TOKEN_DAYS


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        max_length=200, required=False, help_text="Shown to the people you work with instead of your e-mail."
    )


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What it is for, such as the tool that will use it.")
    days = forms.IntegerField(
        label="Days valid",
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_TOKEN_DAYS}),
        help_text=f"From 1 to {MAX_TOKEN_DAYS} days.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["days"].initial = settings.AIMS_TOKEN_DEFAULT_DAYS
