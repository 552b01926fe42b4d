"""Competences (7.2) and people's training records with their evidence files (7.2 d, 7.3, A.4.6)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from aims.audit.trail import record
from aims.organizations import permissions as org_permissions
from aims.organizations.models import Membership
from aims.people import permissions
from aims.people.models import Competence, TrainingRecord
from aims.people.uploads import check_evidence
from aims.web.stored_files import discarded_on_error

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

COMPETENCE_FIELDS = ("name", "description", "is_ai_literacy")


def _check_name(competence: Competence) -> None:
    clash = Competence.objects.filter(
        organization_id=competence.organization_id, name__iexact=competence.name
    )
    if clash.exclude(pk=competence.pk).exists():
        raise ValidationError({"name": f"There is already a competence called {competence.name!r}."})


@transaction.atomic
def create_competence(
    *, actor: User, organization: Organization, name: str, description: str = "", is_ai_literacy: bool = False
) -> Competence:
    if not permissions.can_manage_roles(actor, organization):
        raise PermissionDenied("Only owners and managers can define competences.")
    competence = Competence(
        organization=organization, name=name.strip(), description=description, is_ai_literacy=is_ai_literacy
    )
    competence.full_clean(validate_unique=False, validate_constraints=False)
    _check_name(competence)
    competence.save()
    after = {f: getattr(competence, f) for f in COMPETENCE_FIELDS}
    record(actor=actor, verb="competence.created", target=competence, after=after)
    return competence


@transaction.atomic
def update_competence(*, actor: User, competence: Competence, changes: Mapping[str, Any]) -> Competence:
    if not permissions.can_manage_roles(actor, competence.organization):
        raise PermissionDenied("Only owners and managers can change competences.")
    if set(changes) - set(COMPETENCE_FIELDS):
        raise ValidationError({"__all__": "Only the name, description and AI literacy flag can change."})
    before = {f: getattr(competence, f) for f in COMPETENCE_FIELDS}
    for field, value in changes.items():
        setattr(competence, field, value.strip() if field == "name" else value)
    competence.full_clean(validate_unique=False, validate_constraints=False)
    _check_name(competence)
    competence.save()
    after = {f: getattr(competence, f) for f in COMPETENCE_FIELDS}
    record(actor=actor, verb="competence.updated", target=competence, before=before, after=after)
    return competence


def can_record_training_for(actor: User, organization: Organization, person: User) -> bool:
    """Owners and managers record anyone's training; every member of its own records their own."""
    if org_permissions.can_manage_members(actor, organization):
        return True
    return actor.pk == person.pk and org_permissions.can_take_part(actor, organization)


@transaction.atomic
def record_training(
    *,
    actor: User,
    organization: Organization,
    user: User,
    competence: Competence,
    title: str,
    completed_on: date,
    kind: str = TrainingRecord.Kind.TRAINING,
    expires_on: date | None = None,
    evidence: UploadedFile | None = None,
) -> TrainingRecord:
    """Every check (permission, membership, dates, evidence size and type) runs before anything is written."""
    if not can_record_training_for(actor, organization, user):
        raise PermissionDenied("You may record only your own training; owners and managers record anyone's.")
    if not Membership.objects.filter(organization=organization, user=user).exists():
        raise ValidationError({"user": "Only a member's training can be recorded."})
    if competence.organization_id != organization.pk:
        raise ValidationError({"competence": "Choose a competence of this organisation."})
    training = TrainingRecord(
        organization=organization,
        user=user,
        competence=competence,
        kind=kind,
        title=title.strip(),
        completed_on=completed_on,
        expires_on=expires_on,
    )
    training.full_clean(exclude=["evidence"])
    checked = check_evidence(evidence) if evidence is not None else None
    if checked is not None and evidence is not None:
        training.evidence_name = (evidence.name or "evidence")[-200:]
        training.evidence_type, training.evidence_sha256 = checked.content_type, checked.sha256
        training.evidence.save(checked.storage_name, evidence, save=False)
    with discarded_on_error(training.evidence):
        training.save()
        record(
            actor=actor,
            verb="training.recorded",
            target=training,
            data={
                "user": user.email,
                "competence": competence.name,
                "title": training.title,
                "expires_on": expires_on,
                "evidence_sha256": training.evidence_sha256,
            },
        )
    return training
