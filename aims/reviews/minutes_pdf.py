"""The minutes of a management review as a PDF (9.3): the meeting, who attended (top management marked),
every input with its figures and rows (the frozen inputs once held), the discussion notes, the decisions and
the actions. Drawn with fpdf2's core fonts, so all text goes through `latin1`."""

from __future__ import annotations

from datetime import datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

from aims.lib.pdf_text import latin1
from aims.reviews.models import ManagementReview
from aims.reviews.queries import AgendaItem, Minutes

FONT = "Helvetica"
HEADING = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))


class _Page(FPDF):
    def __init__(self, data: Minutes) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.data = data
        review = data.review
        self.set_title(latin1(f"Minutes {review.reference} - {review.organization.name}"))
        self.set_auto_page_break(auto=True, margin=15)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        review = self.data.review
        self.cell(0, 5, latin1(f"{review.organization.name} - {review.reference} - made by aims"), align="L")
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

    def grid(self, widths: tuple[int, ...], head: list[str], rows: list[list[str]]) -> None:
        self.set_font(FONT, "", 8)
        with self.table(col_widths=widths, headings_style=HEADING, repeat_headings=1, line_height=4.5) as t:
            t.row(head)
            for row in rows:
                t.row([latin1(cell)[:600] for cell in row])
        self.ln(1)


def _state(review: ManagementReview) -> str:
    said = review.get_status_display()
    if review.held_on:
        said += f"; held {review.held_on.isoformat()}"
    if review.minutes_approved_at and review.minutes_approved_by:
        said += f"; minutes approved by {review.minutes_approved_by.display_name} "
        said += f"on {review.minutes_approved_at:%Y-%m-%d}"
    return said


def _cover(pdf: _Page, data: Minutes) -> None:
    review = data.review
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 9, latin1(f"Management review {review.reference}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 7, latin1(f"{review.organization.name}: {review.title}"), new_x="LMARGIN", new_y="NEXT")
    chair = review.chair.display_name if review.chair else "-"
    frozen = (
        f"Inputs frozen {review.inputs_frozen_at:%Y-%m-%d %H:%M} UTC, SHA-256 {review.inputs_sha256}"
        if review.inputs_frozen_at
        else "Inputs compiled live (the meeting is not recorded as held yet)"
    )
    pdf.para(
        f"Period under review: {review.period_start.isoformat()} to {review.period_end.isoformat()}\n"
        f"Meeting: {review.planned_on.isoformat()}, {review.place or 'place not given'}; chair: {chair}\n"
        f"Status: {_state(review)}\n{frozen}"
    )


def _attendees(pdf: _Page, data: Minutes) -> None:
    pdf.heading("Attendees")
    if not data.attendees:
        pdf.para("No attendee is listed.")
        return
    rows = [
        [
            a.display_name,
            a.meeting_role or "-",
            "Yes" if a.is_top_management else "-",
            a.get_attendance_display(),
        ]
        for a in data.attendees
    ]
    pdf.grid((70, 55, 30, 35), ["Name", "Role in the meeting", "Top management", "Attendance"], rows)


def _item(pdf: _Page, item: AgendaItem) -> None:
    section = item.section
    pdf.heading(f"{section.clause} {section.title}", size=11)
    if section.figures:
        pdf.grid((130, 60), ["Figure", "Value"], [[label, str(value)] for label, value in section.figures])
    if section.rows:
        rows = [[r.reference, r.title, r.status, r.note] for r in section.rows]
        pdf.grid((22, 70, 30, 68), ["Reference", "Title", "Status", "Note"], rows)
    elif not section.figures:
        pdf.para(section.empty)
    pdf.set_font(FONT, "I", 9)
    pdf.multi_cell(
        0, 5, latin1(f"Discussion: {item.notes or 'no notes recorded.'}"), new_x="LMARGIN", new_y="NEXT"
    )


def _outputs(pdf: _Page, data: Minutes) -> None:
    pdf.heading("Decisions (9.3.3)")
    if data.decisions:
        rows = [[f"D{d.number}", d.get_kind_display(), d.text] for d in data.decisions]
        pdf.grid((12, 55, 123), ["No.", "About", "Decision"], rows)
    else:
        pdf.para("No decision is recorded.")
    pdf.heading("Actions")
    if data.actions:
        rows = [
            [
                a.reference,
                a.description,
                f"D{a.decision.number}" if a.decision else "-",
                a.owner.display_name if a.owner else "-",
                a.due_on.isoformat() if a.due_on else "-",
                a.get_status_display() + (f" {a.done_on.isoformat()}" if a.done_on else ""),
            ]
            for a in data.actions
        ]
        pdf.grid((22, 70, 14, 35, 22, 27), ["Action", "What", "Decision", "Owner", "Due", "Status"], rows)
        pdf.para(f"Action status as of {data.made_at:%Y-%m-%d}.")
    else:
        pdf.para("No action is recorded.")


def minutes_pdf(data: Minutes) -> bytes:
    pdf = _Page(data)
    pdf.add_page()
    _cover(pdf, data)
    _attendees(pdf, data)
    pdf.heading("Inputs (9.3.2)", size=13)
    for item in data.agenda:
        _item(pdf, item)
    _outputs(pdf, data)
    return bytes(pdf.output())


def filename(review: ManagementReview, made_at: datetime) -> str:
    return f"management-review-{review.reference.lower()}-{made_at:%Y-%m-%d}.pdf"
