"""Planned changes of the demo organisation "Demo AI Ltd", made through the actions so the audit trail is
real: an approved retraining of the credit-scoring model (AIS-001), which marked its open risks and impact
assessment due for reassessment, and a submitted supplier change to the support chatbot (AIS-002) awaiting a
decision.

`seed_demo` is idempotent: a change whose title exists already is not planned again. Run it after the AI
systems', risks' and impact assessments' demos.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.changes import actions
from aims.changes.models import PlannedChange
from aims.organizations.models import Organization

RETRAIN_TITLE = "Retrain the credit-scoring model on 2026 applications"
SUPPLIER_TITLE = "Move the support chatbot to a new language-model supplier"


def _user(users: dict[str, User], *roles: str) -> User:
    for role in roles:
        if role in users:
            return users[role]
    return next(iter(users.values()))


def _retrain(organization: Organization, system: AISystem, users: dict[str, User]) -> None:
    requester = _user(users, "contributor", "manager")
    change = actions.plan_change(
        actor=requester,
        organization=organization,
        ai_systems=[system],
        title=RETRAIN_TITLE,
        description="Retrain the model on the applications of the first half of 2026 and replace the model "
        "in production after two weeks of shadow scoring.",
        purpose="Approval rates drifted for applicants with short credit histories; retraining should bring "
        "scores back in line with repayments. A worse model could refuse good applicants.",
        kind=PlannedChange.Kind.AI_SYSTEM,
        affected_processes="Loan underwriting; model monitoring; the model card.",
        risk_level=PlannedChange.RiskLevel.MEDIUM,
        risk_assessment="Shadow-score for two weeks, compare approval rates by age band and by history "
        "length, and keep the current model ready to roll back.",
        resources="Two data scientists for four weeks; one risk officer for the review.",
        planned_on=timezone.localdate() + timedelta(days=10),
    )
    actions.submit_change(actor=requester, change=change)
    approver = _user(users, "owner", "manager")
    if approver == requester:
        approver = _user(users, "manager", "owner")
    actions.approve_change(actor=approver, change=change, note="Go ahead, with the fairness comparison.")


def _supplier(organization: Organization, system: AISystem, users: dict[str, User]) -> None:
    requester = _user(users, "manager", "contributor")
    change = actions.plan_change(
        actor=requester,
        organization=organization,
        ai_systems=[system],
        title=SUPPLIER_TITLE,
        description="Replace the chatbot's language-model provider with one hosted in the EU.",
        purpose="Keep customer conversations in the EU and cut costs; answers may change in tone and "
        "accuracy.",
        kind=PlannedChange.Kind.SUPPLIER,
        affected_processes="Customer support; supplier management.",
        risk_level=PlannedChange.RiskLevel.HIGH,
        risk_assessment="Run the answer-quality test set against the new model before switching; keep the "
        "old contract for one month.",
        resources="One engineer for two weeks; legal review of the new contract.",
        planned_on=timezone.localdate() + timedelta(days=45),
    )
    actions.submit_change(actor=requester, change=change)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """The approved change of AIS-001 and the submitted one of AIS-002, each only if not planned yet."""
    systems = {s.reference: s for s in AISystem.objects.filter(organization=organization)}
    titles = set(PlannedChange.objects.filter(organization=organization).values_list("title", flat=True))
    if "AIS-001" in systems and RETRAIN_TITLE not in titles:
        _retrain(organization, systems["AIS-001"], users)
    if "AIS-002" in systems and SUPPLIER_TITLE not in titles:
        _supplier(organization, systems["AIS-002"], users)
