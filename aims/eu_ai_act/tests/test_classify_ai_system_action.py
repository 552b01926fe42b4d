"""classify_ai_system: writes the classification, keeps the history, updates the system's class, audits."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.models import Classification
from aims.lib.errors import ActionError


def classify(personas, system, answers=examples.CREDIT_SCORING, role="provider", actor="contributor"):
    return classify_ai_system(
        actor=getattr(personas, actor), ai_system=system, answers=answers, operator_role=role
    )


def test_classifying_stores_answers_class_role_and_obligations(personas, system):
    classification = classify(personas, system)
    assert classification.is_current
    assert classification.risk_class == "high"
    assert classification.operator_role == classification.declared_role == "provider"
    assert classification.answers["annex_iii_uses"] == ["credit_scoring"]
    quality = next(row for row in classification.obligations if row["article"] == "Art. 17")
    assert set(quality) == {"article", "title", "why"}
    assert "you are its provider" in quality["why"]
    assert classification.classified_by == personas.contributor
    assert classification.organization == personas.org
    assert classification.rules_version == 1


def test_classifying_sets_the_systems_risk_class(personas, system):
    classify(personas, system)
    assert system.risk_class == "high"
    system.refresh_from_db()
    assert system.risk_class == "high"
    assert system.history.first().history_user == personas.contributor


def test_classifying_records_an_audit_event_with_the_class_before_and_after(personas, system):
    first = classify(personas, system)
    classify(personas, system, answers=examples.CHATBOT)
    events = list(AuditEvent.objects.filter(verb="ai_system.classified").order_by("seq"))
    assert len(events) == 2
    assert events[0].before == {"risk_class": "", "operator_role": ""}
    assert events[0].after == {"risk_class": "high", "operator_role": "provider"}
    assert events[0].data["classification"] == first.pk
    assert events[1].before == {"risk_class": "high", "operator_role": "provider"}
    assert events[1].after == {"risk_class": "limited", "operator_role": "provider"}
    assert "annex_iii_uses" in events[1].data["changed_answers"]
    assert events[1].actor == personas.contributor
    assert events[1].target_id == str(system.pk)
    assert events[1].organization == personas.org


def test_new_answers_make_a_new_classification_and_keep_the_old_as_history(personas, system):
    first = classify(personas, system)
    second = classify(personas, system, answers=examples.CHATBOT, actor="manager")
    first.refresh_from_db()
    assert not first.is_current
    assert second.is_current
    assert list(Classification.objects.filter(ai_system=system)) == [second, first]
    assert first.risk_class == "high"


def test_identical_answers_are_refused_as_nothing_changed(personas, system):
    classify(personas, system)
    with pytest.raises(ActionError) as caught:
        classify(personas, system, actor="manager")
    assert caught.value.code == "unchanged"
    assert "Nothing changed" in caught.value.message
    assert Classification.objects.count() == 1
    assert AuditEvent.objects.filter(verb="ai_system.classified").count() == 1


def test_the_same_answers_with_another_role_make_a_new_classification(personas, system):
    classify(personas, system)
    classification = classify(personas, system, role="deployer")
    assert classification.operator_role == "deployer"
    assert Classification.objects.count() == 2


@pytest.mark.parametrize("actor", ["viewer", "auditor", "outsider"])
def test_viewers_auditors_and_outsiders_cannot_classify(personas, system, actor):
    with pytest.raises(PermissionDenied):
        classify(personas, system, actor=actor)
    assert not Classification.objects.exists()
    system.refresh_from_db()
    assert system.risk_class == ""


@pytest.mark.parametrize("actor", ["owner", "manager", "contributor"])
def test_owners_managers_and_contributors_can_classify(personas, system, actor):
    assert classify(personas, system, actor=actor).is_current


def test_an_archived_system_cannot_be_classified(personas, system):
    AISystem.objects.filter(pk=system.pk).update(status=AISystem.Status.ARCHIVED)
    with pytest.raises(ActionError):
        classify(personas, system)
    assert not Classification.objects.exists()


def test_bad_answers_write_nothing(personas, system):
    classify(personas, system)
    with pytest.raises(ValidationError):
        classify(personas, system, answers={"annex_i_product": "maybe"})
    assert Classification.objects.count() == 1
    assert Classification.objects.get().is_current
    system.refresh_from_db()
    assert system.risk_class == "high"
    assert AuditEvent.objects.filter(verb="ai_system.classified").count() == 1
