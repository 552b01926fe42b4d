"""/api/v1/catalog: the frameworks aims knows and their items (clauses, controls, objectives, risk sources).

Read only, for any signed-in user or token: the catalogue is the same for every organisation.
"""

# No `from __future__ import annotations` here: django-ninja reads `Query[ItemFilters]` at run time.
from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate

from aims.catalog import queries
from aims.catalog.schemas import FrameworkOut, ItemDetailOut, ItemFilters, ItemOut
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["catalog"])


@router.get("/frameworks", response=list[FrameworkOut], summary="Frameworks in the catalogue")
@paginate(PagePagination)
def framework_list(request: AuthedRequest) -> Any:
    return queries.frameworks()


@router.get("/items", response=list[ItemOut], summary="Search and filter catalogue items")
@paginate(PagePagination)
def item_list(request: AuthedRequest, filters: Query[ItemFilters]) -> Any:
    return queries.find_items(
        q=filters.q, kind=filters.kind, annex=filters.annex, framework=filters.framework
    )


@router.get(
    "/items/{ref}", response=ItemDetailOut, summary="One catalogue item, with its parents and children"
)
def item_detail(request: AuthedRequest, ref: str, framework: str = queries.ISO42001) -> Any:
    return queries.item_detail(ref, framework)
