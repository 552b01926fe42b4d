from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aims.catalog.models import CatalogItem


def item_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/item_list.html", {"items": CatalogItem.objects.all()[:50]})
