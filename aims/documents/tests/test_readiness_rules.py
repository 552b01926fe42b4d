"""The documented information readiness rules (7.5.1 to 7.5.3): documents in force, processes written down,
every active document approved, in date, owned by a member and given a retention period."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from aims.accounts.models import User
from aims.documents import readiness
from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Membership, Organization
from aims.readiness.engine import compute
from aims.readiness.testing import fix, links, queries, run, url
from aims.web.testing import Personas
from conftest import make_user

TODAY = timezone.localdate()


def make_document(
    organization: Organization,
    reference: str,
    *,
    owner: User | None,
    kind: str = "procedure",
    state: str = "published",
    **fields: Any,
) -> Document:
    """A document written straight to the database, in order by default: owned, in date, kept 36 months, its
    version 1 in `state` (in force when published)."""
    values: dict[str, Any] = {"retention_months": 36, "next_review_on": TODAY + timedelta(days=100)}
    values.update(fields)
    document = Document.objects.create(
        organization=organization,
        reference=reference,
        title=f"Doc {reference}",
        kind=kind,
        owner=owner,
        **values,
    )
    version = DocumentVersion.objects.create(document=document, number=1, state=state, body="Text")
    if state == "published":
        document.current_version = version
        document.save(update_fields=["current_version"])
    return document


def doc_link(document: Document, note: str = "") -> tuple[str, str]:
    label = f"{document.reference} {document.title}" + (f": {note}" if note else "")
    return (label, url("documents:document_detail", pk=document.pk))


def register(label: str) -> tuple[str, str]:
    return (label, url("documents:document_list"))


# 7.5.1


def test_no_document_in_force_is_a_blocker_whatever_other_organisations_hold(personas):
    make_document(personas.org, "DOC-1", owner=personas.manager, state="draft")
    make_document(personas.other_org, "DOC-1", owner=personas.outsider)
    outcome = run(readiness.documents_in_force, personas.org)
    assert not outcome.passed
    assert outcome.message == "No document of the AIMS is in force."
    assert fix(outcome) == ("Register the AIMS's documents", url("documents:document_create"))
    assert readiness.documents_in_force.severity == "stage1_blocker"
    assert readiness.documents_in_force.refs == ("7.5.1",)


def test_documents_in_force_pass(personas):
    make_document(personas.org, "DOC-1", owner=personas.manager)
    make_document(personas.org, "DOC-2", owner=personas.manager, status="withdrawn")
    outcome = run(readiness.documents_in_force, personas.org)
    assert outcome.passed
    assert outcome.message == "1 document of the AIMS is in force."


def test_no_procedure_in_force_is_an_observation(personas):
    make_document(personas.org, "POL-1", owner=personas.manager, kind="policy")
    make_document(personas.org, "PRO-1", owner=personas.manager, state="in_review")
    make_document(personas.other_org, "PRO-1", owner=personas.outsider)
    outcome = run(readiness.processes_documented, personas.org)
    assert not outcome.passed
    assert outcome.message == "No procedure is in force: the AIMS's processes are not written down."
    assert fix(outcome) == ("Write a procedure", url("documents:document_create"))
    assert readiness.processes_documented.severity == "observation"


def test_procedures_in_force_pass(personas):
    make_document(personas.org, "PRO-1", owner=personas.manager)
    make_document(personas.org, "PRO-2", owner=personas.manager)
    outcome = run(readiness.processes_documented, personas.org)
    assert outcome.passed
    assert outcome.message == "2 procedures are in force."


# 7.5.2


def test_active_documents_without_an_approved_version_are_named(personas):
    draft = make_document(personas.org, "DOC-1", owner=personas.manager, state="draft")
    approved = make_document(personas.org, "DOC-2", owner=personas.manager, state="approved")
    make_document(personas.org, "DOC-3", owner=personas.manager)
    make_document(personas.org, "DOC-4", owner=personas.manager, state="draft", status="withdrawn")
    make_document(personas.other_org, "DOC-9", owner=personas.outsider, state="draft")
    outcome = run(readiness.documents_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 active documents have no approved version in force."
    assert links(outcome) == [doc_link(draft), doc_link(approved)]
    assert fix(outcome) == register("Approve and publish them")
    assert readiness.documents_approved.severity == "stage1_blocker"
    assert readiness.documents_approved.refs == ("7.5.2",)


def test_active_documents_in_force_pass(personas):
    make_document(personas.org, "DOC-1", owner=personas.manager)
    outcome = run(readiness.documents_approved, personas.org)
    assert outcome.passed
    assert outcome.message == "Every active document has an approved version in force."


def test_documents_past_their_review_date_are_out_of_date(personas):
    due = TODAY - timedelta(days=3)
    lapsed = make_document(personas.org, "DOC-1", owner=personas.manager, next_review_on=due)
    make_document(personas.org, "DOC-2", owner=personas.manager, next_review_on=TODAY)
    make_document(personas.org, "DOC-3", owner=personas.manager, next_review_on=due, status="withdrawn")
    make_document(personas.other_org, "DOC-9", owner=personas.outsider, next_review_on=due)
    outcome = run(readiness.documents_reviewed, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 document is past the review date: out of date."
    assert links(outcome) == [doc_link(lapsed, f"due {due:%Y-%m-%d}")]
    assert fix(outcome) == register("Review them")
    assert readiness.documents_reviewed.severity == "stage1_blocker"


def test_documents_in_date_pass(personas):
    make_document(personas.org, "DOC-1", owner=personas.manager, next_review_on=TODAY)
    outcome = run(readiness.documents_reviewed, personas.org)
    assert outcome.passed
    assert outcome.message == "No active document is past its review date."


# 7.5.3


def test_documents_with_no_owner_among_the_members_are_named(personas):
    unowned = make_document(personas.org, "DOC-1", owner=None)
    left = make_document(personas.org, "DOC-2", owner=personas.outsider)
    visitor = make_user("visitor@certifier.test")
    Membership.objects.create(
        organization=personas.org,
        user=visitor,
        role="external_auditor",
        expires_at=timezone.now() + timedelta(days=7),
    )
    visited = make_document(personas.org, "DOC-21", owner=visitor)
    make_document(personas.org, "DOC-3", owner=personas.viewer)
    make_document(personas.org, "DOC-4", owner=None, status="withdrawn")
    make_document(personas.other_org, "DOC-9", owner=None)
    outcome = run(readiness.documents_owned, personas.org)
    assert not outcome.passed
    assert outcome.message == "3 active documents have no owner among the members."
    assert links(outcome) == [
        doc_link(unowned, "no owner"),
        doc_link(left, "its owner is not a member"),
        doc_link(visited, "its owner is not a member"),
    ]
    assert fix(outcome) == register("Name an owner for each")
    assert readiness.documents_owned.severity == "stage1_blocker"
    assert readiness.documents_owned.refs == ("7.5.3",)


def test_documents_owned_by_members_pass(personas):
    make_document(personas.org, "DOC-1", owner=personas.manager)
    outcome = run(readiness.documents_owned, personas.org)
    assert outcome.passed
    assert outcome.message == "Every active document has an owner who is a member of the organisation."


def test_documents_without_a_retention_period_are_an_observation(personas):
    unset = make_document(personas.org, "DOC-1", owner=personas.manager, retention_months=None)
    make_document(personas.org, "DOC-2", owner=personas.manager)
    make_document(personas.org, "DOC-3", owner=personas.manager, retention_months=None, status="withdrawn")
    make_document(personas.other_org, "DOC-9", owner=personas.outsider, retention_months=None)
    outcome = run(readiness.retention_set, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 active document has no retention period: superseded versions are kept with no end."
    )
    assert links(outcome) == [doc_link(unset)]
    assert fix(outcome) == register("Set their retention periods")
    assert readiness.retention_set.severity == "observation"


def test_documents_with_a_retention_period_pass(personas):
    make_document(personas.org, "DOC-1", owner=personas.manager)
    outcome = run(readiness.retention_set, personas.org)
    assert outcome.passed
    assert outcome.message == "Every active document has a retention period."


# Fixed cost, and the engine


def _add_records(personas: Personas, start: int, count: int) -> None:
    """`count` more documents in force and `count` at fault on every count."""
    for n in range(start, start + count):
        make_document(personas.org, f"OK-{n}", owner=personas.manager)
        make_document(
            personas.org,
            f"BAD-{n}",
            owner=None,
            state="draft",
            retention_months=None,
            next_review_on=TODAY - timedelta(days=n),
        )


def test_every_rule_reads_in_a_fixed_number_of_queries(personas):
    _add_records(personas, 1, 1)
    one = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    _add_records(personas, 2, 4)
    five = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    assert one == five
    assert max(five.values()) <= 1


def test_the_rules_are_registered_and_run_in_the_engine(personas):
    make_document(personas.org, "DOC-1", owner=personas.manager)
    results = {result.id: result for result in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert results["7.5.1-documents-in-force"].ok
    assert all(results[rule.id].status != "error" for rule in readiness.RULES)
