"""Turning an action's exceptions into form errors, the same way in every HTML view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

from aims.lib.errors import ActionError

T = TypeVar("T")


def call_action(form: forms.BaseForm, action: Callable[[], T]) -> T | None:
    """Run the action; on a validation or state error, attach it to the form and return None.

    PermissionDenied is not caught: it becomes a 403 page.
    """
    try:
        return action()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, messages in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            form.add_error(None, exc.messages)
    except ActionError as exc:
        form.add_error(None, exc.message)
    return None


def attempt(form: forms.BaseForm, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error too (answered 403), so the person sees the rule.

    Returns the action's result and the status to answer: 200, 403, or 422 for a validation error.
    """
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422
