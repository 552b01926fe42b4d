"""The finer rules: Article 6(3) exceptions and profiling, Annex I, transparency on top of high-risk, the
operator role and Article 25, general-purpose models, the fundamental-rights impact assessment."""

from aims.eu_ai_act import examples
from aims.eu_ai_act.rules import classify


def articles(outcome):
    return [obligation.article for obligation in outcome.obligations]


def test_an_article_6_3_exception_with_profiling_stays_high_risk():
    answers = examples.annex_iii("employment", exceptions=("preparatory_task",), profiles=True)
    outcome = classify(answers, "deployer")
    assert outcome.risk_class == "high"
    assert "profiles people" in outcome.reasons[0]


def test_an_article_6_3_exception_without_profiling_is_not_high_risk_but_must_be_documented():
    answers = examples.annex_iii("education", exceptions=("narrow_procedural_task",), profiles=False)
    outcome = classify(answers, "provider")
    assert outcome.risk_class == "minimal"
    assert "Art. 6(4)" in articles(outcome)
    assert "Art. 49(2)" in articles(outcome)
    assert "Document this (Art. 6(4))" in outcome.reasons[0]


def test_the_exception_documentation_falls_on_the_provider_only():
    answers = examples.annex_iii("education", exceptions=("narrow_procedural_task",), profiles=False)
    assert "Art. 6(4)" not in articles(classify(answers, "deployer"))


def test_transparency_duties_are_listed_on_a_high_risk_system_too():
    answers = examples.annex_iii("biometrics", transparency_cases=["emotion_or_biometric_categorisation"])
    outcome = classify(answers, "deployer")
    assert outcome.risk_class == "high"
    assert "Art. 26" in articles(outcome)
    assert "Art. 50(3)" in articles(outcome)


def test_an_annex_i_product_needing_a_third_party_assessment_is_high_risk():
    answers = examples.answers(annex_i_product=True, annex_i_third_party_assessment=True)
    outcome = classify(answers, "provider")
    assert outcome.risk_class == "high"
    assert "Art. 43(3)" in articles(outcome)
    assert "Art. 49(1)" not in articles(outcome)


def test_an_annex_i_product_without_a_third_party_assessment_is_not_high_risk():
    answers = examples.answers(annex_i_product=True, annex_i_third_party_assessment=False)
    assert classify(answers, "provider").risk_class == "minimal"


def test_a_deployer_who_rebrands_a_high_risk_system_counts_as_its_provider():
    outcome = classify(examples.annex_iii("credit_scoring", takes_provider_role=True), "deployer")
    assert outcome.operator_role == "provider"
    assert outcome.declared_role == "deployer"
    assert "Art. 16" in articles(outcome)
    assert "Art. 25(1)" in outcome.reasons[-1]


def test_rebranding_a_system_that_is_not_high_risk_keeps_the_declared_role():
    outcome = classify(examples.answers(takes_provider_role=True), "distributor")
    assert outcome.operator_role == "distributor"
    assert outcome.obligations == []


def test_importers_and_distributors_get_their_own_high_risk_duties():
    assert articles(classify(examples.CV_SCREENING, "importer")) == ["Art. 23"]
    assert articles(classify(examples.CV_SCREENING, "distributor")) == ["Art. 24"]


def test_a_deployer_of_credit_scoring_must_assess_fundamental_rights():
    assert "Art. 27" in articles(classify(examples.CREDIT_SCORING, "deployer"))
    assert "Art. 27" not in articles(classify(examples.CV_SCREENING, "deployer"))


def test_a_public_body_deploying_an_annex_iii_system_must_assess_and_register():
    answers = {**examples.CV_SCREENING, "public_service": True}
    found = articles(classify(answers, "deployer"))
    assert "Art. 27" in found
    assert "Art. 26(8), 49(3)" in found


def test_critical_infrastructure_needs_no_fundamental_rights_assessment():
    answers = {**examples.annex_iii("critical_infrastructure"), "public_service": True}
    outcome = classify(answers, "deployer")
    assert outcome.risk_class == "high"
    assert "Art. 27" not in articles(outcome)
    assert "Art. 86" not in articles(outcome)


def test_a_general_purpose_model_provider_gets_the_model_duties_in_any_class():
    outcome = classify(examples.answers(gpai_model_provider=True, gpai_systemic_risk=False), "deployer")
    assert outcome.risk_class == "minimal"
    assert "Art. 53" in articles(outcome)
    assert "Art. 55" not in articles(outcome)


def test_a_model_with_systemic_risk_adds_the_systemic_risk_duties():
    outcome = classify(examples.answers(gpai_model_provider=True, gpai_systemic_risk=True), "provider")
    assert {"Art. 52", "Art. 53", "Art. 55"} <= set(articles(outcome))


def test_the_outcome_keeps_the_answers_normalised():
    answers = examples.answers(transparency_cases=["synthetic_content", "interacts_with_people"])
    outcome = classify(answers, "provider")
    assert outcome.answers["transparency_cases"] == ["interacts_with_people", "synthetic_content"]
