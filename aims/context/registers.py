"""The three context registers shown by the same generic pages: what differs between them, in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet

from aims.context import actions, queries
from aims.context.access import get_issue_for_user, get_obligation_for_user, get_party_for_user
from aims.context.forms import (
    FilterForm,
    IssueFilterForm,
    IssueForm,
    ObligationFilterForm,
    ObligationForm,
    PartyFilterForm,
    PartyForm,
    RecordForm,
)
from aims.context.models import ContextIssue, InterestedParty, Obligation


@dataclass(frozen=True)
class Register:
    key: str  # URL names: <key>_list, <key>_create, <key>_detail, <key>_edit
    title: str
    noun: str
    intro: str
    model: type[Model]
    form: type[RecordForm]
    filter_form: type[FilterForm]
    sorts: dict[str, str]
    columns: tuple[tuple[str, str], ...]  # (label, sort key or "")
    rows: Callable[..., QuerySet[Any]]
    get: Callable[..., Any]
    create: Callable[..., Any]
    update: Callable[..., Any]
    detail_fields: tuple[str, ...]


def _create_record(create: Callable[..., Any]) -> Callable[..., Any]:
    def run(*, actor: Any, organization: Any, form: RecordForm) -> Any:
        return create(actor=actor, organization=organization, ai_systems=form.systems(), **form.values())

    return run


def _update_record(update: Callable[..., Any], noun: str) -> Callable[..., Any]:
    def run(*, actor: Any, record: Any, form: RecordForm) -> Any:
        return update(actor=actor, **{noun: record}, changes=form.values(), ai_systems=form.systems())

    return run


def _create_party(*, actor: Any, organization: Any, form: RecordForm) -> Any:
    return actions.create_party(actor=actor, organization=organization, **form.values())


def _update_party(*, actor: Any, record: Any, form: RecordForm) -> Any:
    return actions.update_party(actor=actor, party=record, changes=form.values())


ISSUES = Register(
    key="issue",
    title="Context issues",
    noun="issue",
    intro="Internal and external issues that affect what the AI management system can achieve, climate "
    "change included where relevant (clause 4.1).",
    model=ContextIssue,
    form=IssueForm,
    filter_form=IssueFilterForm,
    sorts=queries.ISSUE_SORTS,
    columns=(
        ("Reference", "reference"),
        ("Title", "title"),
        ("Category", "category"),
        ("AI systems", ""),
        ("Owner", ""),
        ("Next review", "review"),
    ),
    rows=lambda org, wanted: queries.with_systems(queries.issues_for(org, wanted)),
    get=get_issue_for_user,
    create=_create_record(actions.create_issue),
    update=_update_record(actions.update_issue, "issue"),
    detail_fields=(
        "kind",
        "category",
        "description",
        "effect_on_aims",
        "is_climate_related",
        "owner",
        "review_on",
        "status",
    ),
)

OBLIGATIONS = Register(
    key="obligation",
    title="Obligations",
    noun="obligation",
    intro="Legal, regulatory, contractual and voluntary requirements, whether each applies and why, and who "
    "owns it (clause 4.2, A.8.5). The Statement of Applicability cites them as reasons.",
    model=Obligation,
    form=ObligationForm,
    filter_form=ObligationFilterForm,
    sorts=queries.OBLIGATION_SORTS,
    columns=(
        ("Reference", "reference"),
        ("Title", "title"),
        ("Source", "source"),
        ("Applicability", ""),
        ("AI systems", ""),
        ("Next review", "review"),
    ),
    rows=lambda org, wanted: queries.with_systems(queries.obligations_for(org, wanted)),
    get=get_obligation_for_user,
    create=_create_record(actions.create_obligation),
    update=_update_record(actions.update_obligation, "obligation"),
    detail_fields=(
        "kind",
        "source",
        "jurisdiction",
        "description",
        "applicability",
        "applicability_rationale",
        "owner",
        "review_on",
        "status",
    ),
)

PARTIES = Register(
    key="party",
    title="Interested parties",
    noun="interested party",
    intro="The people and bodies with an interest in the organisation's AI, what they require, and whether "
    "the AI management system addresses it (clause 4.2).",
    model=InterestedParty,
    form=PartyForm,
    filter_form=PartyFilterForm,
    sorts=queries.PARTY_SORTS,
    columns=(("Name", "name"), ("Kind", "kind"), ("Description", ""), ("Last updated", "updated")),
    rows=queries.parties_for,
    get=get_party_for_user,
    create=_create_party,
    update=_update_party,
    detail_fields=("kind", "description", "status"),
)
