"""The AI policy of the demo organisation "Demo AI Ltd", made through the actions: the audit trail is real.

`seed_demo` is idempotent: each step runs only while its result is missing. Run it after the documents demo,
so that the AI policy links to the policies that demo writes (one is written here when there is none).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.documents import actions as documents
from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Organization
from aims.policies import actions, queries
from aims.policies.models import AIPolicy, AlignedPolicy, CommitmentRecord, PolicyReview

FILLED = {
    "[develops / provides / uses]": "develops, provides and uses",
    "[what AI does for the\norganisation: its products, services and internal work]": "score consumer-loan "
    "applications, answer customers' questions and screen job applications",
    "[Any other principle that matters to ORG]": "**Contestability.** Applicants can ask a person to "
    "look again at any decision an AI system contributed to.",
    "[once a year]": "twice a year",
    "[name the body, e.g. the executive board]": "the executive board",
    "[role]": "(the Head of AI Governance)",
    "[how, including anonymously]": "through the concern form in aims, anonymously if they wish",
    "[information security, privacy and data\nprotection, quality, procurement, code of conduct]": (
        "information security, data protection and procurement"
    ),
    "[who]": "the executive board",
    "[where appropriate / on request / on our website]": "on our website",
    "[12 months]": "12 months",
    "[name, role]": "Demo Owner, Chief Executive",
    "[date]": "the date of publication",
}

ALIGNED = (
    ("Information security policy", "Access to models, training data and prompts follows the information "
     "security policy; the AI policy adds model-specific threats (poisoning, prompt injection)."),
    ("Data protection policy", "Personal data in training and inference follows the data protection "
     "policy; the AI policy adds fairness testing and explanations to applicants."),
)  # fmt: skip

COMMITMENTS = (
    ("signed_statement", "owner", 60, "The CEO signed the AI policy statement and presented it to all "
     "staff at the quarterly all-hands.", "https://intranet.demo.example/news/ai-policy"),
    ("resources_allocated", "owner", 45, "The board approved a budget for two AI governance roles and "
     "an external fairness audit of the credit scoring model.", ""),
    ("roles_assigned", "owner", 40, "The Head of AI Governance was appointed to run the AI management "
     "system and report to the board each quarter.", ""),
    ("communication", "manager", 20, "A monthly AI governance note to all staff: what changed, what is "
     "coming, how to raise a concern.", ""),
)  # fmt: skip


def _demo_body(organization: Organization) -> str:
    text = actions.template_text(organization)
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder.replace("ORG", organization.name), value)
    return text


def _publish(organization: Organization, users: dict[str, User]) -> None:
    author, approver = users["manager"], users["owner"]
    if not AIPolicy.objects.filter(organization=organization).exists():
        policy = actions.start_ai_policy(actor=author, organization=organization)
        draft = policy.document.versions.get()
        documents.update_version(actor=author, version=draft, body=_demo_body(organization))
    status = queries.policy_status(organization)
    version = status.in_progress
    if version is None or status.current is not None:
        return
    if version.state in {DocumentVersion.State.DRAFT, DocumentVersion.State.CHANGES_REQUESTED}:
        version = documents.submit_version(actor=author, version=version)
    if version.state == DocumentVersion.State.IN_REVIEW:
        version = documents.approve_version(actor=approver, version=version, comment="Approved by the board.")
    if version.state == DocumentVersion.State.APPROVED:
        documents.publish_version(actor=approver, version=version)


def _align(organization: Organization, users: dict[str, User]) -> None:
    if AlignedPolicy.objects.filter(organization=organization).exists():
        return
    for title, note in ALIGNED:
        document = Document.objects.filter(organization=organization, title__iexact=title).first()
        if document is None:
            document = documents.create_document(
                actor=users["manager"], organization=organization, title=title, kind=Document.Kind.POLICY,
                owner=users["manager"], body=f"# {title}\n\nSee the intranet for the full text.",
            )  # fmt: skip
        if document.status == Document.Status.ACTIVE:
            actions.link_aligned_policy(
                actor=users["manager"], organization=organization, document=document, note=note
            )


def _review(organization: Organization, users: dict[str, User]) -> None:
    status = queries.policy_status(organization)
    if status.current is None or PolicyReview.objects.filter(organization=organization).exists():
        return
    actions.record_policy_review(
        actor=users["manager"],
        document=status.current.document,
        reviewed_on=timezone.localdate(),
        reviewers=[users["owner"], users["manager"]],
        outcome=PolicyReview.Outcome.NO_CHANGE,
        findings="Reviewed after the support chatbot went live: the principles and commitments still fit; "
        "the list of AI systems in scope is current. No change needed.",
    )


def _commit(organization: Organization, users: dict[str, User]) -> None:
    have = set(CommitmentRecord.objects.filter(organization=organization).values_list("kind", flat=True))
    today = timezone.localdate()
    for kind, role, days_ago, description, link in COMMITMENTS:
        if kind not in have:
            actions.record_commitment(
                actor=users["manager"], organization=organization, kind=kind, member=users[role],
                occurred_on=today - timedelta(days=days_ago), description=description, link=link,
            )  # fmt: skip


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """The AI policy published (v1, written by the manager, approved by the owner), two aligned policies,
    a review, and four records of top management's commitment. `users` maps roles to people."""
    _publish(organization, users)
    _align(organization, users)
    _review(organization, users)
    _commit(organization, users)
