"""Fetching programmes, audits and checklist items for a user: 404 whether missing or in an organisation they
do not belong to; then 403 if their role does not allow what they ask. With `org_slug` (HTML) the record
must be in that organisation; without it (the API) it may be in any of the user's organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.internal_audits.models import AuditProgramme, ChecklistItem, InternalAudit
from aims.organizations.access import Predicate, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User


def get_programme_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> AuditProgramme:
    records = AuditProgramme.objects.select_related("organization", "approved_by")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such audit programme.")


def get_audit_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> InternalAudit:
    records = InternalAudit.objects.select_related("organization", "programme", "lead_auditor")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such audit.")


def get_item_for_user(
    user: User | AnonymousUser,
    org_slug: str | None,
    audit_pk: int,
    pk: int,
    perm: Predicate | None = None,
) -> ChecklistItem:
    records = ChecklistItem.objects.filter(audit_id=audit_pk).select_related(
        "audit__organization", "audit__lead_auditor", "requirement", "nonconformity"
    )
    return get_record_for_user(
        records, user, org_slug, pk, perm, path="audit__organization", missing="No such checklist item."
    )
