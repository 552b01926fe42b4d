"""The audit report for management (9.2.2 e)) as a PDF: the audit, its scope, criteria, team and dates, the
results counted, the findings with their notes and the nonconformities raised, and the conclusion. Until the
audit is reported every page says DRAFT.

Drawn with fpdf2's core fonts (no OS fonts), so all text goes through `latin1`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from fpdf import FPDF
from fpdf.fonts import FontFace

from aims.internal_audits import queries
from aims.internal_audits.models import ChecklistItem, InternalAudit
from aims.lib.pdf_text import latin1

FONT = "Helvetica"
FINDING_COLUMNS = (("Ref", 18), ("Requirement", 48), ("Result", 34), ("Notes", 62), ("NC", 18))


@dataclass(frozen=True)
class AuditReport:
    audit: InternalAudit
    items: list[ChecklistItem]
    made_at: datetime

    @property
    def is_draft(self) -> bool:
        return not self.audit.is_final


def audit_report(audit: InternalAudit) -> AuditReport:
    """What the PDF shows, read in a fixed number of queries."""
    fresh = queries.with_relations(InternalAudit.objects.filter(pk=audit.pk)).get()
    return AuditReport(audit=fresh, items=queries.checklist(fresh), made_at=timezone.now())


class _Page(FPDF):
    def __init__(self, report: AuditReport) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        self.set_title(latin1(f"Internal audit report {report.audit.reference}"))
        self.set_auto_page_break(auto=True, margin=15)
        self.alias_nb_pages()

    def header(self) -> None:
        if self.report.is_draft:
            self.set_font(FONT, "B", 10)
            self.set_text_color(198, 40, 40)
            self.cell(0, 5, "DRAFT - not yet reported", align="R", new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        audit = self.report.audit
        made = self.report.made_at.strftime("%Y-%m-%d %H:%M UTC")
        self.cell(0, 5, latin1(f"{audit.organization.name} - {audit.reference} - made by aims {made}"))
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def _date(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else "-"


def _facts(report: AuditReport) -> list[tuple[str, str]]:
    audit = report.audit
    scope = ", ".join(f"{i.ref} {i.title}" for i in audit.scope_items.all()) or "-"
    systems = ", ".join(f"{s.reference} {s.name}" for s in audit.ai_systems.all()) or "-"
    team = ", ".join(u.display_name for u in audit.team.all()) or "-"
    programme = f"{audit.programme.cycle} {audit.programme.name}" if audit.programme else "Standalone audit"
    return [
        ("Organisation", audit.organization.name),
        ("Programme", programme),
        ("Status", audit.get_status_display()),
        ("Scope", scope),
        ("AI systems", systems),
        ("Criteria", audit.criteria or "-"),
        ("Lead auditor", audit.lead_auditor.display_name),
        ("Team", team),
        ("Planned", f"{_date(audit.planned_start)} to {_date(audit.planned_end)}"),
        ("Conducted", f"{_date(audit.actual_start)} to {_date(audit.actual_end)}"),
        ("Reported on", _date(audit.reported_on)),
    ]


def _heading(pdf: _Page, text: str) -> None:
    pdf.ln(3)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)


def _cover(pdf: _Page, report: AuditReport) -> None:
    audit = report.audit
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(
        0, 8, latin1(f"Internal audit report {audit.reference}: {audit.title}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font(FONT, "", 9)
    heading = FontFace(emphasis="BOLD")
    with pdf.table(col_widths=(35, 145), first_row_as_headings=False, line_height=4.5) as table:
        for name, value in _facts(report):
            row = table.row()
            row.cell(latin1(name), style=heading)
            row.cell(latin1(value)[:1500])


def _summary(pdf: _Page, report: AuditReport) -> None:
    _heading(pdf, f"Results ({len(report.items)} requirements checked)")
    with pdf.table(col_widths=(120, 30), line_height=4.5) as table:
        table.row(["Result", "Count"])
        for _value, label, count in queries.result_counts(report.items):
            table.row([latin1(label), str(count)])


def _findings(pdf: _Page, report: AuditReport) -> None:
    findings = [item for item in report.items if item.is_finding]
    _heading(pdf, f"Findings ({len(findings)})")
    if not findings:
        pdf.multi_cell(0, 5, "No finding: every requirement checked conforms.", new_x="LMARGIN", new_y="NEXT")
        return
    heading = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    widths = tuple(width for _name, width in FINDING_COLUMNS)
    with pdf.table(col_widths=widths, headings_style=heading, repeat_headings=1, line_height=4.5) as table:
        table.row([name for name, _width in FINDING_COLUMNS])
        for item in findings:
            nc = item.nonconformity.reference if item.nonconformity else "-"
            cells = (item.ref, item.title, item.get_result_display(), item.notes or "-", nc)
            table.row([latin1(text)[:800] for text in cells])


def _conclusion(pdf: _Page, report: AuditReport) -> None:
    _heading(pdf, "Conclusion")
    text = report.audit.conclusion or "No conclusion yet."
    pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT")


def audit_report_pdf(report: AuditReport) -> bytes:
    pdf = _Page(report)
    pdf.add_page()
    _cover(pdf, report)
    _summary(pdf, report)
    _findings(pdf, report)
    _conclusion(pdf, report)
    return bytes(pdf.output())


def filename(report: AuditReport) -> str:
    audit = report.audit
    draft = "-draft" if report.is_draft else ""
    return f"internal-audit-{audit.organization.slug}-{audit.reference}{draft}.pdf"
