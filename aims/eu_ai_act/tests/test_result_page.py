"""/o/<org>/eu-ai-act/systems/<pk>/: the class, role, articles and why, and the history with what changed."""

import pytest

from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.models import Classification
from aims.web.testing import ROLES, assert_permission_matrix


def url(system):
    return f"/o/acme/eu-ai-act/systems/{system.pk}/"


@pytest.fixture
def reclassified(personas, system):
    first = examples.annex_iii("employment", exceptions=("preparatory_task",), profiles=False)
    second = examples.annex_iii("employment", exceptions=("preparatory_task",), profiles=True)
    for actor, answers in ((personas.contributor, first), (personas.manager, second)):
        classify_ai_system(actor=actor, ai_system=system, answers=answers, operator_role="deployer")
    return list(Classification.objects.filter(ai_system=system))


def test_every_member_sees_the_result_and_no_one_else(personas, system, reclassified):
    assert_permission_matrix(personas, "GET", url(system), ROLES)


def test_the_result_shows_class_role_articles_and_why(personas, system, reclassified):
    page = personas.client("viewer").get(url(system)).content.decode()
    assert "High-risk" in page
    assert "Deployer" in page
    assert "Art. 26(11)" in page
    assert "High-risk (Annex III 4) and you deploy it." in page
    assert "it profiles people, so it stays high-risk" in page
    assert "Does the system profile people?" in page


def test_the_history_shows_each_classification_and_the_answers_that_changed(personas, system, reclassified):
    response = personas.client("viewer").get(url(system))
    entries = response.context["history"].items
    assert [entry.classification.risk_class for entry in entries] == ["high", "minimal"]
    assert [change.question.id for change in entries[0].changes] == ["profiles_people"]
    assert (entries[0].changes[0].before, entries[0].changes[0].after) == ("No", "Yes")
    assert entries[1].is_first
    assert "<del>No</del> → <ins>Yes</ins>" in response.content.decode()


def test_the_history_compares_across_pages(personas, system, reclassified):
    response = personas.client("viewer").get(url(system), {"page_size": 1})
    entries = response.context["history"].items
    assert len(entries) == 1
    assert not entries[0].is_first
    assert [change.question.id for change in entries[0].changes] == ["profiles_people"]
    last = personas.client("viewer").get(url(system), {"page_size": 1, "page": 2}).context["history"]
    assert last.items[0].is_first


def test_an_unclassified_system_invites_editors_to_classify(personas, system):
    assert b"Answer the questionnaire" in personas.client("contributor").get(url(system)).content
    assert b"Answer the questionnaire" not in personas.client("viewer").get(url(system)).content


def test_a_past_classification_has_its_own_page(personas, system, reclassified):
    old = reclassified[1]
    detail = f"/o/acme/eu-ai-act/systems/{system.pk}/classifications/{old.pk}/"
    assert_permission_matrix(personas, "GET", detail, ROLES)
    page = personas.client("auditor").get(detail).content.decode()
    assert "replaced by a later one" in page
    assert "Art. 6(3)(d)" in page


def test_another_organisations_system_and_classifications_are_not_found(personas, system, foreign_system):
    foreign = classify_ai_system(
        actor=personas.outsider, ai_system=foreign_system, answers=examples.MINIMAL, operator_role="deployer"
    )
    client = personas.client("owner")
    assert client.get(url(foreign_system)).status_code == 404
    assert (
        client.get(f"/o/acme/eu-ai-act/systems/{system.pk}/classifications/{foreign.pk}/").status_code == 404
    )
    assert client.get(f"/o/globex/eu-ai-act/systems/{foreign_system.pk}/").status_code == 404
