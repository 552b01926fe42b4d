"""The Statement of Applicability readiness rules (6.1.3) and the Annex A family: one result per included
control, saying whether it is owned, implemented and supported by current evidence."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aims.controls import actions, readiness
from aims.controls.actions import ReasonInput
from aims.controls.models import Control
from aims.evidence.models import Evidence, EvidenceLink
from aims.organizations.models import Organization
from aims.readiness.context import Context
from aims.readiness.engine import compute, settings_for
from aims.readiness.registry import FamilyResult, Outcome, Rule
from aims.readiness.testing import url

from .conftest import decide_all, exclude, include

TODAY = timezone.localdate()


def context(organization: Organization) -> Context:
    return Context(organization, TODAY, settings_for(organization))


def run(rule: Rule, organization: Organization) -> Outcome:
    return rule.check(context(organization))


def family(organization: Organization) -> dict[str, FamilyResult]:
    return {result.rule.refs[0]: result for result in readiness.annex_a(context(organization))}


def add_evidence(
    organization: Organization, number: int, *, valid_until: date | None = None, status: str = "active"
) -> Evidence:
    return Evidence.objects.create(
        organization=organization,
        number=number,
        title=f"Evidence {number}",
        kind="link",
        url="https://wiki.example/evidence",
        collected_on=TODAY - timedelta(days=10),
        valid_until=valid_until,
        status=status,
    )


def link_to_control(evidence: Evidence, control: Control) -> EvidenceLink:
    return EvidenceLink.objects.create(
        organization=evidence.organization,
        evidence=evidence,
        content_type=ContentType.objects.get_for_model(Control),
        object_id=control.pk,
    )


def in_place(personas, control: Control) -> Control:
    Control.objects.filter(pk=control.pk).update(owner=personas.manager, implementation_status="implemented")
    control.refresh_from_db()
    return control


def test_no_approved_soa_is_a_blocker_whatever_globex_approved(personas, controls):
    for control in Control.objects.filter(organization=personas.other_org):
        actions.set_applicability(
            actor=personas.outsider,
            control=control,
            decision="included",
            reasons=[ReasonInput(kind="best_practice", note="Ours")],
        )
    actions.approve_soa(actor=personas.outsider, organization=personas.other_org)
    outcome = run(readiness.soa_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "No version of the Statement of Applicability has been approved."
    assert outcome.fix is not None
    assert outcome.fix.url == url("controls:soa")
    assert readiness.soa_approved.severity == "stage1_blocker"


def test_an_approved_soa_passes(personas, controls):
    decide_all(personas, controls)
    actions.approve_soa(actor=personas.manager, organization=personas.org)
    outcome = run(readiness.soa_approved, personas.org)
    assert outcome.passed
    assert outcome.message == "Version 1 of the Statement of Applicability is approved."


def test_annex_a_controls_never_added_are_undecided(personas, catalog):
    outcome = run(readiness.controls_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "38 Annex A controls are not yet in the Statement of Applicability, so not decided."
    )
    assert outcome.count == 38
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (
        "Decide them in the Statement of Applicability",
        url("controls:soa"),
    )


def test_undecided_controls_are_named(personas, controls):
    include(personas, controls["A.2.2"])
    outcome = run(readiness.controls_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == "37 controls are neither included nor excluded."
    assert outcome.count == 37
    assert len(outcome.records) == 20
    first = controls["A.2.3"]
    assert outcome.records[0].label == f"A.2.3 {first.title}"
    assert outcome.records[0].url == url("controls:control_detail", pk=first.pk)


def test_every_control_decided_passes(personas, controls):
    decide_all(personas, controls)
    outcome = run(readiness.controls_decided, personas.org)
    assert outcome.passed
    assert outcome.message == "Every control in the Statement of Applicability is included or excluded."


def test_a_decision_changed_since_approval_is_an_observation(personas, controls):
    assert run(readiness.soa_current, personas.org).message == (
        "No Statement of Applicability is approved to compare the decisions with."
    )
    decide_all(personas, controls)
    actions.approve_soa(actor=personas.manager, organization=personas.org)
    outcome = run(readiness.soa_current, personas.org)
    assert outcome.passed
    assert outcome.message == "The decisions in force are those of the approved version 1."
    changed = exclude(personas, controls["A.6.2.5"], why="We no longer deploy")
    outcome = run(readiness.soa_current, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 control was added or decided differently since version 1 was approved."
    assert [(r.label, r.url) for r in outcome.records] == [
        (f"A.6.2.5 {changed.title}", url("controls:control_detail", pk=changed.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("controls:soa")


class TestAnnexAFamily:
    def test_only_included_annex_a_controls_get_a_result(self, personas, controls):
        include(personas, controls["A.2.2"])
        exclude(personas, controls["A.6.2.5"])
        Control.objects.create(
            organization=personas.org, reference="ORG-001", title="Own", decision="included"
        )
        found = family(personas.org)
        assert list(found) == ["A.2.2"]
        checked = found["A.2.2"].rule
        assert (checked.id, checked.refs, checked.title) == (
            "A.2.2-in-place",
            ("A.2.2",),
            controls["A.2.2"].title,
        )

    def test_a_control_with_nothing_in_place_is_a_nonconformity(self, personas, controls):
        control = include(personas, controls["A.6.2.4"])
        result = family(personas.org)["A.6.2.4"]
        assert result.rule.severity == "stage2_nonconformity"
        outcome = result.outcome
        assert not outcome.passed
        assert outcome.message == (
            "A.6.2.4: No owner is named; its implementation has not started; no current evidence is linked."
        )
        assert [(r.label, r.url) for r in outcome.records] == [
            (f"A.6.2.4 {control.title}", url("controls:control_detail", pk=control.pk))
        ]
        assert outcome.fix is not None
        assert (outcome.fix.label, outcome.fix.url) == (
            "Update A.6.2.4",
            url("controls:control_detail", pk=control.pk),
        )

    def test_an_owned_implemented_evidenced_control_passes(self, personas, controls):
        control = in_place(personas, include(personas, controls["A.6.2.4"]))
        link_to_control(add_evidence(personas.org, 1), control)
        result = family(personas.org)["A.6.2.4"]
        assert result.outcome.passed
        assert result.outcome.message == "Owned by Manager, implemented, and supported by current evidence."

    def test_evidence_linked_to_the_annex_a_requirement_counts(self, personas, controls):
        control = in_place(personas, include(personas, controls["A.6.2.4"]))
        evidence = add_evidence(personas.org, 1, valid_until=TODAY)
        EvidenceLink.objects.create(organization=personas.org, evidence=evidence, item=control.catalog_item)
        assert family(personas.org)["A.6.2.4"].outcome.passed

    def test_retired_expired_and_globex_evidence_do_not_count(self, personas, controls):
        control = in_place(personas, include(personas, controls["A.6.2.4"]))
        link_to_control(add_evidence(personas.org, 1, status="retired"), control)
        link_to_control(add_evidence(personas.org, 2, valid_until=TODAY - timedelta(days=1)), control)
        theirs = add_evidence(personas.other_org, 1)
        EvidenceLink.objects.create(
            organization=personas.other_org, evidence=theirs, item=control.catalog_item
        )
        outcome = family(personas.org)["A.6.2.4"].outcome
        assert not outcome.passed
        assert outcome.message == "A.6.2.4: No current evidence is linked."

    def test_a_partly_implemented_control_is_an_observation(self, personas, controls):
        control = in_place(personas, include(personas, controls["A.6.2.4"]))
        Control.objects.filter(pk=control.pk).update(implementation_status="partial")
        link_to_control(add_evidence(personas.org, 1), control)
        result = family(personas.org)["A.6.2.4"]
        assert result.rule.severity == "observation"
        assert result.outcome.message == "A.6.2.4: It is only partly implemented."

    def test_queries_do_not_grow_with_the_controls(self, personas, controls):
        refs = sorted(controls)
        include(personas, controls[refs[0]])
        family(personas.org)
        with CaptureQueriesContext(connection) as one:
            family(personas.org)
        for number, ref in enumerate(refs[1:5], start=1):
            link_to_control(add_evidence(personas.org, number), include(personas, controls[ref]))
        with CaptureQueriesContext(connection) as five:
            assert len(family(personas.org)) == 5
        assert len(five.captured_queries) == len(one.captured_queries)


def test_rule_queries_do_not_grow_with_the_controls(personas, controls):
    decide_all(personas, controls)
    actions.approve_soa(actor=personas.manager, organization=personas.org)
    counts = {}
    for rule in readiness.RULES:
        with CaptureQueriesContext(connection) as captured:
            run(rule, personas.org)
        counts[rule.id] = len(captured.captured_queries)
    for ref in list(controls)[:5]:
        exclude(personas, controls[ref])
    Control.objects.filter(organization=personas.org, reference__in=list(controls)[5:10]).update(
        decision="undecided"
    )
    for rule in readiness.RULES:
        with CaptureQueriesContext(connection) as captured:
            run(rule, personas.org)
        assert len(captured.captured_queries) == counts[rule.id], rule.id


def test_the_engine_judges_each_included_control(personas, controls):
    control = in_place(personas, include(personas, controls["A.6.2.4"]))
    link_to_control(add_evidence(personas.org, 1), control)
    include(personas, controls["A.2.2"])
    readiness_now = compute(personas.org)
    judged = {c.ref: c for c in readiness_now.controls}
    assert set(judged) == {"A.2.2", "A.6.2.4"}
    assert judged["A.6.2.4"].satisfied
    assert not judged["A.2.2"].satisfied
    assert judged["A.2.2"].worst == "stage2_nonconformity"
