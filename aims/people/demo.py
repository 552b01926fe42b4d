"""People records of the demo organisation "Demo AI Ltd", made through the actions (a real audit trail).

`seed_demo` is idempotent: each part is skipped when its records exist already.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.organizations.models import Organization
from aims.people import actions
from aims.people.models import AIMSRole, CommunicationPlanItem, Competence, Concern, RaciEntry

COMPETENCES = (
    ("AI literacy", "What AI systems can and cannot do, their risks and our rules for using them.", True),
    ("AI risk and impact assessment", "Running ISO/IEC 42001 6.1 risk and A.5 impact assessments.", False),
    ("Data quality for machine learning", "Checking provenance, representativeness and labels (A.7).", False),
    ("Human oversight of credit decisions", "Reviewing and overriding model scores with reasons.", False),
)
# (name, area, holder role, competences needed, responsibilities)
ROLES = (
    (
        "AIMS lead",
        "performance",
        "owner",
        ("AI literacy",),
        "Runs the AIMS and reports its performance to the board.",
    ),
    (
        "AI risk owner",
        "risk",
        "manager",
        ("AI literacy", "AI risk and impact assessment"),
        "Keeps the AI risk register and impact assessments current.",
    ),
    (
        "Data steward",
        "data_quality",
        "contributor",
        ("AI literacy", "Data quality for machine learning"),
        "Approves the data sets used to train and test models.",
    ),
    (
        "Credit oversight officer",
        "oversight",
        "viewer",
        ("AI literacy", "Human oversight of credit decisions"),
        "Reviews credit scores and overrides them when needed.",
    ),
    (
        "Compliance reviewer",
        "conformity",
        "auditor",
        ("AI literacy",),
        "Checks the AIMS against ISO/IEC 42001 and the EU AI Act.",
    ),
)
RACI_CONTROLS = {"A.5.2": "AI risk owner", "A.7.4": "Data steward", "A.9.2": "Credit oversight officer"}


def _holder(users: dict[str, User], role: str) -> User:
    return users.get(role) or users["owner"]


def _seed_roles(organization: Organization, users: dict[str, User]) -> None:
    owner, today = users["owner"], timezone.localdate()
    made = {
        name: actions.create_competence(
            actor=owner, organization=organization, name=name, description=text, is_ai_literacy=literacy
        )
        for name, text, literacy in COMPETENCES
    }
    for name, area, holder, needed, duties in ROLES:
        role = actions.create_role(
            actor=owner,
            organization=organization,
            name=name,
            area=area,
            responsibilities=duties,
            competences=[made[c] for c in needed],
        )
        actions.assign_role(
            actor=owner, role=role, user=_holder(users, holder), since=today - timedelta(days=200)
        )
    # Some gaps on purpose: the viewer has no AI literacy yet, the auditor's has expired.
    for role_name, competence in (
        ("owner", "AI literacy"),
        ("manager", "AI literacy"),
        ("contributor", "AI literacy"),
        ("manager", "AI risk and impact assessment"),
    ):
        person = _holder(users, role_name)
        actions.record_training(
            actor=owner,
            organization=organization,
            user=person,
            competence=made[competence],
            title=f"{competence} course",
            completed_on=today - timedelta(days=90),
            expires_on=today + timedelta(days=275),
        )
    actions.record_training(
        actor=owner,
        organization=organization,
        user=_holder(users, "auditor"),
        competence=made["AI literacy"],
        title="AI literacy e-learning 2024",
        completed_on=today - timedelta(days=500),
        expires_on=today - timedelta(days=135),
    )


def _seed_raci(organization: Organization, users: dict[str, User]) -> None:
    owner = users["owner"]
    roles = {r.name: r for r in AIMSRole.objects.filter(organization=organization)}
    lead = roles["AIMS lead"]
    for ref, accountable in RACI_CONTROLS.items():
        control = CatalogItem.objects.filter(ref=ref, kind=CatalogItem.Kind.CONTROL).first()
        if control is None:
            continue  # the catalogue is not loaded
        actions.set_raci(
            actor=owner,
            organization=organization,
            kind="control",
            control=control,
            role=roles[accountable],
            letter="A",
        )
        actions.set_raci(
            actor=owner, organization=organization, kind="control", control=control, role=lead, letter="I"
        )
    system = AISystem.objects.filter(organization=organization, reference="AIS-001").first()
    if system is not None:
        for name, letter in (
            ("Credit oversight officer", "R"),
            ("AI risk owner", "A"),
            ("Data steward", "C"),
            ("AIMS lead", "I"),
        ):
            actions.set_raci(
                actor=owner,
                organization=organization,
                kind="system",
                ai_system=system,
                role=roles[name],
                letter=letter,
            )
    actions.set_raci(
        actor=owner,
        organization=organization,
        kind="process",
        process="AI risk assessment",
        role=roles["AI risk owner"],
        letter="A",
    )


def _seed_concern(organization: Organization, users: dict[str, User]) -> None:
    system = AISystem.objects.filter(organization=organization, reference="AIS-003").first()
    concern = actions.report_concern(
        actor=_holder(users, "contributor"),
        organization=organization,
        category="fairness",
        description=(
            "The CV screening tool ranks applicants with career breaks much lower; "
            "this may be indirect discrimination."
        ),
        ai_system=system,
    )
    actions.assign_investigator(actor=users["owner"], concern=concern, investigator=_holder(users, "auditor"))


def _seed_communication(organization: Organization, users: dict[str, User]) -> None:
    owner, today = users["owner"], timezone.localdate()
    policy = actions.add_plan_item(
        actor=owner,
        organization=organization,
        what="AI policy and its changes",
        audience="All staff",
        frequency="At each change, at least yearly",
        channel="email",
        communicator=owner,
        purpose="Everyone knows the AI policy and their part in it (5.2, 7.3).",
    )
    actions.add_plan_item(
        actor=owner,
        organization=organization,
        what="Credit-scoring model changes",
        audience="Loan officers",
        frequency="At each model release",
        channel="training",
        communicator=_holder(users, "manager"),
        purpose="Officers understand what changed and how to oversee the new scores.",
    )
    actions.log_communication(
        actor=owner,
        organization=organization,
        plan_item=policy,
        communicated_on=today - timedelta(days=60),
        audience="All staff",
        summary="Sent the AI policy v2 with a short explainer.",
    )
    actions.log_communication(
        actor=owner,
        organization=organization,
        plan_item=policy,
        communicated_on=today - timedelta(days=20),
        audience="All staff",
        summary="Town hall: AI literacy and how to report a concern.",
    )


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Roles, RACI, competences with gaps, a concern under investigation and a communication plan."""
    if not Competence.objects.filter(organization=organization).exists():
        _seed_roles(organization, users)
    if not RaciEntry.objects.filter(organization=organization).exists():
        _seed_raci(organization, users)
    if not Concern.objects.filter(organization=organization).exists():
        _seed_concern(organization, users)
    if not CommunicationPlanItem.objects.filter(organization=organization).exists():
        _seed_communication(organization, users)
