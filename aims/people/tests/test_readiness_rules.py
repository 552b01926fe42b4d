"""The roles, competence and communication readiness rules (5.3, 7.2, 7.4): roles defined, described, held
and covering the key areas; competences defined, named by roles and held in date; AI literacy; the
communication plan carried out and logged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from aims.accounts.models import User
from aims.lib.dates import add_months
from aims.organizations.models import Membership, Organization
from aims.people import readiness
from aims.people.models import (
    AIMSRole,
    CommunicationLog,
    CommunicationPlanItem,
    Competence,
    RoleAssignment,
    TrainingRecord,
)
from aims.readiness.engine import compute
from aims.readiness.testing import fix, links, queries, run, url
from aims.web.testing import Personas
from conftest import make_user

TODAY = timezone.localdate()
LAST_YEAR = TODAY - timedelta(days=365)


def new_role(organization: Organization, name: str, area: str = "risk", **fields: Any) -> AIMSRole:
    values: dict[str, Any] = {"responsibilities": "Runs it.", "authorities": "Approves it."}
    values.update(fields)
    return AIMSRole.objects.create(organization=organization, name=name, area=area, **values)


def hold(role: AIMSRole, user: User, **fields: Any) -> RoleAssignment:
    values: dict[str, Any] = {"since": LAST_YEAR}
    values.update(fields)
    return RoleAssignment.objects.create(role=role, user=user, **values)


def competence(organization: Organization, name: str, **fields: Any) -> Competence:
    return Competence.objects.create(organization=organization, name=name, **fields)


def train(
    user: User, skill: Competence, organization: Organization | None = None, **fields: Any
) -> TrainingRecord:
    return TrainingRecord.objects.create(
        organization=organization or skill.organization,
        user=user,
        competence=skill,
        title=f"Course in {skill.name}",
        completed_on=LAST_YEAR,
        **fields,
    )


def plan(organization: Organization, what: str, communicator: User | None = None) -> CommunicationPlanItem:
    return CommunicationPlanItem.objects.create(
        organization=organization,
        what=what,
        audience="Staff",
        frequency="Quarterly",
        channel="email",
        communicator=communicator,
    )


def log(item: CommunicationPlanItem, on: Any) -> CommunicationLog:
    return CommunicationLog.objects.create(
        organization=item.organization, plan_item=item, communicated_on=on, audience="Staff", summary="Sent"
    )


def role_url(role: AIMSRole) -> str:
    return url("people:role_detail", pk=role.pk)


# 5.3: roles


def test_no_role_is_a_blocker_whatever_other_organisations_define(personas, foreign_role):
    outcome = run(readiness.roles_defined, personas.org)
    assert not outcome.passed
    assert outcome.message == "No role of the AIMS is defined."
    assert fix(outcome) == ("Define the AIMS roles", url("people:role_create"))
    assert readiness.roles_defined.severity == "stage1_blocker"
    assert readiness.roles_defined.refs == ("5.3",)


def test_defined_roles_pass(personas, role):
    outcome = run(readiness.roles_defined, personas.org)
    assert outcome.passed
    assert outcome.message == "1 role of the AIMS is defined."


def test_roles_without_responsibilities_or_authorities_are_named(personas, role, foreign_role):
    bare = new_role(personas.org, "Data steward", responsibilities="", authorities="")
    new_role(personas.org, "Complete")
    outcome = run(readiness.roles_described, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 roles lack responsibilities or authorities."
    assert links(outcome) == [
        ("AI risk owner: no authorities", role_url(role)),
        ("Data steward: no responsibilities and no authorities", role_url(bare)),
    ]
    assert fix(outcome) == ("Describe the roles", url("people:role_list"))
    assert readiness.roles_described.severity == "stage2_nonconformity"


def test_described_roles_pass(personas):
    new_role(personas.org, "Complete")
    outcome = run(readiness.roles_described, personas.org)
    assert outcome.passed
    assert outcome.message == "Every role of the AIMS states its responsibilities and authorities."


def test_roles_held_by_no_current_member_are_named(personas, foreign_role):
    held = new_role(personas.org, "A held")
    hold(held, personas.manager)
    ended = new_role(personas.org, "B ended")
    hold(ended, personas.manager, until=TODAY - timedelta(days=1))
    left = new_role(personas.org, "C left")
    hold(left, personas.outsider)
    visitor = make_user("visitor@certifier.test")
    Membership.objects.create(
        organization=personas.org,
        user=visitor,
        role="external_auditor",
        expires_at=timezone.now() + timedelta(days=7),
    )
    hold(left, visitor)
    later = new_role(personas.org, "D later")
    hold(later, personas.manager, since=TODAY + timedelta(days=1))
    outcome = run(readiness.roles_assigned, personas.org)
    assert not outcome.passed
    assert outcome.message == "3 roles are held by no member."
    assert links(outcome) == [
        ("B ended", role_url(ended)),
        ("C left", role_url(left)),
        ("D later", role_url(later)),
    ]
    assert fix(outcome) == ("Assign the roles", url("people:role_list"))


def test_roles_held_pass(personas):
    hold(new_role(personas.org, "Held"), personas.manager, until=TODAY)
    outcome = run(readiness.roles_assigned, personas.org)
    assert outcome.passed
    assert outcome.message == "Every role of the AIMS has a member holding it."


def test_key_areas_without_a_holder_are_said(personas):
    hold(
        new_role(personas.org, "Conformity lead", "conformity"),
        personas.manager,
        until=TODAY - timedelta(days=1),
    )
    hold(new_role(personas.other_org, "Reporter", "performance"), personas.outsider)
    outcome = run(readiness.key_areas, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "No member holds a role for the AIMS's conformity or for reporting the AIMS's performance."
    )
    assert outcome.records == ()
    assert fix(outcome) == ("Define and assign a role for it", url("people:role_create"))
    assert readiness.key_areas.severity == "stage2_nonconformity"


def test_one_key_area_missing_is_named(personas):
    hold(new_role(personas.org, "Conformity lead", "conformity"), personas.manager)
    outcome = run(readiness.key_areas, personas.org)
    assert outcome.message == "No member holds a role for reporting the AIMS's performance."


def test_key_areas_held_pass(personas):
    hold(new_role(personas.org, "Conformity lead", "conformity"), personas.manager)
    hold(new_role(personas.org, "Reporter", "performance"), personas.owner)
    outcome = run(readiness.key_areas, personas.org)
    assert outcome.passed
    assert (
        outcome.message
        == "Members hold the roles for the AIMS's conformity and for reporting its performance."
    )


# 7.2: competence


def test_no_competence_is_a_blocker(personas):
    competence(personas.other_org, "Globex skill")
    outcome = run(readiness.competences_defined, personas.org)
    assert not outcome.passed
    assert outcome.message == "No competence is defined for the AIMS roles."
    assert fix(outcome) == ("Define the competences", url("people:competence_create"))
    assert readiness.competences_defined.severity == "stage1_blocker"
    assert readiness.competences_defined.refs == ("7.2",)


def test_defined_competences_pass(personas):
    competence(personas.org, "AI risk assessment")
    competence(personas.org, "Model testing")
    outcome = run(readiness.competences_defined, personas.org)
    assert outcome.passed
    assert outcome.message == "2 competences are defined."


def test_roles_naming_no_competence_are_named(personas, foreign_role):
    bare = new_role(personas.org, "Bare")
    skilled = new_role(personas.org, "Skilled")
    skilled.competences.add(competence(personas.org, "Testing"))
    outcome = run(readiness.role_competences, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 role names no competence."
    assert links(outcome) == [("Bare", role_url(bare))]
    assert fix(outcome) == ("Name the competences of each role", url("people:role_list"))


def test_roles_naming_competences_pass(personas):
    skilled = new_role(personas.org, "Skilled")
    skilled.competences.add(competence(personas.org, "Testing"), competence(personas.org, "Risk"))
    outcome = run(readiness.role_competences, personas.org)
    assert outcome.passed
    assert outcome.message == "Every role names the competences its holders need."


def test_holders_lacking_a_competence_in_date_are_named(personas):
    risk, testing = competence(personas.org, "Risk"), competence(personas.org, "Testing")
    role = new_role(personas.org, "AI risk owner")
    role.competences.add(risk, testing)
    hold(role, personas.manager)
    hold(role, personas.contributor)
    hold(role, personas.viewer, until=TODAY - timedelta(days=1))
    train(personas.manager, risk)
    train(personas.manager, testing, expires_on=TODAY - timedelta(days=1))
    train(personas.manager, testing, personas.other_org)
    train(personas.contributor, risk, expires_on=TODAY)
    train(personas.contributor, testing)
    outcome = run(readiness.competence_held, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 competence a role needs is not shown by a training record in date."
    assert links(outcome) == [("Manager as AI risk owner: Testing", role_url(role))]
    assert fix(outcome) == ("Record the training", url("people:training_create"))
    assert readiness.competence_held.severity == "stage2_nonconformity"


def test_holders_trained_in_date_pass(personas):
    risk = competence(personas.org, "Risk")
    role = new_role(personas.org, "AI risk owner")
    role.competences.add(risk)
    hold(role, personas.manager)
    train(personas.manager, risk)
    outcome = run(readiness.competence_held, personas.org)
    assert outcome.passed
    assert (
        outcome.message == "Every role holder has a training record in date for each competence of the role."
    )


def test_no_ai_literacy_competence_is_an_observation(personas):
    competence(personas.org, "Risk")
    competence(personas.other_org, "AI literacy", is_ai_literacy=True)
    outcome = run(readiness.ai_literacy, personas.org)
    assert not outcome.passed
    assert outcome.message == "No competence is marked as AI literacy."
    assert fix(outcome) == ("Define an AI literacy competence", url("people:competence_create"))
    assert readiness.ai_literacy.severity == "observation"


def test_members_without_ai_literacy_training_are_named(personas, literacy):
    for person in (personas.owner, personas.manager, personas.contributor):
        train(person, literacy)
    visitor = make_user("visitor@certifier.test")
    Membership.objects.create(
        organization=personas.org,
        user=visitor,
        role="external_auditor",
        expires_at=timezone.now() + timedelta(days=7),
    )
    train(personas.auditor, literacy, expires_on=TODAY - timedelta(days=1))
    outcome = run(readiness.ai_literacy, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 members have no AI literacy training in date."
    assert links(outcome) == [("Auditor", url("people:literacy")), ("Viewer", url("people:literacy"))]
    assert fix(outcome) == ("Record AI literacy training", url("people:training_create"))


def test_every_member_trained_in_ai_literacy_passes(personas, literacy):
    for person in (personas.owner, personas.manager, personas.contributor, personas.auditor, personas.viewer):
        train(person, literacy)
    outcome = run(readiness.ai_literacy, personas.org)
    assert outcome.passed
    assert outcome.message == "Every member has AI literacy training in date."


# 7.4: communication


def test_no_communication_plan_is_a_nonconformity(personas):
    plan(personas.other_org, "Globex news", personas.outsider)
    outcome = run(readiness.communication_planned, personas.org)
    assert not outcome.passed
    assert outcome.message == "No communication about the AIMS is planned."
    assert fix(outcome) == ("Plan the communication", url("people:plan_create"))
    assert readiness.communication_planned.severity == "stage2_nonconformity"
    assert readiness.communication_planned.refs == ("7.4",)


def test_planned_communications_no_member_carries_out_are_named(personas):
    plan(personas.org, "AI policy changes", personas.manager)
    nobody = plan(personas.org, "Incident news")
    stranger = plan(personas.org, "Model cards", personas.outsider)
    outcome = run(readiness.communication_planned, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 planned communications name no member to carry them out."
    assert links(outcome) == [
        ("Incident news → Staff", url("people:plan_edit", pk=nobody.pk)),
        ("Model cards → Staff", url("people:plan_edit", pk=stranger.pk)),
    ]
    assert fix(outcome) == ("Name who communicates", url("people:plan_list"))


def test_a_plan_with_communicators_passes(personas):
    plan(personas.org, "AI policy changes", personas.manager)
    outcome = run(readiness.communication_planned, personas.org)
    assert outcome.passed
    assert (
        outcome.message == "Communication about the AIMS is planned, each item with a member to carry it out."
    )


def test_planned_communications_not_logged_lately_are_named(personas):
    done = plan(personas.org, "A done", personas.manager)
    log(done, add_months(TODAY, -2))
    stale = plan(personas.org, "B stale", personas.manager)
    log(stale, add_months(TODAY, -13))
    never = plan(personas.org, "C never", personas.manager)
    log(plan(personas.other_org, "Globex", personas.outsider), TODAY)
    outcome = run(readiness.communication_logged, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 planned communications have no entry in the log in the last 12 months."
    assert links(outcome) == [
        ("B stale → Staff", url("people:plan_edit", pk=stale.pk)),
        ("C never → Staff", url("people:plan_edit", pk=never.pk)),
    ]
    assert fix(outcome) == ("Log the communication made", url("people:log_create"))
    assert readiness.communication_logged.severity == "observation"


def test_planned_communications_logged_pass(personas):
    log(plan(personas.org, "AI policy changes", personas.manager), TODAY)
    outcome = run(readiness.communication_logged, personas.org)
    assert outcome.passed
    assert outcome.message == "Every planned communication is logged in the last 12 months."


# Fixed cost, and the engine


def _add_records(personas: Personas, start: int, count: int) -> None:
    """`count` more roles, competences and plan items, each at fault where it can be."""
    for n in range(start, start + count):
        skill = competence(personas.org, f"Skill {n}")
        role = new_role(personas.org, f"Role {n}", authorities="")
        role.competences.add(skill)
        hold(role, personas.manager)
        hold(new_role(personas.org, f"Vacant {n}"), personas.outsider)
        plan(personas.org, f"Item {n}")


def test_every_rule_reads_in_a_fixed_number_of_queries(personas, literacy):
    _add_records(personas, 1, 1)
    one = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    _add_records(personas, 2, 4)
    five = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    assert one == five
    assert max(five.values()) <= 3


def test_the_rules_are_registered_and_run_in_the_engine(personas, role):
    results = {result.id: result for result in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert results["5.3-roles-defined"].ok
    assert not results["5.3-roles-assigned"].ok
    assert all(results[rule.id].status != "error" for rule in readiness.RULES)
