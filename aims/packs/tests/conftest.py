"""Evidence-pack fixtures: a signing key and stored files under the test's own folder, Acme with an included
control supported by a file and a link, and helpers to build a pack and to tamper with one."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aims.controls import actions as control_actions
from aims.controls.actions import ReasonInput
from aims.controls.models import Control, ensure_annex_a_controls
from aims.evidence import actions as evidence_actions
from aims.evidence.models import Evidence
from aims.organizations.models import Organization
from aims.packs.actions import export_pack
from aims.web.testing import Personas

EVIDENCE_BYTES = "".join(
    f"Fairness test {n}: demographic parity gap ≤ 0.02 ✓\n" for n in range(3_000)
).encode()
COLLECTED = date(2026, 1, 5)


@pytest.fixture(autouse=True)
def signing_key(settings: Any, tmp_path: Path) -> Path:
    """Each test signs with a key of its own, made on first use in its temporary folder."""
    path = tmp_path / "keys" / "pack-signing-key.pem"
    settings.AIMS_PACK_SIGNING_KEY_FILE = path
    return path


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


@pytest.fixture
def acme(personas: Personas, catalog: None, media: Path) -> dict[str, Any]:
    """A.6.2.4 included in Acme and supported by a file and a link; Globex's evidence beside it."""
    controls = {control.reference: control for control in ensure_annex_a_controls(personas.org)}
    control = control_actions.set_applicability(
        actor=personas.manager,
        control=controls["A.6.2.4"],
        decision="included",
        reasons=[ReasonInput(kind="best_practice", note="Verification and validation of AI systems.")],
    )
    report = _file(personas, personas.org, control, "fairness-report.txt", EVIDENCE_BYTES)
    link = evidence_actions.add_evidence_link(
        actor=personas.manager,
        organization=personas.org,
        url="https://wiki.acme.test/validation",
        supports=[control],
        title="Validation wiki page",
        collected_on=COLLECTED,
    )
    unrelated = _file(personas, personas.org, None, "unrelated.txt", b"Supports nothing included.\n")
    globex_control = ensure_annex_a_controls(personas.other_org)[0]
    secret = _file(personas, personas.other_org, globex_control, "globex.txt", b"Globex only.\n")
    return {"control": control, "report": report, "link": link, "unrelated": unrelated, "globex": secret}


def _file(
    personas: Personas, organization: Organization, control: Control | None, name: str, data: bytes
) -> Evidence:
    actor = personas.manager if organization == personas.org else personas.outsider
    return evidence_actions.add_evidence_file(
        actor=actor,
        organization=organization,
        upload=SimpleUploadedFile(name, data, content_type="text/plain"),
        supports=[control] if control is not None else [],
        title=f"Evidence {name}",
        collected_on=COLLECTED,
    )


def build_pack(personas: Personas, *, since: date | None = None, persona: str = "auditor") -> bytes:
    return b"".join(export_pack(actor=personas.user(persona), organization=personas.org, since=since))


def write_pack(tmp_path: Path, data: bytes, name: str = "pack.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rewrite(
    data: bytes,
    change: Callable[[str, bytes], bytes | None] = lambda name, content: content,
    *,
    add: dict[str, bytes] | None = None,
) -> bytes:
    """The pack rebuilt member by member, as someone tampering with it would: `change` returns a member's new
    content, or None to leave it out; `add` appends members."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                out.writestr(info.filename, content)
        for name, content in (add or {}).items():
            out.writestr(name, content)
    return buffer.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
