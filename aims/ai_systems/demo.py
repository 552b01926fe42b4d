"""AI systems of the demo organisation "Demo AI Ltd", made through the actions: their audit trail is real.

`seed_demo` is idempotent: a system whose reference exists already is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems import actions
from aims.ai_systems.models import AISystem, LifecycleStage
from aims.organizations.models import Organization

Stage = LifecycleStage


@dataclass(frozen=True)
class DemoSystem:
    reference: str
    owner_role: str
    details: dict[str, Any]
    # The moves after registration: (stage, role of who moves it, note).
    moves: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)
    review_in_days: int | None = 180


_ROLES = Organization.AIRole

DEMO_SYSTEMS = (
    DemoSystem(
        reference="AIS-001",
        owner_role="manager",
        details={
            "name": "Credit scoring model",
            "purpose": (
                "Estimate the probability that a consumer-loan applicant repays, to decide on the loan and "
                "its rate."
            ),
            "description": (
                "A gradient-boosted model trained on ten years of our own loan book, called by the loan "
                "origination system for every application."
            ),
            "intended_use": "Support loan officers' decisions on consumer loans up to EUR 50,000 in the EU.",
            "foreseeable_misuse": (
                "Using the score for employment or insurance decisions; approving loans on the score alone "
                "without the officer's review."
            ),
            "ai_roles": [_ROLES.PROVIDER, _ROLES.PRODUCER],
            "deployment_environment": AISystem.Environment.CLOUD,
            "business_unit": "Consumer lending",
            "affected_parties": "Loan applicants, including people with thin credit files; loan officers.",
            "automation_level": AISystem.Automation.HUMAN_APPROVES,
            "human_oversight": (
                "A loan officer reviews every score with its main reasons and can override it; overrides are "
                "sampled monthly by the credit risk team."
            ),
        },
        moves=(
            (Stage.DESIGN, "contributor", "Requirements agreed with credit risk."),
            (Stage.VERIFICATION, "contributor", "Back-testing on 2019-2023 applications."),
            (Stage.DEPLOYMENT, "manager", "Release approved after fairness testing across age and gender."),
            (Stage.OPERATION, "manager", "Live for all branches; drift monitored weekly."),
        ),
        review_in_days=90,
    ),
    DemoSystem(
        reference="AIS-002",
        owner_role="contributor",
        details={
            "name": "Customer support chatbot",
            "purpose": "Answer customers' questions about their accounts and products at any hour.",
            "description": (
                "A chat assistant on our website built on a third-party large language model, given our "
                "product documentation; it hands over to a person on request or when unsure."
            ),
            "intended_use": (
                "General questions from existing customers about products, fees and opening hours."
            ),
            "foreseeable_misuse": (
                "Customers asking for financial or legal advice; attempts to make it reveal other customers' "
                "data or its instructions."
            ),
            "ai_roles": [_ROLES.CUSTOMER, _ROLES.PROVIDER],
            "deployment_environment": AISystem.Environment.THIRD_PARTY,
            "business_unit": "Customer service",
            "affected_parties": "Customers, including elderly and non-native speakers; support staff.",
            "automation_level": AISystem.Automation.HUMAN_OVERSEES,
            "human_oversight": (
                "Every conversation can be handed to an agent; a daily sample is reviewed and the bot can be "
                "switched off from the support console."
            ),
        },
        moves=(
            (Stage.DESIGN, "contributor", "Supplier chosen after the LLM vendor assessment."),
            (Stage.VERIFICATION, "contributor", "Red-teamed for prompt injection and data leakage."),
            (Stage.DEPLOYMENT, "owner", "Approved for launch with hand-over to agents always available."),
        ),
        review_in_days=-10,
    ),
    DemoSystem(
        reference="AIS-003",
        owner_role="manager",
        details={
            "name": "CV screening assistant",
            "purpose": "Rank incoming job applications so recruiters read the most relevant CVs first.",
            "description": "A vendor tool that scores CVs against the job description.",
            "intended_use": (
                "Ordering applications for recruiters; every application is still read by a person."
            ),
            "foreseeable_misuse": "Rejecting candidates automatically below a score threshold.",
            "ai_roles": [_ROLES.CUSTOMER],
            "deployment_environment": AISystem.Environment.THIRD_PARTY,
            "business_unit": "Human resources",
            "affected_parties": "Job applicants, including people with disabilities or career breaks.",
            "automation_level": AISystem.Automation.ASSISTIVE,
            "human_oversight": "Recruiters read every application; the ranking is advisory only.",
            "status": AISystem.Status.DRAFT,
        },
        moves=((Stage.VERIFICATION, "contributor", "Pilot on two past vacancies, checking for bias."),),
    ),
    DemoSystem(
        reference="AIS-004",
        owner_role="contributor",
        details={
            "name": "Internal coding assistant",
            "purpose": "Help developers write and review code faster.",
            "intended_use": "Code suggestions in the IDE for internal software; no customer data in prompts.",
            "ai_roles": [_ROLES.CUSTOMER],
            "deployment_environment": AISystem.Environment.THIRD_PARTY,
            "business_unit": "IT",
            "affected_parties": "Developers.",
            "automation_level": AISystem.Automation.ASSISTIVE,
            "human_oversight": (
                "Every suggestion is accepted or rejected by the developer and reviewed in code review."
            ),
            "in_scope": False,
        },
        moves=((Stage.OPERATION, "contributor", "In use since the IDE roll-out."),),
        review_in_days=None,
    ),
)


def _seed_one(spec: DemoSystem, organization: Organization, users: dict[str, User]) -> None:
    owner = users.get(spec.owner_role)
    review = timezone.localdate() + timedelta(days=spec.review_in_days) if spec.review_in_days else None
    system = actions.register_ai_system(
        actor=users.get("contributor") or users["owner"],
        organization=organization,
        reference=spec.reference,
        owner=owner,
        next_review_on=review,
        **spec.details,
    )
    for stage, role, note in spec.moves:
        actor = users.get(role) or users["owner"]
        actions.change_lifecycle_stage(actor=actor, system=system, stage=stage, note=note)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Register the demo's AI systems; `users` maps roles ("owner", "manager", "contributor", …) to people."""
    existing = set(
        AISystem.objects.filter(
            organization=organization, reference__in=[spec.reference for spec in DEMO_SYSTEMS]
        ).values_list("reference", flat=True)
    )
    for spec in DEMO_SYSTEMS:
        if spec.reference not in existing:
            _seed_one(spec, organization, users)
