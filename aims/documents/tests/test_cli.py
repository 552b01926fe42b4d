"""`aims documents list|show|export-pdf`, read with the acting member's rights."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from aims.documents.models import DocumentVersion
from aims.web.testing import Personas


def test_list_shows_the_register_as_json(
    personas: Personas, published: DocumentVersion, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("documents", "list", "--org", "acme", "--user", "viewer@acme.test", "--json")
    out = capsys.readouterr().out
    assert '"reference": "PRO-001"' in out
    assert '"current_version": 1' in out


def test_show_lists_the_versions(
    personas: Personas, published: DocumentVersion, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("documents", "show", "pro-001", "--org", "acme", "--user", "auditor@acme.test")
    out = capsys.readouterr().out
    assert "PRO-001 AI system development procedure" in out
    assert "v1" in out
    assert "Published" in out


def test_export_pdf_writes_the_version_in_force(
    personas: Personas, published: DocumentVersion, tmp_path: Path
) -> None:
    target = tmp_path / "out.pdf"
    call_command(
        "documents",
        "export-pdf",
        "PRO-001",
        "--org",
        "acme",
        "--user",
        "viewer@acme.test",
        "--output",
        str(target),
    )
    assert "PRO-001" in PdfReader(target).pages[0].extract_text()


def test_an_outsider_or_unknown_document_is_refused(personas: Personas, published: DocumentVersion) -> None:
    with pytest.raises(CommandError, match="not a member"):
        call_command("documents", "list", "--org", "acme", "--user", "outsider@globex.test")
    with pytest.raises(CommandError, match="No document"):
        call_command("documents", "show", "XYZ-1", "--org", "acme", "--user", "viewer@acme.test")
