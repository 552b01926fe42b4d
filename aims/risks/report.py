"""The AI risk register as a PDF for management and auditors: the inherent and residual heat maps under the
criteria in force, then the open risks, highest inherent level first (6.1.2, 6.1.3, 8.2, 8.3).

Drawn with fpdf2's core fonts (no OS fonts), so all text goes through `latin1`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from fpdf import FPDF
from fpdf.fonts import FontFace

from aims.lib.pdf_text import latin1
from aims.organizations.models import Organization
from aims.risks import actions, queries
from aims.risks.models import Risk, RiskCriteria

LISTED = 200  # risks listed in the table; the heat maps count them all
FONT = "Helvetica"
RGB = {
    "green": (46, 125, 50), "yellow": (253, 216, 53), "orange": (239, 108, 0), "red": (198, 40, 40),
    "purple": (106, 27, 154), "blue": (21, 101, 192), "grey": (117, 117, 117),
}  # fmt: skip
DARK_TEXT = {"yellow"}  # colours that need black text on them
CELL = 11.0  # millimetres per heat-map cell
COLUMNS = (("Risk", 20), ("Title", 78), ("AI system", 45), ("Inherent", 24), ("Residual", 24),
           ("Status", 22), ("Owner", 44))  # fmt: skip


@dataclass(frozen=True)
class RiskReport:
    organization: Organization
    criteria: RiskCriteria
    maps: list[queries.HeatMap]
    risks: list[Risk]
    open_count: int
    made_at: datetime


def risk_report(organization: Organization) -> RiskReport:
    """What the PDF shows, read in a fixed number of queries."""
    criteria = actions.ensure_default_criteria(organization)
    spec = criteria.spec()
    open_risks = queries.risks_for(organization, queries.RiskFilter(sort="-level"))
    return RiskReport(
        organization=organization,
        criteria=criteria,
        maps=[queries.heat_map(organization, residual, spec=spec) for residual in (False, True)],
        risks=list(open_risks[:LISTED]),
        open_count=open_risks.count(),
        made_at=timezone.now(),
    )


class _Page(FPDF):
    def __init__(self, report: RiskReport) -> None:
        super().__init__(orientation="landscape", unit="mm", format="A4")
        self.report = report
        self.set_title(latin1(f"AI risk register - {report.organization.name}"))
        self.set_auto_page_break(auto=True, margin=15)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        made = self.report.made_at.strftime("%Y-%m-%d %H:%M UTC")
        self.cell(0, 5, latin1(f"{self.report.organization.name} - made by aims {made}"), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def _draw_map(pdf: _Page, heat: queries.HeatMap, x: float, y: float) -> None:
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(80, 6, "Residual risk" if heat.residual else "Inherent risk")
    pdf.set_font(FONT, "", 8)
    top = y + 8
    for row_index, row in enumerate(heat.rows):
        pdf.set_xy(x, top + row_index * CELL)
        pdf.cell(6, CELL, str(row[0].likelihood), align="C")
        for cell in row:
            pdf.set_fill_color(*RGB.get(cell.colour, RGB["grey"]))
            pdf.set_text_color(*((0, 0, 0) if cell.colour in DARK_TEXT else (255, 255, 255)))
            pdf.cell(CELL, CELL, str(cell.count) if cell.count else "", border=1, align="C", fill=True)
        pdf.set_text_color(0)
    pdf.set_xy(x + 6, top + len(heat.rows) * CELL)
    for value, _label in heat.consequence:
        pdf.cell(CELL, 5, str(value), align="C")
    pdf.set_xy(x, top + len(heat.rows) * CELL + 6)
    pdf.multi_cell(100, 4, latin1(f"{heat.total} open risks rated. Rows: likelihood; columns: consequence."))


def _cover(pdf: _Page, report: RiskReport) -> None:
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 9, latin1(f"AI risk register - {report.organization.name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    levels = ", ".join(f"{lv.label} ({lv.rule()})" for lv in report.criteria.spec().levels)
    facts = (
        f"Made {report.made_at:%Y-%m-%d}. Risk criteria version {report.criteria.version}. "
        f"{report.open_count} open risks and opportunities. Levels: {levels}"
    )
    pdf.multi_cell(0, 5, latin1(facts), new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 3
    for index, heat in enumerate(report.maps):
        _draw_map(pdf, heat, pdf.l_margin + index * 130, y)


def _row(risk: Risk) -> tuple[str, ...]:
    system = f"{risk.ai_system.reference} {risk.ai_system.name}" if risk.ai_system else "Organisation-wide"
    owner = risk.owner.display_name if risk.owner else "-"
    return (
        risk.reference,
        risk.title,
        system,
        risk.level_label or "Not rated",
        risk.residual_level_label or "-",
        risk.get_status_display(),
        owner,
    )


def _table(pdf: _Page, report: RiskReport) -> None:
    pdf.add_page()
    pdf.set_font(FONT, "B", 12)
    title = f"Open risks, highest inherent level first ({len(report.risks)} of {report.open_count})"
    pdf.cell(0, 7, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    heading = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    widths = tuple(width for _name, width in COLUMNS)
    with pdf.table(col_widths=widths, headings_style=heading, repeat_headings=1, line_height=4.5) as table:
        table.row([name for name, _width in COLUMNS])
        for risk in report.risks:
            table.row([latin1(text)[:300] for text in _row(risk)])


def risk_report_pdf(report: RiskReport) -> bytes:
    pdf = _Page(report)
    pdf.add_page()
    _cover(pdf, report)
    _table(pdf, report)
    return bytes(pdf.output())


def filename(report: RiskReport) -> str:
    return f"ai-risk-register-{report.organization.slug}-{report.made_at:%Y-%m-%d}.pdf"
