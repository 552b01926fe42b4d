from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.policies import actions
from aims.policies.models import PolicyReview
from aims.policies.tests.conftest import DAY


def test_a_review_records_its_outcome_and_moves_the_next_review_by_the_interval(personas, review):
    document = review.document
    document.refresh_from_db()
    assert review.version == document.current_version
    assert set(review.reviewers.all()) == {personas.owner, personas.manager}
    assert review.next_review_on == date(2027, 3, 2)
    assert document.next_review_on == date(2027, 3, 2)
    assert document.last_reviewed_by == personas.manager
    event = AuditEvent.objects.get(verb="policy_review.recorded")
    assert event.after == {"next_review_on": "2027-03-02"}
    assert event.data["outcome"] == "no_change"
    assert event.data["version"] == 1


def test_a_given_next_review_date_wins_and_withdrawal_clears_it_and_withdraws_the_policy(
    personas, published_policy
):
    document = published_policy.document
    sooner = actions.record_policy_review(
        actor=personas.owner, document=document, reviewed_on=DAY, reviewers=[personas.owner],
        outcome="update_needed", findings="New law", next_review_on=DAY + timedelta(days=90),
    )  # fmt: skip
    document.refresh_from_db()
    assert document.next_review_on == sooner.next_review_on == DAY + timedelta(days=90)
    actions.record_policy_review(
        actor=personas.owner, document=document, reviewed_on=DAY, reviewers=[personas.owner],
        outcome="withdrawn", findings="Replaced by the group policy",
    )  # fmt: skip
    document.refresh_from_db()
    assert document.next_review_on is None
    assert (document.status, document.withdrawn_by) == ("withdrawn", personas.owner)
    assert document.withdrawal_reason == "Policy review of 2026-03-02: Replaced by the group policy"


def test_an_aligned_policy_can_be_reviewed_but_an_unrelated_document_cannot(
    personas, aligned, security_policy
):
    review = actions.record_policy_review(
        actor=personas.manager, document=security_policy, reviewed_on=DAY, reviewers=[personas.manager],
        outcome="no_change", findings="Aligned still",
    )  # fmt: skip
    assert review.version is None  # nothing published yet
    aligned.delete()
    with pytest.raises(ValidationError) as error:
        actions.record_policy_review(
            actor=personas.manager, document=security_policy, reviewed_on=DAY, reviewers=[personas.manager],
            outcome="no_change", findings="x",
        )  # fmt: skip
    assert "document" in error.value.message_dict


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reviewers": []}, "reviewers"),
        ({"reviewers": "outsider"}, "reviewers"),
        ({"outcome": "shrug"}, "outcome"),
        ({"findings": " "}, "findings"),
        ({"reviewed_on": "tomorrow"}, "reviewed_on"),
        ({"next_review_on": DAY}, "next_review_on"),
    ],
)
def test_bad_reviews_are_refused_before_anything_is_written(personas, published_policy, changes, field):
    values = {
        "document": published_policy.document, "reviewed_on": DAY, "reviewers": [personas.owner],
        "outcome": "no_change", "findings": "Fine",
    }  # fmt: skip
    values.update(changes)
    if values["reviewers"] == "outsider":
        values["reviewers"] = [personas.outsider]
    if values["reviewed_on"] == "tomorrow":
        values["reviewed_on"] = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        actions.record_policy_review(actor=personas.owner, **values)
    assert field in error.value.message_dict
    assert not PolicyReview.objects.exists()
    published_policy.document.refresh_from_db()
    assert published_policy.document.next_review_on != DAY


def test_a_version_of_another_document_is_refused(personas, published_policy, aligned, security_policy):
    with pytest.raises(ValidationError) as error:
        actions.record_policy_review(
            actor=personas.owner, document=security_policy, version=published_policy, reviewed_on=DAY,
            reviewers=[personas.owner], outcome="no_change", findings="x",
        )  # fmt: skip
    assert "version" in error.value.message_dict


@pytest.mark.parametrize("persona", ["contributor", "viewer", "auditor", "outsider"])
def test_only_owners_and_managers_record_reviews(personas, published_policy, persona):
    with pytest.raises(PermissionDenied):
        actions.record_policy_review(
            actor=personas.user(persona), document=published_policy.document, reviewed_on=DAY,
            reviewers=[personas.owner], outcome="no_change", findings="x",
        )  # fmt: skip
    assert not PolicyReview.objects.exists()
