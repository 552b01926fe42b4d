from typing import get_args

from aims.ai_systems import schemas
from aims.ai_systems.queries import SORT_KEYS


def test_the_openapi_document_lists_the_ai_system_endpoints(personas):
    spec = personas.client("viewer").get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/ai-systems",
        "/api/v1/ai-systems/{system_id}",
        "/api/v1/ai-systems/{system_id}/stage",
        "/api/v1/ai-systems/{system_id}/stage-changes",
        "/api/v1/ai-systems/{system_id}/archive",
        "/api/v1/ai-systems/{system_id}/restore",
    } <= set(spec["paths"])
    assert set(spec["paths"]["/api/v1/ai-systems"]) == {"get", "post"}


def test_the_api_offers_exactly_the_whitelisted_sort_keys():
    assert set(get_args(schemas.SortKey)) == set(SORT_KEYS)
