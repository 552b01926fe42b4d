"""Read-only admin: changes go through the actions, which check permissions and write the audit trail."""

from django.contrib import admin

from aims.ai_systems.models import AISystem, StageChange
from aims.organizations.admin import ReadOnlyAdmin


@admin.register(AISystem)
class AISystemAdmin(ReadOnlyAdmin):
    list_display = ["reference", "name", "organization", "lifecycle_stage", "risk_class", "status"]
    list_filter = ["lifecycle_stage", "risk_class", "status"]
    list_select_related = ["organization"]
    search_fields = ["reference", "name"]


@admin.register(StageChange)
class StageChangeAdmin(ReadOnlyAdmin):
    list_display = ["ai_system", "from_stage", "to_stage", "changed_by", "approved_by", "changed_at"]
    list_select_related = ["ai_system", "changed_by", "approved_by"]
