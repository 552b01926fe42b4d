"""What the internal audit views share: running a button's action and showing its refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect

from aims.lib.errors import ActionError
from aims.web.requests import AuthedRequest


def error_text(exc: ActionError | ValidationError) -> str:
    return exc.message if isinstance(exc, ActionError) else " ".join(exc.messages)


def run(request: AuthedRequest, run: Callable[[], Any], done: str, to: str, **kwargs: Any) -> HttpResponse:
    """Run a button's action; a rule broken shows its message on the page it came from (403 stays 403)."""
    try:
        run()
    except (ActionError, ValidationError) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, done)
    return redirect(to, **kwargs)
