"""Suppliers and customers of the demo organisation "Demo AI Ltd", made through the actions people use.

Relationships attach to the demo's AI systems when they exist (found by words in their names: the credit-
scoring model, the customer-support chatbot, the CV-screening tool); otherwise they cover the organisation.
Running it again changes nothing: a third party whose reference exists is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem, LifecycleStage
from aims.organizations.models import Organization
from aims.third_parties import actions
from aims.third_parties.actions import Allocation
from aims.third_parties.models import Outcome, Relationship, Responsible, ThirdParty

US, THEM, SHARED, NA = Responsible.US, Responsible.THEM, Responsible.SHARED, Responsible.NOT_APPLICABLE


@dataclass(frozen=True)
class DemoRelationship:
    subject: str
    system_words: tuple[str, ...]  # the AI system whose name holds any of these words, if there is one
    contract: str
    role: str = Relationship.Role.SUPPLIER
    review_in_days: int = 180
    # (party, note) for each life-cycle stage in order: inception … retirement
    matrix: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DemoCheck:
    outcome: str
    findings: str
    days_ago: int
    next_in_days: int | None = 365


@dataclass(frozen=True)
class DemoParty:
    reference: str
    name: str
    kind: str
    categories: list[str]
    country: str
    contact: str
    website: str
    status: str = ThirdParty.Status.ACTIVE
    notes: str = ""
    relationships: tuple[DemoRelationship, ...] = ()
    checks: tuple[DemoCheck, ...] = field(default_factory=tuple)


LLM_MATRIX = (
    (US, "We decided to answer routine customer questions with a language model."),
    (SHARED, "They train and document the model; we write the prompts, guardrails and retrieval."),
    (SHARED, "They publish evaluations; we test answers against our own support cases."),
    (US, "We release the chatbot and its guardrails."),
    (SHARED, "They run the model API under the SLA; we monitor answers and escalate to people."),
    (US, "Yearly, or when they announce a new model version."),
    (SHARED, "We switch the chatbot off; they delete our prompts and logs within 30 days."),
)
DATA_MATRIX = (
    (US, "We chose which credit-history fields the model may use."),
    (SHARED, "They document provenance and coverage; we check quality and bias before training."),
    (US, "We validate the model on the data they deliver."),
    (NA, ""),
    (THEM, "They keep the feed current and tell us of corrections within 5 days."),
    (US, "We re-check representativeness each year."),
    (SHARED, "They stop the feed; we delete the data under our retention schedule."),
)
CUSTOMER_MATRIX = (
    (THEM, "The bank decided to use scoring for small-business loans."),
    (US, "We build and document the model."),
    (US, "We validate it and give the bank the results."),
    (SHARED, "We deliver the model; the bank configures its thresholds."),
    (SHARED, "We monitor drift; the bank's credit officers review every refusal."),
    (US, "We re-evaluate after each model update."),
    (SHARED, "We retire the model; the bank keeps its decision records."),
)

PARTIES = (
    DemoParty(
        reference="SUP-001",
        name="Lumen Language Models Inc.",
        kind=ThirdParty.Kind.SUPPLIER,
        categories=["model_provider", "cloud"],
        country="United States",
        contact="partners@lumen-models.example",
        website="https://lumen-models.example",
        relationships=(
            DemoRelationship(
                subject="Hosted large language model behind the customer-support chatbot (API)",
                system_words=("chatbot", "support"),
                contract="MSA-2024-017",
                review_in_days=20,
                matrix=LLM_MATRIX,
            ),
        ),
        checks=(
            DemoCheck(
                Outcome.CONDITIONAL,
                "Model card and evaluation reports reviewed; ISO/IEC 27001 certificate valid. Condition: "
                "zero data retention switched on and the EU data-processing addendum signed.",
                days_ago=200,
                next_in_days=165,
            ),
        ),
    ),
    DemoParty(
        reference="SUP-002",
        name="Northwind Credit Bureau Ltd",
        kind=ThirdParty.Kind.SUPPLIER,
        categories=["data_supplier"],
        country="United Kingdom",
        contact="data-licensing@northwind-credit.example",
        website="https://northwind-credit.example",
        relationships=(
            DemoRelationship(
                subject="Credit-history data for training and scoring",
                system_words=("credit",),
                contract="DLA-2023-004",
                review_in_days=-10,
                matrix=DATA_MATRIX,
            ),
        ),
        checks=(
            DemoCheck(Outcome.APPROVED, "Data provenance, lawful basis and coverage documented.", 400, 330),
        ),
    ),
    DemoParty(
        reference="SUP-003",
        name="Stratus Cloud Services",
        kind=ThirdParty.Kind.SUPPLIER,
        categories=["cloud"],
        country="Ireland",
        contact="enterprise@stratus.example",
        website="https://stratus.example",
        relationships=(
            DemoRelationship(
                subject="Training and inference computing, EU region",
                system_words=(),
                contract="CSA-2022-101",
                review_in_days=240,
            ),
        ),
        checks=(DemoCheck(Outcome.APPROVED, "SOC 2 type II and ISO/IEC 27001 reports reviewed.", 90),),
    ),
    DemoParty(
        reference="SUP-004",
        name="TalentSift Ltd",
        kind=ThirdParty.Kind.SUPPLIER,
        categories=["service", "model_provider"],
        country="Netherlands",
        contact="compliance@talentsift.example",
        website="https://talentsift.example",
        relationships=(
            DemoRelationship(
                subject="CV-screening software as a service",
                system_words=("cv", "screening", "recruit"),
                contract="SaaS-2025-009",
                review_in_days=60,
            ),
        ),
        checks=(
            DemoCheck(
                Outcome.CONDITIONAL,
                "High-risk under the EU AI Act (employment). Condition: an independent bias audit each year "
                "and human review of every rejection.",
                days_ago=30,
                next_in_days=335,
            ),
        ),
    ),
    DemoParty(
        reference="CUS-001",
        name="Harbour Bank plc",
        kind=ThirdParty.Kind.CUSTOMER,
        categories=["other"],
        country="United Kingdom",
        contact="model-risk@harbour-bank.example",
        website="https://harbour-bank.example",
        relationships=(
            DemoRelationship(
                subject="Credit-scoring model for small-business lending",
                system_words=("credit",),
                contract="CSA-HB-2024-02",
                role=Relationship.Role.CUSTOMER,
                review_in_days=120,
                matrix=CUSTOMER_MATRIX,
            ),
        ),
    ),
    DemoParty(
        reference="SUP-005",
        name="Annotate Crowd GmbH",
        kind=ThirdParty.Kind.SUPPLIER,
        categories=["service"],
        country="Germany",
        contact="sales@annotate-crowd.example",
        website="https://annotate-crowd.example",
        status=ThirdParty.Status.PROSPECTIVE,
        notes="Considered for labelling support tickets.",
        checks=(
            DemoCheck(
                Outcome.REJECTED,
                "Could not show how annotators are paid and trained, nor how personal data in tickets is "
                "protected.",
                days_ago=14,
                next_in_days=None,
            ),
        ),
    ),
)


def _system(organization: Organization, words: tuple[str, ...]) -> AISystem | None:
    if not words:
        return None
    match = Q()
    for word in words:
        match |= Q(name__icontains=word)
    systems = AISystem.objects.filter(organization=organization).exclude(status=AISystem.Status.ARCHIVED)
    return systems.filter(match).order_by("pk").first()


def _relationship(actor: User, party: ThirdParty, plan: DemoRelationship, today: date) -> None:
    relationship = actions.create_relationship(
        actor=actor,
        third_party=party,
        subject=plan.subject,
        role=plan.role,
        ai_system=_system(party.organization, plan.system_words),
        contract_reference=plan.contract,
        started_on=today - timedelta(days=400),
        next_review_on=today + timedelta(days=plan.review_in_days),
    )
    if plan.matrix:
        stages = LifecycleStage.values
        allocations = [
            Allocation(stage, who, note) for stage, (who, note) in zip(stages, plan.matrix, strict=True)
        ]
        actions.set_responsibilities(actor=actor, relationship=relationship, allocations=allocations)


def _seed_party(plan: DemoParty, organization: Organization, users: dict[str, User], today: date) -> None:
    editor = users.get("contributor") or users["owner"]
    approver = users.get("manager") or users["owner"]
    values: dict[str, Any] = {
        "reference": plan.reference,
        "name": plan.name,
        "kind": plan.kind,
        "categories": plan.categories,
        "country": plan.country,
        "contact": plan.contact,
        "website": plan.website,
        "status": plan.status,
        "notes": plan.notes,
    }
    party = actions.create_third_party(actor=editor, organization=organization, **values)
    for check in plan.checks:
        actions.record_due_diligence(
            actor=approver,
            third_party=party,
            outcome=check.outcome,
            performed_on=today - timedelta(days=check.days_ago),
            performed_by=editor,
            findings=check.findings,
            next_due_on=today + timedelta(days=check.next_in_days) if check.next_in_days else None,
        )
    for relationship in plan.relationships:
        _relationship(editor, party, relationship, today)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Add the demo's suppliers and customers (users by role: owner, manager, contributor, …)."""
    today = timezone.localdate()
    existing = set(ThirdParty.objects.filter(organization=organization).values_list("reference", flat=True))
    for plan in PARTIES:
        if plan.reference not in existing:
            _seed_party(plan, organization, users, today)
