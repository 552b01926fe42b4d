"""Access helpers: a component record for a user, or 404 (missing and not theirs look the same); 403 when the
user's role does not allow what `require` asks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from aims.ai_systems.models import AISystem
from aims.components.models import AIModel, CompetenceNeed, ComponentModel, Dataset, Resource
from aims.organizations import permissions
from aims.organizations.access import Predicate

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User


def _record_for_user(
    queryset: models.QuerySet[Any],
    user: User | AnonymousUser,
    org_slug: str | None,
    pk: int,
    require: Predicate | None,
    what: str,
) -> Any:
    """The record `pk` if the user belongs to its organisation (and, given a slug, it is that one)."""
    if org_slug is not None:
        queryset = queryset.filter(organization__slug=org_slug)
    record = queryset.select_related("organization").filter(pk=pk).first()
    if record is None or not permissions.can_view_organization(user, record.organization):
        raise Http404(f"No such {what}.")
    if require is not None and not require(user, record.organization):
        raise PermissionDenied("Your role in this organisation does not allow this.")
    return record


def record_for_register(
    model: type[ComponentModel],
    user: User | AnonymousUser,
    org_slug: str | None,
    pk: int,
    require: Predicate | None = None,
) -> ComponentModel:
    """`get_<noun>_for_user` for whichever register the page serves."""
    queryset: models.QuerySet[Any] = model.objects.all()
    return _record_for_user(queryset, user, org_slug, pk, require, str(model._meta.verbose_name))


def get_ai_model_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, require: Predicate | None = None
) -> AIModel:
    return _record_for_user(AIModel.objects.all(), user, org_slug, pk, require, "model")


def get_dataset_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, require: Predicate | None = None
) -> Dataset:
    return _record_for_user(Dataset.objects.all(), user, org_slug, pk, require, "dataset")


def get_resource_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, require: Predicate | None = None
) -> Resource:
    return _record_for_user(Resource.objects.all(), user, org_slug, pk, require, "resource")


def get_competence_need_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, require: Predicate | None = None
) -> CompetenceNeed:
    queryset = CompetenceNeed.objects.select_related("ai_system")
    return _record_for_user(queryset, user, org_slug, pk, require, "competence need")


def get_ai_system_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, require: Predicate | None = None
) -> AISystem:
    """An AI system to link components to; 404 outside the user's organisations."""
    return _record_for_user(AISystem.objects.all(), user, org_slug, pk, require, "AI system")
