"""/api/v1/objectives: measurable AI objectives and the plans to reach them (6.2)."""

from ninja import Router

router = Router(tags=["objectives"])
