"""9.3.2 d): the AI risks and their treatment. Five queries whatever the size of the register: the level
names of the criteria in force; one pass over the register for every count; the overdue treatment actions;
and the twenty highest open risks, read down two indexes.

A risk's current level is its residual level once treatment is planned, its inherent level before; levels
are counted by rank and named as the criteria in force name them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from aims.reviews.inputs.periods import within
from aims.reviews.registry import Period, ReviewRow, ReviewSection
from aims.risks.levels import MAX_LEVELS
from aims.risks.models import Risk, RiskCriteria, RiskLevel, TreatmentAction

if TYPE_CHECKING:
    from aims.organizations.models import Organization

MAX_ROWS = 20
OPEN = ~Q(status=Risk.Status.CLOSED)


def due_for_review(today: date) -> Q:
    """What `Risk.objects.due()` selects, as a condition to count with (a test holds the two together)."""
    changed = Q(assessed_at__isnull=False) & (
        Q(ai_system__updated_at__gt=F("assessed_at")) | Q(ai_system__stage_changed_at__gt=F("assessed_at"))
    )
    lapsed = Q(status=Risk.Status.ACCEPTED, acceptance_expires_on__lt=today)
    return OPEN & (Q(next_review_on__lt=today) | lapsed | changed)


def at_rank(rank: int) -> Q:
    return OPEN & (Q(residual_level_rank=rank) | Q(residual_level_rank=0, level_rank=rank))


def _label(risk: Risk) -> tuple[str, str]:
    if risk.residual_level_rank:
        return risk.residual_level_label, "residual"
    return risk.level_label or "Not rated", "inherent"


def _row(risk: Risk, slug: str) -> ReviewRow:
    label, stage = _label(risk)
    system = risk.ai_system.reference if risk.ai_system else "organisation-wide"
    owner = risk.owner.display_name if risk.owner else "no owner"
    return ReviewRow(
        reference=risk.reference,
        title=risk.title,
        status=risk.get_status_display(),
        url=reverse("risks:risk_detail", kwargs={"org": slug, "pk": risk.pk}),
        note=f"{label} ({stage}); {system}; {owner}",
    )


def _current_rank(risk: Risk) -> int:
    return risk.residual_level_rank or risk.level_rank


def highest(organization: Organization) -> list[Risk]:
    """The open risks of highest current level (newest first within a level): the treated ones down the
    residual-level index, the others down the inherent-level index, merged."""
    open_risks = (
        Risk.objects.filter(organization=organization).filter(OPEN).select_related("ai_system", "owner")
    )
    treated = open_risks.filter(residual_level_rank__gt=0).order_by("-residual_level_rank", "-number")
    untreated = open_risks.filter(residual_level_rank=0).order_by("-level_rank", "-number")
    both = [*treated[:MAX_ROWS], *untreated[:MAX_ROWS]]
    return sorted(both, key=lambda r: (-_current_rank(r), -r.number))[:MAX_ROWS]


def section(organization: Organization, period: Period) -> ReviewSection:
    today = timezone.localdate()
    in_force = RiskLevel.objects.filter(
        criteria__organization=organization, criteria__state=RiskCriteria.State.IN_FORCE
    )
    names = dict(in_force.values_list("rank", "label"))
    ranks = sorted(names) or list(range(1, MAX_LEVELS + 1))
    counts = Risk.objects.filter(organization=organization).aggregate(
        open=Count("pk", filter=OPEN),
        new=Count("pk", filter=within("created_at", period)),
        accepted=Count("pk", filter=Q(status=Risk.Status.ACCEPTED)),
        accepted_in_period=Count("pk", filter=within("accepted_at", period)),
        unrated=Count("pk", filter=OPEN & Q(level_rank=0)),
        due=Count("pk", filter=due_for_review(today)),
        **{f"rank_{rank}": Count("pk", filter=at_rank(rank)) for rank in ranks},
    )
    late_actions = TreatmentAction.objects.filter(
        risk__organization=organization, status=TreatmentAction.Status.OPEN, due_on__lt=today
    ).count()
    figures: list[tuple[str, int | str]] = [("Open risks and opportunities", counts["open"])]
    figures += [
        (f"Open at level {names.get(rank, f'of rank {rank}')}", counts[f"rank_{rank}"])
        for rank in reversed(ranks)
    ]
    figures += [
        ("Open, not yet rated", counts["unrated"]),
        ("New in the period", counts["new"]),
        ("Accepted (current)", counts["accepted"]),
        ("Accepted in the period", counts["accepted_in_period"]),
        ("Due for review", counts["due"]),
        ("Treatment actions overdue", late_actions),
    ]
    return ReviewSection(
        key="risks",
        title="AI risks and their treatment",
        clause="9.3.2 d)",
        figures=tuple(figures),
        rows=tuple(_row(risk, organization.slug) for risk in highest(organization)),
        empty="No open AI risk is recorded.",
    )
