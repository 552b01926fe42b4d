"""`aims pack export`, `aims pack verify` and `aims pack key`, with their exit codes."""

import json

import pytest
from django.core.management import CommandError, call_command

from aims.audit.models import AuditEvent
from aims.packs import layout
from aims.packs.signing import fingerprint, installation_key
from aims.packs.tests.conftest import build_pack, rewrite, write_pack


def test_export_writes_a_pack_that_verify_passes(personas, acme, tmp_path, capsys):
    output = tmp_path / "acme.zip"
    call_command("pack", "export", "--org", "acme", "--output", str(output))
    assert "Wrote" in capsys.readouterr().out
    assert not (tmp_path / "acme.zip.part").exists()
    call_command("pack", "verify", str(output))
    out = capsys.readouterr().out
    assert "Pack of acme" in out
    assert f"fingerprint {fingerprint(installation_key())}" in out
    assert "OK:" in out
    assert "MB/s" in out
    event = AuditEvent.objects.filter(organization=personas.org, verb="pack.exported").get()
    assert event.actor_label == "system"


def test_export_as_a_member_is_refused_for_a_viewer(personas, tmp_path):
    with pytest.raises(CommandError, match="owners, managers and auditors") as failure:
        call_command("pack", "export", "--org", "acme", "--output", str(tmp_path / "p.zip"), "--user",
                     "viewer@acme.test")  # fmt: skip
    assert failure.value.returncode == 2
    assert not (tmp_path / "p.zip").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [(["--org", "nope"], "No organisation 'nope'"), (["--org", "acme", "--since", "soon"], "YYYY-MM-DD"),
     (["--org", "acme", "--since", "2999-01-01"], "future")],
)  # fmt: skip
def test_export_exits_2_for_bad_options(personas, tmp_path, options, message):
    with pytest.raises(CommandError, match=message) as failure:
        call_command("pack", "export", *options, "--output", str(tmp_path / "p.zip"))
    assert failure.value.returncode == 2


def test_verify_exits_1_naming_the_changed_file(personas, acme, tmp_path, capsys):
    changed = rewrite(build_pack(personas), lambda name, c: c + b"x" if name == "risks/risks.csv" else c)
    with pytest.raises(CommandError) as failure:
        call_command("pack", "verify", str(write_pack(tmp_path, changed)))
    assert failure.value.returncode == 1
    assert "MISMATCH: risks/risks.csv:" in capsys.readouterr().err


def test_verify_exits_1_naming_the_changed_event(personas, acme, tmp_path, capsys):
    def change(name, content):
        if name != layout.EVENTS:
            return content
        lines = content.splitlines(keepends=True)
        event = json.loads(lines[2])
        event["actor_label"] = "someone.else@acme.test"
        lines[2] = json.dumps(event, sort_keys=True, separators=(",", ":")).encode() + b"\n"
        return b"".join(lines)

    with pytest.raises(CommandError) as failure:
        call_command("pack", "verify", str(write_pack(tmp_path, rewrite(build_pack(personas), change))))
    assert failure.value.returncode == 1
    err = capsys.readouterr().err
    assert "MISMATCH: audit/events.jsonl: event #3: its content does not match its hash (changed?)" in err


def test_verify_exits_2_for_an_unreadable_file(tmp_path):
    with pytest.raises(CommandError, match="not a readable ZIP") as failure:
        call_command("pack", "verify", str(write_pack(tmp_path, b"PK\x03\x04 truncated")))
    assert failure.value.returncode == 2


def test_verify_against_a_known_key(personas, acme, tmp_path, capsys):
    key_file = tmp_path / "known.pem"
    call_command("pack", "key")
    key_file.write_text(capsys.readouterr().out.split("Fingerprint")[0])
    call_command("pack", "verify", str(write_pack(tmp_path, build_pack(personas))), "--key", str(key_file))
    assert "Key: the key you gave" in capsys.readouterr().out
    key_file.write_text("not a key")
    with pytest.raises(CommandError) as failure:
        call_command("pack", "verify", str(tmp_path / "pack.zip"), "--key", str(key_file))
    assert failure.value.returncode == 2


def test_key_prints_the_public_key_and_its_fingerprint(capsys):
    call_command("pack", "key")
    out = capsys.readouterr().out
    assert out.startswith("-----BEGIN PUBLIC KEY-----")
    assert f"Fingerprint (SHA-256): {fingerprint(installation_key())}" in out
