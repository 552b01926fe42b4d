"""The one pagination convention of aims, for HTML lists and API lists alike.

`?page=N&page_size=M` (page from 1; page_size up to AIMS_API_MAX_PAGE_SIZE). A page fetches one row more
than it shows to know whether a next page exists, so no list ever counts a large table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    items: list[T]
    page: int
    page_size: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_index(self) -> int:
        return (self.page - 1) * self.page_size + 1 if self.items else 0

    @property
    def last_index(self) -> int:
        return (self.page - 1) * self.page_size + len(self.items)


def _positive(raw: Any, default: int, maximum: int | None = None) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return default
    value = max(value, 1)
    return min(value, maximum) if maximum else value


def paginate(queryset: QuerySet[Any], page: int, page_size: int) -> Page[Any]:
    page = max(page, 1)
    page_size = max(1, min(page_size, settings.AIMS_API_MAX_PAGE_SIZE))
    start = (page - 1) * page_size
    rows = list(queryset[start : start + page_size + 1])
    return Page(items=rows[:page_size], page=page, page_size=page_size, has_next=len(rows) > page_size)


def paginate_request(
    request: HttpRequest, queryset: QuerySet[Any], default_size: int | None = None
) -> Page[Any]:
    """For HTML views: reads page and page_size from the query string, tolerating nonsense."""
    size = _positive(
        request.GET.get("page_size"),
        default_size or settings.AIMS_API_PAGE_SIZE,
        settings.AIMS_API_MAX_PAGE_SIZE,
    )
    return paginate(queryset, _positive(request.GET.get("page"), 1), size)


def query_without_page(request: HttpRequest) -> str:
    """The query string of a list page without its page number, for the pagination links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


class PagePagination(PaginationBase):
    """django-ninja pagination class implementing the same convention for every API list."""

    class Input(Schema):
        page: int = Field(1, ge=1, description="Page number, from 1.")
        page_size: int = Field(
            settings.AIMS_API_PAGE_SIZE,
            ge=1,
            le=settings.AIMS_API_MAX_PAGE_SIZE,
            description="Items per page.",
        )

    class Output(Schema):
        items: list[Any]
        page: int
        page_size: int
        has_next: bool

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        result = paginate(queryset, pagination.page, pagination.page_size)
        return {
            "items": result.items,
            "page": result.page,
            "page_size": result.page_size,
            "has_next": result.has_next,
        }
