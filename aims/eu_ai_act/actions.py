"""Every change to EU AI Act classifications: permission, validation, write, audit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.eu_ai_act import permissions, rules
from aims.eu_ai_act.models import Classification
from aims.lib.errors import ActionError

if TYPE_CHECKING:
    from aims.accounts.models import User


def _unchanged(current: Classification | None, outcome: rules.Outcome) -> bool:
    return (
        current is not None
        and current.answers == outcome.answers
        and current.declared_role == outcome.declared_role
        and current.rules_version == outcome.rules_version
    )


def _changed_questions(current: Classification | None, outcome: rules.Outcome) -> list[str]:
    before = current.answers if current else {}
    return sorted(key for key in {*before, *outcome.answers} if before.get(key) != outcome.answers.get(key))


@transaction.atomic
def classify_ai_system(
    *, actor: User, ai_system: AISystem, answers: Mapping[str, Any], operator_role: str
) -> Classification:
    """Classify the system from the questionnaire's answers; the previous classification becomes history.

    Updates the system's `risk_class`. Refuses answers identical to the current classification's.
    """
    if not permissions.can_classify_ai_system(actor, ai_system):
        raise PermissionDenied("Only owners, managers and contributors can classify AI systems.")
    outcome = rules.classify(answers, operator_role)
    system = AISystem.objects.select_for_update().get(pk=ai_system.pk)
    if system.status == AISystem.Status.ARCHIVED:
        raise ActionError("This AI system is archived; make it active again before classifying it.")
    current = Classification.objects.filter(ai_system=system, is_current=True).first()
    if _unchanged(current, outcome):
        raise ActionError(
            "Nothing changed: these are the answers and role of the current classification.", code="unchanged"
        )
    if current is not None:
        current.is_current = False
        current.save(update_fields=["is_current"])
    classification = Classification.objects.create(
        organization_id=system.organization_id,
        ai_system=system,
        answers=outcome.answers,
        declared_role=outcome.declared_role,
        operator_role=outcome.operator_role,
        risk_class=outcome.risk_class,
        reasons=outcome.reasons,
        obligations=[obligation.as_dict() for obligation in outcome.obligations],
        rules_version=outcome.rules_version,
        classified_by=actor,
        classified_at=timezone.now(),
    )
    before_class = system.risk_class
    system.risk_class, system.updated_at = outcome.risk_class, classification.classified_at
    system._history_user = actor  # type: ignore[attr-defined]  # who changed it, for django-simple-history
    system.save(update_fields=["risk_class", "updated_at"])
    ai_system.risk_class, ai_system.updated_at = system.risk_class, system.updated_at
    record(
        actor=actor,
        verb="ai_system.classified",
        target=system,
        organization=ai_system.organization,
        before={"risk_class": before_class, "operator_role": current.operator_role if current else ""},
        after={"risk_class": outcome.risk_class, "operator_role": outcome.operator_role},
        data={
            "classification": classification.pk,
            "rules_version": outcome.rules_version,
            "changed_answers": _changed_questions(current, outcome),
        },
    )
    return classification
