"""Impact assessments of the demo organisation "Demo AI Ltd", made through the actions: the audit trail is
real. An approved assessment of the credit-scoring model (AIS-001), one of its impacts tracked as a risk, and
a draft for the support chatbot (AIS-002).

`seed_demo` is idempotent: a system that has an assessment already gets no new one. Run it after the AI
systems' demo (and after the risks' demo, to link the existing fairness risk rather than add one).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment
from aims.organizations.models import Organization
from aims.risks.models import Risk

FAIRNESS_RISK = "Credit scores disadvantage applicants with thin credit files"

CREDIT = {
    "trigger": "new_system",
    "trigger_details": "Assessed before the model replaced the scorecard for all consumer loans.",
    "intended_use": "Estimate the probability that a consumer-loan applicant repays; loan officers use the "
    "score with the application to decide on the loan and its rate.",
    "foreseeable_misuse": "Officers approving or refusing on the score alone; reusing the score for "
    "marketing or for employees' own loans.",
    "affected_individuals": "Loan applicants, and guarantors named on applications.",
    "affected_groups": "Young applicants and recent arrivals with short credit histories; self-employed "
    "applicants with irregular income.",
    "affected_vulnerable": "Applicants in financial difficulty, for whom a refusal or a higher rate "
    "weighs most.",
    "affected_society": "Access to affordable credit in the communities we lend to.",
    "mitigations": "Fairness testing across age and residency groups before each release; officers review "
    "every score and give the main reasons for a refusal; applicants may ask for a human review.",
    "conclusion": "The benefits outweigh the impacts if fairness testing and human review stay in place.",
    "decision": "conditions",
}
CREDIT_IMPACTS: tuple[dict[str, Any], ...] = (
    {"dimension": "fairness", "effect": "negative", "severity": 3, "likelihood": 3, "reversibility": "hard",
     "description": "Thin-file applicants may be scored lower than their real repayment risk.",
     "affected_group": "Young applicants and recent arrivals",
     "mitigation": "Fairness tests per release; reweighting of thin-file samples.", "raise": True},
    {"dimension": "privacy", "effect": "negative", "severity": 2, "likelihood": 2, "reversibility": "hard",
     "description": "Bureau and transaction data are processed at scale; a breach would expose finances.",
     "affected_group": "All applicants",
     "mitigation": "Data minimisation; access limited to the credit team; DPIA reviewed yearly."},
    {"dimension": "economic", "effect": "positive", "severity": 2, "likelihood": 3,
     "reversibility": "reversible",
     "description": "Faster, more consistent decisions: most applicants hear back the same day.",
     "affected_group": "Loan applicants", "mitigation": ""},
    {"dimension": "economic", "effect": "negative", "severity": 3, "likelihood": 2, "reversibility": "hard",
     "description": "A wrongly high rate raises the cost of credit for the life of the loan.",
     "affected_group": "Borrowers priced by the model",
     "mitigation": "Rate bands capped; officers may override with a recorded reason."},
    {"dimension": "accessibility", "effect": "negative", "severity": 2, "likelihood": 3,
     "reversibility": "reversible",
     "description": "Applicants refused a loan may not learn why, and so cannot contest the decision.",
     "affected_group": "Refused applicants",
     "mitigation": "The main reasons of each score are shown to officers and given to the applicant."},
)  # fmt: skip
CHATBOT = {
    "trigger": "significant_change",
    "trigger_details": "Moving the chatbot to a newer version of the supplier's language model.",
    "intended_use": "Answer customers' questions about their accounts and products at any hour.",
    "foreseeable_misuse": "Customers taking the chatbot's answers as financial advice.",
    "affected_individuals": "Customers using the chat on the website.",
}
CHATBOT_IMPACTS: tuple[dict[str, Any], ...] = (
    {"dimension": "privacy", "effect": "negative", "severity": 3, "likelihood": 2,
     "reversibility": "irreversible",
     "description": "A retrieval error could show one customer another customer's account details.",
     "affected_group": "Customers using the chat", "mitigation": "Answers limited to the signed-in account."},
)  # fmt: skip


def _user(users: dict[str, User], *roles: str) -> User:
    for role in roles:
        if role in users:
            return users[role]
    return users["owner"]


def _add(actor: User, assessment: ImpactAssessment, impacts: tuple[dict[str, Any], ...]) -> list[Any]:
    raised = []
    for spec in impacts:
        values = {k: v for k, v in spec.items() if k != "raise"}
        item = actions.add_item(actor=actor, assessment=assessment, **values)
        if spec.get("raise"):
            raised.append(item)
    return raised


def _credit(organization: Organization, system: AISystem, users: dict[str, User]) -> None:
    author = _user(users, "contributor", "manager")
    approver = _user(users, "manager", "owner")
    today = timezone.localdate()
    assessment = actions.create_assessment(
        actor=author, organization=organization, ai_system=system, **CREDIT,
        retain_until=today + timedelta(days=10 * 365), next_assessment_on=today + timedelta(days=365),
    )  # fmt: skip
    for item in _add(author, assessment, CREDIT_IMPACTS):
        existing = Risk.objects.filter(organization=organization, title=FAIRNESS_RISK).first()
        actions.raise_risk_from_impact(actor=author, item=item, risk=existing)
    actions.submit_assessment(actor=author, assessment=assessment)
    if approver != author:
        actions.approve_assessment(
            actor=approver, assessment=assessment, note="Approved with the conditions in the conclusion."
        )


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """An approved assessment of AIS-001 and a draft of AIS-002, each only if the system has none yet."""
    systems = {s.reference: s for s in AISystem.objects.filter(organization=organization)}
    assessed = set(
        ImpactAssessment.objects.filter(organization=organization).values_list(
            "ai_system__reference", flat=True
        )
    )
    if "AIS-001" in systems and "AIS-001" not in assessed:
        _credit(organization, systems["AIS-001"], users)
    if "AIS-002" in systems and "AIS-002" not in assessed:
        author = _user(users, "contributor", "manager")
        draft = actions.create_assessment(
            actor=author, organization=organization, ai_system=systems["AIS-002"], **CHATBOT
        )
        _add(author, draft, CHATBOT_IMPACTS)
