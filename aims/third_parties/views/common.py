"""What the third-party views share: rendering a form page, and the query string without the page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest, template: str, context: dict[str, Any], form: forms.BaseForm
) -> HttpResponse:
    """The form's page: 200 when first shown, 422 when sent back with errors."""
    return render(request, template, {**context, "form": form}, status=422 if form.errors else 200)


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def wants_partial(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
