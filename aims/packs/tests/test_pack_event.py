"""The export is itself recorded in the audit trail, once the whole stream has gone out."""

import hashlib
from datetime import date

from aims.audit.models import AuditEvent
from aims.audit.verification import verify_organization
from aims.packs import layout
from aims.packs.actions import export_pack
from aims.packs.layout import EVENT_FIELDS
from aims.packs.tests.conftest import build_pack, members


def test_the_export_is_recorded_with_the_manifest_hash(personas, acme):
    pack = build_pack(personas, since=date(2026, 1, 1), persona="manager")
    event = AuditEvent.objects.filter(organization=personas.org, verb="pack.exported").get()
    manifest = members(pack)[layout.MANIFEST]
    assert event.actor_label == "manager@acme.test"
    assert event.data["manifest_sha256"] == hashlib.sha256(manifest).hexdigest()
    assert event.data["files"] == manifest.count(b'"sha256"')
    assert event.data["bytes"] == len(pack)
    assert event.data["since"] == "2026-01-01"
    assert verify_organization(personas.org).ok


def test_an_abandoned_download_is_not_recorded(personas, acme):
    stream = export_pack(actor=personas.auditor, organization=personas.org, since=None)
    next(stream)
    stream.close()
    assert not AuditEvent.objects.filter(verb="pack.exported").exists()


def test_the_events_file_carries_exactly_the_fields_the_hash_covers(personas, acme):
    event = AuditEvent.objects.filter(organization=personas.org).earliest("seq")
    assert set(event.payload()) == EVENT_FIELDS
