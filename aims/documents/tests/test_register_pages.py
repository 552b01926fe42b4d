"""The register, document and version pages: who may see and do what, and what they show."""

from __future__ import annotations

from django.urls import reverse

from aims.documents.models import Document, DocumentVersion
from aims.documents.tests.conftest import draft_of
from aims.web.testing import EVERYONE, ROLES, Personas, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")


def _url(name: str, **kwargs: object) -> str:
    return reverse(f"documents:{name}", kwargs={"org": "acme", **kwargs})


def test_every_member_reads_the_register_document_and_version(
    personas: Personas, published: DocumentVersion
) -> None:
    pk = published.document_id
    for url in (
        _url("document_list"),
        _url("document_detail", pk=pk),
        _url("version_detail", pk=pk, number=1),
        _url("version_diff", pk=pk),
        _url("version_pdf", pk=pk, number=1),
    ):
        assert_permission_matrix(personas, "GET", url, ROLES)


def test_only_editors_open_the_create_and_edit_forms(personas: Personas, document: Document) -> None:
    for url in (
        _url("document_create"),
        _url("document_edit", pk=document.pk),
        _url("version_edit", pk=document.pk, number=1),
    ):
        assert_permission_matrix(personas, "GET", url, EDITORS)


def test_the_list_shows_columns_and_highlights_an_overdue_review(
    personas: Personas, published: DocumentVersion
) -> None:
    Document.objects.filter(pk=published.document_id).update(next_review_on="2020-01-01")
    page = personas.client("viewer").get(_url("document_list")).content.decode()
    assert "PRO-001" in page
    assert "AI system development procedure" in page
    assert 'class="overdue"' in page
    assert "2020-01-01" in page
    assert "v1" in page
    assert "Add document" not in page


def test_the_list_filters_by_kind_stage_and_search(
    personas: Personas, document: Document, foreign: Document
) -> None:
    from aims.documents import actions

    actions.create_document(
        actor=personas.manager, organization=personas.org, title="Incident plan", kind="plan"
    )
    client = personas.client("manager")
    page = client.get(_url("document_list"), {"kind": "plan"}).content.decode()
    assert "Incident plan" in page
    assert "PRO-001" not in page
    page = client.get(_url("document_list"), {"q": "pro-001"}).content.decode()
    assert "PRO-001" in page
    assert "Incident plan" not in page
    actions.submit_version(actor=personas.contributor, version=draft_of(document))
    page = client.get(_url("document_list"), {"stage": "in_review"}).content.decode()
    assert "PRO-001" in page
    assert "Incident plan" not in page
    assert "In review" in page
    assert "Globex" not in page


def test_the_empty_register_explains_what_to_add(personas: Personas) -> None:
    page = personas.client("viewer").get(_url("document_list")).content.decode()
    assert "No documents yet" in page
    assert "Ask an owner" in page


def test_a_contributor_registers_a_document_through_the_form(personas: Personas, media: object) -> None:
    client = personas.client("contributor")
    response = client.post(
        _url("document_create"),
        {"title": "Data management procedure", "kind": "procedure", "classification": "internal",
         "review_interval_months": "12", "body": "# Data\n", "distribution": [personas.viewer.pk]},
    )  # fmt: skip
    document = Document.objects.get(title="Data management procedure")
    assert response.status_code == 302
    assert response["Location"] == _url("document_detail", pk=document.pk)
    assert draft_of(document).body == "# Data\n"


def test_the_form_explains_what_is_wrong(personas: Personas) -> None:
    response = personas.client("manager").post(_url("document_create"), {"title": "", "kind": "memo"})
    assert response.status_code == 422
    assert not Document.objects.exists()


def test_viewers_and_outsiders_cannot_post_the_forms(personas: Personas, document: Document) -> None:
    refused = [p for p in EVERYONE if p not in EDITORS]
    data = {"title": "X", "kind": "plan", "classification": "internal", "review_interval_months": "12"}
    assert_refused(personas, "POST", _url("document_create"), refused, data=data)
    assert_refused(personas, "POST", _url("document_edit", pk=document.pk), refused, data=data)
    assert Document.objects.count() == 1


def test_the_html_life_cycle_submit_approve_publish(personas: Personas, document: Document) -> None:
    url = lambda verb: _url("version_transition", pk=document.pk, number=1, verb=verb)  # noqa: E731
    assert personas.client("viewer").post(url("submit")).status_code == 403
    assert personas.client("contributor").post(url("submit")).status_code == 302
    assert personas.client("contributor").post(url("approve")).status_code == 403
    assert personas.client("outsider").post(url("approve")).status_code == 404
    response = personas.client("manager").post(url("publish"))
    assert response.status_code == 409
    assert b"only an approved one is published" in response.content
    assert personas.client("manager").post(url("approve"), {"comment": "Good"}).status_code == 302
    assert personas.client("owner").post(url("publish")).status_code == 302
    version = draft_of(document)
    assert version.state == "published"
    assert version.reviewed_by == personas.manager


def test_the_author_sees_that_someone_else_must_approve(personas: Personas) -> None:
    from aims.documents import actions

    document = actions.create_document(
        actor=personas.manager, organization=personas.org, title="T", kind="plan", body="x"
    )
    actions.submit_version(actor=personas.manager, version=draft_of(document))
    client = personas.client("manager")
    page = client.get(_url("version_detail", pk=document.pk, number=1)).content.decode()
    assert "someone else must approve it" in page
    assert ">Approve<" not in page
    response = client.post(_url("version_transition", pk=document.pk, number=1, verb="approve"))
    assert response.status_code == 403
    assert draft_of(document).state == "in_review"


def test_withdraw_and_review_forms(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    url = _url("document_reviewed", pk=document.pk)
    assert personas.client("viewer").post(url, {"notes": "x"}).status_code == 403
    assert personas.client("manager").post(url, {"notes": "Fine"}).status_code == 302
    url = _url("document_withdraw", pk=document.pk)
    assert personas.client("contributor").post(url, {"reason": "Old"}).status_code == 403
    assert personas.client("manager").post(url, {"reason": ""}).status_code == 422
    assert personas.client("manager").post(url, {"reason": "Replaced"}).status_code == 302
    document.refresh_from_db()
    assert document.is_withdrawn
    page = personas.client("viewer").get(_url("document_detail", pk=document.pk)).content.decode()
    assert "Withdrawn" in page
    assert "Replaced" in page
    assert "Reviewed, no change needed" in page


def test_a_new_version_through_the_form_starts_from_the_latest_text(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    client = personas.client("contributor")
    page = client.get(_url("version_create", pk=document.pk)).content.decode()
    assert "How we build AI systems." in page
    response = client.post(
        _url("version_create", pk=document.pk), {"body": "New text", "change_summary": "Redo"}
    )
    assert response.status_code == 302
    assert draft_of(document).number == 2


def test_an_htmx_request_gets_only_the_rows(personas: Personas, document: Document) -> None:
    response = personas.client("viewer").get(_url("document_list"), {"q": "PRO"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="rows">')
    assert "PRO-001" in page
    assert "<html" not in page


def test_nonsense_filters_are_explained_not_crashed(personas: Personas) -> None:
    response = personas.client("viewer").get(_url("document_list"), {"kind": "memo", "owner": "abc"})
    assert response.status_code == 400
    assert "Correct the filters" in response.content.decode()


def test_asking_for_changes_without_a_comment_is_explained(personas: Personas, document: Document) -> None:
    from aims.documents import actions

    actions.submit_version(actor=personas.contributor, version=draft_of(document))
    url = _url("version_transition", pk=document.pk, number=1, verb="request-changes")
    response = personas.client("manager").post(url, {"comment": ""})
    assert response.status_code == 422
    assert "Say what must change." in response.content.decode()
    assert draft_of(document).state == "in_review"
