"""Readiness rules for clause 4: the context, the interested parties and their requirements, the scope."""

from __future__ import annotations

import re

from aims.ai_systems.models import AISystem
from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement, ScopeStatement, Status
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import MAX_RECORDS, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def _approved_scope(ctx: Context) -> ScopeStatement | None:
    return ctx.once(
        "context.scope",
        lambda: (
            ScopeStatement.objects.filter(organization=ctx.organization, state=ScopeStatement.State.APPROVED)
            .prefetch_related("exclusions")
            .order_by("-version")
            .first()
        ),
    )


@rule("4.1-issues", "4.1", "The internal and external issues are recorded", BLOCKER)
def issues_recorded(ctx: Context) -> Outcome:
    active = ContextIssue.objects.filter(organization=ctx.organization, status=Status.ACTIVE)
    kinds = set(active.order_by().values_list("kind", flat=True).distinct())
    missing = [label for kind, label in ContextIssue.Kind.choices if kind not in kinds]
    if missing:
        return failed(
            f"No active {' or '.join(label.lower() for label in missing)} issue is recorded.",
            fix=ctx.link("Record the issues", "context:issue_create"),
        )
    return passed("Internal and external issues are recorded.")


@rule("4.1-issues-reviewed", "4.1", "Every issue is reviewed by its review date", OBSERVATION)
def issues_reviewed(ctx: Context) -> Outcome:
    lapsed = ContextIssue.objects.filter(
        organization=ctx.organization, status=Status.ACTIVE, review_on__lt=ctx.today
    ).order_by("review_on")
    return none_of(
        lapsed,
        ok="No issue is past its review date.",
        problem=lambda n: f"{plural(n, 'issue is', 'issues are')} past the review date.",
        link=lambda issue: ctx.link(reference_label(issue), "context:issue_detail", pk=issue.pk),
        fix=ctx.link("Review the issues", "context:issue_list"),
    )


@rule("4.2-parties", "4.2", "Interested parties and their requirements are recorded", BLOCKER)
def parties_recorded(ctx: Context) -> Outcome:
    parties = InterestedParty.objects.filter(organization=ctx.organization, status="active")
    if not parties.exists():
        return failed(
            "No interested party is recorded.",
            fix=ctx.link("Add an interested party", "context:party_create"),
        )
    silent = parties.exclude(requirements__isnull=False).order_by("name")
    return none_of(
        silent,
        ok="Every interested party has its relevant requirements recorded.",
        problem=lambda n: (
            f"{plural(n, 'interested party has', 'interested parties have')} no requirement recorded."
        ),
        link=lambda party: ctx.link(party.name, "context:party_detail", pk=party.pk),
        fix=ctx.link("Record what the parties require", "context:party_list"),
    )


@rule("4.2-obligations", "4.2", "Legal and other obligations are decided", NC)
def obligations_decided(ctx: Context) -> Outcome:
    undecided = Obligation.objects.filter(
        organization=ctx.organization,
        status=Status.ACTIVE,
        applicability=Obligation.Applicability.UNDER_REVIEW,
    ).order_by("reference")
    return none_of(
        undecided,
        ok="Every obligation's applicability is decided.",
        problem=lambda n: f"{plural(n, 'obligation is', 'obligations are')} still under review.",
        link=lambda obligation: ctx.link(
            reference_label(obligation), "context:obligation_detail", pk=obligation.pk
        ),
        fix=ctx.link("Decide whether the obligations apply", "context:obligation_list"),
    )


@rule("4.2-requirements-addressed", "4.2", "Every relevant requirement is addressed", OBSERVATION)
def requirements_addressed(ctx: Context) -> Outcome:
    open_requirements = Requirement.objects.filter(
        party__organization=ctx.organization, party__status="active", is_addressed=False
    ).select_related("party")
    return none_of(
        open_requirements.order_by("party__name", "pk"),
        ok="Every requirement of an interested party is addressed by the AIMS.",
        problem=lambda n: (
            f"{plural(n, 'requirement of an interested party is', 'requirements of interested parties are')} "
            "not yet addressed."
        ),
        link=lambda req: ctx.link(
            f"{req.party.name}: {req.description[:60]}", "context:party_detail", pk=req.party_id
        ),
        fix=ctx.link("Address the requirements", "context:party_list"),
    )


@rule("4.3-scope-approved", "4.3", "An approved scope is in force", BLOCKER)
def scope_approved(ctx: Context) -> Outcome:
    if _approved_scope(ctx) is None:
        return failed(
            "The scope of the AIMS has not been approved.",
            fix=ctx.link("Draft and approve the scope", "context:scope"),
        )
    return passed("An approved scope is in force.")


def _excluded_texts(scope: ScopeStatement) -> list[str]:
    """What the approved scope leaves out with a reason, lowercased."""
    return [exclusion.what.lower() for exclusion in scope.exclusions.all() if exclusion.reason.strip()]


def _names(text: str, term: str) -> bool:
    """Whether `text` names `term` as a whole: "AIS-0010" does not name "AIS-001", and "Chatbot" does
    not name "Bot"."""
    term = term.strip().lower()
    return bool(term) and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def _explained(system: AISystem, excluded: list[str]) -> bool:
    return any(_names(text, system.reference) or _names(text, system.name) for text in excluded)


@rule("4.3-systems-decided", "4.3", "Every AI system is in scope, or excluded with a reason", NC)
def systems_decided(ctx: Context) -> Outcome:
    scope = _approved_scope(ctx)
    if scope is None:
        return failed(
            "Without an approved scope no AI system can be shown in or out of it.",
            fix=ctx.link("Approve the scope", "context:scope"),
        )
    excluded = _excluded_texts(scope)
    outside = AISystem.objects.filter(organization=ctx.organization, in_scope=False).current()
    unexplained = [
        s
        for s in outside.only("pk", "reference", "name").order_by("reference")
        if not _explained(s, excluded)
    ]
    scoped_later = (
        AISystem.objects.filter(organization=ctx.organization, in_scope=True)
        .current()
        .exclude(reference__in=scope.systems_in_scope)
    )
    late = list(scoped_later.only("pk", "reference", "name").order_by("reference")[: MAX_RECORDS + 1])
    late_count = len(late) if len(late) <= MAX_RECORDS else scoped_later.count()
    if not unexplained and not late:
        return passed("Every AI system is in the approved scope or excluded from it with a reason.")
    parts = []
    if unexplained:
        parts.append(
            f"{plural(len(unexplained), 'AI system is', 'AI systems are')} out of scope with no exclusion "
            "and reason in the approved scope"
        )
    if late:
        parts.append(
            f"{plural(late_count, 'AI system was', 'AI systems were')} put in scope after the scope was "
            "approved"
        )
    return failed(
        "; ".join(parts) + ".",
        records=[
            ctx.link(reference_label(s), "ai_systems:system_detail", pk=s.pk) for s in unexplained + late
        ],
        count=len(unexplained) + late_count,
        fix=ctx.link("Review and approve the scope", "context:scope"),
    )


@rule("4.4-aims-established", "4.4", "The inventory of AI systems the AIMS runs on is in place", BLOCKER)
def aims_established(ctx: Context) -> Outcome:
    if not AISystem.objects.filter(organization=ctx.organization).current().exists():
        return failed(
            "No AI system is recorded in the inventory.",
            fix=ctx.link("Register an AI system", "ai_systems:system_create"),
        )
    return passed("The AI system inventory the AIMS runs on is in place.")


RULES = [
    issues_recorded,
    issues_reviewed,
    parties_recorded,
    obligations_decided,
    requirements_addressed,
    scope_approved,
    systems_decided,
    aims_established,
]
