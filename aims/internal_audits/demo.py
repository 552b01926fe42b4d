"""Internal audit of the demo organisation "Demo AI Ltd", made through the actions so the audit trail is real:
the approved 2026 programme and one reported audit of clauses 6 to 9, control A.6.2.4 and the credit scoring
model AIS-001, led by the demo auditor (who owns nothing in scope). Its checklist is mostly conforming, with
one minor nonconformity on 7.5.3 (raised as a nonconformity), one observation and one opportunity for
improvement.

`seed_demo` is idempotent and returns the nonconformity raised, so the demo can take it through closure. Run
it after the AI systems' and controls' demos.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.improvement.models import Nonconformity
from aims.internal_audits import actions
from aims.internal_audits.models import AuditProgramme, ChecklistItem, InternalAudit, Method, Result
from aims.organizations.models import Organization

AUDIT_TITLE = "Planning, support, operation and evaluation; verification of the credit model"
SCOPE = ("6", "7", "8", "9", "A.6.2.4")
FINDINGS = {
    "7.5.3": (
        Result.MINOR,
        "Two of the five model cards sampled for AIS-001 had no review date or approver; the document "
        "control "
        "procedure asks for both.",
    ),
    "9.1": (
        Result.OBSERVATION,
        "Drift is monitored weekly, but the thresholds that trigger action are not written down.",
    ),
    "A.6.2.4": (
        Result.OFI,
        "Fairness back-tests are run by hand before each release; scheduling them in the pipeline would make "
        "them repeatable.",
    ),
}


def _first(users: dict[str, User], *roles: str) -> User:
    return next(users[role] for role in roles if role in users)


def _programme(organization: Organization, users: dict[str, User], year: int) -> AuditProgramme:
    found = AuditProgramme.objects.filter(organization=organization, cycle=str(year)).first()
    if found is not None:
        return found
    programme = actions.create_programme(
        actor=_first(users, "manager", "owner"),
        organization=organization,
        name=f"AIMS internal audit programme {year}",
        cycle=str(year),
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        frequency="Every clause 4 to 10 once a year; the Annex A controls of high-risk AI systems once a "
        "year.",
        methods=[Method.INTERVIEWS, Method.DOCUMENT_REVIEW, Method.SAMPLING, Method.TECHNICAL_TESTING],
        criteria="ISO/IEC 42001:2023, the AI policy and the AIMS procedures.",
        scope="All business units and every AI system in operation.",
        responsibilities="The internal auditor plans and leads audits; owners of findings correct them; the "
        "AIMS manager follows nonconformities up and reports to the management review.",
        objectives="Confirm the AIMS conforms and works before the certification audit.",
    )
    return actions.approve_programme(actor=_first(users, "owner", "manager"), programme=programme)


def _assess(audit: InternalAudit, auditor: User) -> None:
    for item in ChecklistItem.objects.filter(audit=audit).select_related("audit__organization"):
        result, notes = FINDINGS.get(
            item.ref, (Result.CONFORMING, "Records sampled and interviews held; conforms.")
        )
        actions.set_result(actor=auditor, item=item, result=result, notes=notes)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> Nonconformity | None:
    today = timezone.localdate()
    programme = _programme(organization, users, today.year)
    existing = InternalAudit.objects.filter(organization=organization, title=AUDIT_TITLE).first()
    if existing is not None:
        item = ChecklistItem.objects.filter(audit=existing, nonconformity__isnull=False).first()
        return item.nonconformity if item else None
    system = AISystem.objects.filter(organization=organization, reference="AIS-001").first()
    auditor = _first(users, "auditor", "owner")
    decider = _first(users, "manager", "owner")
    audit = actions.plan_audit(
        actor=decider,
        organization=organization,
        programme=programme,
        title=AUDIT_TITLE,
        scope_items=list(CatalogItem.objects.filter(framework__code="iso42001", ref__in=SCOPE)),
        ai_systems=[system] if system else [],
        criteria="ISO/IEC 42001:2023 clauses 6 to 9 and control A.6.2.4; the model release procedure.",
        lead_auditor=auditor,
        plan="Day 1: interviews with the AIMS manager and the credit risk team. Day 2: sample five model "
        "cards "
        "and the last two release records of AIS-001; observe a weekly drift review.",
        planned_start=today - timedelta(days=30),
        planned_end=today - timedelta(days=10),
    )
    actions.start_audit(actor=auditor, audit=audit, started_on=today - timedelta(days=30))
    _assess(audit, auditor)
    actions.report_audit(
        actor=auditor,
        audit=audit,
        conclusion="The AIMS conforms to clauses 6 to 9 and is effectively implemented, with one minor "
        "nonconformity in the control of documented information (7.5.3). Verification of the credit model "
        "(A.6.2.4) is effective.",
        ended_on=today - timedelta(days=12),
    )
    item = ChecklistItem.objects.select_related("audit__organization", "requirement").get(
        audit=audit, ref="7.5.3"
    )
    return actions.raise_finding_nonconformity(
        actor=decider, item=item, owner=decider, due_on=today + timedelta(days=30)
    )
