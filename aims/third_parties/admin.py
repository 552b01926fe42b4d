"""Read-only admin: changes go through the actions, which check permissions and write the audit trail."""

from django.contrib import admin

from aims.organizations.admin import ReadOnlyAdmin
from aims.third_parties.models import DueDiligence, Relationship, ThirdParty


@admin.register(ThirdParty)
class ThirdPartyAdmin(ReadOnlyAdmin):
    list_display = ["reference", "name", "organization", "kind", "status", "next_review_on"]
    list_filter = ["kind", "status"]
    list_select_related = ["organization"]
    search_fields = ["reference", "name"]


@admin.register(Relationship)
class RelationshipAdmin(ReadOnlyAdmin):
    list_display = ["third_party", "role", "subject", "ai_system", "status", "next_review_on"]
    list_filter = ["role", "status"]
    list_select_related = ["third_party", "ai_system"]


@admin.register(DueDiligence)
class DueDiligenceAdmin(ReadOnlyAdmin):
    list_display = ["third_party", "performed_on", "outcome", "next_due_on"]
    list_filter = ["outcome"]
    list_select_related = ["third_party"]
