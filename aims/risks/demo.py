"""Risks of the demo organisation "Demo AI Ltd", made through the actions: the audit trail is real.

`seed_demo` is idempotent: a risk whose title exists already in the organisation is left as it is. Run it
after the AI systems' demo.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.loading import load_catalog
from aims.catalog.models import CatalogItem
from aims.catalog.queries import get_framework
from aims.controls.models import Control, ensure_annex_a_controls
from aims.organizations.models import Organization
from aims.risks import actions
from aims.risks.models import Risk

RISKS: tuple[dict[str, Any], ...] = (
    {"system": "AIS-001", "title": "Credit scores disadvantage applicants with thin credit files",
     "source": "C.3.4", "objectives": ("C.2.5", "C.2.3"), "owner": "manager",
     "description": "Young applicants and recent arrivals have short credit histories; the model learned "
     "from ten years of approvals that under-represent them and may score them lower than their real risk.",
     "consequence_organization": "Lost good customers; a regulator's finding of unfair lending.",
     "consequence_individuals": "Loans refused or priced higher for people who would repay.",
     "consequence_society": "Less access to credit for groups already underserved.",
     "existing_controls": "Loan officers review every score.",
     "rating": (4, 4),
     "treatment": ("modify", "Fairness testing across age and residency groups before each release, and "
                   "reweighting of thin-file applications in training.", ("A.7.4", "A.6.2.4"), (2, 4)),
     "actions": (("Add thin-file fairness tests to the release checklist", "contributor", 30, True),
                 ("Retrain with reweighted thin-file samples", "contributor", 60, False)),
     "accept": ("manager", "Residual medium risk within appetite; officers still review every decision.")},
    {"system": "AIS-001", "title": "Model drift after interest-rate changes", "source": "C.3.6",
     "objectives": ("C.2.8",), "owner": "manager",
     "description": "Repayment behaviour shifts when rates move; a model trained on low-rate years drifts.",
     "consequence_organization": "More defaults or lost business before anyone notices.",
     "consequence_individuals": "Applicants scored on stale patterns.",
     "existing_controls": "Quarterly performance report.", "rating": (3, 3),
     "treatment": ("modify", "Weekly drift monitoring with alert thresholds; retraining procedure.",
                   ("A.6.2.6",), (2, 2)),
     "actions": (("Weekly drift dashboard with alert thresholds", "contributor", 14, True),)},
    {"system": "AIS-001", "title": "Loan officers cannot explain a score to an applicant", "source": "C.3.2",
     "objectives": ("C.2.11", "C.2.1"), "owner": "contributor",
     "description": "Applicants refused a loan ask why; officers see a score without its main reasons.",
     "consequence_individuals": "People cannot contest a decision that affects them.",
     "consequence_organization": "Complaints and a breach of the duty to explain automated decisions.",
     "rating": (3, 4)},
    {"system": "AIS-002", "title": "Chatbot discloses another customer's personal data", "source": "C.3.4",
     "objectives": ("C.2.7", "C.2.10"), "owner": "contributor",
     "description": "A prompt injection or retrieval error makes the chatbot reveal account details of "
     "another customer.",
     "consequence_organization": "Personal data breach to report within 72 hours; loss of trust.",
     "consequence_individuals": "Exposure of financial details; fraud risk.",
     "existing_controls": "The chatbot has no access to account data beyond the signed-in customer's.",
     "rating": (2, 5),
     "treatment": ("modify", "Red-team prompts before each release; log and review conversations flagged by "
                   "the leakage filter.", ("A.6.2.4", "A.6.2.8"), (1, 5))},
    {"system": "AIS-002", "title": "Supplier changes the underlying language model without notice",
     "source": "C.3.6", "custom": "Third-party model supplier", "objectives": ("C.2.6", "C.2.8"),
     "owner": "manager",
     "description": "The LLM vendor upgrades its model; answers change in tone and accuracy overnight.",
     "consequence_organization": "Wrong answers to customers; breach of our service commitments.",
     "rating": (4, 3),
     "treatment": ("share", "Contract clause: 30 days' notice of model changes; regression suite run on "
                   "every notified change.", ("A.10.3",), (2, 3)),
     "actions": (("Negotiate the change-notice clause with the vendor", "manager", 45, False),)},
    {"system": "AIS-003", "title": "CV ranking disadvantages candidates with career breaks",
     "source": "C.3.4", "objectives": ("C.2.5",), "owner": "manager",
     "description": "The vendor's model may rank lower the CVs of people with gaps, often carers or people "
     "with disabilities."},
    {"system": None, "kind": "opportunity", "title": "AI literacy training speeds up safe adoption",
     "objectives": ("C.2.2",), "owner": "manager",
     "description": "Staff trained in AI risks can take on assistants sooner and report problems earlier.",
     "consequence_organization": "Faster, safer roll-out of AI tools across teams.", "rating": (3, 3)},
)  # fmt: skip


def _user(users: dict[str, User], role: str) -> User:
    return users.get(role) or users["owner"]


def _items(refs: tuple[str, ...]) -> list[CatalogItem]:
    return list(CatalogItem.objects.filter(framework=get_framework(), ref__in=refs).order_by("position"))


def _controls(organization: Organization, refs: tuple[str, ...]) -> list[Control]:
    return list(Control.objects.filter(organization=organization, reference__in=refs))


def _identify(spec: dict[str, Any], organization: Organization, users: dict[str, User]) -> Risk:
    system = AISystem.objects.filter(organization=organization, reference=spec["system"]).first()
    source = _items((spec["source"],)) if spec.get("source") else []
    texts = (
        "description",
        "consequence_organization",
        "consequence_individuals",
        "consequence_society",
        "existing_controls",
    )
    return actions.identify_risk(
        actor=_user(users, "contributor"),
        organization=organization,
        kind=spec.get("kind", "risk"),
        title=spec["title"],
        ai_system=system,
        risk_source=source[0] if source else None,
        custom_source=spec.get("custom", ""),
        objectives=_items(spec["objectives"]),
        owner=_user(users, spec["owner"]),
        next_review_on=timezone.localdate() + timedelta(days=180),
        **{name: spec.get(name, "") for name in texts},
    )


def _treat(risk: Risk, spec: dict[str, Any], organization: Organization, users: dict[str, User]) -> None:
    option, plan, refs, residual = spec["treatment"]
    actor = _user(users, "contributor")
    actions.plan_treatment(
        actor=actor,
        risk=risk,
        option=option,
        plan=plan,
        controls=_controls(organization, refs),
        residual_likelihood=residual[0],
        residual_consequence=residual[1],
    )
    for title, role, days, done in spec.get("actions", ()):
        due = timezone.localdate() + timedelta(days=days)
        added = actions.add_treatment_action(
            actor=actor, risk=risk, title=title, owner=_user(users, role), due_on=due
        )
        if done:
            actions.complete_treatment_action(
                actor=actor, action=added, outcome="Done; evidence in the release file."
            )
    if "accept" in spec:
        role, rationale = spec["accept"]
        expires = timezone.localdate() + timedelta(days=365)
        actions.accept_risk(actor=_user(users, role), risk=risk, rationale=rationale, expires_on=expires)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Criteria in force, and the demo's risks: assessed, some treated with Annex A controls, one accepted.

    Loads the ISO/IEC 42001 catalogue first if it is not loaded (as `aims catalog load` does): the risks cite
    Annex C and are treated with Annex A controls.
    """
    if get_framework() is None:
        load_catalog()
    actions.ensure_default_criteria(organization)
    ensure_annex_a_controls(organization)
    have = set(Risk.objects.filter(organization=organization).values_list("title", flat=True))
    for spec in RISKS:
        if spec["title"] in have:
            continue
        risk = _identify(spec, organization, users)
        if "rating" in spec:
            likelihood, consequence = spec["rating"]
            actions.assess_risk(
                actor=_user(users, "contributor"),
                risk=risk,
                likelihood=likelihood,
                consequence=consequence,
                note="Assessed in the demo's risk workshop.",
            )
        if "treatment" in spec:
            _treat(risk, spec, organization, users)
