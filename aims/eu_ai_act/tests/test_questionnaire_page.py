"""/o/<org>/eu-ai-act/systems/<pk>/classify/: the questionnaire, in steps, as a plain HTML form."""

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.models import Classification
from aims.eu_ai_act.questions import QUESTIONS, SECTIONS
from aims.eu_ai_act.tests.conftest import form_data
from aims.web.testing import EVERYONE, assert_allowed, assert_refused

EDITORS = ("owner", "manager", "contributor")


def url(system):
    return f"/o/{system.organization.slug}/eu-ai-act/systems/{system.pk}/classify/"


def test_only_editors_may_open_the_questionnaire(personas, system):
    assert_allowed(personas, "GET", url(system), EDITORS)
    assert_refused(personas, "GET", url(system), [p for p in EVERYONE if p not in EDITORS])


def test_the_questionnaire_shows_every_step_and_question_with_help(personas, system):
    page = personas.client("contributor").get(url(system)).content.decode()
    for number, section in enumerate(SECTIONS, start=1):
        assert f"Step {number} of {len(SECTIONS)}: {section.title}" in page
    for question in QUESTIONS:
        assert f'id="q-{question.id}"' in page
        assert "(EU AI Act Art. " + question.articles[0] in page
    assert "Provider: You develop the system" in page


def test_classifying_through_the_form(personas, system):
    data = form_data(examples.CREDIT_SCORING, "provider")
    response = personas.client("contributor").post(url(system), data)
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/eu-ai-act/systems/{system.pk}/"
    classification = Classification.objects.get()
    assert classification.risk_class == "high"
    assert classification.answers == examples.CREDIT_SCORING
    system.refresh_from_db()
    assert system.risk_class == "high"


def test_viewers_and_auditors_cannot_post_answers(personas, system):
    data = form_data(examples.CREDIT_SCORING, "provider")
    assert_refused(personas, "POST", url(system), [p for p in EVERYONE if p not in EDITORS], data=data)
    assert not Classification.objects.exists()


def test_missing_answers_are_form_errors_and_nothing_is_written(personas, system):
    response = personas.client("manager").post(url(system), {"operator_role": "provider"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Answer this question." in page
    assert "Tick what applies, or &#x27;None of these&#x27;." in page
    assert not Classification.objects.exists()
    assert not AuditEvent.objects.filter(verb="ai_system.classified").exists()


def test_a_follow_up_question_left_open_is_a_form_error(personas, system):
    data = form_data(examples.answers(annex_iii_uses=["employment"]), "deployer")
    response = personas.client("manager").post(url(system), data)
    assert response.status_code == 422
    assert response.context["form"].errors["profiles_people"] == ["Answer this question."]
    assert not Classification.objects.exists()


def test_none_of_these_cannot_be_ticked_with_other_options(personas, system):
    data = form_data(examples.MINIMAL, "deployer")
    data["transparency_cases"] = ["none", "deep_fake"]
    response = personas.client("manager").post(url(system), data)
    assert response.status_code == 422
    assert "together with other answers" in response.context["form"].errors["transparency_cases"][0]
    assert not Classification.objects.exists()


def test_bad_choices_are_form_errors(personas, system):
    data = form_data(examples.MINIMAL, "emperor")
    data["annex_i_product"] = "perhaps"
    response = personas.client("manager").post(url(system), data)
    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"operator_role", "annex_i_product"}
    assert not Classification.objects.exists()


def test_the_form_starts_from_the_current_answers(personas, system):
    classify_ai_system(
        actor=personas.owner, ai_system=system, answers=examples.CHATBOT, operator_role="deployer"
    )
    form = personas.client("contributor").get(url(system)).context["form"]
    assert form.initial["operator_role"] == "deployer"
    assert form.initial["transparency_cases"] == ["interacts_with_people", "synthetic_content"]
    assert form.initial["prohibited_practices"] == ["none"]
    assert form.initial["annex_i_product"] == "no"


def test_resubmitting_the_same_answers_says_nothing_changed(personas, system):
    client = personas.client("contributor")
    data = form_data(examples.CHATBOT, "provider")
    client.post(url(system), data)
    response = client.post(url(system), data)
    assert response.status_code == 422
    assert "Nothing changed" in response.content.decode()
    assert Classification.objects.count() == 1


def test_another_organisations_system_is_not_found(personas, foreign_system):
    wrong_org = f"/o/acme/eu-ai-act/systems/{foreign_system.pk}/classify/"
    data = form_data(examples.MINIMAL, "deployer")
    assert personas.client("owner").get(wrong_org).status_code == 404
    assert personas.client("owner").post(wrong_org, data).status_code == 404
    assert personas.client("owner").get(url(foreign_system)).status_code == 404
    assert not Classification.objects.exists()


def test_an_archived_system_shows_why_it_cannot_be_classified(personas, system):
    AISystem.objects.filter(pk=system.pk).update(status=AISystem.Status.ARCHIVED)
    response = personas.client("owner").post(url(system), form_data(examples.MINIMAL, "deployer"))
    assert response.status_code == 422
    assert "archived" in response.content.decode()
