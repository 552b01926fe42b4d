"""The Statement of Applicability as a document: XLSX, DOCX and PDF, from an approved version or the draft.

Each export carries the organisation, the version, the approver and the approval date (or DRAFT), and one row
per control with its group, decision, reasons or justification, status, owner, how it is implemented, and the
evidence that supports it when the document is made (evidence is not frozen in an approved version).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from aims.controls import queries
from aims.controls.models import SoAVersion
from aims.organizations.models import Organization

FORMATS = ("xlsx", "docx", "pdf")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
TITLE = "Statement of Applicability"
STANDARD = "ISO/IEC 42001:2023, clause 6.1.3 and Annex A"
COLUMNS = (
    "ID", "Control", "Control group", "Included?", "Reasons for inclusion", "Justification for exclusion",
    "Implementation status", "Owner", "How it is implemented", "Evidence",
)  # fmt: skip


@dataclass(frozen=True)
class SoADocument:
    organization: str
    version: str  # "Version 3" or "DRAFT (not approved)"
    approved_by: str
    approved_on: str  # "2026-11-27" or ""
    generated_at: datetime
    content_hash: str
    entries: list[dict[str, Any]]
    evidence: dict[str, str] = field(default_factory=dict)
    """{control reference: the evidence supporting it when the document was made}."""

    @property
    def is_draft(self) -> bool:
        return not self.approved_on

    @property
    def slug(self) -> str:
        return "draft" if self.is_draft else self.version.lower().replace(" ", "-")

    def facts(self) -> list[tuple[str, str]]:
        """The cover facts, in order."""
        return [
            ("Organisation", self.organization),
            ("Document", TITLE),
            ("Standard", STANDARD),
            ("Version", self.version),
            ("Approved by", self.approved_by or "Not approved"),
            ("Approval date", self.approved_on or "Not approved"),
            ("Controls", self.counts()),
            ("Generated", self.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
            ("Content hash (SHA-256)", self.content_hash or "—"),
        ]

    def counts(self) -> str:
        included = sum(1 for entry in self.entries if entry["decision"] == "included")
        excluded = sum(1 for entry in self.entries if entry["decision"] == "excluded")
        undecided = len(self.entries) - included - excluded
        text = f"{len(self.entries)}: {included} included, {excluded} excluded"
        return text + (f", {undecided} undecided" if undecided else "")

    def groups(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Entries by control group, in document order: ("A.2 Policies related to AI", [...])."""
        found: dict[str, list[dict[str, Any]]] = {}
        for entry in self.entries:
            heading = entry["group_title"] if entry["custom"] else f"{entry['group']} {entry['group_title']}"
            found.setdefault(heading, []).append(entry)
        return list(found.items())


def row_of(entry: dict[str, Any], evidence: str = "") -> list[str]:
    """One control as the cells of COLUMNS; `evidence` is what supports it, as text."""
    decision = {"included": "Yes", "excluded": "No"}.get(entry["decision"], "Undecided")
    group = entry["group_title"] if entry["custom"] else f"{entry['group']} {entry['group_title']}"
    return [
        entry["ref"],
        entry["title"],
        group,
        decision,
        queries.reasons_text(entry),
        entry["justification"],
        queries.STATUS_LABELS.get(entry["status"], entry["status"]),
        entry["owner"],
        entry["implementation"],
        evidence,
    ]


def document_for_version(version: SoAVersion) -> SoADocument:
    return SoADocument(
        organization=version.snapshot.get("organization", ""),
        version=f"Version {version.number}",
        approved_by=version.approved_by_name,
        approved_on=timezone.localtime(version.approved_at).date().isoformat(),
        generated_at=timezone.now(),
        content_hash=version.content_hash,
        entries=version.entries,
        evidence=queries.evidence_by_reference(version.organization),
    )


def document_for_draft(organization: Organization) -> SoADocument:
    snapshot = queries.snapshot_of(organization, queries.soa_controls(organization))
    return SoADocument(
        organization=organization.name,
        version="DRAFT (not approved)",
        approved_by="",
        approved_on="",
        generated_at=timezone.now(),
        content_hash="",
        entries=snapshot["controls"],
        evidence=queries.evidence_by_reference(organization),
    )


def render(document: SoADocument, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the document in the format."""
    from aims.controls.exports import docx, pdf, xlsx

    writers: dict[str, Callable[[SoADocument], bytes]] = {
        "xlsx": xlsx.write,
        "docx": docx.write,
        "pdf": pdf.write,
    }
    if fmt not in writers:
        raise ValueError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    name = f"soa-{document.slug}.{fmt}"
    return writers[fmt](document), CONTENT_TYPES[fmt], name
