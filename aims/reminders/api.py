"""/api/v1/notices: the notices of the signed-in member."""

from ninja import Router

router = Router(tags=["notices"])
