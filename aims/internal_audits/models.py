"""Internal audit (9.2): the audit programme of a cycle (9.2.2), the audits in it with their scope, team and
checklist, the results per requirement, and the nonconformities raised from findings."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.evidence.models import Evidence
from aims.improvement.models import Nonconformity
from aims.organizations.models import Organization

HELP = {
    "programme_name": "A short name, such as “AIMS internal audit programme 2026”.",
    "cycle": "The cycle the programme covers, such as “2026”; one programme per cycle.",
    "period_start": "The first day of the period the programme covers.",
    "period_end": "The last day of the period the programme covers.",
    "frequency": "How often each part of the AIMS is audited, such as “every clause once a year, "
    "high-risk AI systems twice”.",
    "methods": "How the auditors gather evidence.",
    "programme_criteria": "What audits are measured against: ISO/IEC 42001 and the organisation's own "
    "AI policy, procedures and objectives.",
    "programme_scope": "Which parts of the organisation, sites, processes and AI systems the programme "
    "covers.",
    "responsibilities": "Who plans, conducts and reports audits, and who follows findings up.",
    "objectives": "What the programme should achieve, such as “confirm the AIMS conforms before "
    "certification”.",
    "programme_status": "A draft can be changed; an owner or manager approves the programme.",
    "reference": "aims numbers audits AUD-0001, AUD-0002, … in each organisation.",
    "programme": "The audit programme this audit belongs to; leave empty for a standalone audit.",
    "title": "A short name, such as “Clauses 6 to 9 and AI system verification”.",
    "scope_items": "The clauses and Annex A controls audited. A clause covers its sub-clauses and an "
    "Annex A objective (such as A.6) its controls.",
    "ai_systems": "The AI systems audited.",
    "criteria": "What this audit is measured against, such as “ISO/IEC 42001 and procedure PRC-004”.",
    "lead_auditor": "The member who leads the audit: any member but a viewer, who owns none of the AI "
    "systems or controls in scope (auditors must be objective, 9.2.2).",
    "team": "The other auditors: any members but viewers, who own none of the AI systems or controls in "
    "scope.",
    "plan": "How the audit will run: interviews, documents to read, samples, sites and days.",
    "planned_start": "The first day of fieldwork as planned.",
    "planned_end": "The day the report is due as planned.",
    "actual_start": "The day the audit actually started.",
    "actual_end": "The day fieldwork actually ended.",
    "conclusion": "The audit's conclusion for management: does the AIMS conform and is it effectively "
    "implemented and maintained? Required to report the audit.",
    "result": "What the auditor found for this requirement.",
    "notes": "What was checked and found: interviews, samples, observations.",
    "evidence": "Items of the evidence register that support the result.",
    "evidence_references": "Other evidence seen, such as “minutes of 12 March; tickets 4411-4419”.",
}


class Method(models.TextChoices):
    INTERVIEWS = "interviews", "Interviews"
    DOCUMENT_REVIEW = "document_review", "Document review"
    SAMPLING = "sampling", "Sampling of records"
    OBSERVATION = "observation", "Observation"
    TECHNICAL_TESTING = "technical_testing", "Technical testing"


class AuditProgramme(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("9.2.2",)

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200, help_text=HELP["programme_name"])
    cycle = models.CharField(max_length=20, help_text=HELP["cycle"])
    period_start = models.DateField("period start", help_text=HELP["period_start"])
    period_end = models.DateField("period end", help_text=HELP["period_end"])
    frequency = models.TextField(blank=True, help_text=HELP["frequency"])
    methods = models.JSONField(default=list, blank=True, help_text=HELP["methods"])
    criteria = models.TextField(blank=True, help_text=HELP["programme_criteria"])
    scope = models.TextField(blank=True, help_text=HELP["programme_scope"])
    responsibilities = models.TextField(blank=True, help_text=HELP["responsibilities"])
    objectives = models.TextField(blank=True, help_text=HELP["objectives"])
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, help_text=HELP["programme_status"]
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-period_start", "-pk")
        constraints = [
            models.UniqueConstraint(fields=["organization", "cycle"], name="iaud_prog_unique_cycle"),
        ]
        indexes = [models.Index(fields=["organization", "period_start"], name="iaud_prog_org_start")]

    def __str__(self) -> str:
        return f"{self.cycle} {self.name}"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    def method_labels(self) -> list[str]:
        labels = dict(Method.choices)
        return [labels.get(m, m) for m in self.methods or []]


class InternalAudit(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("9.2.1", "9.2.2")

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        REPORTED = "reported", "Reported"
        CLOSED = "closed", "Closed"
        CANCELLED = "cancelled", "Cancelled"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for AUD-0012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    programme = models.ForeignKey(
        AuditProgramme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits",
        help_text=HELP["programme"],
    )
    title = models.CharField(max_length=200, help_text=HELP["title"])
    scope_items = models.ManyToManyField(
        CatalogItem,
        related_name="+",
        blank=True,
        verbose_name="clauses and controls",
        help_text=HELP["scope_items"],
    )
    ai_systems = models.ManyToManyField(
        AISystem, related_name="internal_audits", blank=True, help_text=HELP["ai_systems"]
    )
    criteria = models.TextField(blank=True, help_text=HELP["criteria"])
    lead_auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="lead auditor",
        help_text=HELP["lead_auditor"],
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, help_text=HELP["team"]
    )
    plan = models.TextField(blank=True, help_text=HELP["plan"])
    planned_start = models.DateField("planned start", help_text=HELP["planned_start"])
    planned_end = models.DateField("planned end", help_text=HELP["planned_end"])
    actual_start = models.DateField("actual start", null=True, blank=True, help_text=HELP["actual_start"])
    actual_end = models.DateField("actual end", null=True, blank=True, help_text=HELP["actual_end"])
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    conclusion = models.TextField(blank=True, help_text=HELP["conclusion"])
    reported_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="iaud_unique_number"),
            models.UniqueConstraint(fields=["organization", "reference"], name="iaud_unique_reference"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="iaud_org_status"),
            models.Index(fields=["organization", "planned_start"], name="iaud_org_start"),
            models.Index(fields=["organization", "reported_on"], name="iaud_org_reported"),
            models.Index(fields=["status", "planned_start"], name="iaud_status_start"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_open(self) -> bool:
        """Planned or in progress: scope, team and results can still change."""
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)

    @property
    def is_final(self) -> bool:
        """Reported or closed: the report is no longer a draft."""
        return self.status in (self.Status.REPORTED, self.Status.CLOSED)


class Result(models.TextChoices):
    NOT_ASSESSED = "not_assessed", "Not yet assessed"
    CONFORMING = "conforming", "Conforming"
    MAJOR = "major", "Major nonconformity"
    MINOR = "minor", "Minor nonconformity"
    OBSERVATION = "observation", "Observation"
    OFI = "ofi", "Opportunity for improvement"


NONCONFORMING = (Result.MAJOR, Result.MINOR)
FINDINGS = (Result.MAJOR, Result.MINOR, Result.OBSERVATION, Result.OFI)


class ChecklistItem(models.Model):
    """One requirement in the audit's scope: what to check, and what was found."""

    audit = models.ForeignKey(InternalAudit, on_delete=models.CASCADE, related_name="checklist")
    requirement = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, related_name="+")
    ref = models.CharField(max_length=30)
    group = models.CharField(max_length=10, help_text='The top-level clause or Annex A group: "7", "A.6".')
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    result = models.CharField(
        max_length=15, choices=Result.choices, default=Result.NOT_ASSESSED, help_text=HELP["result"]
    )
    notes = models.TextField(blank=True, help_text=HELP["notes"])
    evidence = models.ManyToManyField(Evidence, related_name="+", blank=True, help_text=HELP["evidence"])
    evidence_references = models.TextField(
        "other evidence", blank=True, help_text=HELP["evidence_references"]
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assessed_at = models.DateTimeField(null=True, blank=True)
    nonconformity = models.ForeignKey(
        Nonconformity, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("audit", "position")
        constraints = [
            models.UniqueConstraint(fields=["audit", "requirement"], name="iaud_item_unique_requirement"),
        ]
        indexes = [
            models.Index(fields=["audit", "position"], name="iaud_item_audit_pos"),
            models.Index(fields=["audit", "result"], name="iaud_item_audit_result"),
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"

    @property
    def is_nonconforming(self) -> bool:
        return self.result in NONCONFORMING

    @property
    def is_finding(self) -> bool:
        return self.result in FINDINGS
