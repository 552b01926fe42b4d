"""EU AI Act classifications for the demo organisation "Demo AI Ltd", made through the action so that their
audit trail is real. Runs after `aims.ai_systems.demo.seed_demo` (it classifies the systems that one
registers, found by reference).

Idempotent: a system that has any classification already is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.answers import Answers
from aims.eu_ai_act.models import Classification
from aims.organizations.models import Organization


@dataclass(frozen=True)
class DemoClassification:
    reference: str
    actor_role: str
    operator_role: str
    answers: Answers


DEMO_CLASSIFICATIONS = (
    # The credit scoring model, built in-house: high-risk under Annex III 5(b), as its provider.
    DemoClassification("AIS-001", "manager", "provider", examples.CREDIT_SCORING),
    # The support chatbot on a third-party LLM, offered under our name: transparency duties.
    DemoClassification("AIS-002", "contributor", "provider", examples.CHATBOT),
    # The vendor's CV screening tool: first thought exempt as a preparatory task, then found to profile
    # candidates, so high-risk after all; the history shows the change.
    DemoClassification(
        "AIS-003",
        "contributor",
        "deployer",
        examples.annex_iii("employment", exceptions=("preparatory_task",), profiles=False),
    ),
    DemoClassification(
        "AIS-003",
        "manager",
        "deployer",
        examples.annex_iii("employment", exceptions=("preparatory_task",), profiles=True),
    ),
    # The internal coding assistant: minimal risk.
    DemoClassification("AIS-004", "contributor", "deployer", examples.MINIMAL),
)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Classify the demo's AI systems; `users` maps roles ("owner", "manager", "contributor", …) to people."""
    references = {spec.reference for spec in DEMO_CLASSIFICATIONS}
    systems = {
        system.reference: system
        for system in AISystem.objects.filter(organization=organization, reference__in=references)
    }
    done = set(
        Classification.objects.filter(ai_system__in=systems.values()).values_list(
            "ai_system__reference", flat=True
        )
    )
    for spec in DEMO_CLASSIFICATIONS:
        system = systems.get(spec.reference)
        if system is None or spec.reference in done:
            continue
        system.organization = organization
        classify_ai_system(
            actor=users.get(spec.actor_role) or users["owner"],
            ai_system=system,
            answers=spec.answers,
            operator_role=spec.operator_role,
        )
