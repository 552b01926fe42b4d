"""The registers that have no report of their own, as CSV files in the pack: one row per record, read with
`values_list(...).iterator()` and written a few hundred kilobytes at a time, whatever the register's size.

Each table says only its path, its rows and its columns (a header and the lookup that fills it). Cells that a
spreadsheet would run as a formula are neutralised as in every other export of aims.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Model, QuerySet

from aims.acknowledgements.models import AcknowledgementRequest
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.improvement.models import CorrectiveAction, EffectivenessCheck, Nonconformity
from aims.interchange.tabular import safe_cell
from aims.internal_audits.models import AuditProgramme, InternalAudit
from aims.lib.hashing import canonical_json
from aims.organizations.models import Organization
from aims.packs.archive import Member
from aims.people.models import TrainingRecord
from aims.policies.models import CommitmentRecord, PolicyReview
from aims.reviews.models import ReviewAction
from aims.risks.models import Risk, TreatmentAction

FLUSH_AT = 256 * 1024


@dataclass(frozen=True)
class Table:
    path: str
    records: Callable[[Organization], QuerySet[Any]]
    columns: tuple[tuple[str, str], ...]
    """(header, lookup) pairs, such as ("Owner", "owner__email")."""

    def member(self, organization: Organization) -> Member:
        return Member(self.path, self.chunks(organization))

    def chunks(self, organization: Organization) -> Iterator[bytes]:
        rows = self.records(organization).values_list(*(lookup for _, lookup in self.columns))
        return csv_chunks([header for header, _ in self.columns], rows.iterator(chunk_size=2_000))


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return canonical_json(value)
    return safe_cell(value)


def csv_chunks(headers: list[str], rows: Iterable[Iterable[Any]]) -> Iterator[bytes]:
    """A UTF-8 CSV (with the byte-order mark spreadsheets look for), in pieces of about FLUSH_AT bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([cell(value) for value in row])
        if buffer.tell() >= FLUSH_AT:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _of(model: type[Model], path: str, *order: str) -> Callable[[Organization], QuerySet[Any]]:
    def records(organization: Organization) -> QuerySet[Any]:
        return model._default_manager.filter(**{path: organization}).order_by(*order)

    return records


TABLES = (
    Table("policy/policy-reviews.csv", _of(PolicyReview, "organization", "reviewed_on", "pk"), (
        ("Document", "document__reference"), ("Version", "version__number"), ("Reviewed on", "reviewed_on"),
        ("Outcome", "outcome"), ("Findings", "findings"), ("Next review", "next_review_on"),
        ("Recorded by", "recorded_by__email"), ("Recorded at", "recorded_at"),
    )),
    Table("policy/commitments.csv", _of(CommitmentRecord, "organization", "occurred_on", "pk"), (
        ("Kind", "kind"), ("Member", "member__email"), ("When", "occurred_on"), ("What", "description"),
        ("Link", "link"),
    )),
    Table("risks/risks.csv", _of(Risk, "organization", "number"), (
        ("Reference", "reference"), ("Kind", "kind"), ("Title", "title"),
        ("AI system", "ai_system__reference"), ("Risk source", "risk_source__ref"),
        ("Other source", "custom_source"), ("Status", "status"),
        ("Owner", "owner__email"), ("Likelihood", "likelihood"), ("Consequence", "consequence"),
        ("Level", "level_label"), ("Assessed at", "assessed_at"), ("Treatment option", "treatment_option"),
        ("Treatment plan", "treatment_plan"), ("Residual likelihood", "residual_likelihood"),
        ("Residual consequence", "residual_consequence"), ("Residual level", "residual_level_label"),
        ("Treated at", "treated_at"), ("Accepted by", "accepted_by__email"), ("Accepted at", "accepted_at"),
        ("Acceptance rationale", "acceptance_rationale"), ("Acceptance expires", "acceptance_expires_on"),
        ("Next review", "next_review_on"), ("Created at", "created_at"), ("Updated at", "updated_at"),
    )),
    Table("risks/treatment-plan.csv", _of(TreatmentAction, "risk__organization", "risk__number", "pk"), (
        ("Risk", "risk__reference"), ("Action", "title"), ("Owner", "owner__email"), ("Due", "due_on"),
        ("Status", "status"), ("Completed at", "completed_at"), ("Completed by", "completed_by__email"),
        ("Outcome", "outcome"),
    )),
    Table("impact-assessments/impact-assessments.csv", _of(ImpactAssessment, "organization", "number"), (
        ("Reference", "reference"), ("AI system", "ai_system__reference"), ("Trigger", "trigger"),
        ("State", "state"), ("Decision", "decision"), ("Intended use", "intended_use"),
        ("Foreseeable misuse", "foreseeable_misuse"), ("Individuals affected", "affected_individuals"),
        ("Groups affected", "affected_groups"), ("Vulnerable people", "affected_vulnerable"),
        ("Effects on society", "affected_society"), ("Mitigations", "mitigations"),
        ("Conclusion", "conclusion"), ("Author", "author__email"), ("Approved by", "approved_by__email"),
        ("Approved at", "approved_at"), ("Next assessment", "next_assessment_on"),
        ("Retain until", "retain_until"),
    )),
    Table("impact-assessments/impacts.csv", _of(
        ImpactItem, "assessment__organization", "assessment__number", "pk"
    ), (
        ("Assessment", "assessment__reference"), ("Dimension", "dimension"), ("Effect", "effect"),
        ("Description", "description"), ("Affected group", "affected_group"), ("Severity", "severity"),
        ("Likelihood", "likelihood"), ("Reversibility", "reversibility"), ("Mitigation", "mitigation"),
        ("Risk", "risk__reference"),
    )),
    Table("internal-audits/programmes.csv", _of(AuditProgramme, "organization", "period_start", "pk"), (
        ("Cycle", "cycle"), ("Name", "name"), ("Period start", "period_start"), ("Period end", "period_end"),
        ("Status", "status"), ("Approved by", "approved_by__email"), ("Approved at", "approved_at"),
        ("Scope", "scope"), ("Criteria", "criteria"), ("Objectives", "objectives"),
        ("Frequency", "frequency"), ("Methods", "methods"), ("Responsibilities", "responsibilities"),
    )),
    Table("internal-audits/audits.csv", _of(InternalAudit, "organization", "number"), (
        ("Reference", "reference"), ("Title", "title"), ("Programme", "programme__cycle"),
        ("Status", "status"), ("Lead auditor", "lead_auditor__email"), ("Planned start", "planned_start"),
        ("Planned end", "planned_end"), ("Actual start", "actual_start"), ("Actual end", "actual_end"),
        ("Reported on", "reported_on"), ("Closed on", "closed_on"), ("Conclusion", "conclusion"),
    )),
    Table("management-reviews/actions.csv", _of(ReviewAction, "organization", "number"), (
        ("Reference", "reference"), ("Review", "review__reference"), ("Description", "description"),
        ("Owner", "owner__email"), ("Due", "due_on"), ("Status", "status"), ("Done on", "done_on"),
        ("Notes", "notes"),
    )),
    Table("improvement/nonconformities.csv", _of(Nonconformity, "organization", "number"), (
        ("Reference", "reference"), ("Title", "title"), ("Description", "description"),
        ("Source", "source"), ("Source reference", "source_reference"), ("Requirement", "requirement__ref"),
        ("Grade", "grade"), ("Status", "status"), ("Owner", "owner__email"),
        ("Raised by", "raised_by__email"), ("Raised on", "raised_on"), ("Due on", "due_on"),
        ("Correction", "correction"), ("Corrected on", "corrected_on"), ("Root cause", "root_cause"),
        ("Changes to the AIMS", "aims_changes"), ("Closed on", "closed_on"),
    )),
    Table("improvement/corrective-actions.csv", _of(
        CorrectiveAction, "nonconformity__organization", "nonconformity__number", "pk"
    ), (
        ("Nonconformity", "nonconformity__reference"), ("Action", "description"), ("Owner", "owner__email"),
        ("Due on", "due_on"), ("Status", "status"), ("Done on", "done_on"), ("Notes", "notes"),
    )),
    Table("improvement/effectiveness-checks.csv", _of(
        EffectivenessCheck, "nonconformity__organization", "nonconformity__number", "round"
    ), (
        ("Nonconformity", "nonconformity__reference"), ("Round", "round"), ("Outcome", "outcome"),
        ("Checked on", "checked_on"), ("Notes", "notes"), ("Verified by", "verified_by__email"),
    )),
    Table("people/training-records.csv", _of(TrainingRecord, "organization", "user__email", "completed_on"), (
        ("Person", "user__email"), ("Competence", "competence__name"), ("Kind", "kind"), ("Title", "title"),
        ("Completed on", "completed_on"), ("Expires on", "expires_on"), ("Evidence file", "evidence_name"),
        ("Evidence SHA-256", "evidence_sha256"),
    )),
    Table("acknowledgements/acknowledgements.csv", _of(
        AcknowledgementRequest, "campaign__organization", "campaign__started_at", "recipient__email"
    ), (
        ("Document", "campaign__version__document__reference"), ("Version", "campaign__version__number"),
        ("Campaign started", "campaign__started_at"), ("Due", "campaign__due_on"),
        ("Recipient", "recipient__email"), ("Acknowledged at", "acknowledged_at"),
        ("Reminders sent", "reminders_sent"),
    )),
)  # fmt: skip
