from typing import Any

import pytest
from django.urls import reverse

from aims.ai_systems.models import AISystem
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.impact_assessments.tests.conftest import IMPACT
from aims.web.testing import EVERYONE, Personas, assert_allowed, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
EDITORS = ("owner", "manager", "contributor")
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))


def _url(personas: Personas, name: str, **kwargs: int) -> str:
    return reverse(f"impact_assessments:{name}", kwargs={"org": personas.org.slug, **kwargs})


def test_members_read_an_assessment(personas: Personas, item: ImpactItem) -> None:
    url = _url(personas, "assessment_detail", pk=item.assessment_id)
    assert_permission_matrix(personas, "GET", url, MEMBERS)
    page = personas.client("viewer").get(url).content.decode()
    assert "Fairness" in page
    assert "Thin-file applicants" in page
    assert "3/4" in page
    assert "Approval trail" in page
    assert "started the assessment" in page


def test_outsider_gets_404_for_an_assessment_of_another_organisation(
    personas: Personas, foreign: ImpactAssessment
) -> None:
    url = _url(personas, "assessment_detail", pk=foreign.pk)
    assert personas.client("owner").get(url).status_code == 404


def test_editors_open_the_form_and_the_rest_are_refused(personas: Personas, system: AISystem) -> None:
    assert_permission_matrix(personas, "GET", _url(personas, "assessment_create"), EDITORS)


def test_contributor_starts_an_assessment_through_the_form(personas: Personas, system: AISystem) -> None:
    response = personas.client("contributor").post(
        _url(personas, "assessment_create"), {"ai_system": system.reference, "trigger": "new_system"}
    )
    created = ImpactAssessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url(personas, "assessment_detail", pk=created.pk)


def test_form_explains_a_missing_trigger(personas: Personas, system: AISystem) -> None:
    response = personas.client("contributor").post(
        _url(personas, "assessment_create"), {"ai_system": system.reference}
    )
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert not ImpactAssessment.objects.exists()


def test_viewer_cannot_post_the_form(personas: Personas, system: AISystem) -> None:
    data = {"ai_system": system.reference, "trigger": "new_system"}
    assert_refused(
        personas,
        "POST",
        _url(personas, "assessment_create"),
        ["anonymous", "outsider", "viewer", "auditor"],
        data=data,
    )
    assert not ImpactAssessment.objects.exists()


def test_editor_edits_a_draft(personas: Personas, draft: ImpactAssessment) -> None:
    url = _url(personas, "assessment_edit", pk=draft.pk)
    assert_permission_matrix(personas, "GET", url, EDITORS)
    data = {"ai_system": draft.ai_system.reference, "trigger": "incident", "conclusion": "Revised"}
    assert personas.client("manager").post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.trigger == "incident"
    assert draft.conclusion == "Revised"


def test_editing_an_approved_assessment_shows_why_not(personas: Personas, approved: ImpactAssessment) -> None:
    url = _url(personas, "assessment_edit", pk=approved.pk)
    data = {"ai_system": approved.ai_system.reference, "trigger": "incident"}
    response = personas.client("owner").post(url, data)
    assert response.status_code == 422
    assert "only a draft can be changed" in response.content.decode()


def test_editor_records_edits_and_removes_an_impact_through_the_pages(
    personas: Personas, draft: ImpactAssessment
) -> None:
    client = personas.client("contributor")
    data = {f"item-{k}": v for k, v in IMPACT.items()}
    assert client.post(_url(personas, "item_add", pk=draft.pk), data).status_code == 302
    item = draft.items.get()
    edit = _url(personas, "item_edit", pk=draft.pk, item_id=item.pk)
    assert client.get(edit).status_code == 200
    assert client.post(edit, {**IMPACT, "severity": 1}).status_code == 302
    item.refresh_from_db()
    assert item.severity == 1
    assert client.post(_url(personas, "item_remove", pk=draft.pk, item_id=item.pk)).status_code == 302
    assert not draft.items.exists()


def test_viewer_cannot_record_or_remove_impacts(personas: Personas, item: ImpactItem) -> None:
    pk = item.assessment_id
    refused = ["anonymous", "outsider", "viewer", "auditor"]
    data = {f"item-{k}": v for k, v in IMPACT.items()}
    assert_refused(personas, "POST", _url(personas, "item_add", pk=pk), refused, data=data)
    assert_refused(personas, "POST", _url(personas, "item_remove", pk=pk, item_id=item.pk), refused)
    assert_refused(personas, "POST", _url(personas, "item_raise_risk", pk=pk, item_id=item.pk), refused)
    assert ImpactItem.objects.filter(risk__isnull=True).count() == 1


def test_invalid_impact_shows_the_form_again(personas: Personas, draft: ImpactAssessment) -> None:
    data = {f"item-{k}": v for k, v in {**IMPACT, "description": ""}.items()}
    response = personas.client("contributor").post(_url(personas, "item_add", pk=draft.pk), data)
    assert response.status_code == 422
    assert not draft.items.exists()


def test_raise_as_a_risk_button_links_the_new_risk(personas: Personas, item: ImpactItem) -> None:
    client = personas.client("contributor")
    url = _url(personas, "item_raise_risk", pk=item.assessment_id, item_id=item.pk)
    assert client.post(url, {"risk": ""}).status_code == 302
    item.refresh_from_db()
    assert item.risk is not None
    page = client.get(_url(personas, "assessment_detail", pk=item.assessment_id)).content.decode()
    assert item.risk.reference in page
    assert reverse("risks:risk_detail", kwargs={"org": personas.org.slug, "pk": item.risk.pk}) in page


def test_raise_with_an_unknown_risk_reference_is_explained(personas: Personas, item: ImpactItem) -> None:
    url = _url(personas, "item_raise_risk", pk=item.assessment_id, item_id=item.pk)
    response = personas.client("contributor").post(url, {"risk": "RSK-9999"})
    assert response.status_code == 422
    assert "No risk RSK-9999" in response.content.decode()


def test_submit_approve_through_the_buttons(personas: Personas, complete: ImpactAssessment) -> None:
    refused = ["anonymous", "outsider", "viewer", "auditor"]
    assert_refused(personas, "POST", _url(personas, "assessment_submit", pk=complete.pk), refused)
    assert_allowed(
        personas, "POST", _url(personas, "assessment_submit", pk=complete.pk), ["contributor"], status=(302,)
    )
    approve = _url(personas, "assessment_approve", pk=complete.pk)
    assert_refused(personas, "POST", approve, [*refused, "contributor"])
    assert_allowed(personas, "POST", approve, ["manager"], data={"note": "Good"}, status=(302,))
    complete.refresh_from_db()
    assert complete.is_approved
    page = personas.client("viewer").get(_url(personas, "assessment_detail", pk=complete.pk)).content.decode()
    assert "approved it" in page
    assert "Good" in page


def test_author_sees_the_refusal_to_self_approve(personas: Personas, complete: ImpactAssessment) -> None:
    from aims.impact_assessments import actions

    complete.author = personas.manager
    complete.save()
    actions.submit_assessment(actor=personas.contributor, assessment=complete)
    client = personas.client("manager")
    response = client.post(_url(personas, "assessment_approve", pk=complete.pk), follow=True)
    assert "someone else must approve it" in response.content.decode()
    complete.refresh_from_db()
    assert complete.state == ImpactAssessment.State.IN_REVIEW


def test_request_changes_through_the_button(personas: Personas, in_review: ImpactAssessment) -> None:
    url = _url(personas, "assessment_request_changes", pk=in_review.pk)
    assert_refused(
        personas,
        "POST",
        url,
        ["anonymous", "outsider", "viewer", "auditor", "contributor"],
        data={"note": "x"},
    )
    assert personas.client("owner").post(url, {"note": "Add privacy"}).status_code == 302
    in_review.refresh_from_db()
    assert in_review.is_draft


def test_system_page_shows_the_latest_approved_assessment(
    personas: Personas, approved: ImpactAssessment
) -> None:
    url = reverse("ai_systems:system_detail", kwargs={"org": personas.org.slug, "pk": approved.ai_system_id})
    page = personas.client("viewer").get(url).content.decode()
    assert "Impact assessments" in page
    assert "Latest approved: " in page
    assert approved.reference in page
    assert approved.next_assessment_on is not None
    assert approved.next_assessment_on.isoformat() in page


def test_item_edit_page_is_for_editors_only(personas: Personas, item: ImpactItem) -> None:
    url = _url(personas, "item_edit", pk=item.assessment_id, item_id=item.pk)
    assert_permission_matrix(personas, "GET", url, EDITORS)


def test_detail_query_count_does_not_grow_with_impacts(
    personas: Personas, draft: ImpactAssessment, django_assert_num_queries: Any
) -> None:
    from aims.impact_assessments import actions

    client = personas.client("viewer")
    url = _url(personas, "assessment_detail", pk=draft.pk)
    actions.add_item(actor=personas.contributor, assessment=draft, **IMPACT)
    client.get(url)
    with django_assert_num_queries(9) as first:
        client.get(url)
    for dimension in ("privacy", "economic", "societal", "fairness", "privacy"):
        item = actions.add_item(
            actor=personas.contributor, assessment=draft, **{**IMPACT, "dimension": dimension}
        )
        actions.raise_risk_from_impact(actor=personas.contributor, item=item)
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("RSK-000") >= 5


def test_htmx_list_request_gets_only_the_records(personas: Personas, draft: ImpactAssessment) -> None:
    url = reverse("impact_assessments:assessment_list", kwargs={"org": personas.org.slug})
    response = personas.client("viewer").get(url, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="records">')
    assert draft.reference in body


def test_starting_from_a_system_fills_in_what_the_system_record_says(
    personas: Personas, system: AISystem
) -> None:
    AISystem.objects.filter(pk=system.pk).update(
        intended_use="Decide consumer loans",
        foreseeable_misuse="Ranking staff",
        affected_parties="Applicants",
    )
    url = _url(personas, "assessment_create") + f"?ai_system={system.pk}"
    page = personas.client("contributor").get(url).content.decode()
    assert "Decide consumer loans" in page
    assert "Ranking staff" in page
    assert f'value="{system.reference}"' in page


def test_starting_from_another_organisations_system_fills_in_nothing(
    personas: Personas, foreign: ImpactAssessment
) -> None:
    AISystem.objects.filter(pk=foreign.ai_system_id).update(intended_use="Globex secret use")
    url = _url(personas, "assessment_create") + f"?ai_system={foreign.ai_system_id}"
    page = personas.client("contributor").get(url).content.decode()
    assert "Globex secret use" not in page
