"""/api/v1/management-reviews: reviews, their gathered inputs, attendees, decisions and actions (9.3)."""

from ninja import Router

router = Router(tags=["management-reviews"])
