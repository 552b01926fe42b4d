"""What evidence can support: catalogue requirements, and records of the same organisation.

Any model with an `organization` foreign key can be supported. `RECORD_TYPES` are the kinds offered by name
on the pages and the API (found by reference); a model of an app not installed yet is simply left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.urls import NoReverseMatch, reverse

from aims.catalog.models import CatalogItem
from aims.organizations.models import Organization


@dataclass(frozen=True)
class RecordType:
    label: str  # "ai_systems.aisystem"
    name: str  # "AI system"
    url_name: str  # its detail page, reversed with org and pk
    lookup: str = "reference"  # the field people name a record by


RECORD_TYPES = (
    RecordType("ai_systems.aisystem", "AI system", "ai_systems:system_detail"),
    RecordType("controls.control", "Control", "controls:control_detail"),
    RecordType("documents.document", "Document", "documents:document_detail"),
    RecordType("risks.risk", "Risk", "risks:risk_detail"),
    RecordType("context.obligation", "Obligation", "context:obligation_detail"),
    RecordType("context.contextissue", "Context issue", "context:issue_detail"),
)
_REFUSED_APPS = frozenset({"evidence", "organizations", "accounts", "audit", "catalog"})


def model_for(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def record_types() -> list[RecordType]:
    """The record types offered by name whose app is installed."""
    return [kind for kind in RECORD_TYPES if model_for(kind.label) is not None]


def record_type(label: str) -> RecordType | None:
    return next((kind for kind in record_types() if kind.label == label), None)


def _organization_field(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("organization")
    except FieldDoesNotExist:
        return False
    return getattr(field, "related_model", None) is Organization


def check_linkable(target: models.Model, organization: Organization) -> None:
    """Refuse records of another organisation, and records that do not belong to an organisation."""
    model = type(target)
    if model._meta.app_label in _REFUSED_APPS or not _organization_field(model) or target.pk is None:
        raise ValidationError({"record": f"Evidence cannot support a {model._meta.verbose_name}."})
    if getattr(target, "organization_id", None) != organization.pk:
        raise ValidationError({"record": "Choose a record of this organisation."})


def find_record(organization: Organization, label: str, key: str | int) -> models.Model:
    """A record of the organisation by type and reference (or id); ValidationError when there is none."""
    kind = record_type(label)
    model = model_for(label) if kind else None
    if kind is None or model is None:
        raise ValidationError({"record_type": f"Evidence cannot be linked to {label!r} records."})
    lookup = "pk" if isinstance(key, int) else kind.lookup
    found = model._default_manager.filter(organization=organization, **{lookup: key}).first()
    if found is None:
        raise ValidationError({"record": f"No {kind.name.lower()} {key} in {organization.name}."})
    return found


def find_requirement(ref: str) -> CatalogItem:
    """An ISO/IEC 42001 clause or Annex A control by its ref ("6.1.2", "A.6.2.4")."""
    ref = ref.strip()
    item = (
        CatalogItem.objects.filter(framework__code="iso42001", ref__iexact=ref)
        .filter(kind__in=(CatalogItem.Kind.CLAUSE, CatalogItem.Kind.CONTROL))
        .first()
    )
    if item is None:
        raise ValidationError({"requirement": f"No ISO/IEC 42001 clause or Annex A control {ref!r}."})
    return item


def record_url(target: models.Model, org_slug: str) -> str:
    """The record's page, or "" when its app has none (yet)."""
    kind = next((k for k in RECORD_TYPES if k.label == target._meta.label_lower), None)
    if kind is None:
        return ""
    try:
        return reverse(kind.url_name, kwargs={"org": org_slug, "pk": target.pk})
    except NoReverseMatch:
        return ""


def describe(target: models.Model) -> str:
    if isinstance(target, CatalogItem):
        return f"{target.ref} {target.title}"
    return f"{target._meta.verbose_name} {target}"
