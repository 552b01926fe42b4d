"""The SoA, control pages and SoA exports show the evidence that supports each control: evidence linked to the
control itself or to its Annex A requirement, active only."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext

from aims.controls.exports import document_for_draft, render
from aims.controls.models import Control
from aims.evidence.actions import add_evidence_link, retire_evidence
from aims.evidence.models import Evidence
from aims.web.testing import Personas


def _evidence(personas: Personas, title: str, *supports: Model | None) -> Evidence:
    return add_evidence_link(
        actor=personas.contributor,
        organization=personas.org,
        url="https://example.com/" + title.replace(" ", "-"),
        title=title,
        supports=[target for target in supports if target is not None],
        collected_on=date(2026, 11, 1),
    )


def test_the_soa_shows_evidence_linked_to_the_control_or_its_requirement(
    personas: Personas, controls: dict[str, Control]
) -> None:
    on_control = _evidence(personas, "Policy review minutes", controls["A.2.4"])
    on_requirement = _evidence(personas, "Model card", controls["A.6.2.7"].catalog_item)
    retired = _evidence(personas, "Old card", controls["A.6.2.7"])
    retire_evidence(actor=personas.manager, evidence=retired, reason="Superseded")
    page = personas.client("viewer").get("/o/acme/controls/").content.decode()
    assert on_control.reference in page
    assert on_requirement.reference in page
    assert retired.reference not in page
    detail = personas.client("viewer").get(f"/o/acme/controls/{controls['A.6.2.7'].pk}/").content.decode()
    assert "Model card" in detail
    assert "Old card" not in detail


def test_the_soa_reads_its_evidence_in_one_query_whatever_its_size(
    personas: Personas, controls: dict[str, Control]
) -> None:
    client = personas.client("viewer")
    _evidence(personas, "First", controls["A.2.2"])
    client.get("/o/acme/controls/")
    with CaptureQueriesContext(connection) as few:
        client.get("/o/acme/controls/")
    for ref in ("A.2.3", "A.3.2", "A.4.2", "A.5.2", "A.6.2.2"):
        _evidence(personas, f"Evidence for {ref}", controls[ref], controls[ref].catalog_item)
    with CaptureQueriesContext(connection) as many:
        client.get("/o/acme/controls/")
    assert len(many) == len(few)


def test_the_soa_workbook_has_an_evidence_column(personas: Personas, controls: dict[str, Control]) -> None:
    evidence = _evidence(personas, "Impact assessment procedure", controls["A.5.2"])
    globex_control = Control.objects.get(organization=personas.other_org, reference="A.5.3")
    add_evidence_link(actor=personas.outsider, organization=personas.other_org, url="https://globex.test/x",
                      title="Globex only", supports=[globex_control],
                      collected_on=date(2026, 11, 1))  # fmt: skip
    content, _, _ = render(document_for_draft(personas.org), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[1]
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == "Evidence"
    rows = {row[0]: row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["A.5.2"] == f"{evidence.reference} Impact assessment procedure"
    assert rows["A.5.3"] in (None, "")
