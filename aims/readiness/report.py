"""The readiness report as a PDF: the figures, every clause and included Annex A control with its status, and
every failing rule grouped by severity with its finding and the records at fault. Drawn with fpdf2's core
fonts, so all text goes through `latin1`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.fonts import FontFace

from aims.lib.pdf_text import latin1
from aims.readiness.engine import Readiness, RequirementResult
from aims.readiness.registry import Severity

if TYPE_CHECKING:
    from aims.organizations.models import Organization

FONT = "Helvetica"
HEADING = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
STATUS_FILL = {
    "satisfied": (200, 230, 201),
    "not_satisfied": (255, 205, 210),
    "untested": (238, 238, 238),
}
SECTIONS = (
    (Severity.STAGE1_BLOCKER, "Stage 1 blockers: a required document or record is missing or out of date"),
    (Severity.STAGE2_NONCONFORMITY, "Stage 2 nonconformities: the records exist but the chain is broken"),
    (Severity.OBSERVATION, "Observations: good practice missing"),
)


class _Page(FPDF):
    def __init__(self, organization: Organization, readiness: Readiness) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.organization, self.readiness = organization, readiness
        self.set_title(latin1(f"Certification readiness - {organization.name}"))
        self.set_auto_page_break(auto=True, margin=15)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        said = (
            f"{self.organization.name} - readiness on {self.readiness.judged_on.isoformat()} - made by aims"
        )
        self.cell(0, 5, latin1(said), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    def heading(self, text: str, size: int = 12) -> None:
        self.ln(2)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 9)

    def para(self, text: str) -> None:
        self.set_font(FONT, "", 9)
        self.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT")


def _status_label(item: RequirementResult) -> str:
    if item.status == "satisfied":
        return "Satisfied"
    if item.status == "untested":
        return "No rule"
    return f"Not satisfied ({item.worst.label if item.worst else ''}, {item.failing} failing)"


def _requirements(pdf: _Page, items: tuple[RequirementResult, ...]) -> None:
    pdf.set_font(FONT, "", 8)
    with pdf.table(
        col_widths=(18, 112, 60), headings_style=HEADING, repeat_headings=1, line_height=4.5
    ) as table:
        table.row(["Ref", "Title", "Status"])
        for item in items:
            row = table.row()
            indent = "   " * min(item.depth, 2)
            row.cell(latin1(indent + item.ref))
            row.cell(latin1(item.title))
            row.cell(latin1(_status_label(item)), style=FontFace(fill_color=STATUS_FILL[item.status]))
    pdf.ln(1)


def _findings(pdf: _Page, readiness: Readiness) -> None:
    for severity, title in SECTIONS:
        failing = [r for r in readiness.failing if r.severity == severity]
        pdf.heading(f"{title} ({len(failing)})")
        if not failing:
            pdf.para("None.")
            continue
        for result in failing:
            pdf.set_font(FONT, "B", 9)
            state = " (could not be evaluated)" if result.status == "error" else ""
            pdf.multi_cell(0, 5, latin1(f"{', '.join(result.refs)}  {result.title}{state}"),
                           new_x="LMARGIN", new_y="NEXT")  # fmt: skip
            pdf.para(result.message)
            records = [record.label for record in result.records]
            if result.count > len(records):
                records.append(f"... {result.count} in all")
            if records:
                pdf.para("At fault: " + "; ".join(records))
            if result.fix:
                pdf.para(f"Fix: {result.fix.label} ({result.fix.url})")
            pdf.ln(1)


def render_pdf(organization: Organization, readiness: Readiness) -> bytes:
    pdf = _Page(organization, readiness)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 9, latin1("Certification readiness"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 7, latin1(f"{organization.name}, ISO/IEC 42001:2023"), new_x="LMARGIN", new_y="NEXT")
    counts = readiness.counts()
    pdf.para(
        f"Judged on {readiness.judged_on.isoformat()} from the records held in aims "
        f"(computed {readiness.computed_at:%Y-%m-%d %H:%M} UTC).\n"
        f"Clauses satisfied: {counts['clauses_satisfied']} of {counts['clauses_total']}. "
        f"Included Annex A controls satisfied: {counts['controls_satisfied']} of "
        f"{counts['controls_total']}.\n"
        f"Stage 1 blockers: {counts['blockers']}. Stage 2 nonconformities: {counts['nonconformities']}. "
        f"Observations: {counts['observations']}. Rules not evaluated: {counts['unevaluated']}.\n"
        "Readiness reads the records; it does not judge their quality. A clause is satisfied only when every "
        "rule that tests it passes."
    )
    pdf.heading("Clauses 4 to 10")
    _requirements(pdf, readiness.clauses)
    if readiness.controls:
        pdf.heading("Included Annex A controls")
        _requirements(pdf, readiness.controls)
    _findings(pdf, readiness)
    return bytes(pdf.output())
