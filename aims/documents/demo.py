"""Documents of the demo organisation "Demo AI Ltd", made through the actions: their audit trail is real.

`seed_demo` is idempotent: a document whose title exists already is left as it is. The AI policy is not
here: the policies app seeds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from aims.accounts.models import User
from aims.documents import actions
from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Organization

DEVELOPMENT = """# AI system development procedure

## Purpose
How Demo AI Ltd designs, builds, verifies and releases AI systems (A.6.1, A.6.2).

## Scope
Every AI system in the AI system inventory that we develop or change, AIS-001 and AIS-002 among them.

## Steps
1. **Requirements.** The system owner records the intended use, foreseeable misuse and affected people.
2. **Impact assessment.** Before design is frozen, an impact assessment is run (A.5).
3. **Data.** Training and test data come only from sources recorded in the data register (A.7).
4. **Verification.** Performance, robustness and fairness tests run against the agreed thresholds.
5. **Release.** A manager who did not build the system approves the release.

## Records
Test reports and release approvals are kept for six years.
"""

DEVELOPMENT_V2 = DEVELOPMENT.replace(
    "5. **Release.**",
    "5. **Monitoring plan.** Drift and fairness metrics, their thresholds and owners are agreed.\n"
    "6. **Release.**",
)

DATA = """# Data management procedure

## Purpose
How data for AI systems is acquired, labelled, kept and retired (A.7.2 to A.7.6).

## Rules
- Every dataset has an owner, a documented provenance and a lawful basis.
- Personal data is minimised and pseudonymised before training.
- Data quality checks run before each training run; failures block the run.
- Datasets are retired when their retention period ends.
"""

INCIDENTS = """# AI incident response plan

## When it applies
Any event where an AI system harms, or could harm, people, the business or its customers.

## Steps
1. Contain: switch the system to its fallback (manual review) within one hour.
2. Assess severity with the incident matrix; serious incidents go to the AI governance lead at once.
3. Notify: regulators and customers within the deadlines in the obligations register.
4. Learn: root cause, corrective action and a follow-up review within 30 days.
"""

MODEL_CARD = b"""# Model card: SupportLM 3 (supplier: LinguaCloud)

Intended use: customer-service dialogue in English and German.
Known limitations: may produce confident but wrong answers about account balances.
Evaluation: see the supplier's evaluation report, version 2026-09.
"""


@dataclass(frozen=True)
class DemoDocument:
    title: str
    kind: str
    description: str
    body: str = ""
    owner_role: str = "manager"
    reviewed_in: int = 12
    publish: bool = True
    next_body: str | None = None  # a second version, left in review


DEMO_DOCUMENTS = (
    DemoDocument(
        title="AI system development procedure",
        kind=Document.Kind.PROCEDURE,
        description="How AI systems are designed, built, verified and released.",
        body=DEVELOPMENT,
        next_body=DEVELOPMENT_V2,
    ),
    DemoDocument(
        title="Data management procedure",
        kind=Document.Kind.PROCEDURE,
        description="Acquisition, quality, labelling, retention and retirement of data for AI systems.",
        body=DATA,
        owner_role="contributor",
    ),
    DemoDocument(
        title="AI incident response plan",
        kind=Document.Kind.PLAN,
        description="What we do when an AI system causes or nearly causes harm.",
        body=INCIDENTS,
        reviewed_in=6,
        publish=False,
    ),
    DemoDocument(
        title="Supplier model card: SupportLM 3",
        kind=Document.Kind.EXTERNAL,
        description="The LinguaCloud model card for the model behind the support chatbot (AIS-002).",
        owner_role="contributor",
    ),
)


def _first(users: dict[str, User], *roles: str) -> User:
    return next(users[role] for role in roles if role in users)


def _approve_and_publish(version: DocumentVersion, author: User, approver: User, publish: bool) -> None:
    actions.submit_version(actor=author, version=version)
    if approver == author:
        return  # nobody else can approve: leave it in review
    actions.approve_version(actor=approver, version=version, comment="Reviewed against clause 7.5.2.")
    if publish:
        actions.publish_version(actor=approver, version=version)


def _seed_one(organization: Organization, spec: DemoDocument, users: dict[str, User]) -> None:
    author = _first(users, "contributor", "manager", "owner")
    approver = _first(users, "owner", "manager")
    extra: dict[str, Any] = {}
    if spec.kind == Document.Kind.EXTERNAL:
        extra["upload"] = SimpleUploadedFile("supportlm-3-model-card.md", MODEL_CARD)
    document = actions.create_document(
        actor=author,
        organization=organization,
        title=spec.title,
        kind=spec.kind,
        description=spec.description,
        owner=_first(users, spec.owner_role, "manager", "owner"),
        review_interval_months=spec.reviewed_in,
        distribution=[user for role, user in users.items() if role in ("contributor", "viewer")],
        body=spec.body,
        change_summary="First issue",
        **extra,
    )
    first = document.versions.get(number=1)
    if not spec.publish:
        actions.submit_version(actor=author, version=first)
        return
    _approve_and_publish(first, author, approver, publish=True)
    if spec.next_body is not None:
        second = actions.create_version(
            actor=author, document=document, body=spec.next_body, change_summary="Adds the monitoring plan"
        )
        actions.submit_version(actor=author, version=second)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Two procedures (one with a new version in review), an incident plan in review, and a supplier's model
    card (an external document, kept as a file). `users` maps roles to people."""
    have = set(Document.objects.filter(organization=organization).values_list("title", flat=True))
    for spec in DEMO_DOCUMENTS:
        if spec.title not in have:
            _seed_one(organization, spec, users)
