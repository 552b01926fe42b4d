"""The register of tooling and computing resources (A.4.4, A.4.5)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from simple_history.models import HistoricalRecords

from aims.ai_systems.models import AISystem
from aims.components.models.base import Component, ComponentQuerySet


class ResourceQuerySet(ComponentQuerySet["Resource"]):
    pass


class Resource(Component):
    class Kind(models.TextChoices):
        TOOLING = "tooling", "Tooling (software, libraries, platforms)"
        COMPUTING = "computing", "Computing (hardware, hosting, storage, network)"

    class Location(models.TextChoices):
        NOT_APPLICABLE = "", "Not applicable"
        ON_PREMISES = "on_premises", "On premises"
        CLOUD = "cloud", "Cloud"
        EDGE = "edge", "Edge or device"

    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        help_text="Tooling: software used to build, test or run the system (A.4.4). "
        "Computing: the hardware and hosting it runs on (A.4.5).",
    )
    version = models.CharField(
        max_length=60, blank=True, help_text="The version or size in use, if it matters."
    )
    location = models.CharField(
        max_length=20,
        choices=Location.choices,
        blank=True,
        help_text="Where it runs: on your premises, in a cloud, or at the edge (A.4.5).",
    )
    energy_notes = models.TextField(
        blank=True,
        help_text="What you know of its energy use and environmental effect: hardware, hours, region "
        "(A.4.5).",
    )
    ai_systems = models.ManyToManyField(AISystem, related_name="resources", blank=True)

    objects = ResourceQuerySet.as_manager()
    history = HistoricalRecords()

    evidences: ClassVar[tuple[str, ...]] = ("A.4.4", "A.4.5")
    editable_fields: ClassVar[tuple[str, ...]] = (
        *Component.common_fields,
        "kind",
        "version",
        "location",
        "energy_notes",
    )
    reference_prefix: ClassVar[str] = "RES"
    audit_name: ClassVar[str] = "resource"

    class Meta(Component.Meta):
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["organization", "status", "name", "id"], name="cmp_res_org_status_name"),
            models.Index(fields=["organization", "kind", "name"], name="cmp_res_org_kind_name"),
            models.Index(fields=["organization", "location", "name"], name="cmp_res_org_location_name"),
            models.Index(fields=["organization", "updated_at"], name="cmp_res_org_updated"),
        ]
