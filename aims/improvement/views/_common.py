"""What the improvement pages share: a form page that calls an action, and a button that runs one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.web.forms import attempt
from aims.web.requests import AuthedRequest

FORM_TEMPLATE = "improvement/form.html"


def form_page(
    request: AuthedRequest,
    form: forms.Form,
    run: Callable[[], Any],
    *,
    done: Callable[[Any], str],
    next_url: Callable[[Any], str],
    context: dict[str, Any],
) -> HttpResponse:
    """Show the form; on a valid POST run the action and go on, else show it again with the errors."""
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            result, status = attempt(form, run)
            if result is not None:
                messages.success(request, done(result))
                return redirect(next_url(result))
    return render(request, FORM_TEMPLATE, {**context, "form": form}, status=status)


def button(request: AuthedRequest, run: Callable[[], Any], done: str, back: str) -> HttpResponse:
    """Run a button's action; a broken rule or a refusal shows its message on the page it came from."""
    try:
        run()
    except (ActionError, ValidationError) as exc:
        text = exc.message if isinstance(exc, ActionError) else " ".join(exc.messages)
        messages.error(request, text)
    else:
        messages.success(request, done)
    return redirect(back)


def refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Your role in this organisation does not allow this.")


def page_context(organization: Organization, **extra: Any) -> dict[str, Any]:
    return {"organization": organization, **extra}
