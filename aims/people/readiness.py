"""Readiness rules for clauses 5.3, 7.2 and 7.4, read from the AIMS roles and their holders, the competences
and training records, and the communication plan and log.

A role's holder counts only while the assignment runs (started, not ended) and the person is still one of
the organisation's own members (`own_members`: visiting auditors left out); a training record counts only
until it expires.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from aims.accounts.models import User
from aims.organizations.models import Membership
from aims.people.models import (
    AIMSRole,
    CommunicationLog,
    CommunicationPlanItem,
    Competence,
    RoleAssignment,
    TrainingRecord,
)
from aims.readiness.checks import none_of, plural
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION

KEY_AREAS = {
    AIMSRole.Area.CONFORMITY: "the AIMS's conformity",
    AIMSRole.Area.PERFORMANCE: "reporting the AIMS's performance",
}
"""The responsibilities clause 5.3 names, in the words the rule says them."""

LOG_MONTHS = 12
"""A planned communication not made for this long is not being made."""


VISITING_ROLES = ("external_auditor",)
"""Memberships of people from outside (a certification body's auditor, for a set time): not the
organisation's own people, so they hold no role, own nothing and are not asked to acknowledge."""


def own_members(ctx: Context) -> QuerySet[Membership]:
    """The organisation's own people: its memberships, visitors left out."""
    return Membership.objects.filter(organization=ctx.organization).exclude(role__in=VISITING_ROLES)


def current_assignments(ctx: Context) -> QuerySet[RoleAssignment]:
    """Assignments running today, held by someone who is still one of the organisation's own people."""
    return RoleAssignment.objects.filter(
        role__organization=ctx.organization,
        user__in=own_members(ctx).values("user_id"),
        since__lte=ctx.today,
    ).filter(Q(until__isnull=True) | Q(until__gte=ctx.today))


def valid_training(ctx: Context) -> QuerySet[TrainingRecord]:
    """Training records of the organisation that have not expired."""
    return TrainingRecord.objects.filter(organization=ctx.organization).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=ctx.today)
    )


def roles(ctx: Context) -> QuerySet[AIMSRole]:
    return AIMSRole.objects.filter(organization=ctx.organization)


def role_link(ctx: Context, role: AIMSRole, label: str = "") -> Link:
    return ctx.link(label or role.name, "people:role_detail", pk=role.pk)


@rule("5.3-roles-defined", "5.3", "The roles of the AIMS are defined", BLOCKER)
def roles_defined(ctx: Context) -> Outcome:
    count = roles(ctx).count()
    if not count:
        return failed(
            "No role of the AIMS is defined.", fix=ctx.link("Define the AIMS roles", "people:role_create")
        )
    return passed(f"{plural(count, 'role of the AIMS is', 'roles of the AIMS are')} defined.")


def _missing_words(role: AIMSRole) -> str:
    texts = (("responsibilities", role.responsibilities), ("authorities", role.authorities))
    return " and no ".join(word for word, text in texts if not text.strip())


@rule("5.3-roles-described", "5.3", "Every role states its responsibilities and authorities", NC)
def roles_described(ctx: Context) -> Outcome:
    vague = roles(ctx).filter(Q(responsibilities="") | Q(authorities="")).order_by("name")
    return none_of(
        vague,
        ok="Every role of the AIMS states its responsibilities and authorities.",
        problem=lambda n: f"{plural(n, 'role lacks', 'roles lack')} responsibilities or authorities.",
        link=lambda role: role_link(ctx, role, f"{role.name}: no {_missing_words(role)}"),
        fix=ctx.link("Describe the roles", "people:role_list"),
    )


@rule("5.3-roles-assigned", "5.3", "Every role has someone holding it", NC)
def roles_assigned(ctx: Context) -> Outcome:
    held = current_assignments(ctx).filter(role=OuterRef("pk"))
    vacant = roles(ctx).filter(~Exists(held)).order_by("name")
    return none_of(
        vacant,
        ok="Every role of the AIMS has a member holding it.",
        problem=lambda n: f"{plural(n, 'role is', 'roles are')} held by no member.",
        link=lambda role: role_link(ctx, role),
        fix=ctx.link("Assign the roles", "people:role_list"),
    )


@rule(
    "5.3-key-areas", "5.3", "Someone answers for the AIMS's conformity and for reporting its performance", NC
)
def key_areas(ctx: Context) -> Outcome:
    held = current_assignments(ctx).filter(role=OuterRef("pk"))
    covered = set(
        roles(ctx)
        .filter(area__in=list(KEY_AREAS))
        .filter(Exists(held))
        .values_list("area", flat=True)
        .distinct()
    )
    missing = [words for area, words in KEY_AREAS.items() if area not in covered]
    if missing:
        return failed(
            f"No member holds a role for {' or for '.join(missing)}.",
            fix=ctx.link("Define and assign a role for it", "people:role_create"),
        )
    return passed("Members hold the roles for the AIMS's conformity and for reporting its performance.")


@rule("7.2-competences-defined", "7.2", "The competences the AIMS needs are defined", BLOCKER)
def competences_defined(ctx: Context) -> Outcome:
    count = Competence.objects.filter(organization=ctx.organization).count()
    if not count:
        return failed(
            "No competence is defined for the AIMS roles.",
            fix=ctx.link("Define the competences", "people:competence_create"),
        )
    return passed(f"{plural(count, 'competence is', 'competences are')} defined.")


@rule("7.2-role-competences", "7.2", "Every role names the competences its holders need", NC)
def role_competences(ctx: Context) -> Outcome:
    bare = roles(ctx).filter(competences__isnull=True).order_by("name")
    return none_of(
        bare,
        ok="Every role names the competences its holders need.",
        problem=lambda n: f"{plural(n, 'role names', 'roles name')} no competence.",
        link=lambda role: role_link(ctx, role),
        fix=ctx.link("Name the competences of each role", "people:role_list"),
    )


def _gap_link(ctx: Context, row: Any) -> Link:
    """A holder lacking a competence: a row of `competence_held`'s query, with the competence's name."""
    return role_link(ctx, row.role, f"{row.user.display_name} as {row.role.name}: {row.needed_name}")


@rule("7.2-competence-held", "7.2", "Role holders have the competences of their roles, in date", NC)
def competence_held(ctx: Context) -> Outcome:
    """One row per holder and competence of the role with no unexpired training record behind it."""
    trained = valid_training(ctx).filter(user=OuterRef("user"), competence=OuterRef("needed"))
    gaps = (
        current_assignments(ctx)
        .annotate(needed=F("role__competences"), needed_name=F("role__competences__name"))
        .filter(needed__isnull=False)
        .filter(~Exists(trained))
        .select_related("role", "user")
        .order_by("role__name", "user__email", "needed_name")
    )
    return none_of(
        gaps,
        ok="Every role holder has a training record in date for each competence of the role.",
        problem=lambda n: (
            f"{plural(n, 'competence a role needs is', 'competences roles need are')} "
            "not shown by a training record in date."
        ),
        link=lambda row: _gap_link(ctx, row),
        fix=ctx.link("Record the training", "people:training_create"),
    )


@rule("7.2-ai-literacy", "7.2", "Members are trained in AI literacy", OBSERVATION)
def ai_literacy(ctx: Context) -> Outcome:
    """Good practice (and, where the EU AI Act applies, a duty): an AI-literacy competence, held by every
    member through a training record in date."""
    literacy = Competence.objects.filter(organization=ctx.organization, is_ai_literacy=True)
    if not literacy.exists():
        return failed(
            "No competence is marked as AI literacy.",
            fix=ctx.link("Define an AI literacy competence", "people:competence_create"),
        )
    trained = valid_training(ctx).filter(user=OuterRef("pk"), competence__is_ai_literacy=True)
    untrained = (
        User.objects.filter(pk__in=own_members(ctx).values("user_id"))
        .filter(~Exists(trained))
        .order_by("email")
    )
    return none_of(
        untrained,
        ok="Every member has AI literacy training in date.",
        problem=lambda n: f"{plural(n, 'member has', 'members have')} no AI literacy training in date.",
        link=lambda user: ctx.link(user.display_name, "people:literacy"),
        fix=ctx.link("Record AI literacy training", "people:training_create"),
    )


@rule("7.4-communication-planned", "7.4", "Communication about the AIMS is planned", NC)
def communication_planned(ctx: Context) -> Outcome:
    """What is communicated, when, to whom, how and by whom: a plan with someone named to carry out
    each item."""
    items = CommunicationPlanItem.objects.filter(organization=ctx.organization)
    if not items.exists():
        return failed(
            "No communication about the AIMS is planned.",
            fix=ctx.link("Plan the communication", "people:plan_create"),
        )
    members = own_members(ctx).filter(user=OuterRef("communicator"))
    unowned = items.filter(~Exists(members)).order_by("what", "pk")
    return none_of(
        unowned,
        ok="Communication about the AIMS is planned, each item with a member to carry it out.",
        problem=lambda n: plural(
            n,
            "planned communication names no member to carry it out.",
            "planned communications name no member to carry them out.",
        ),
        link=lambda item: ctx.link(str(item), "people:plan_edit", pk=item.pk),
        fix=ctx.link("Name who communicates", "people:plan_list"),
    )


@rule("7.4-communication-logged", "7.4", "Planned communication is made and logged", OBSERVATION)
def communication_logged(ctx: Context) -> Outcome:
    """Each item of the plan has an entry in the communication log within the last `LOG_MONTHS` months."""
    logged = CommunicationLog.objects.filter(
        plan_item=OuterRef("pk"), communicated_on__gte=ctx.months_ago(LOG_MONTHS)
    )
    silent = (
        CommunicationPlanItem.objects.filter(organization=ctx.organization)
        .filter(~Exists(logged))
        .order_by("what", "pk")
    )
    return none_of(
        silent,
        ok=f"Every planned communication is logged in the last {LOG_MONTHS} months.",
        problem=lambda n: (
            f"{plural(n, 'planned communication has', 'planned communications have')} "
            f"no entry in the log in the last {LOG_MONTHS} months."
        ),
        link=lambda item: ctx.link(str(item), "people:plan_edit", pk=item.pk),
        fix=ctx.link("Log the communication made", "people:log_create"),
    )


RULES = [
    roles_defined,
    roles_described,
    roles_assigned,
    key_areas,
    competences_defined,
    role_competences,
    competence_held,
    ai_literacy,
    communication_planned,
    communication_logged,
]
