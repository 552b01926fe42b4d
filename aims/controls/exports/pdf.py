"""The SoA as a PDF (fpdf2): cover facts on top, then a landscape table whose header row repeats on every
page, with "Page n of m" in the footer. Only core fonts are used (no OS fonts), so text is made latin-1."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.fonts import FontFace

from aims.controls.exports import COLUMNS, TITLE, SoADocument, row_of
from aims.lib.pdf_text import latin1

WIDTHS = (14, 38, 28, 14, 44, 36, 22, 22, 30, 29)  # millimetres, landscape A4 less margins
CELL_LIMIT = 900  # characters per cell, so that one row never outgrows a page


def _cell(text: str) -> str:
    text = latin1(text)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 3] + "..."


class SoAPDF(FPDF):
    def __init__(self, document: SoADocument) -> None:
        super().__init__(orientation="landscape", unit="mm", format="A4")
        self.document = document
        self.set_title(latin1(f"{TITLE} - {document.organization}"))
        self.set_author(latin1(document.organization))
        self.set_auto_page_break(auto=True, margin=15)
        self.alias_nb_pages()

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90)
        line = f"{TITLE} - {self.document.organization} - {self.document.version}"
        self.cell(0, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def _cover(pdf: SoAPDF, document: SoADocument) -> None:
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, latin1(TITLE), new_x="LMARGIN", new_y="NEXT")
    if document.is_draft:
        pdf.set_text_color(200, 0, 0)
        pdf.cell(0, 8, "DRAFT - NOT APPROVED", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    pdf.ln(2)
    with pdf.table(col_widths=(55, 180), first_row_as_headings=False, text_align="LEFT") as table:
        for label, value in document.facts():
            row = table.row()
            pdf.set_font("Helvetica", "B", 10)
            row.cell(latin1(label))
            row.cell(latin1(value))
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(4)


def _controls(pdf: SoAPDF, document: SoADocument) -> None:
    pdf.set_font("Helvetica", "", 7)
    heading = FontFace(emphasis="BOLD", fill_color=(225, 225, 225))
    with pdf.table(
        col_widths=WIDTHS, headings_style=heading, repeat_headings=1, text_align="LEFT", line_height=3.5
    ) as table:
        header = table.row()
        for title in COLUMNS:
            header.cell(latin1(title))
        for entry in document.entries:
            row = table.row()
            for value in row_of(entry, document.evidence.get(entry["ref"], "")):
                row.cell(_cell(value))


def write(document: SoADocument) -> bytes:
    pdf = SoAPDF(document)
    pdf.add_page()
    _cover(pdf, document)
    _controls(pdf, document)
    return bytes(pdf.output())
