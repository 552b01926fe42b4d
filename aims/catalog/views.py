"""The catalogue pages: the whole framework as a tree, a flat search result list, and one item."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django_htmx.middleware import HtmxDetails

from aims.catalog import queries
from aims.catalog.forms import ItemSearchForm
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest


class HtmxRequest(AuthedRequest):
    htmx: HtmxDetails


@login_required
def item_list(request: HtmxRequest) -> HttpResponse:
    form = ItemSearchForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    q, kind = filters.get("q", "").strip(), filters.get("kind", "")
    context: dict[str, Any] = {
        "form": form,
        "framework": queries.get_framework(),
        "searching": bool(q or kind),
    }
    if context["searching"]:
        context["page"] = paginate_request(request, queries.find_items(q=q, kind=kind))
        context["query"] = urlencode({key: value for key, value in (("q", q), ("kind", kind)) if value})
    else:
        context["sections"] = queries.catalog_tree()
    template = "catalog/item_list.html#results" if request.htmx else "catalog/item_list.html"
    return render(request, template, context)


@login_required
def item_detail(request: AuthedRequest, ref: str) -> HttpResponse:
    return render(request, "catalog/item_detail.html", {"detail": queries.item_detail(ref)})
