"""Bad answers are refused with a message per question; answers to questions not asked are dropped."""

import pytest
from django.core.exceptions import ValidationError

from aims.eu_ai_act import examples
from aims.eu_ai_act.rules import classify


def errors(answers, role="provider"):
    with pytest.raises(ValidationError) as caught:
        classify(answers, role)
    return caught.value.message_dict


def test_unknown_question_ids_are_refused():
    found = errors({**examples.MINIMAL, "is_skynet": True})
    assert found["answers"] == ["Unknown question id(s): is_skynet."]


def test_missing_answers_are_named():
    answers = dict(examples.MINIMAL)
    del answers["prohibited_practices"]
    assert errors(answers) == {"prohibited_practices": ["Answer this question."]}


def test_follow_up_questions_are_required_once_asked():
    answers = examples.answers(annex_iii_uses=["employment"])
    found = errors(answers)
    assert set(found) == {"art6_3_conditions", "profiles_people", "public_service"}


def test_answers_of_the_wrong_shape_are_refused():
    found = errors(examples.answers(annex_i_product="yes", transparency_cases="deep_fake"))
    assert found["annex_i_product"] == ["Answer yes or no (true or false)."]
    assert "list of option ids" in found["transparency_cases"][0]


def test_unknown_options_are_refused():
    found = errors(examples.answers(prohibited_practices=["mind_reading"]))
    assert found["prohibited_practices"] == ["Unknown option(s): mind_reading."]


def test_an_unknown_role_is_refused_with_the_answers_problems():
    found = errors({"annex_i_product": True}, role="emperor")
    assert "operator_role" in found
    assert "prohibited_practices" in found


def test_answers_must_be_an_object():
    assert "answers" in errors(["yes"])


def test_answers_to_questions_not_asked_are_dropped():
    answers = examples.answers(annex_i_third_party_assessment=True, gpai_systemic_risk=True)
    outcome = classify(answers, "provider")
    assert "annex_i_third_party_assessment" not in outcome.answers
    assert "gpai_systemic_risk" not in outcome.answers
    assert outcome.risk_class == "minimal"
