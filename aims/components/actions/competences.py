"""Human resources of an AI system (A.4.6): the competences it needs, and which members hold them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.components.actions.common import check_can_edit, check_system_open, snapshot
from aims.components.models import CompetenceNeed
from aims.organizations.models import Membership

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.organizations.models import Organization

EDITABLE = ("competence", "area", "description")


def _check_members(organization: Organization, holders: list[User]) -> None:
    members = set(
        Membership.objects.filter(organization=organization, user__in=holders).values_list(
            "user_id", flat=True
        )
    )
    outside = sorted(user.email for user in holders if user.pk not in members)
    if outside:
        raise ValidationError(
            {"holders": f"Only members of the organisation can hold its competences: {', '.join(outside)}."}
        )


def _check_fields(data: Mapping[str, Any]) -> None:
    unknown = sorted(set(data) - set(EDITABLE))
    if unknown:
        raise ValidationError({"__all__": f"Unknown field(s): {', '.join(unknown)}."})


@transaction.atomic
def create_competence_need(
    *, actor: User, ai_system: AISystem, data: Mapping[str, Any], holders: Iterable[User] = ()
) -> CompetenceNeed:
    """Record a competence the AI system needs, and who in the organisation has it (A.4.6)."""
    organization = ai_system.organization
    check_can_edit(actor, organization, "record the competences a system needs")
    check_system_open(ai_system)
    _check_fields(data)
    people = list(holders)
    need = CompetenceNeed(organization=organization, ai_system=ai_system, **data)
    need.full_clean()
    _check_members(organization, people)
    need.save()
    need.holders.set(people)
    record(
        actor=actor,
        verb="competence_need.created",
        target=need,
        after={**snapshot(need, EDITABLE), "holders": sorted(user.email for user in people)},
        data={"ai_system": ai_system.reference},
    )
    return need


@transaction.atomic
def update_competence_need(
    *, actor: User, need: CompetenceNeed, data: Mapping[str, Any], holders: Iterable[User] | None = None
) -> CompetenceNeed:
    """Change what is needed, or who holds it (`holders` None leaves the holders as they are)."""
    check_can_edit(actor, need.organization, "change the competences a system needs")
    _check_fields(data)
    need = (
        CompetenceNeed.objects.select_for_update().select_related("organization", "ai_system").get(pk=need.pk)
    )
    before = {**snapshot(need, data), "holders": sorted(need.holders.values_list("email", flat=True))}
    for name, value in data.items():
        setattr(need, name, value)
    need.full_clean()
    after = snapshot(need, data)
    if holders is not None:
        people = list(holders)
        _check_members(need.organization, people)
        need.holders.set(people)
        after["holders"] = sorted(user.email for user in people)
    changed = [name for name in after if after[name] != before[name]]
    if changed:
        need.updated_at = timezone.now()
        need.save()
        record(
            actor=actor,
            verb="competence_need.updated",
            target=need,
            before={name: before[name] for name in changed},
            after={name: after[name] for name in changed},
        )
    return need


@transaction.atomic
def delete_competence_need(*, actor: User, need: CompetenceNeed) -> None:
    """Remove a competence the system no longer needs; the audit trail keeps what it was."""
    check_can_edit(actor, need.organization, "remove the competences a system needs")
    gone = {
        **snapshot(need, EDITABLE),
        "holders": sorted(need.holders.values_list("email", flat=True)),
    }
    record(
        actor=actor,
        verb="competence_need.deleted",
        target=need,
        before=gone,
        data={"ai_system": need.ai_system.reference},
    )
    need.delete()
