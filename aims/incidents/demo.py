"""Incidents of the demo organisation "Demo AI Ltd", made through the actions so the audit trail is real: a
serious incident of the credit-scoring model (AIS-001), reported to the authority in time and closed, and a
minor incident of the support chatbot (AIS-002) still open, which a customer's report through the public
adverse-impact link (A.8.3) joined.

`seed_demo` is idempotent: an incident whose title exists already is not recorded again. Run it after the AI
systems' demo.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.incidents import actions, external
from aims.incidents.models import ExternalReport, Incident
from aims.organizations.models import Organization

SERIOUS_TITLE = "Credit model refused applicants over 60 after a feature change"
MINOR_TITLE = "Chatbot gave out-of-date overdraft fees"


def _user(users: dict[str, User], *roles: str) -> User:
    for role in roles:
        if role in users:
            return users[role]
    return next(iter(users.values()))


def _serious(organization: Organization, system: AISystem, users: dict[str, User]) -> None:
    manager = _user(users, "manager", "owner")
    aware = timezone.now() - timedelta(days=40)
    incident = actions.record_incident(
        actor=_user(users, "contributor", "manager"),
        organization=organization,
        ai_systems=[system],
        title=SERIOUS_TITLE,
        what_happened="A new income-stability feature, released on a Monday, used the applicant's years to "
        "retirement. For nine days the model scored nearly every applicant over 60 below the approval "
        "threshold; loan officers followed the scores.",
        harm="312 applicants over 60 were refused or offered a higher rate; an infringement of their right "
        "not to be discriminated against on the ground of age.",
        severity="critical",
        detected_on=timezone.localdate(aware),
        detected_how="Weekly fairness monitoring flagged the approval rate by age band.",
        became_aware_at=aware,
        containment="Feature rolled back the same day; all refusals of the nine days re-scored and "
        "reviewed by a loan officer; affected applicants offered the corrected decision.",
        owner=manager,
    )
    actions.assess_seriousness(actor=manager, incident=incident, is_serious=True, serious_kind="general")
    actions.log_communication(
        actor=manager,
        incident=incident,
        sent_at=aware + timedelta(days=2),
        audience="affected_people",
        recipient="The 312 applicants concerned",
        message="We told each applicant their application was scored wrongly, that it has been reviewed "
        "again by a person, and what the corrected decision is.",
        channel="letter and email",
    )
    actions.record_authority_report(
        actor=manager,
        incident=incident,
        reported_at=aware + timedelta(days=6),
        authority="National market surveillance authority",
    )
    actions.log_communication(
        actor=manager,
        incident=incident,
        sent_at=aware + timedelta(days=6),
        audience="authority",
        recipient="National market surveillance authority",
        message="Initial report: what happened, the people affected, the cause and the corrective actions.",
        channel="authority portal",
    )
    for status in ("contained", "resolved"):
        actions.change_status(actor=manager, incident=incident, status=status)


def _minor(organization: Organization, system: AISystem, users: dict[str, User]) -> None:
    author = _user(users, "contributor", "manager")
    aware = timezone.now() - timedelta(days=2, hours=3)
    incident = actions.record_incident(
        actor=author,
        organization=organization,
        ai_systems=[system],
        title=MINOR_TITLE,
        what_happened="The chatbot quoted last year's overdraft fees to customers who asked about them.",
        harm="Customers may have expected lower fees; none was charged more than the published fee.",
        severity="low",
        detected_on=timezone.localdate(aware),
        detected_how="A customer complaint to the branch.",
        became_aware_at=aware,
        owner=author,
    )
    actions.log_communication(
        actor=author,
        incident=incident,
        sent_at=aware + timedelta(hours=4),
        audience="supplier",
        recipient="Chatbot platform support",
        message="Asked why the refreshed fee schedule was not picked up by the assistant's documents.",
        channel="support ticket",
    )


def _external(organization: Organization, users: dict[str, User]) -> None:
    """A customer's report through the public link, triaged into the chatbot incident."""
    minor = Incident.objects.filter(organization=organization, title=MINOR_TITLE).first()
    if minor is None or ExternalReport.objects.filter(organization=organization).exists():
        return
    link, _ = external.enable_report_link(actor=_user(users, "manager", "owner"), organization=organization)
    report = external.receive_external_report(
        link=link,
        what_happened="Your website assistant told me the overdraft fee is 5 a month; my statement says 8.",
        product="Website chat assistant",
        contact="",
    )
    external.open_incident_from_report(
        actor=_user(users, "contributor", "manager"), report=report, incident=minor
    )


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """The serious incident of AIS-001 and the minor one of AIS-002, each only if not recorded yet."""
    systems = {s.reference: s for s in AISystem.objects.filter(organization=organization)}
    titles = set(Incident.objects.filter(organization=organization).values_list("title", flat=True))
    if "AIS-001" in systems and SERIOUS_TITLE not in titles:
        _serious(organization, systems["AIS-001"], users)
    if "AIS-002" in systems and MINOR_TITLE not in titles:
        _minor(organization, systems["AIS-002"], users)
    _external(organization, users)
