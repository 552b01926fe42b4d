from typing import Any

import pytest
from django.urls import reverse

from aims.internal_audits import actions
from aims.internal_audits.models import AuditProgramme, ChecklistItem, InternalAudit
from aims.internal_audits.tests.conftest import plan
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
WORKERS = ("owner", "manager", "contributor", "auditor")


def _url(name: str, personas: Personas, **kwargs: Any) -> str:
    return reverse(f"internal_audits:{name}", kwargs={"org": personas.org.slug, **kwargs})


def test_every_member_reads_the_pages(
    personas: Personas, started: InternalAudit, programme: AuditProgramme
) -> None:
    for url in (
        _url("audit_list", personas),
        _url("audit_detail", personas, pk=started.pk),
        _url("programme_list", personas),
        _url("programme_detail", personas, pk=programme.pk),
        _url("audit_pdf", personas, pk=started.pk),
    ):
        assert_permission_matrix(personas, "GET", url, MEMBERS)


def test_forms_are_refused_to_viewers(personas: Personas, audit: InternalAudit) -> None:
    for url in (
        _url("audit_create", personas),
        _url("audit_edit", personas, pk=audit.pk),
        _url("programme_create", personas),
    ):
        assert_permission_matrix(personas, "GET", url, WORKERS)


def test_register_shows_only_this_organisations_audits_and_coverage(
    personas: Personas, started: InternalAudit, foreign: InternalAudit
) -> None:
    page = personas.client("viewer").get(_url("audit_list", personas)).content.decode()
    assert "Support and verification" in page
    assert "Globex audit" not in page
    assert 'id="audit-coverage-table"' in page
    assert "audit-coverage" in page


def test_register_query_count_does_not_grow(
    personas: Personas, audit: InternalAudit, django_assert_max_num_queries: Any
) -> None:
    client = personas.client("viewer")
    client.get(_url("audit_list", personas))
    with django_assert_max_num_queries(12) as few:
        assert client.get(_url("audit_list", personas)).status_code == 200
    for n in range(6):
        plan(personas, title=f"Audit {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(_url("audit_list", personas)).status_code == 200


def test_filters(personas: Personas, audit: InternalAudit, started: InternalAudit) -> None:
    client = personas.client("viewer")
    assert (
        "Support and verification"
        in client.get(_url("audit_list", personas) + "?status=in_progress").content.decode()
    )
    assert (
        "Support and verification"
        not in client.get(_url("audit_list", personas) + "?status=closed").content.decode()
    )
    assert client.get(_url("audit_list", personas) + "?status=nonsense").status_code == 400


def test_contributor_plans_an_audit_through_the_form(personas: Personas, audit: InternalAudit) -> None:
    data = {
        "title": "Clause 9",
        "scope_items": "9, A.6.2.4",
        "ai_systems": "",
        "lead_auditor": personas.auditor.pk,
        "planned_start": "2026-01-10",
        "planned_end": "2026-01-12",
        "criteria": "",
        "plan": "",
    }
    response = personas.client("contributor").post(_url("audit_create", personas), data)
    assert response.status_code == 302
    created = InternalAudit.objects.get(title="Clause 9")
    assert sorted(i.ref for i in created.scope_items.all()) == ["9", "A.6.2.4"]


def test_form_shows_the_independence_refusal(personas: Personas, audit: InternalAudit) -> None:
    data = {
        "title": "Clause 9",
        "scope_items": "9",
        "ai_systems": "AIS-003",
        "lead_auditor": personas.contributor.pk,
        "planned_start": "2026-01-10",
        "planned_end": "2026-01-12",
    }
    response = personas.client("manager").post(_url("audit_create", personas), data)
    assert response.status_code == 422
    assert "Contributor owns AIS-003 Credit scoring and cannot audit it." in response.content.decode()
    assert InternalAudit.objects.count() == 1


def test_detail_shows_checklist_grouped_with_progress(
    personas: Personas, started: InternalAudit, django_assert_max_num_queries: Any
) -> None:
    client = personas.client("auditor")
    with django_assert_max_num_queries(20):
        page = client.get(_url("audit_detail", personas, pk=started.pk)).content.decode()
    assert "0 of 8 requirements assessed" in page
    assert "7.5.3" in page
    assert "Save the result" in page
    assert 'id="result-counts"' in page


def test_inline_result_with_htmx_returns_the_row(personas: Personas, started: InternalAudit) -> None:
    item = started.checklist.get(ref="7.5.3")
    url = _url("item_result", personas, pk=started.pk, item_pk=item.pk)
    assert_refused(personas, "POST", url, ["anonymous", "outsider", "viewer"], data={"result": "minor"})
    response = personas.client("auditor").post(
        url, {"result": "minor", "notes": "Lapse"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="item-{item.pk}"' in body
    assert "Minor nonconformity" in body
    assert "Raise nonconformity" in body
    assert "<html" not in body
    response = personas.client("contributor").post(url, {"result": "conforming"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert ChecklistItem.objects.get(pk=item.pk).result == "minor"


def test_raise_nonconformity_button(personas: Personas, started: InternalAudit) -> None:
    item = started.checklist.get(ref="7.5.3")
    url = _url("item_nonconformity", personas, pk=started.pk, item_pk=item.pk)
    personas.client("manager").post(url)
    assert ChecklistItem.objects.get(pk=item.pk).nonconformity is None  # conforming? no: not assessed
    actions.set_result(actor=personas.manager, item=item, result="major")
    assert_refused(personas, "POST", url, ["anonymous", "outsider", "viewer"])
    assert personas.client("manager").post(url).status_code == 302
    assert ChecklistItem.objects.get(pk=item.pk).nonconformity is not None


def test_buttons_move_the_audit(personas: Personas, audit: InternalAudit) -> None:
    start = _url("audit_move", personas, pk=audit.pk, move="start")
    assert_refused(personas, "POST", start, ["anonymous", "outsider", "viewer"])
    personas.client("auditor").post(start)
    audit.refresh_from_db()
    assert audit.status == "in_progress"
    cancel = _url("audit_move", personas, pk=audit.pk, move="cancel")
    assert_refused(personas, "POST", cancel, ["anonymous", "outsider", "viewer", "contributor", "auditor"])
    personas.client("manager").post(cancel)
    audit.refresh_from_db()
    assert audit.status == "cancelled"


def test_programme_pages_create_and_approve(
    personas: Personas, programme: AuditProgramme, started: InternalAudit
) -> None:
    approve = _url("programme_approve", personas, pk=programme.pk)
    assert_refused(personas, "POST", approve, ["anonymous", "outsider", "viewer", "contributor", "auditor"])
    personas.client("owner").post(approve)
    programme.refresh_from_db()
    assert programme.status == "approved"
    assert programme.approved_by == personas.owner
    InternalAudit.objects.filter(pk=started.pk).update(programme=programme)
    page = personas.client("viewer").get(_url("programme_detail", personas, pk=programme.pk)).content.decode()
    assert "AUD-0001" in page
    assert 'id="programme-coverage-table"' in page


def test_pdf_download(personas: Personas, started: InternalAudit) -> None:
    response = personas.client("viewer").get(_url("audit_pdf", personas, pk=started.pk))
    assert response["Content-Type"] == "application/pdf"
    assert "AUD-0001-draft.pdf" in response["Content-Disposition"]


def test_programme_forms_draft_and_edit(personas: Personas) -> None:
    data = {
        "name": "Programme 2031",
        "cycle": "2031",
        "period_start": "2031-01-01",
        "period_end": "2031-12-31",
        "methods": ["interviews", "sampling"],
        "frequency": "Yearly",
    }
    assert_refused(
        personas, "POST", _url("programme_create", personas), ["anonymous", "outsider", "viewer"], data=data
    )
    assert personas.client("auditor").post(_url("programme_create", personas), data).status_code == 302
    programme = AuditProgramme.objects.get(cycle="2031")
    assert programme.methods == ["interviews", "sampling"]
    bad = personas.client("auditor").post(
        _url("programme_edit", personas, pk=programme.pk), {**data, "period_end": "2030-01-01"}
    )
    assert bad.status_code == 422
    assert "The period cannot end before it starts." in bad.content.decode()
    ok = personas.client("auditor").post(
        _url("programme_edit", personas, pk=programme.pk), {**data, "name": "P"}
    )
    assert ok.status_code == 302
    assert AuditProgramme.objects.get(pk=programme.pk).name == "P"


def test_edit_generate_and_report_through_the_pages(personas: Personas, audit: InternalAudit) -> None:
    client = personas.client("auditor")
    data = {
        "title": "Renamed",
        "scope_items": "7.5, A.6.2.4",
        "ai_systems": "AIS-003",
        "lead_auditor": personas.auditor.pk,
        "planned_start": audit.planned_start.isoformat(),
        "planned_end": audit.planned_end.isoformat(),
    }
    assert client.post(_url("audit_edit", personas, pk=audit.pk), data).status_code == 302
    assert client.post(_url("checklist_generate", personas, pk=audit.pk)).status_code == 302
    assert audit.checklist.count() == 4
    client.post(_url("audit_move", personas, pk=audit.pk, move="start"))
    for item in audit.checklist.all():
        client.post(_url("item_result", personas, pk=audit.pk, item_pk=item.pk), {"result": "conforming"})
    report = _url("audit_move", personas, pk=audit.pk, move="report")
    client.post(report, {"conclusion": ""})
    audit.refresh_from_db()
    assert audit.status == "in_progress"
    client.post(report, {"conclusion": "Conforms."})
    audit.refresh_from_db()
    assert audit.status == "reported"
    assert audit.conclusion == "Conforms."
    assert personas.client("viewer").get(_url("audit_detail", personas, pk=audit.pk)).status_code == 200
