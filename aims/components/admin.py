"""Read-only admin: changes go through the actions, which check permissions and write the audit trail."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from aims.components.models import AIModel, CompetenceNeed, Dataset, ProvenanceEvent, Resource
from aims.organizations.admin import ReadOnlyAdmin


@admin.register(AIModel, Dataset, Resource)
class ComponentAdmin(ReadOnlyAdmin):
    list_display = ["reference", "name", "organization", "status", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["organization"]
    search_fields = ["reference", "name", "provider"]


@admin.register(ProvenanceEvent)
class ProvenanceEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Append-only records without a history of their own."""

    list_display = ["dataset", "kind", "actor_name", "occurred_on", "recorded_by"]
    list_select_related = ["dataset", "recorded_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CompetenceNeed)
class CompetenceNeedAdmin(ReadOnlyAdmin):
    list_display = ["competence", "area", "ai_system", "organization"]
    list_filter = ["area"]
    list_select_related = ["ai_system", "organization"]
