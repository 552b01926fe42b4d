"""Adding evidence: a file or an http(s) link, with an owner, dates, a reference and an audit event."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.evidence import actions
from aims.evidence.models import Evidence
from aims.evidence.tests.conftest import COLLECTED, pdf_upload, stored_files


def test_a_contributor_uploads_a_file_and_the_audit_trail_records_its_digest(personas, report):
    assert report.reference == "EV-0001"
    assert report.kind == Evidence.Kind.FILE
    assert report.created_by == personas.contributor
    event = AuditEvent.objects.get(verb="evidence.added")
    assert event.after is not None
    assert event.actor == personas.contributor
    assert event.target_id == str(report.pk)
    assert event.after["sha256"] == report.sha256
    assert event.after["owner"] == "manager@acme.test"


def test_references_count_up_per_organisation(personas, report, model_card, foreign):
    assert model_card.reference == "EV-0002"
    assert foreign.reference == "EV-0001"


def test_a_link_is_recorded_with_its_url(personas, model_card):
    assert model_card.kind == Evidence.Kind.LINK
    assert model_card.url == "https://wiki.acme.test/model-card"
    assert not model_card.file
    assert (AuditEvent.objects.get(verb="evidence.added").after or {})["url"] == model_card.url


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://files.acme.test/x", "file:///etc/passwd", "nope"]
)
def test_only_http_and_https_links_are_accepted(personas, url):
    with pytest.raises(ValidationError) as exc:
        actions.add_evidence_link(
            actor=personas.contributor, organization=personas.org, url=url, title="x", collected_on=COLLECTED
        )
    assert "url" in exc.value.message_dict
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "auditor", "outsider"])
def test_only_editors_add_evidence(personas, media, role):
    with pytest.raises(PermissionDenied):
        actions.add_evidence_file(
            actor=getattr(personas, role),
            organization=personas.org,
            upload=pdf_upload(),
            title="x",
            collected_on=COLLECTED,
        )
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_the_owner_must_be_a_member(personas, media):
    with pytest.raises(ValidationError) as exc:
        actions.add_evidence_file(
            actor=personas.contributor,
            organization=personas.org,
            upload=pdf_upload(),
            title="x",
            owner=personas.outsider,
            collected_on=COLLECTED,
        )
    assert "owner" in exc.value.message_dict
    assert stored_files(media) == []


def test_dates_must_make_sense(personas):
    today = timezone.localdate()
    cases: list[tuple[dict[str, Any], str]] = [
        ({"collected_on": today + timedelta(days=1)}, "collected_on"),
        ({"collected_on": today, "valid_until": today - timedelta(days=1)}, "valid_until"),
    ]
    for dates, field in cases:
        with pytest.raises(ValidationError) as exc:
            actions.add_evidence_link(
                actor=personas.contributor,
                organization=personas.org,
                url="https://x.test",
                title="x",
                **dates,
            )
        assert field in exc.value.message_dict
    assert not Evidence.objects.exists()


def test_a_title_is_required(personas):
    with pytest.raises(ValidationError) as exc:
        actions.add_evidence_link(
            actor=personas.contributor,
            organization=personas.org,
            url="https://x.test",
            title=" ",
            collected_on=COLLECTED,
        )
    assert "title" in exc.value.message_dict


def test_a_stored_file_is_removed_when_the_transaction_fails_after_it(personas, media, monkeypatch):
    def failing_record(**kwargs):
        raise IntegrityError("the audit chain refused the event")

    monkeypatch.setattr(actions, "record", failing_record)
    with pytest.raises(IntegrityError):
        actions.add_evidence_file(
            actor=personas.contributor,
            organization=personas.org,
            upload=pdf_upload(),
            title="x",
            collected_on=COLLECTED,
        )
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_unknown_fields_are_refused_not_ignored(personas):
    with pytest.raises(TypeError):
        actions.add_evidence_link(
            actor=personas.contributor,
            organization=personas.org,
            url="https://x.test",
            collected_on=COLLECTED,
            title="x",
            sha256="forged",
        )
    assert not Evidence.objects.exists()


def test_a_file_meant_to_support_another_organisations_record_is_not_stored(personas, media):
    from aims.ai_systems.models import AISystem

    foreign = AISystem.objects.create(
        organization=personas.other_org, reference="AIS-9", name="G", purpose="x"
    )
    with pytest.raises(ValidationError):
        actions.add_evidence_file(
            actor=personas.contributor,
            organization=personas.org,
            upload=pdf_upload(),
            title="x",
            collected_on=COLLECTED,
            supports=[foreign],
        )
    assert not Evidence.objects.exists()
    assert stored_files(media) == []
