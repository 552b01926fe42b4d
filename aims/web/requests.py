"""Request types and small request helpers shared by every HTML view.

Views behind login_required (and API endpoints behind auth) see a real User.
"""

from __future__ import annotations

from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict

from aims.accounts.models import User


class AuthedRequest(HttpRequest):
    user: User


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, None otherwise (so an unbound form shows on GET)."""
    return request.POST if request.method == "POST" else None


def uploaded(request: HttpRequest) -> MultiValueDict[str, object] | None:
    """The files of a POST, None otherwise."""
    return request.FILES if request.method == "POST" else None  # type: ignore[return-value]


def query_without(request: HttpRequest, *names: str) -> str:
    """The query string without the named parameters (e.g. "page", for pagination links)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
