"""Exporting the evidence pack: the one action behind the page, the API and `aims pack export`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Generator, Iterator
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims import __version__
from aims.audit.trail import record
from aims.packs import layout
from aims.packs.archive import PackWriter, member, rechunked
from aims.packs.chain import chain_slice
from aims.packs.contents import PackScope, chain_head, members
from aims.packs.permissions import can_export_pack
from aims.packs.signing import fingerprint, installation_key, public_pem, sign

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization


def export_pack(
    *, actor: User | None, organization: Organization, since: date | None
) -> Generator[bytes, None, None]:
    """The pack as a stream of bytes, for the organisation's owners, managers and auditors.

    `actor` None is the operator at the command line. Permission, the date and the signing key are checked
    at once (PermissionDenied, ValidationError); the records are read only as the stream is consumed, and
    the "pack.exported" event is recorded once its last byte has been taken.
    """
    if actor is not None and not can_export_pack(actor, organization):
        raise PermissionDenied(
            "Only the organisation's owners, managers and auditors may export its evidence pack."
        )
    if since is not None and since > timezone.localdate():
        raise ValidationError({"since": ["The start of the period cannot be in the future."]})
    return _PackExport(actor, organization, since, installation_key()).stream()


def pack_filename(organization: Organization, since: date | None, on: date | None = None) -> str:
    made = (on or timezone.localdate()).isoformat()
    period = f"-since-{since.isoformat()}" if since else ""
    return f"aims-pack-{organization.slug}-{made}{period}.zip"


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class _PackExport:
    def __init__(
        self, actor: User | None, organization: Organization, since: date | None, key: Ed25519PrivateKey
    ) -> None:
        self.actor, self.organization, self.since, self.key = actor, organization, since, key
        self.writer = PackWriter()
        self.manifest = b""

    def stream(self) -> Generator[bytes, None, None]:
        yield from rechunked(self._archive())
        self._record()

    def _archive(self) -> Iterator[bytes]:
        created_at = timezone.now()
        chain = chain_slice(self.organization, _start_of(self.since) if self.since else None)
        scope = PackScope(self.organization, self.since, chain)
        yield from self.writer.add(member(layout.PUBLIC_KEY, public_pem(self.key)), listed=False)
        for item in members(scope):
            yield from self.writer.add(item)
        self.manifest = self._manifest(created_at, chain_head(scope))
        yield from self.writer.finish(
            member(layout.MANIFEST, self.manifest), member(layout.SIGNATURE, sign(self.key, self.manifest))
        )

    def _manifest(self, created_at: datetime, head: dict[str, Any]) -> bytes:
        files = self.writer.files
        manifest = {
            "format": layout.FORMAT,
            "format_version": layout.FORMAT_VERSION,
            "organization": {"slug": self.organization.slug, "name": self.organization.name},
            "created_at": created_at.isoformat(timespec="seconds"),
            "created_by": self.actor.email if self.actor is not None else "system",
            "since": self.since.isoformat() if self.since else None,
            "aims_version": __version__,
            "public_key_fingerprint": fingerprint(self.key),
            "audit_chain": head,
            "file_count": len(files),
            "total_bytes": sum(entry["size"] for entry in files),
            "files": files,
        }
        return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def _record(self) -> None:
        record(
            actor=self.actor,
            verb="pack.exported",
            target=self.organization,
            data={
                "manifest_sha256": hashlib.sha256(self.manifest).hexdigest(),
                "files": len(self.writer.files),
                "bytes": self.writer.written,
                "since": self.since.isoformat() if self.since else None,
                "key_fingerprint": fingerprint(self.key),
            },
        )
