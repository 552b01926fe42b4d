"""The four representative outcomes: a prohibited practice, an Annex III high-risk use, a chatbot with
transparency duties, and a minimal-risk system."""

from aims.eu_ai_act import examples
from aims.eu_ai_act.rules import classify


def articles(outcome):
    return [obligation.article for obligation in outcome.obligations]


def test_a_prohibited_practice_makes_the_system_prohibited():
    outcome = classify(examples.SOCIAL_SCORING, "deployer")
    assert outcome.risk_class == "prohibited"
    assert "Art. 5(1)(c)" in articles(outcome)
    assert "social" in outcome.reasons[0]
    assert "Art. 26" not in articles(outcome)


def test_a_prohibited_practice_wins_over_every_other_answer():
    answers = examples.annex_iii(
        "employment", prohibited_practices=["emotion_at_work_or_school"], transparency_cases=["deep_fake"]
    )
    outcome = classify(answers, "deployer")
    assert outcome.risk_class == "prohibited"
    assert "Art. 50(4)" not in articles(outcome)


def test_an_annex_iii_use_makes_the_system_high_risk_with_provider_duties():
    outcome = classify(examples.CREDIT_SCORING, "provider")
    assert outcome.risk_class == "high"
    assert outcome.operator_role == "provider"
    found = articles(outcome)
    for article in ("Art. 9", "Art. 16", "Art. 17", "Art. 43(1)-(2)", "Art. 47", "Art. 49(1)", "Art. 72"):
        assert article in found
    assert "Art. 26" not in found
    assert "Annex III 5(b)" in outcome.reasons[0]


def test_a_chatbot_has_transparency_duties():
    outcome = classify(examples.CHATBOT, "provider")
    assert outcome.risk_class == "limited"
    assert articles(outcome) == ["Art. 4", "Art. 50(1)", "Art. 50(2)"]
    assert "Art. 50(1)" in outcome.reasons[0]


def test_a_system_no_case_applies_to_is_minimal_risk():
    outcome = classify(examples.MINIMAL, "deployer")
    assert outcome.risk_class == "minimal"
    assert articles(outcome) == ["Art. 4"]
    assert "minimal risk" in outcome.reasons[-1]


def test_every_obligation_says_why_it_applies():
    for role, answers in examples.BY_CLASS.values():
        for obligation in classify(answers, role).obligations:
            assert obligation.article.startswith("Art. ")
            assert obligation.title
            assert obligation.why
