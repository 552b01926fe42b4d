"""Fetching people records for a user: 404 whether missing or in an organisation they do not belong to.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from aims.organizations.access import (
    Predicate,
    find_member_record,
    get_organization_for_user,
    member_organizations,
)
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_audit_log
from aims.people.models import AIMSRole, Competence, Concern, RaciEntry, RoleAssignment, TrainingRecord

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User

M = TypeVar("M", bound=Model)


def _fetch(
    user: User | AnonymousUser,
    org_slug: str | None,
    records: QuerySet[M],
    org_path: str,
    perm: Predicate | None,
) -> M:
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        record = records.filter(**{org_path: organization}).first()
    else:
        record = find_member_record(records, user, org_path)
    if record is None:
        raise Http404("Not found.")
    if org_slug is None and perm is not None and not perm(user, _organization_of(record)):
        raise PermissionDenied("Your role in this organisation does not allow this.")
    return record


def _organization_of(record: Model) -> Organization:
    if isinstance(record, RoleAssignment):
        return record.role.organization
    return record.organization  # type: ignore[attr-defined]


def get_role_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> AIMSRole:
    roles = AIMSRole.objects.select_related("organization").filter(pk=pk)
    return _fetch(user, org_slug, roles, "organization", perm)


def get_assignment_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> RoleAssignment:
    assignments = RoleAssignment.objects.select_related("role__organization", "user").filter(pk=pk)
    return _fetch(user, org_slug, assignments, "role__organization", perm)


def get_raci_entry_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> RaciEntry:
    entries = RaciEntry.objects.select_related("organization", "role", "control", "ai_system").filter(pk=pk)
    return _fetch(user, org_slug, entries, "organization", perm)


def get_concern_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Concern:
    """A concern the user may see (A.3.3: its reporter, its investigator, owners and managers), else 404."""
    if not user.is_authenticated:
        raise Http404("No such concern.")
    concerns = Concern.objects.select_related(
        "organization", "reporter", "assigned_investigator", "ai_system"
    ).filter(pk=pk, organization__in=member_organizations(user))
    if org_slug is not None:
        concerns = concerns.filter(organization=get_organization_for_user(user, org_slug, require=perm))
    concern = concerns.first()
    if concern is None or not Concern.objects.visible_to(user, concern.organization).filter(pk=pk).exists():
        raise Http404("No such concern.")
    if org_slug is None and perm is not None and not perm(user, concern.organization):
        raise PermissionDenied("Your role in this organisation does not allow this.")
    return concern


def get_competence_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Competence:
    competences = Competence.objects.select_related("organization").filter(pk=pk)
    return _fetch(user, org_slug, competences, "organization", perm)


def get_training_record_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> TrainingRecord:
    records = TrainingRecord.objects.select_related("organization", "user", "competence").filter(pk=pk)
    return _fetch(user, org_slug, records, "organization", perm)


def can_download_evidence(user: User | AnonymousUser, training: TrainingRecord) -> bool:
    """The person it belongs to, and owners, managers and auditors (who check competence, 9.2)."""
    return training.user_id == user.pk or can_view_audit_log(user, training.organization)
