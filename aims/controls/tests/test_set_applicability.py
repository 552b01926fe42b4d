import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.controls import actions
from aims.controls.actions import ReasonInput
from aims.controls.models import ApplicabilityReason, Control

from .conftest import exclude, include


def test_contributor_includes_a_control_citing_an_obligation(personas, controls, obligation):
    control = actions.set_applicability(
        actor=personas.contributor,
        control=controls["A.8.5"],
        decision="included",
        reasons=[
            ReasonInput(kind="legal_regulatory", obligations=(obligation,)),
            ReasonInput(kind="business_need", note="Banks ask for it"),
        ],
    )
    control.refresh_from_db()
    assert control.decision == "included"
    reasons = list(control.reasons.order_by("kind"))
    assert [r.kind for r in reasons] == ["business_need", "legal_regulatory"]
    assert list(reasons[1].obligations.all()) == [obligation]
    event = AuditEvent.objects.get(verb="control.applicability_set")
    assert (event.after or {})["reasons"][0]["obligations"] == [
        "OBL-001 Duties of deployers (EU AI Act Art. 26)"
    ]
    assert (event.before or {})["decision"] == "undecided"


def test_inclusion_needs_a_reason(personas, controls):
    with pytest.raises(ValidationError, match="at least one reason"):
        actions.set_applicability(actor=personas.contributor, control=controls["A.2.2"], decision="included")
    assert Control.objects.get(pk=controls["A.2.2"].pk).decision == "undecided"


def test_legal_reason_must_cite_an_obligation(personas, controls):
    with pytest.raises(ValidationError, match="cite the obligations"):
        actions.set_applicability(
            actor=personas.contributor,
            control=controls["A.2.2"],
            decision="included",
            reasons=[ReasonInput(kind="legal_regulatory", note="the law")],
        )


def test_an_obligation_of_another_organisation_cannot_be_cited(personas, controls, obligation):
    obligation.organization = personas.other_org
    obligation.save()
    with pytest.raises(ValidationError, match="this organisation only"):
        actions.set_applicability(
            actor=personas.contributor,
            control=controls["A.2.2"],
            decision="included",
            reasons=[ReasonInput(kind="contractual", obligations=(obligation,))],
        )
    assert not ApplicabilityReason.objects.exists()


def test_exclusion_needs_a_justification(personas, controls):
    with pytest.raises(ValidationError) as caught:
        exclude(personas, controls["A.2.2"], why="  ")
    assert "exclusion_justification" in caught.value.message_dict


def test_excluding_sets_the_status_not_applicable_and_clears_reasons(personas, controls):
    include(personas, controls["A.2.2"])
    control = exclude(personas, controls["A.2.2"])
    control.refresh_from_db()
    assert control.implementation_status == "not_applicable"
    assert control.exclusion_justification == "We do not develop AI systems"
    assert not control.reasons.exists()
    control = include(personas, control)
    control.refresh_from_db()
    assert control.implementation_status == "not_started"
    assert control.exclusion_justification == ""


def test_viewer_and_auditor_cannot_set_applicability(personas, controls):
    for role in ("viewer", "auditor"):
        with pytest.raises(PermissionDenied):
            actions.set_applicability(
                actor=getattr(personas, role), control=controls["A.2.2"], decision="undecided"
            )
    assert not AuditEvent.objects.filter(verb="control.applicability_set").exists()


def test_each_kind_of_reason_is_given_once(personas, controls):
    with pytest.raises(ValidationError, match="once"):
        actions.set_applicability(
            actor=personas.contributor,
            control=controls["A.2.2"],
            decision="included",
            reasons=[
                ReasonInput(kind="best_practice", note="a"),
                ReasonInput(kind="best_practice", note="b"),
            ],
        )


def test_an_unknown_decision_is_refused(personas, controls):
    with pytest.raises(ValidationError, match="Choose one of"):
        actions.set_applicability(actor=personas.contributor, control=controls["A.2.2"], decision="maybe")


def test_a_contractual_reason_cannot_cite_a_law(personas, controls, obligation):
    with pytest.raises(ValidationError, match="OBL-001 is not a contractual obligation"):
        actions.set_applicability(
            actor=personas.contributor,
            control=controls["A.10.4"],
            decision="included",
            reasons=[ReasonInput(kind="contractual", obligations=(obligation,))],
        )
