"""The Django admin view of evidence: for looking, not for changing (changes go through the actions)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from aims.evidence.models import Evidence, EvidenceLink


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "organization",
        "title",
        "kind",
        "owner",
        "collected_on",
        "valid_until",
        "status",
    )
    list_filter = ("kind", "status")
    search_fields = ("title", "file_name", "url", "sha256")
    list_select_related = ("organization", "owner")


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(ReadOnlyAdmin):
    list_display = ("evidence", "item", "content_type", "object_id", "created_at")
    list_select_related = ("evidence", "item", "content_type")
