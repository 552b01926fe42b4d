"""Readiness rules for clause 8.1 read from the AI system inventory: every AI system in scope is owned,
placed in its life cycle and reviewed when planned. `in_scope` is the set of AI systems the other registers'
rules judge by."""

from __future__ import annotations

from django.db.models import Q

from aims.ai_systems.models import AISystem, AISystemQuerySet
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, rule

NC, OBSERVATION = Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def in_scope(ctx: Context) -> AISystemQuerySet:
    """The organisation's AI systems inside the AIMS scope, archived ones left out."""
    return AISystem.objects.filter(organization=ctx.organization, in_scope=True).current()


def any_in_scope(ctx: Context) -> bool:
    return ctx.once("ai_systems.any_in_scope", lambda: in_scope(ctx).exists())


def system_link(ctx: Context, system: AISystem) -> Link:
    return ctx.link(reference_label(system), "ai_systems:system_detail", pk=system.pk)


def inventory_link(ctx: Context, label: str) -> Link:
    return ctx.link(label, "ai_systems:system_list")


@rule("8.1-systems-owned", "8.1", "Every AI system in scope has an owner and a life-cycle stage", NC)
def systems_owned(ctx: Context) -> Outcome:
    unowned = in_scope(ctx).filter(Q(owner__isnull=True) | Q(lifecycle_stage=""))
    return none_of(
        unowned.order_by("reference"),
        ok="Every AI system in scope has an owner and a life-cycle stage.",
        problem=lambda n: (
            f"{plural(n, 'AI system in scope has', 'AI systems in scope have')} "
            "no owner or no life-cycle stage."
        ),
        link=lambda system: ctx.link(
            f"{reference_label(system)}: {'no owner' if system.owner_id is None else 'no life-cycle stage'}",
            "ai_systems:system_detail",
            pk=system.pk,
        ),
        fix=inventory_link(ctx, "Name the owners in the AI system inventory"),
    )


@rule("8.1-systems-reviewed", "8.1", "Every AI system in scope is reviewed by its review date", NC)
def systems_reviewed(ctx: Context) -> Outcome:
    lapsed = in_scope(ctx).filter(next_review_on__lt=ctx.today).order_by("next_review_on", "reference")
    return none_of(
        lapsed,
        ok="No AI system in scope is past its review date.",
        problem=lambda n: (
            f"{plural(n, 'AI system in scope is', 'AI systems in scope are')} past the review date."
        ),
        link=lambda system: system_link(ctx, system),
        fix=inventory_link(ctx, "Review the AI systems"),
    )


@rule("8.1-reviews-planned", "8.1", "Every AI system in scope has its next review planned", OBSERVATION)
def reviews_planned(ctx: Context) -> Outcome:
    unplanned = in_scope(ctx).filter(next_review_on__isnull=True).order_by("reference")
    return none_of(
        unplanned,
        ok="Every AI system in scope has a next review date.",
        problem=lambda n: (
            f"{plural(n, 'AI system in scope has', 'AI systems in scope have')} no next review date."
        ),
        link=lambda system: system_link(ctx, system),
        fix=inventory_link(ctx, "Plan the reviews in the AI system inventory"),
    )


RULES = [systems_owned, systems_reviewed, reviews_planned]
