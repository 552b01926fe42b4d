"""The demo organisation: built through the same actions people use, so its audit trail is real."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from aims.accounts.models import User
from aims.acknowledgements import demo as acknowledgements
from aims.ai_systems import demo as ai_systems
from aims.changes import demo as changes
from aims.components import demo as components
from aims.context import demo as context
from aims.controls import demo as controls
from aims.documents import demo as documents
from aims.eu_ai_act import demo as eu_ai_act
from aims.evidence import demo as evidence
from aims.impact_assessments import demo as impact_assessments
from aims.improvement import demo as improvement
from aims.improvement.demo import close_after_verification
from aims.incidents import demo as incidents
from aims.internal_audits import demo as internal_audits
from aims.monitoring import demo as monitoring
from aims.objectives import demo as objectives
from aims.organizations import actions
from aims.organizations.models import INTERNAL_ROLES, Membership, Organization, Role
from aims.people import demo as people
from aims.policies import demo as policies
from aims.reviews import demo as reviews
from aims.risks import demo as risks
from aims.third_parties import demo as third_parties

DEMO_SLUG = "demo"
DEMO_NAME = "Demo AI Ltd"
DEMO_PASSWORD = "aims-demo-password"
DEMO_DOMAIN = "demo.aims.test"


@dataclass
class DemoResult:
    organization: Organization
    created: bool
    logins: list[tuple[str, str]]


def demo_email(role: str) -> str:
    return f"{role}@{DEMO_DOMAIN}"


def _user(role: str) -> User:
    user = User.objects.filter(email=demo_email(role)).first()
    if user is None:
        user = User.objects.create_user(
            email=demo_email(role), password=DEMO_PASSWORD, full_name=f"Demo {Role(role).label}"
        )
    return user


@transaction.atomic
def create_demo() -> DemoResult:
    """Create the demo organisation with one user per role; running it again changes nothing."""
    owner = _user(Role.OWNER)
    organization = Organization.objects.filter(slug=DEMO_SLUG).first()
    created = organization is None
    if organization is None:
        organization = actions.create_organization(
            actor=owner,
            name=DEMO_NAME,
            slug=DEMO_SLUG,
            ai_roles=[Organization.AIRole.PROVIDER, Organization.AIRole.CUSTOMER],
        )
    for role in (Role.MANAGER, Role.CONTRIBUTOR, Role.AUDITOR, Role.VIEWER):
        user = _user(role)
        if not Membership.objects.filter(organization=organization, user=user).exists():
            invitation, _ = actions.invite_member(
                actor=owner, organization=organization, email=user.email, role=role, send_email=False
            )
            actions.accept_invitation(actor=user, invitation=invitation)
    _seed_registers(organization, {role: _user(role) for role in INTERNAL_ROLES})
    logins = [(demo_email(role), Role(role).label) for role in INTERNAL_ROLES]
    return DemoResult(organization=organization, created=created, logins=logins)


def _seed_registers(organization: Organization, users: dict[str, User]) -> None:
    """Each register's realistic demo records, in dependency order (systems first)."""
    for register in (
        ai_systems, components, third_parties, eu_ai_act, context, people,
        documents, policies, acknowledgements, risks, impact_assessments, changes, incidents, improvement,
        controls, evidence,
    ):  # fmt: skip
        register.seed_demo(organization, users)
    # The internal audit's finding becomes a nonconformity, which the contributor corrects and the owner
    # verifies as effective before it is closed: the cycle of 9.2 and 10.2 the management review then sees.
    finding = internal_audits.seed_demo(organization, users)
    if finding is not None and not finding.is_closed:
        close_after_verification(finding, owner=users[Role.CONTRIBUTOR], verifier=users[Role.OWNER])
    for register in (monitoring, objectives, reviews):  # the review last: its inputs read every register
        register.seed_demo(organization, users)
