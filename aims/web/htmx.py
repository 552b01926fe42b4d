"""List pages: the filtered page of records, answered to htmx with the `#records` partial of the template and
to a plain request in full."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aims.web.pagination import paginate_request
from aims.web.requests import query_without


def is_partial(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


def render_records(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """The whole page, or only its `#records` partial when htmx asks (history restores get the page)."""
    return render(request, f"{template}#records" if is_partial(request) else template, context, status=status)


class FilterForm(Protocol):
    """A register's filter form: a bound or unbound Django form that says what it selects."""

    @property
    def fields(self) -> Mapping[str, Any]: ...

    @property
    def is_bound(self) -> bool: ...

    def is_valid(self) -> bool: ...

    def wanted(self) -> Any: ...


def filtered_page(
    request: HttpRequest, form: FilterForm, records: Callable[[Any], QuerySet[Any]]
) -> tuple[dict[str, Any], int]:
    """What every register's list page shows of its filter: the page of records the form selects (none, and
    status 400, when the filter is invalid), whether any filter is set, and the query string for the
    pagination links. The view adds its own context and renders with `render_records`."""
    valid = not form.is_bound or form.is_valid()
    context = {
        "form": form,
        "page": paginate_request(request, records(form.wanted())) if valid else None,
        "filtered": any(request.GET.get(name) for name in form.fields),
        "query": query_without(request, "page"),
    }
    return context, 200 if valid else 400
