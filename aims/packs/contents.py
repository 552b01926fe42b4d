"""What an evidence pack holds, member by member, in the order it is streamed.

Every report is made by the module that makes it for its own page (the readiness report, the document and
SoA exports, the risk register, the audit reports, the review minutes); the registers without one go in as
CSV (`aims.packs.tables`). Members are produced lazily, one at a time, as the archive asks for them: at most
one generated report is in memory, and stored files and the audit trail are read a chunk at a time.

`since` limits what is dated by when it happened (the audit events, the evidence collected); everything
else is the current state.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from aims import __version__
from aims.context.models import ScopeStatement
from aims.controls import exports
from aims.controls.models import Control, Decision, SoAVersion
from aims.documents.models import DocumentVersion
from aims.documents.pdf import filename as document_filename
from aims.documents.pdf import version_pdf
from aims.evidence.models import Evidence, EvidenceLink
from aims.internal_audits.models import InternalAudit
from aims.internal_audits.report import audit_report, audit_report_pdf
from aims.internal_audits.report import filename as audit_filename
from aims.organizations.models import Organization
from aims.packs import layout
from aims.packs.archive import Member, file_chunks, member
from aims.packs.chain import ChainSlice, event_lines
from aims.packs.tables import TABLES
from aims.people.models import TrainingRecord
from aims.policies.models import AIPolicy
from aims.readiness.engine import evaluate
from aims.readiness.report import render_pdf
from aims.reviews.minutes_pdf import filename as minutes_filename
from aims.reviews.minutes_pdf import minutes_pdf
from aims.reviews.models import ManagementReview
from aims.reviews.queries import minutes
from aims.risks.actions.criteria import current_criteria
from aims.risks.report import filename as risk_report_filename
from aims.risks.report import risk_report, risk_report_pdf

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
LISTING_FLUSH_AT = 256 * 1024


@dataclass(frozen=True)
class PackScope:
    """What one export covers: the organisation, the start of the period (or None), the audit chain slice."""

    organization: Organization
    since: date | None
    chain: ChainSlice


def safe_name(text: str, fallback: str = "file") -> str:
    """A path component from a reference or a file name: letters, digits, dot, dash and underscore."""
    return _UNSAFE.sub("-", text).strip("-.")[:120] or fallback


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n"


README = """Evidence pack of {name} ({slug}), made by aims {version} on {made}.
{period}

Check it before you rely on it, with aims installed:

    aims pack verify THIS-FILE.zip

It checks every file against the SHA-256 in manifest.json, the Ed25519 signature of manifest.json
(manifest.sig) with the public key in public-key.pem, and the hash chain of the audit trail in
audit/events.jsonl up to the head in audit/head.json. Compare the key fingerprint it prints with the one
the organisation's aims shows on its evidence-pack page (or `aims pack key`).

What is where:
  readiness/          the certification readiness report (PDF) and its data (JSON)
  scope/, policy/     the approved AIMS scope; the AI policy in force, its reviews, management's commitments
  documents/          every published document version (PDF) and its attached file
  soa/                the approved Statement of Applicability (XLSX and PDF)
  risks/              the AI risk register (PDF and CSV) and the treatment plan (CSV)
  impact-assessments/ the AI system impact assessments and their impacts (CSV)
  internal-audits/    the audit programme, the audits and the reports of those reported (PDF)
  management-reviews/ the minutes of the reviews held (PDF) and their actions (CSV)
  improvement/        nonconformities, corrective actions and effectiveness checks (CSV)
  people/             training and competence records (CSV) and their evidence files
  acknowledgements/   who acknowledged which document version, and when (CSV)
  evidence/           the evidence supporting the included controls: a listing (JSON) and the files
  audit/              the audit trail of the period (JSON lines) and its chain head
"""


def _readme(scope: PackScope) -> Iterator[Member]:
    organization = scope.organization
    period = f"Dated records from {scope.since.isoformat()} on." if scope.since else "The whole history."
    text = README.format(
        name=organization.name,
        slug=organization.slug,
        version=__version__,
        made=timezone.now().strftime("%Y-%m-%d %H:%M UTC"),
        period=period,
    )
    yield member("README.txt", text)


def _readiness(scope: PackScope) -> Iterator[Member]:
    readiness = evaluate(scope.organization)
    yield member("readiness/readiness.json", _json(readiness.as_dict()))
    yield member("readiness/readiness.pdf", render_pdf(scope.organization, readiness))


def _scope(scope: PackScope) -> Iterator[Member]:
    approved = ScopeStatement.objects.filter(
        organization=scope.organization, state=ScopeStatement.State.APPROVED
    ).select_related("approved_by")
    statement = approved.order_by("-version").first()
    if statement is None:
        return
    yield member(
        f"scope/scope-v{statement.version}.json",
        _json(
            {
                "version": statement.version,
                "approved_by": statement.approved_by.email if statement.approved_by else None,
                "approved_at": statement.approved_at,
                "boundaries": statement.boundaries,
                "ai_roles": statement.ai_roles,
                "systems_in_scope": statement.systems_in_scope,
                "exclusions": list(statement.exclusions.values("what", "reason")),
            }
        ),
    )


def _published(versions: Any) -> Any:
    return versions.filter(state=DocumentVersion.State.PUBLISHED).select_related(
        "document", "document__owner", "author", "reviewed_by", "published_by"
    )


def _policy(scope: PackScope) -> Iterator[Member]:
    policy = AIPolicy.objects.filter(organization=scope.organization).values_list("document", flat=True)
    version = _published(DocumentVersion.objects.filter(document__in=policy)).first()
    if version is not None:
        yield member(f"policy/ai-policy-{document_filename(version)}", version_pdf(version))


def _documents(scope: PackScope) -> Iterator[Member]:
    versions = _published(DocumentVersion.objects.filter(document__organization=scope.organization))
    for version in versions.order_by("document__reference").iterator(chunk_size=100):
        reference = safe_name(version.document.reference, "document")
        yield member(f"documents/{reference}/{document_filename(version)}", version_pdf(version))
        if version.file:
            name = safe_name(version.file_name or version.file.name.rsplit("/", 1)[-1])
            yield Member(
                f"documents/{reference}/{reference}-v{version.number}-{name}", file_chunks(version.file)
            )


def _soa(scope: PackScope) -> Iterator[Member]:
    version = SoAVersion.objects.filter(organization=scope.organization).order_by("-number").first()
    if version is None:
        return
    document = exports.document_for_version(version)
    for fmt in ("xlsx", "pdf"):
        content, _, name = exports.render(document, fmt)
        yield member(f"soa/{name}", content)


def _risk_register(scope: PackScope) -> Iterator[Member]:
    if current_criteria(scope.organization) is None:
        return  # no criteria in force, so nothing was ever rated; risks.csv still lists every risk
    report = risk_report(scope.organization)
    yield member(f"risks/{risk_report_filename(report)}", risk_report_pdf(report))


def _audit_reports(scope: PackScope) -> Iterator[Member]:
    final = (InternalAudit.Status.REPORTED, InternalAudit.Status.CLOSED)
    audits = InternalAudit.objects.filter(organization=scope.organization, status__in=final)
    for audit in audits.order_by("number"):
        report = audit_report(audit)
        yield member(f"internal-audits/reports/{audit_filename(report)}", audit_report_pdf(report))


def _review_minutes(scope: PackScope) -> Iterator[Member]:
    held = ManagementReview.objects.filter(organization=scope.organization, inputs_snapshot__isnull=False)
    for pk in held.order_by("number").values_list("pk", flat=True):
        review = ManagementReview.objects.select_related("organization").get(pk=pk)
        data = minutes(review)
        yield member(f"management-reviews/{minutes_filename(review, data.made_at)}", minutes_pdf(data))


def _training_evidence(scope: PackScope) -> Iterator[Member]:
    records = TrainingRecord.objects.filter(organization=scope.organization).exclude(evidence="")
    for record in records.order_by("pk").iterator(chunk_size=500):
        name = safe_name(record.evidence_name or record.evidence.name.rsplit("/", 1)[-1])
        yield Member(f"people/training-evidence/{record.pk}-{name}", file_chunks(record.evidence))


def _tables(scope: PackScope) -> Iterator[Member]:
    for table in TABLES:
        yield table.member(scope.organization)


def supported_controls(organization: Organization) -> dict[int, list[str]]:
    """{evidence pk: the included controls it supports}, through links to the control or its Annex A item."""
    included = Control.objects.filter(organization=organization, decision=Decision.INCLUDED)
    by_control: dict[int, str] = {}
    by_item: dict[int, str] = {}
    for pk, item_id, reference in included.values_list("pk", "catalog_item_id", "reference"):
        by_control[pk] = reference
        if item_id is not None:
            by_item[item_id] = reference
    control_type = ContentType.objects.get_for_model(Control).pk
    supports: dict[int, set[str]] = defaultdict(set)
    links = EvidenceLink.objects.filter(organization=organization)
    rows = links.values_list("evidence_id", "item_id", "content_type_id", "object_id").iterator(
        chunk_size=5_000
    )
    for evidence_id, item_id, type_id, object_id in rows:
        if item_id is not None:
            found = by_item.get(item_id)
        else:
            found = by_control.get(object_id) if type_id == control_type and object_id else None
        if found:
            supports[evidence_id].add(found)
    return {pk: sorted(references) for pk, references in supports.items()}


def _evidence_records(scope: PackScope) -> Any:
    records = Evidence.objects.active().filter(organization=scope.organization)
    if scope.since is not None:
        records = records.filter(collected_on__gte=scope.since)
    return records.select_related("owner").order_by("number")


def evidence_path(evidence: Evidence) -> str:
    name = safe_name(evidence.file_name or evidence.file.name.rsplit("/", 1)[-1])
    return f"evidence/files/{evidence.reference}-{name}"


def _listing_entry(evidence: Evidence, supports: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "reference": evidence.reference,
        "title": evidence.title,
        "description": evidence.description,
        "supports": supports,
        "owner": evidence.owner.email if evidence.owner else None,
        "collected_on": evidence.collected_on,
        "valid_until": evidence.valid_until,
        "kind": evidence.kind,
    }
    if not evidence.is_file:
        entry["url"] = evidence.url
        return entry
    stored = bool(evidence.file) and evidence.file.storage.exists(evidence.file.name)
    entry["file"] = {
        "path": evidence_path(evidence) if stored else None,
        "name": evidence.file_name,
        "size": evidence.file_size,
        "sha256_at_upload": evidence.sha256,
        "content_type": evidence.content_type,
    }
    if not stored:
        entry["file"]["problem"] = "The stored file is missing; it is not in the pack."
    return entry


def _listing(records: Iterable[Evidence], supports: dict[int, list[str]]) -> Iterator[bytes]:
    """evidence.json: a JSON array, one entry per line, written a few hundred kilobytes at a time."""
    parts, size, separator = ["[\n"], 2, ""
    for evidence in records:
        if evidence.pk in supports:
            text = separator + json.dumps(_listing_entry(evidence, supports[evidence.pk]), default=str)
            parts.append(text)
            size, separator = size + len(text), ",\n"
        if size >= LISTING_FLUSH_AT:
            yield "".join(parts).encode("utf-8")
            parts, size = [], 0
    parts.append("\n]\n")
    yield "".join(parts).encode("utf-8")


def _evidence(scope: PackScope) -> Iterator[Member]:
    supports = supported_controls(scope.organization)
    yield Member(
        "evidence/evidence.json", _listing(_evidence_records(scope).iterator(chunk_size=1_000), supports)
    )
    for evidence in _evidence_records(scope).filter(kind=Evidence.Kind.FILE).iterator(chunk_size=1_000):
        if evidence.pk in supports and evidence.file and evidence.file.storage.exists(evidence.file.name):
            yield Member(evidence_path(evidence), file_chunks(evidence.file))


def chain_head(scope: PackScope) -> dict[str, Any]:
    """audit/head.json, repeated in the manifest (where the signature covers it)."""
    since = scope.since.isoformat() if scope.since else None
    return {"organization": scope.organization.slug, "since": since, **scope.chain.as_dict()}


def _audit_trail(scope: PackScope) -> Iterator[Member]:
    yield Member(layout.EVENTS, event_lines(scope.chain))
    yield member(layout.HEAD, _json(chain_head(scope)))


SECTIONS: tuple[Callable[[PackScope], Iterable[Member]], ...] = (
    _readme,
    _readiness,
    _scope,
    _policy,
    _documents,
    _soa,
    _risk_register,
    _audit_reports,
    _review_minutes,
    _tables,
    _training_evidence,
    _evidence,
    _audit_trail,
)


def members(scope: PackScope) -> Iterator[Member]:
    """Every listed member of the pack, produced as it is asked for."""
    for section in SECTIONS:
        yield from section(scope)
