"""/api/v1/changes: planned changes to the AI management system and its AI systems (6.3, 8.1)."""

from ninja import Router

router = Router(tags=["changes"])
