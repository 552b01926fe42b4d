"""A version as PDF (fpdf2): the control block (reference, version, state, author, approver, dates) and the
body rendered from Markdown.

fpdf2's core fonts cover latin-1 only, and no font file is shipped, so text is made latin-1 safe: typographic
characters get their plain equivalents and anything else becomes "?". Images in the Markdown are dropped
(their alt text kept) so that rendering never fetches a URL.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from fpdf import FPDF
from fpdf.errors import FPDFException

from aims.documents.models import DocumentVersion
from aims.lib.markdown import render_markdown
from aims.lib.pdf_text import latin1

FONT = "Helvetica"
_IMAGE = re.compile(r"<img\b[^>]*?alt=\"([^\"]*)\"[^>]*>|<img\b[^>]*>", re.IGNORECASE)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "-"


def _who(user: Any) -> str:
    return latin1(user.display_name if user is not None else "-")


class _Page(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(110)
        self.cell(0, 5, f"{self.footer_text}  -  page {self.page_no()} of {{nb}}", align="C")


def _control_rows(version: DocumentVersion) -> list[tuple[str, str]]:
    document = version.document
    rows = [
        ("Reference", document.reference),
        ("Version", f"{version.number} ({version.get_state_display().lower()})"),
        ("Kind", document.get_kind_display()),
        ("Classification", document.get_classification_display()),
        ("Owner", _who(document.owner)),
        ("Author", _who(version.author)),
        ("Submitted", _when(version.submitted_at)),
        ("Approved by", f"{_who(version.reviewed_by)} on {_when(version.reviewed_at)}"
         if version.reviewed_by and version.state != DocumentVersion.State.CHANGES_REQUESTED else "-"),
        ("Published", f"{_who(version.published_by)} on {_when(version.published_at)}"
         if version.published_at else "-"),
        ("Superseded", _when(version.superseded_at)),
        ("Next review", document.next_review_on.isoformat() if document.next_review_on else "-"),
    ]  # fmt: skip
    if version.change_summary:
        rows.append(("Change", version.change_summary))
    if version.file:
        rows.append(("Attached file", f"{version.file_name} (SHA-256 {version.file_sha256})"))
    return [(label, latin1(value)) for label, value in rows]


def _write_control_block(pdf: _Page, version: DocumentVersion) -> None:
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, latin1(version.document.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, size=9)
    for label, value in _control_rows(version):
        pdf.set_font(FONT, "B", 9)
        pdf.cell(32, 5, label)
        pdf.set_font(FONT, size=9)
        pdf.multi_cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    if version.state != DocumentVersion.State.PUBLISHED:
        pdf.ln(2)
        pdf.set_text_color(160, 0, 0)
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 5, "This version is not the one in force.", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    pdf.ln(4)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)


def _html(body: str) -> str:
    rendered = str(render_markdown(body))
    return latin1(_IMAGE.sub(lambda found: found.group(1) or "", rendered))


def _write_body(pdf: _Page, version: DocumentVersion, *, plain: bool) -> None:
    pdf.set_font(FONT, size=10)
    if not version.body.strip():
        pdf.multi_cell(0, 5, "This version has no text; its content is the attached file.")
    elif plain:
        pdf.multi_cell(0, 5, latin1(version.body))
    else:
        pdf.write_html(_html(version.body))


def _render(version: DocumentVersion, *, plain: bool) -> bytes:
    document = version.document
    footer = latin1(f"{document.reference} v{version.number} - {version.get_state_display()}")
    pdf = _Page(footer)
    pdf.set_title(latin1(f"{document.reference} {document.title} v{version.number}"))
    pdf.set_creator("aims")
    pdf.add_page()
    _write_control_block(pdf, version)
    _write_body(pdf, version, plain=plain)
    return bytes(pdf.output())


def version_pdf(version: DocumentVersion) -> bytes:
    """The PDF of one version, for download: Markdown laid out, or its plain text if the layout fails."""
    try:
        return _render(version, plain=False)
    except (FPDFException, ValueError, KeyError, NotImplementedError, AttributeError, TypeError):
        # Markup that write_html cannot lay out (an odd table, say): the plain Markdown text instead.
        return _render(version, plain=True)


def filename(version: DocumentVersion) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", version.document.reference).strip("-") or "document"
    return f"{safe}-v{version.number}.pdf"
