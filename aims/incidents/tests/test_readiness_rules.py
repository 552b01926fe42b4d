"""The readiness rules read from the incident register: serious incidents reported to the authority in
time (8.1), and grave incidents followed up as nonconformities (10.2)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from aims.improvement.actions import raise_nonconformity
from aims.incidents import actions, readiness
from aims.incidents.models import Incident
from aims.readiness.engine import compute
from aims.readiness.registry import Outcome, Severity
from aims.readiness.testing import queries, run

from .conftest import facts

TODAY = timezone.localdate()
TITLE = "Chatbot quoted wrong refund amounts"


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"org": "acme", **kwargs})


def links(outcome: Outcome) -> list[tuple[str, str]]:
    return [(link.label, link.url) for link in outcome.records]


def aware_days_ago(incident: Incident, days: int) -> Incident:
    Incident.objects.filter(pk=incident.pk).update(became_aware_at=timezone.now() - timedelta(days=days))
    incident.refresh_from_db()
    return incident


# 8.1: serious incidents reported in time


def test_a_serious_incident_past_its_deadline_is_named(personas, serious, foreign):
    late = aware_days_ago(serious, 20)
    actions.assess_seriousness(
        actor=personas.outsider, incident=foreign, is_serious=True, serious_kind="death"
    )
    aware_days_ago(foreign, 20)
    outcome = run(readiness.serious_incidents_reported, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 serious incident is not reported to the authority though the deadline has passed."
    )
    deadline = timezone.localtime(late.became_aware_at + timedelta(days=15))
    assert links(outcome) == [
        (f"INC-0001 {TITLE}: due by {deadline:%Y-%m-%d %H:%M}", url("incidents:incident_detail", pk=late.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Report them to the authority"
    assert outcome.fix.url == url("incidents:incident_list")
    assert readiness.serious_incidents_reported.severity == Severity.STAGE2_NONCONFORMITY


def test_the_deadline_follows_the_kind_of_serious_incident(personas, incident):
    actions.assess_seriousness(
        actor=personas.manager,
        incident=incident,
        is_serious=True,
        serious_kind="widespread_or_critical_infrastructure",
    )
    aware_days_ago(incident, 3)
    assert not run(readiness.serious_incidents_reported, personas.org).passed


def test_a_serious_incident_of_no_kind_is_late_after_the_shortest_deadline(personas, incident):
    Incident.objects.filter(pk=incident.pk).update(is_serious=True, serious_kind="")
    aware_days_ago(incident, 3)
    outcome = run(readiness.serious_incidents_reported, personas.org)
    assert [link.label for link in outcome.records] == [
        f"INC-0001 {TITLE}: kind of serious incident not assessed"
    ]


def test_serious_incidents_reported_or_within_their_deadline_pass(personas, serious, system):
    reported = actions.record_incident(
        actor=personas.contributor, organization=personas.org, ai_systems=[system], **facts(title="Reported")
    )
    actions.assess_seriousness(
        actor=personas.manager, incident=reported, is_serious=True, serious_kind="general"
    )
    aware_days_ago(reported, 30)
    actions.record_authority_report(
        actor=personas.manager, incident=reported, reported_at=timezone.now(), authority="Market surveillance"
    )
    outcome = run(readiness.serious_incidents_reported, personas.org)
    assert outcome.passed
    assert outcome.message == "No serious incident is past its deadline for reporting to the authority."


# 10.2: grave incidents followed up


def test_a_high_severity_incident_without_a_nonconformity_is_named(personas, incident, foreign):
    outcome = run(readiness.incidents_followed_up, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 serious or high-severity incident has no nonconformity raised to correct its cause."
    )
    assert links(outcome) == [(f"INC-0001 {TITLE}: high", url("incidents:incident_detail", pk=incident.pk))]
    assert outcome.fix is not None
    assert outcome.fix.label == "Raise a nonconformity from each incident's page"
    assert outcome.fix.url == url("incidents:incident_list")
    assert readiness.incidents_followed_up.refs == ("10.2",)


def test_a_serious_incident_of_low_severity_must_be_followed_up_too(personas, serious):
    Incident.objects.filter(pk=serious.pk).update(severity="low")
    assert not run(readiness.incidents_followed_up, personas.org).passed


def test_incidents_followed_up_or_minor_pass(personas, incident, system):
    raise_nonconformity(
        actor=personas.contributor,
        organization=personas.org,
        title=incident.title,
        description=incident.what_happened,
        source="incident",
        grade="minor",
        incident=incident,
    )
    actions.record_incident(
        actor=personas.contributor,
        organization=personas.org,
        ai_systems=[system],
        **facts(title="Typo in an answer", severity="low"),
    )
    outcome = run(readiness.incidents_followed_up, personas.org)
    assert outcome.passed
    assert outcome.message == "Every serious or high-severity incident has a nonconformity raised from it."


# Fixed queries, and the engine


def _at_fault(personas, system, number: int) -> None:
    made = actions.record_incident(
        actor=personas.contributor,
        organization=personas.org,
        ai_systems=[system],
        **facts(title=f"I {number}"),
    )
    actions.assess_seriousness(actor=personas.manager, incident=made, is_serious=True, serious_kind="general")
    aware_days_ago(made, 20)


def test_queries_do_not_grow_with_the_incidents(personas, system):
    _at_fault(personas, system, 1)
    counts = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    for number in range(2, 6):
        _at_fault(personas, system, number)
    assert {rule.id: queries(rule, personas.org) for rule in readiness.RULES} == counts
    assert [run(rule, personas.org).count for rule in readiness.RULES] == [5, 5]


def test_the_engine_runs_the_incident_rules(personas):
    results = {r.id: r for r in compute(personas.org).results}
    assert results["8.1-serious-incidents-reported"].refs == ("8.1",)
    assert results["8.1-serious-incidents-reported"].ok
    assert results["10.2-incidents-followed-up"].ok
