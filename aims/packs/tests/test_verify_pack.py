"""`verify_pack` on a fresh pack and on packs tampered with in every way the brief names; it reads no
database, and names the first thing that does not match."""

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from aims.packs import layout
from aims.packs.signing import fingerprint, installation_key, public_pem, sign
from aims.packs.tests.conftest import build_pack, members, rewrite, write_pack
from aims.packs.verification import PackUnreadable, verify_pack


@pytest.fixture
def pack(personas, acme):
    return build_pack(personas)


def _problem(tmp_path, data, **options):
    report = verify_pack(write_pack(tmp_path, data), **options)
    assert not report.ok
    return report.problem


def test_a_fresh_pack_verifies_without_touching_the_database(pack, tmp_path, django_assert_num_queries):
    path = write_pack(tmp_path, pack)
    with django_assert_num_queries(0):
        report = verify_pack(path)
    assert report.ok, report.problem
    manifest = json.loads(members(pack)[layout.MANIFEST])
    assert report.files == manifest["file_count"]
    assert report.bytes == manifest["total_bytes"]
    assert report.events == manifest["audit_chain"]["events"] > 0
    assert report.fingerprint == fingerprint(installation_key())
    assert report.organization == "acme"
    assert report.megabytes_per_second > 0


def test_one_changed_byte_in_a_file_names_that_file(pack, acme, tmp_path):
    path = f"evidence/files/{acme['report'].reference}-fairness-report.txt"

    def change(name, content):
        return content[:100] + bytes([content[100] ^ 1]) + content[101:] if name == path else content

    problem = _problem(tmp_path, rewrite(pack, change))
    assert problem == f"{path}: its SHA-256 is not the one in the manifest (changed?)"


def test_a_damaged_byte_in_the_zip_itself_names_the_file(pack, tmp_path):
    pdf = members(pack)["readiness/readiness.pdf"]
    start = pack.find(pdf)  # stored, not deflated: its bytes stand in the archive as they are
    assert start > 0
    damaged = bytearray(pack)
    damaged[start + len(pdf) // 2] ^= 0xFF
    problem = _problem(tmp_path, bytes(damaged))
    assert problem.startswith("readiness/readiness.pdf: cannot be read")


def test_a_removed_file_is_named(pack, tmp_path):
    problem = _problem(
        tmp_path, rewrite(pack, lambda name, content: None if name == "risks/risks.csv" else content)
    )
    assert problem == "risks/risks.csv: listed in the manifest but missing from the pack (removed?)"


def test_an_added_file_is_named(pack, tmp_path):
    problem = _problem(tmp_path, rewrite(pack, add={"evidence/files/EV-9999-forged.pdf": b"%PDF-1.7 forged"}))
    assert problem == "evidence/files/EV-9999-forged.pdf: in the pack but not in the manifest (added?)"


def test_an_edited_manifest_fails_the_signature(pack, tmp_path):
    def change(name, content):
        return (
            content.replace(b'"name": "Acme AI"', b'"name": "Acme AI Ltd"')
            if name == layout.MANIFEST
            else content
        )

    problem = _problem(tmp_path, rewrite(pack, change))
    assert problem.startswith("manifest.json: the signature in manifest.sig does not match it")


def _events(pack):
    return [json.loads(line) for line in members(pack)[layout.EVENTS].splitlines()]


def _with_events(pack, events):
    text = "".join(json.dumps(event, sort_keys=True, separators=(",", ":")) + "\n" for event in events)
    return rewrite(pack, lambda name, content: text.encode() if name == layout.EVENTS else content)


def test_a_changed_audit_event_is_named_by_its_seq(pack, tmp_path):
    events = _events(pack)
    events[1]["verb"] = "control.deleted"
    problem = _problem(tmp_path, _with_events(pack, events))
    assert problem == "audit/events.jsonl: event #2: its content does not match its hash (changed?)"


def test_a_removed_audit_event_is_named(pack, tmp_path):
    events = _events(pack)
    del events[2]
    problem = _problem(tmp_path, _with_events(pack, events))
    assert problem.startswith("audit/events.jsonl: event #4 where event #3 should be")


def test_events_cut_off_at_the_end_fall_short_of_the_head(pack, tmp_path):
    problem = _problem(tmp_path, _with_events(pack, _events(pack)[:-1]))
    assert "the chain head is #" in problem


def test_a_replaced_public_key_is_caught(pack, tmp_path):
    stranger = public_pem(Ed25519PrivateKey.generate())
    replaced = rewrite(pack, lambda name, content: stranger if name == layout.PUBLIC_KEY else content)
    assert _problem(tmp_path, replaced).startswith("manifest.json: the signature")
    own_key = public_pem(installation_key())
    assert _problem(tmp_path, replaced, public_key_pem=own_key) == (
        "public-key.pem: not the key the manifest names (replaced?)"
    )


def test_a_pack_re_signed_with_another_key_passes_only_with_that_key(pack, tmp_path):
    """What verification cannot prove on its own: who made the pack. Only the fingerprint tells."""
    forger = Ed25519PrivateKey.generate()
    manifest = json.loads(members(pack)[layout.MANIFEST])
    manifest["public_key_fingerprint"] = fingerprint(forger)
    forged_manifest = json.dumps(manifest, indent=2).encode()
    replacements = {
        layout.MANIFEST: forged_manifest,
        layout.SIGNATURE: sign(forger, forged_manifest),
        layout.PUBLIC_KEY: public_pem(forger),
    }
    forged = rewrite(pack, lambda name, content: replacements.get(name, content))
    report = verify_pack(write_pack(tmp_path, forged))
    assert report.ok
    assert report.fingerprint == fingerprint(forger) != fingerprint(installation_key())
    assert _problem(tmp_path, forged, public_key_pem=public_pem(installation_key())).startswith(
        "manifest.json: the signature"
    )


def test_a_file_that_is_not_a_zip_is_unreadable(tmp_path):
    with pytest.raises(PackUnreadable):
        verify_pack(write_pack(tmp_path, b"not a zip at all"))
    with pytest.raises(PackUnreadable):
        verify_pack(tmp_path / "missing.zip")
