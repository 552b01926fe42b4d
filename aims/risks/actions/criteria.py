"""Risk criteria versions: the shipped default, drafting a new version, and putting a draft in force."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.risks import permissions
from aims.risks.levels import DEFAULT_SPEC, CriteriaSpec, check_spec
from aims.risks.models import RiskCriteria, RiskLevel, ScaleAxis, ScalePointRow

if TYPE_CHECKING:
    from aims.accounts.models import User


def current_criteria(organization: Organization) -> RiskCriteria | None:
    """The version in force, with its scales and levels read in two more queries."""
    return (
        RiskCriteria.objects.in_force()
        .filter(organization=organization)
        .prefetch_related("scale_points", "levels")
        .first()
    )


def _write(criteria: RiskCriteria, spec: CriteriaSpec) -> None:
    criteria.matrix = [list(row) for row in spec.matrix]
    criteria.save()
    ScalePointRow.objects.bulk_create(
        [
            ScalePointRow(
                criteria=criteria, axis=axis, value=p.value, label=p.label, description=p.description
            )
            for axis, points in (
                (ScaleAxis.LIKELIHOOD, spec.likelihood),
                (ScaleAxis.CONSEQUENCE, spec.consequence),
            )
            for p in points
        ]
    )
    RiskLevel.objects.bulk_create(
        [
            RiskLevel(
                criteria=criteria,
                key=lv.key,
                label=lv.label,
                colour=lv.colour,
                rank=lv.rank,
                acceptable_by=list(lv.acceptable_by),
            )
            for lv in spec.levels
        ]
    )
    criteria.__dict__["_spec"] = spec


@transaction.atomic
def ensure_default_criteria(organization: Organization) -> RiskCriteria:
    """The criteria in force; the shipped default (5x5, low to critical) is put in force if there are none."""
    found = current_criteria(organization)
    if found is not None:
        return found
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    found = current_criteria(organization)
    if found is not None:
        return found
    latest = RiskCriteria.objects.filter(organization=organization).order_by("-version").first()
    criteria = RiskCriteria(
        organization=organization,
        version=latest.version + 1 if latest else 1,
        state=RiskCriteria.State.IN_FORCE,
        notes="The default criteria shipped with aims: a 5x5 matrix with four levels.",
        approved_at=timezone.now(),
    )
    _write(criteria, DEFAULT_SPEC)
    record(actor=None, verb="risk_criteria.defaulted", target=criteria, data={"version": criteria.version})
    return criteria


@transaction.atomic
def draft_criteria(
    *, actor: User, organization: Organization, spec: CriteriaSpec, notes: str = ""
) -> RiskCriteria:
    """A new draft version; the version in force stays in force until an owner approves the draft."""
    if not permissions.can_draft_criteria(actor, organization):
        raise PermissionDenied("Only owners and managers can draft risk criteria.")
    check_spec(spec)
    versions = RiskCriteria.objects.select_for_update().filter(organization=organization)
    if versions.filter(state=RiskCriteria.State.DRAFT).exists():
        raise ActionError("A draft version exists already; put it in force or discard it first.")
    latest = versions.order_by("-version").first()
    criteria = RiskCriteria(
        organization=organization,
        version=latest.version + 1 if latest else 1,
        notes=notes.strip(),
        created_by=actor,
    )
    _write(criteria, spec)
    record(
        actor=actor,
        verb="risk_criteria.drafted",
        target=criteria,
        after=spec.to_json(),
        data={"version": criteria.version},
    )
    return criteria


@transaction.atomic
def approve_criteria(*, actor: User, criteria: RiskCriteria) -> RiskCriteria:
    """Put a draft in force; the previous version is superseded (assessments keep pointing at it)."""
    if not permissions.can_approve_criteria(actor, criteria.organization):
        raise PermissionDenied("Only owners can put risk criteria in force.")
    criteria = RiskCriteria.objects.select_for_update().get(pk=criteria.pk)
    if not criteria.is_draft:
        raise ActionError(f"Version {criteria.version} is not a draft; draft a new version to change it.")
    previous = RiskCriteria.objects.in_force().filter(organization=criteria.organization)
    replaced = list(previous.values_list("version", flat=True))
    previous.update(state=RiskCriteria.State.SUPERSEDED)
    criteria.state, criteria.approved_by, criteria.approved_at = (
        RiskCriteria.State.IN_FORCE,
        actor,
        timezone.now(),
    )
    criteria.save(update_fields=["state", "approved_by", "approved_at"])
    record(
        actor=actor,
        verb="risk_criteria.approved",
        target=criteria,
        data={"version": criteria.version, "supersedes": replaced},
    )
    return criteria


@transaction.atomic
def discard_criteria_draft(*, actor: User, criteria: RiskCriteria) -> None:
    if not permissions.can_draft_criteria(actor, criteria.organization):
        raise PermissionDenied("Only owners and managers can discard a draft of the risk criteria.")
    if not criteria.is_draft:
        raise ActionError(f"Version {criteria.version} is not a draft; versions used in force are kept.")
    record(actor=actor, verb="risk_criteria.discarded", target=criteria, data={"version": criteria.version})
    criteria.delete()
