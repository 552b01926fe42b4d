"""Readiness rules read from the AI incident register: serious incidents reported to the authority in time
(8.1, operating to meet the obligations), and grave incidents followed up as nonconformities (10.2).
The Annex A incident controls are judged by the controls family, not here.

Each rule is one query over the incidents (two when more are at fault than are listed).
"""

from __future__ import annotations

import operator
from datetime import datetime, time, timedelta
from functools import reduce

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from aims.improvement.models import Nonconformity
from aims.incidents import deadlines
from aims.incidents.models import Incident
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, rule

NC = Severity.STAGE2_NONCONFORMITY
GRAVE = (Incident.Severity.HIGH, Incident.Severity.CRITICAL)


def _moment(ctx: Context) -> datetime:
    """Now when judging today; the end of the day when judging another day."""
    if ctx.today == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(ctx.today + timedelta(days=1), time.min))


def _incident_link(ctx: Context, incident: Incident, note: str = "") -> Link:
    label = reference_label(incident) + (f": {note}" if note else "")
    return ctx.link(label, "incidents:incident_detail", pk=incident.pk)


def _late_note(incident: Incident) -> str:
    if not incident.serious_kind:
        return "kind of serious incident not assessed"
    deadline = deadlines.reporting_deadline(incident.became_aware_at, incident.serious_kind)
    return f"due by {timezone.localtime(deadline):%Y-%m-%d %H:%M}"


@rule("8.1-serious-incidents-reported", "8.1", "Serious incidents are reported to the authority in time", NC)
def serious_incidents_reported(ctx: Context) -> Outcome:
    """Late: past the deadline of its kind, or, with no kind assessed, past the shortest deadline."""
    now = _moment(ctx)
    past_kind_deadline = reduce(
        operator.or_,
        (
            Q(serious_kind=kind, became_aware_at__lt=now - timedelta(days=days))
            for kind, days in deadlines.DAYS.items()
        ),
    )
    unassessed = Q(serious_kind="", became_aware_at__lt=now - timedelta(days=min(deadlines.DAYS.values())))
    late = Incident.objects.filter(organization=ctx.organization).unreported_serious()
    return none_of(
        late.filter(past_kind_deadline | unassessed).order_by("became_aware_at", "number"),
        ok="No serious incident is past its deadline for reporting to the authority.",
        problem=lambda n: (
            f"{plural(n, 'serious incident is', 'serious incidents are')} not reported to the authority "
            "though the deadline has passed."
        ),
        link=lambda incident: _incident_link(ctx, incident, _late_note(incident)),
        fix=ctx.link("Report them to the authority", "incidents:incident_list"),
    )


@rule(
    "10.2-incidents-followed-up",
    "10.2",
    "Every serious or high-severity incident is followed up as a nonconformity",
    NC,
)
def incidents_followed_up(ctx: Context) -> Outcome:
    raised = Nonconformity.objects.filter(incident=OuterRef("pk"))
    unfollowed = (
        Incident.objects.filter(organization=ctx.organization)
        .filter(Q(is_serious=True) | Q(severity__in=GRAVE))
        .filter(~Exists(raised))
    )
    return none_of(
        unfollowed.order_by("became_aware_at", "number"),
        ok="Every serious or high-severity incident has a nonconformity raised from it.",
        problem=lambda n: (
            f"{plural(n, 'serious or high-severity incident has', 'serious or high-severity incidents have')}"
            " no nonconformity raised to correct its cause."
        ),
        link=lambda incident: _incident_link(ctx, incident, incident.get_severity_display().lower()),
        fix=ctx.link("Raise a nonconformity from each incident's page", "incidents:incident_list"),
    )


RULES = [serious_incidents_reported, incidents_followed_up]
