"""The context of the demo organisation "Demo AI Ltd", made through the actions: the audit trail is real.

`seed_demo` is idempotent: records whose reference (or party name) exists already are left as they are, and
the scope is written only while the organisation has none.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.context import actions
from aims.context.models import ContextIssue, InterestedParty, Obligation, ScopeStatement
from aims.organizations.models import Organization

ISSUES: tuple[dict[str, Any], ...] = (
    {"reference": "ISS-001", "kind": "external", "category": "legal",
     "systems": ("AIS-001", "AIS-002", "AIS-003"),
     "title": "The EU AI Act's obligations phase in from 2025 to 2027",
     "description": "Deployer and provider duties apply to our credit scoring and CV screening systems.",
     "effect_on_aims": "High-risk systems need risk management, logging and human oversight on record."},
    {"reference": "ISS-002", "kind": "external", "category": "climate_change", "is_climate_related": True,
     "systems": ("AIS-001",), "title": "Heatwaves strain our cloud region's capacity and energy prices",
     "description": "Our main cloud region has had capacity limits during recent heatwaves.",
     "effect_on_aims": "Availability of the credit model and the energy cost of retraining; we track both."},
    {"reference": "ISS-003", "kind": "internal", "category": "people", "systems": (),
     "title": "Few staff are trained in AI risk assessment",
     "description": "Only two people have run an AI impact assessment so far.",
     "effect_on_aims": "Assessments queue up behind them; competence needs are tracked under clause 7.2."},
    {"reference": "ISS-004", "kind": "external", "category": "technological", "systems": ("AIS-002",),
     "title": "We depend on a third-party large language model",
     "description": "The support chatbot runs on a supplier's model whose versions change without notice.",
     "effect_on_aims": "Model changes can alter answers; supplier monitoring and regression tests follow."},
)  # fmt: skip

OBLIGATIONS: tuple[dict[str, Any], ...] = (
    {"reference": "OBL-001", "kind": "legal", "source": "EU AI Act Art. 26", "jurisdiction": "EU",
     "systems": ("AIS-003",), "title": "Duties of deployers of high-risk AI systems",
     "description": "Use as instructed, assign human oversight, monitor, keep logs, inform workers.",
     "applicability": "applies",
     "applicability_rationale": "We deploy the vendor's CV screening tool, high-risk under Annex III(4)."},
    {"reference": "OBL-002", "kind": "legal", "source": "GDPR Art. 22", "jurisdiction": "EU",
     "systems": ("AIS-001",), "title": "Automated individual decision-making",
     "description": "Applicants may not be subject to decisions based solely on automated processing.",
     "applicability": "applies",
     "applicability_rationale": "Loan decisions use the credit score; an officer reviews every decision."},
    {"reference": "OBL-003", "kind": "contractual", "source": "MSA with Northbank §12.3",
     "jurisdiction": "", "systems": ("AIS-002",), "title": "Customer's right to audit AI used in its service",
     "description": "Northbank may audit the AI used to serve its customers once a year on 30 days' notice.",
     "applicability": "applies", "applicability_rationale": "The chatbot answers Northbank's customers."},
    {"reference": "OBL-004", "kind": "legal", "source": "EU AI Act Art. 50", "jurisdiction": "EU",
     "systems": ("AIS-002",), "title": "Transparency: tell people they are talking to an AI",
     "description": "People interacting with an AI system must be told so unless obvious.",
     "applicability": "under_review", "applicability_rationale": "Applies from August 2026; notice drafted."},
)  # fmt: skip

PARTIES: tuple[dict[str, Any], ...] = (
    {"name": "Business customers", "kind": "customers", "description": "Banks that white-label our services.",
     "requirements": (("Evidence that AI used for their customers is governed", True,
                       "Certification to ISO/IEC 42001 and the audit right in our contracts", "OBL-003"),)},
    {"name": "Data protection authority", "kind": "regulators",
     "description": "Our lead supervisory authority.",
     "requirements": (("Lawful automated decisions with human review", True, "Credit decisions keep an "
                       "officer in the loop", "OBL-002"),)},
    {"name": "Employees", "kind": "employees", "description": "Staff who build, run and use our AI systems.",
     "requirements": (("Training before using AI tools", True, "Covered by the competence plan (7.2)", None),
                      ("A say in which AI tools are bought", False, "Decided by the works council "
                       "outside the AIMS", None))},
    {"name": "Loan and job applicants", "kind": "affected_people",
     "description": "People scored by our credit model or screened by the CV tool.",
     "requirements": (("Fair treatment and an explanation of decisions", True, "Impact assessments and "
                       "explanations to applicants (A.5, A.8.2)", "OBL-001"),)},
)  # fmt: skip

SCOPE = {
    "boundaries": "All AI systems that Demo AI Ltd develops, provides or uses in consumer lending, customer "
    "support and recruitment, at the London and Berlin offices and in our cloud tenancy.",
    "ai_roles": ["provider", "producer", "customer"],
    "exclusions": [
        {"what": "Internal coding assistant", "reason": "Used only by developers on non-production code; "
         "covered by the IT security policy."},
    ],
}  # fmt: skip


def _systems(organization: Organization, references: tuple[str, ...]) -> list[AISystem]:
    return list(AISystem.objects.filter(organization=organization, reference__in=references))


def _first(users: dict[str, User], *roles: str) -> User:
    return next(users[role] for role in roles if role in users)


def _seed_records(organization: Organization, users: dict[str, User]) -> None:
    actor = _first(users, "contributor", "manager", "owner")
    owner = _first(users, "manager", "owner")
    review = timezone.localdate() + timedelta(days=180)
    have = set(ContextIssue.objects.filter(organization=organization).values_list("reference", flat=True))
    for spec in ISSUES:
        if spec["reference"] not in have:
            values = {k: v for k, v in spec.items() if k != "systems"}
            systems = _systems(organization, spec["systems"])
            actions.create_issue(
                actor=actor,
                organization=organization,
                ai_systems=systems,
                owner=owner,
                review_on=review,
                **values,
            )
    have = set(Obligation.objects.filter(organization=organization).values_list("reference", flat=True))
    for spec in OBLIGATIONS:
        if spec["reference"] not in have:
            values = {k: v for k, v in spec.items() if k != "systems"}
            systems = _systems(organization, spec["systems"])
            actions.create_obligation(
                actor=actor,
                organization=organization,
                ai_systems=systems,
                owner=owner,
                review_on=review,
                **values,
            )


def _seed_parties(organization: Organization, users: dict[str, User]) -> None:
    actor = _first(users, "contributor", "manager", "owner")
    have = set(InterestedParty.objects.filter(organization=organization).values_list("name", flat=True))
    obligations = {o.reference: o for o in Obligation.objects.filter(organization=organization)}
    for spec in PARTIES:
        if spec["name"] in have:
            continue
        party = actions.create_party(
            actor=actor,
            organization=organization,
            name=spec["name"],
            kind=spec["kind"],
            description=spec["description"],
        )
        for description, addressed, rationale, obligation in spec["requirements"]:
            actions.add_requirement(
                actor=actor,
                party=party,
                description=description,
                is_addressed=addressed,
                rationale=rationale,
                obligation=obligations.get(obligation) if obligation else None,
            )


def _seed_scope(organization: Organization, users: dict[str, User]) -> None:
    if ScopeStatement.objects.filter(organization=organization).exists():
        return
    author = _first(users, "manager", "owner")
    approver = _first(users, "owner") if author != users.get("owner") else _first(users, "manager")
    scope = actions.draft_scope(actor=author, organization=organization, **SCOPE)  # type: ignore[arg-type]
    if approver != author:
        actions.approve_scope(actor=approver, scope=scope)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Issues (a climate one among them), parties with requirements, obligations, and an approved scope.

    `users` maps roles ("owner", "manager", "contributor", …) to people; run after the AI systems' demo so
    that records link to the demo's systems.
    """
    _seed_records(organization, users)
    _seed_parties(organization, users)
    _seed_scope(organization, users)
