"""Choices shared by more than one model of the app."""

from django.db import models


class Outcome(models.TextChoices):
    """The result of a due diligence on a third party (A.10.3)."""

    APPROVED = "approved", "Approved"
    CONDITIONAL = "approved_with_conditions", "Approved with conditions"
    REJECTED = "rejected", "Rejected"


class Responsible(models.TextChoices):
    """Who is responsible for a life-cycle stage in a relationship (A.10.2)."""

    US = "us", "Us"
    THEM = "them", "Them"
    SHARED = "shared", "Shared"
    NOT_APPLICABLE = "not_applicable", "Not applicable"
