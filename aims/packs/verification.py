"""Checking an evidence pack with nothing but the file: no database, no network.

In order, stopping at the first thing that does not match and naming it:

1. the signature of manifest.json (manifest.sig), with the public key in the pack or one given;
2. the public key in the pack is the one the manifest names (by fingerprint);
3. every file the manifest lists is in the ZIP, and nothing else is;
4. every file's size and SHA-256, read in chunks; audit/events.jsonl is walked as it is read: each event's
   hash recomputed from its fields, each linked to the one before (the first to the anchor), the last
   being the head the manifest records;
5. audit/head.json says what the manifest says.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from aims.audit.models import GENESIS_HASH
from aims.audit.trail import chain_hash
from aims.packs import layout
from aims.packs.signing import fingerprint, public_key_from_pem

CHUNK = 1 << 20


class PackUnreadable(Exception):
    """The file is not a ZIP that can be read at all (missing, truncated, another kind of file)."""


class Mismatch(Exception):
    """Something in the pack is not what the signed manifest says; the message names it."""


@dataclass
class PackReport:
    """What verification found: `problem` names the first thing that does not match (empty when all do)."""

    fingerprint: str = ""
    key_source: str = ""
    organization: str = ""
    created_at: str = ""
    since: str | None = None
    files: int = 0
    bytes: int = 0
    events: int = 0
    seconds: float = 0.0
    problem: str = ""
    manifest: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def megabytes_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0


def verify_pack(source: Path | str | IO[bytes], *, public_key_pem: bytes | None = None) -> PackReport:
    """Check a pack against its own manifest and signature (or against `public_key_pem`, a key you trust).

    Raises PackUnreadable when the file cannot be opened as a ZIP; returns a report otherwise.
    """
    started = time.perf_counter()
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise PackUnreadable(f"{source}: not a readable ZIP file ({exc})") from None
    report = PackReport()
    with archive:
        try:
            _Verifier(archive, report).run(public_key_pem)
        except Mismatch as exc:
            report.problem = str(exc)
    report.seconds = time.perf_counter() - started
    return report


class _Verifier:
    def __init__(self, archive: zipfile.ZipFile, report: PackReport) -> None:
        self.archive, self.report = archive, report
        self.names = archive.namelist()

    def run(self, public_key_pem: bytes | None) -> None:
        self._no_duplicates()
        key = self._key(public_key_pem)
        manifest = self._signed_manifest(key)
        self._embedded_key_named(manifest)
        listed = self._listed(manifest)
        self._same_members(listed)
        chain = _Chain(manifest.get("audit_chain"))
        for entry in listed:
            self._check_file(entry, chain if entry["path"] == layout.EVENTS else None)
        self._head_agrees(manifest.get("audit_chain"))
        self.report.events = chain.checked

    def _no_duplicates(self) -> None:
        seen: set[str] = set()
        for name in self.names:
            if name in seen:
                raise Mismatch(f"{name}: appears twice in the ZIP")
            seen.add(name)

    def _read(self, name: str, what: str) -> bytes:
        if name not in self.names:
            raise Mismatch(f"{name}: missing ({what})")
        try:
            return self.archive.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise Mismatch(f"{name}: cannot be read ({exc})") from None

    def _key(self, public_key_pem: bytes | None) -> Ed25519PublicKey:
        source, pem = "the key you gave", public_key_pem
        if pem is None:
            source, pem = (
                f"the key inside the pack ({layout.PUBLIC_KEY})",
                self._read(layout.PUBLIC_KEY, "the public key"),
            )
        try:
            key = public_key_from_pem(pem)
        except ValueError as exc:
            raise Mismatch(
                f"{layout.PUBLIC_KEY if public_key_pem is None else 'the key you gave'}: {exc}"
            ) from None
        self.report.fingerprint, self.report.key_source = fingerprint(key), source
        return key

    def _signed_manifest(self, key: Ed25519PublicKey) -> dict[str, Any]:
        data = self._read(layout.MANIFEST, "the manifest")
        try:
            signature = base64.b64decode(self._read(layout.SIGNATURE, "the signature").strip(), validate=True)
            key.verify(signature, data)
        except (InvalidSignature, binascii.Error, ValueError):
            raise Mismatch(
                f"{layout.MANIFEST}: the signature in {layout.SIGNATURE} does not match it with "
                f"{self.report.key_source} (the manifest was changed, or signed with another key)"
            ) from None
        try:
            manifest = json.loads(data)
            self._describe(manifest)
        except (ValueError, TypeError, KeyError, AttributeError):
            raise Mismatch(f"{layout.MANIFEST}: signed, but not an aims evidence pack manifest") from None
        return manifest

    def _describe(self, manifest: dict[str, Any]) -> None:
        if manifest["format"] != layout.FORMAT or manifest["format_version"] != layout.FORMAT_VERSION:
            raise ValueError("another format")
        self.report.manifest = manifest
        self.report.organization = manifest["organization"]["slug"]
        self.report.created_at, self.report.since = manifest["created_at"], manifest["since"]

    def _embedded_key_named(self, manifest: dict[str, Any]) -> None:
        pem = self._read(layout.PUBLIC_KEY, "the public key")
        try:
            embedded = fingerprint(public_key_from_pem(pem))
        except ValueError as exc:
            raise Mismatch(f"{layout.PUBLIC_KEY}: {exc}") from None
        if embedded != manifest.get("public_key_fingerprint"):
            raise Mismatch(f"{layout.PUBLIC_KEY}: not the key the manifest names (replaced?)")

    def _listed(self, manifest: dict[str, Any]) -> list[dict[str, Any]]:
        listed = manifest.get("files")
        if not isinstance(listed, list) or not all(_is_entry(entry) for entry in listed):
            raise Mismatch(f"{layout.MANIFEST}: its list of files is malformed")
        paths = [entry["path"] for entry in listed]
        for required in layout.REQUIRED:
            if required not in paths:
                raise Mismatch(f"{required}: not listed in the manifest")
        if len(set(paths)) != len(paths) or layout.UNLISTED & set(paths):
            raise Mismatch(f"{layout.MANIFEST}: lists a file twice, or lists the manifest itself")
        return listed

    def _same_members(self, listed: list[dict[str, Any]]) -> None:
        present = set(self.names)
        for entry in listed:
            if entry["path"] not in present:
                raise Mismatch(
                    f"{entry['path']}: listed in the manifest but missing from the pack (removed?)"
                )
        expected = {entry["path"] for entry in listed} | layout.UNLISTED
        for name in self.names:
            if name not in expected:
                raise Mismatch(f"{name}: in the pack but not in the manifest (added?)")

    def _check_file(self, entry: dict[str, Any], chain: _Chain | None) -> None:
        path, digest, size = entry["path"], hashlib.sha256(), 0
        try:
            with self.archive.open(path) as handle:
                for chunk in iter(lambda: handle.read(CHUNK), b""):
                    digest.update(chunk)
                    size += len(chunk)
                    if chain is not None:
                        chain.feed(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise Mismatch(f"{path}: cannot be read ({exc}); the ZIP was damaged or changed") from None
        if chain is not None:
            chain.finish()
        self.report.files += 1
        self.report.bytes += size
        if size != entry["size"]:
            raise Mismatch(f"{path}: {size:,} bytes, but the manifest says {entry['size']:,} (changed?)")
        if digest.hexdigest() != entry["sha256"]:
            raise Mismatch(f"{path}: its SHA-256 is not the one in the manifest (changed?)")

    def _head_agrees(self, head: Any) -> None:
        try:
            said = json.loads(self._read(layout.HEAD, "the chain head"))
        except ValueError:
            said = None
        if said != head:
            raise Mismatch(f"{layout.HEAD}: does not agree with the chain head in the manifest")


def _is_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("sha256"), str)
        and isinstance(entry.get("size"), int)
    )


class _Chain:
    """A walk along audit/events.jsonl, fed in chunks as the file is hashed."""

    def __init__(self, head: Any) -> None:
        try:
            self.expected_seq, self.expected_prev = int(head["first_seq"]), str(head["anchor"])
            self.last_seq, self.last_hash = int(head["last_seq"]), str(head["last_hash"])
        except (KeyError, TypeError, ValueError):
            raise Mismatch(f"{layout.MANIFEST}: its audit chain head is malformed") from None
        if self.expected_seq == 1 and self.expected_prev != GENESIS_HASH:
            raise Mismatch(
                f"{layout.MANIFEST}: a chain that starts at event #1 must start from the genesis hash"
            )
        self.checked, self.line, self.rest = 0, 0, b""

    def feed(self, chunk: bytes) -> None:
        lines = (self.rest + chunk).split(b"\n")
        self.rest = lines.pop()
        for line in lines:
            self.line += 1
            self._event(line)

    def finish(self) -> None:
        if self.rest:
            self.line += 1
            self._event(self.rest)
            self.rest = b""
        if self.expected_seq - 1 != self.last_seq:
            raise self._broken(
                f"the events end at #{self.expected_seq - 1}, but the chain head is #{self.last_seq} "
                "(events removed?)"
            )
        if self.expected_prev != self.last_hash:
            raise self._broken(f"the last event's hash is not the chain head's (event #{self.last_seq})")

    def _broken(self, reason: str) -> Mismatch:
        return Mismatch(f"{layout.EVENTS}: {reason}")

    def _event(self, line: bytes) -> None:
        fields = self._fields(line)
        seq, prev, digest = fields["seq"], fields.pop("prev_hash"), fields.pop("hash")
        if seq != self.expected_seq:
            raise self._broken(
                f"event #{seq} where event #{self.expected_seq} should be (removed, inserted or moved?)"
            )
        if prev != self.expected_prev:
            raise self._broken(f"event #{seq}: its previous-hash does not match the event before it")
        if chain_hash(fields, prev) != digest:
            raise self._broken(f"event #{seq}: its content does not match its hash (changed?)")
        self.checked, self.expected_seq, self.expected_prev = self.checked + 1, seq + 1, digest

    def _fields(self, line: bytes) -> dict[str, Any]:
        try:
            fields = json.loads(line)
        except ValueError:
            raise self._broken(f"line {self.line} is not JSON") from None
        if not isinstance(fields, dict) or set(fields) != layout.EVENT_FIELDS | {"prev_hash", "hash"}:
            raise self._broken(f"line {self.line} does not hold the fields of an audit event")
        return fields
