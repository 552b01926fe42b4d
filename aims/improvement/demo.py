"""Nonconformities and improvement opportunities of the demo organisation, made through the actions so the
audit trail is real: a major nonconformity raised from the demo's serious incident and taken through the whole
cycle (correction, five whys, two corrective actions, an independent effective verification, closed); an open
minor one from monitoring with an action due next month; and two improvement opportunities, one done.

`seed_demo` is idempotent: a record whose title exists already is not made again. Run it after the incidents'
demo. `close_after_verification` takes any nonconformity through the cycle (used for the internal-audit
finding of the demo).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.improvement import actions
from aims.improvement.models import CorrectiveAction, ImprovementOpportunity, Nonconformity
from aims.improvement.queries import requirement_by_ref
from aims.incidents.demo import SERIOUS_TITLE
from aims.incidents.models import Incident
from aims.organizations.models import Organization

INCIDENT_NC_TITLE = "Feature change to the credit model released without a fairness check"
MONITORING_NC_TITLE = "Monthly drift report of the support chatbot skipped"
DONE_IDEA_TITLE = "Run the fairness test suite on every model release"
PROPOSED_IDEA_TITLE = "Share incident lessons with the product teams each quarter"
S = Nonconformity.Status


def _user(users: dict[str, User], *roles: str) -> User:
    for role in roles:
        if role in users:
            return users[role]
    return next(iter(users.values()))


def close_after_verification(
    nc: Nonconformity,
    *,
    owner: User,
    verifier: User,
    correction: str = "The immediate effect was contained and the records concerned were corrected.",
    root_cause: str = "The process did not say who checks this, or when.",
    corrective_action: str = "Procedure updated to name who checks it and when; the team was briefed.",
    done_on: date | None = None,
) -> Nonconformity:
    """Take the nonconformity through whatever steps it still lacks: correction, root cause, one corrective
    action done, verification requested, verified effective by `verifier` (an owner or manager who is not
    `owner`), closed. Every step is an action, so it is audited and refused where the rules say no."""
    day = done_on or timezone.localdate()
    if nc.is_closed:
        return nc
    if not nc.correction:
        actions.record_correction(
            actor=owner, nonconformity=nc, correction=correction, corrected_on=day, corrected_by=owner
        )
    if not nc.has_root_cause:
        actions.record_root_cause(
            actor=owner, nonconformity=nc, cause_method=Nonconformity.CauseMethod.OTHER, root_cause=root_cause
        )
    if nc.status in (S.OPEN, S.ACTION) and not nc.actions.exists():
        actions.add_corrective_action(
            actor=owner, nonconformity=nc, description=corrective_action, owner=owner, due_on=day
        )
    for action in nc.actions.filter(status=CorrectiveAction.Status.OPEN):
        action.nonconformity = nc
        actions.complete_corrective_action(actor=owner, action=action, done_on=day)
    if nc.status == S.ACTION:
        actions.request_verification(actor=owner, nonconformity=nc)
    if not nc.checks.filter(round=nc.verification_round).exists():
        actions.verify_effectiveness(
            actor=verifier,
            nonconformity=nc,
            outcome="effective",
            notes="Records since the corrective action were sampled; the nonconformity did not recur.",
            checked_on=day,
        )
    return actions.close_nonconformity(actor=verifier, nonconformity=nc, closed_on=day)


def _from_incident(organization: Organization, users: dict[str, User]) -> None:
    incident = Incident.objects.filter(organization=organization, title=SERIOUS_TITLE).first()
    if incident is None:
        return
    manager, contributor = _user(users, "manager", "owner"), _user(users, "contributor", "manager")
    verifier = _user(users, "owner", "manager")
    today = timezone.localdate()
    raised = today - timedelta(days=38)
    nc = actions.raise_nonconformity(
        actor=manager,
        organization=organization,
        title=INCIDENT_NC_TITLE,
        description="The income-stability feature reached production without the fairness test that the "
        "model's change procedure asks for; it scored applicants over 60 below the threshold for nine days "
        f"({incident.reference}).",
        source=Nonconformity.Source.INCIDENT,
        source_reference=incident.reference,
        grade=Nonconformity.Grade.MAJOR,
        requirement=requirement_by_ref("A.6.2.4"),
        incident=incident,
        owner=manager,
        due_on=raised + timedelta(days=30),
        raised_on=raised,
    )
    actions.record_correction(
        actor=manager,
        nonconformity=nc,
        correction="Feature rolled back; the nine days of refusals re-scored and reviewed by a loan officer.",
        corrected_on=raised,
        corrected_by=manager,
    )
    actions.record_root_cause(
        actor=manager,
        nonconformity=nc,
        cause_method=Nonconformity.CauseMethod.FIVE_WHYS,
        cause_steps=[
            {"why": "Why were older applicants refused?", "because": "The new feature fell with age."},
            {
                "why": "Why was that not seen before release?",
                "because": "No fairness test ran on the change.",
            },
            {"why": "Why did no test run?", "because": "The release pipeline ran only accuracy tests."},
            {
                "why": "Why only accuracy tests?",
                "because": "The change procedure treats new features as minor changes.",
            },
        ],
        root_cause="The change procedure let feature changes skip the fairness test suite.",
        similar_elsewhere="The fraud model uses the same pipeline and procedure; checked, same gap.",
        aims_changes="Change procedure: every feature change is a significant change needing fairness tests "
        "and an impact-assessment review; the release-control risk re-assessed.",
    )
    for description, due in (
        ("Add the fairness test suite as a blocking step of the release pipeline.", 14),
        ("Revise the change procedure and brief the data science team.", 21),
    ):
        action = actions.add_corrective_action(
            actor=manager,
            nonconformity=nc,
            description=description,
            owner=contributor,
            due_on=raised + timedelta(days=due),
        )
        actions.complete_corrective_action(
            actor=contributor, action=action, done_on=raised + timedelta(days=due - 2)
        )
    actions.request_verification(actor=manager, nonconformity=nc)
    actions.verify_effectiveness(
        actor=verifier,
        nonconformity=nc,
        outcome="effective",
        notes="Two releases since went through the blocking fairness step; approval rates by age band "
        "stayed level.",
        checked_on=today - timedelta(days=3),
    )
    actions.close_nonconformity(actor=verifier, nonconformity=nc, closed_on=today - timedelta(days=3))


def _from_monitoring(organization: Organization, users: dict[str, User]) -> None:
    contributor = _user(users, "contributor", "manager")
    today = timezone.localdate()
    nc = actions.raise_nonconformity(
        actor=contributor,
        organization=organization,
        title=MONITORING_NC_TITLE,
        description="The monthly drift report of the support chatbot was not produced last month.",
        source=Nonconformity.Source.MONITORING,
        source_reference="Monitoring plan, chatbot drift",
        grade=Nonconformity.Grade.MINOR,
        requirement=requirement_by_ref("9.1"),
        owner=contributor,
        due_on=today + timedelta(days=35),
        raised_on=today - timedelta(days=6),
    )
    actions.add_corrective_action(
        actor=contributor,
        nonconformity=nc,
        description="Schedule the drift report as a job, with a named deputy when its owner is away.",
        owner=contributor,
        due_on=today + timedelta(days=30),
    )


def _opportunities(organization: Organization, users: dict[str, User], titles: set[str]) -> None:
    manager, contributor = _user(users, "manager", "owner"), _user(users, "contributor", "manager")
    if DONE_IDEA_TITLE not in titles:
        idea = actions.record_opportunity(
            actor=contributor,
            organization=organization,
            title=DONE_IDEA_TITLE,
            description="Make the fairness tests part of every model release, not only major ones.",
            source=ImprovementOpportunity.Source.INCIDENT,
            source_reference=INCIDENT_NC_TITLE[:60],
            owner=contributor,
            expected_benefit="Fairness problems found before release rather than by monitoring.",
        )
        actions.decide_opportunity(
            actor=manager, opportunity=idea, decision="accepted", reason="Cheap, and it closes a known gap."
        )
        actions.start_opportunity(actor=contributor, opportunity=idea)
        actions.complete_opportunity(
            actor=contributor,
            opportunity=idea,
            outcome="All three model pipelines run the suite; one release was stopped by it since.",
        )
    if PROPOSED_IDEA_TITLE not in titles:
        actions.record_opportunity(
            actor=contributor,
            organization=organization,
            title=PROPOSED_IDEA_TITLE,
            description="A short quarterly session on what incidents and nonconformities taught us.",
            source=ImprovementOpportunity.Source.SUGGESTION,
            expected_benefit="The same mistakes not repeated by other teams.",
        )


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """The demo's nonconformities and improvement opportunities, each only if not made yet."""
    titles = set(Nonconformity.objects.filter(organization=organization).values_list("title", flat=True))
    if INCIDENT_NC_TITLE not in titles:
        _from_incident(organization, users)
    if MONITORING_NC_TITLE not in titles:
        _from_monitoring(organization, users)
    ideas = set(
        ImprovementOpportunity.objects.filter(organization=organization).values_list("title", flat=True)
    )
    _opportunities(organization, users, ideas)
