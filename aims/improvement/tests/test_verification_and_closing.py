import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.improvement import actions
from aims.improvement.models import EffectivenessCheck, Nonconformity
from aims.improvement.tests.conftest import with_done_action
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_verification_needs_a_root_cause_and_every_action_finished(
    personas: Personas, nc: Nonconformity
) -> None:
    with pytest.raises(ActionError, match="under way"):
        actions.request_verification(actor=personas.contributor, nonconformity=nc)
    action = actions.add_corrective_action(
        actor=personas.contributor,
        nonconformity=nc,
        description="x",
        owner=personas.contributor,
        due_on=nc.raised_on,
    )
    with pytest.raises(ActionError, match="root cause"):
        actions.request_verification(actor=personas.contributor, nonconformity=nc)
    actions.record_root_cause(
        actor=personas.contributor, nonconformity=nc, cause_method="other", root_cause="y"
    )
    with pytest.raises(ActionError, match="done or cancelled"):
        actions.request_verification(actor=personas.contributor, nonconformity=nc)
    actions.cancel_corrective_action(actor=personas.contributor, action=action, reason="Not needed")
    with pytest.raises(ActionError, match="At least one"):
        actions.request_verification(actor=personas.contributor, nonconformity=nc)
    nc.refresh_from_db()
    assert (nc.status, nc.verification_round) == ("action", 0)


def test_request_verification_moves_it_on(personas: Personas, awaiting: Nonconformity) -> None:
    assert (awaiting.status, awaiting.verification_round) == ("verification", 1)
    assert AuditEvent.objects.filter(verb="nonconformity.verification_requested").exists()


def test_the_nonconformity_owner_cannot_verify(personas: Personas, awaiting: Nonconformity) -> None:
    with pytest.raises(PermissionDenied, match="You own NC-0001"):
        actions.verify_effectiveness(
            actor=personas.manager, nonconformity=awaiting, outcome="effective", notes="x"
        )
    assert not EffectivenessCheck.objects.exists()


def test_an_action_owner_cannot_verify(personas: Personas, nc: Nonconformity) -> None:
    actions.update_nonconformity(actor=personas.owner, nonconformity=nc, changes={"owner": None})
    with_done_action(personas, nc)
    nc.actions.update(owner=personas.owner)
    actions.request_verification(actor=personas.contributor, nonconformity=nc)
    with pytest.raises(PermissionDenied, match="corrective action"):
        actions.verify_effectiveness(actor=personas.owner, nonconformity=nc, outcome="effective", notes="x")
    actions.verify_effectiveness(actor=personas.manager, nonconformity=nc, outcome="effective", notes="Fine.")
    assert EffectivenessCheck.objects.get().verified_by == personas.manager


def test_contributors_cannot_verify_and_bad_input_writes_nothing(
    personas: Personas, awaiting: Nonconformity
) -> None:
    with pytest.raises(PermissionDenied):
        actions.verify_effectiveness(
            actor=personas.contributor, nonconformity=awaiting, outcome="effective", notes="x"
        )
    with pytest.raises(ValidationError) as caught:
        actions.verify_effectiveness(actor=personas.owner, nonconformity=awaiting, outcome="maybe", notes=" ")
    assert set(caught.value.message_dict) == {"outcome", "notes"}
    assert not EffectivenessCheck.objects.exists()


def test_not_effective_sends_it_back_and_keeps_the_history(
    personas: Personas, awaiting: Nonconformity
) -> None:
    check = actions.verify_effectiveness(
        actor=personas.owner, nonconformity=awaiting, outcome="not_effective", notes="It recurred in May."
    )
    awaiting.refresh_from_db()
    assert awaiting.status == "action"
    assert not check.is_effective
    with pytest.raises(ActionError):
        actions.close_nonconformity(actor=personas.owner, nonconformity=awaiting)
    actions.add_corrective_action(
        actor=personas.contributor,
        nonconformity=awaiting,
        description="Second try.",
        owner=personas.contributor,
        due_on=awaiting.raised_on,
    )
    second = awaiting.actions.get(description="Second try.")
    actions.complete_corrective_action(actor=personas.contributor, action=second)
    actions.request_verification(actor=personas.contributor, nonconformity=awaiting)
    with pytest.raises(ActionError, match="before its corrective action is verified"):
        actions.close_nonconformity(actor=personas.owner, nonconformity=awaiting)
    actions.verify_effectiveness(
        actor=personas.owner, nonconformity=awaiting, outcome="effective", notes="Held."
    )
    actions.close_nonconformity(actor=personas.owner, nonconformity=awaiting)
    assert list(awaiting.checks.values_list("round", "outcome")) == [(1, "not_effective"), (2, "effective")]


def test_closing_without_verification_is_refused(
    personas: Personas, nc: Nonconformity, awaiting: Nonconformity
) -> None:
    with pytest.raises(ActionError, match="verified as effective"):
        actions.close_nonconformity(actor=personas.owner, nonconformity=awaiting)
    awaiting.refresh_from_db()
    assert awaiting.status == "verification"
    assert awaiting.closed_on is None


def test_closing_after_an_effective_verification(personas: Personas, verified: Nonconformity) -> None:
    with pytest.raises(PermissionDenied):
        actions.close_nonconformity(actor=personas.contributor, nonconformity=verified)
    with pytest.raises(ActionError, match="verified already"):
        actions.verify_effectiveness(
            actor=personas.owner, nonconformity=verified, outcome="effective", notes="x"
        )
    actions.close_nonconformity(actor=personas.manager, nonconformity=verified)
    verified.refresh_from_db()
    assert verified.status == "closed"
    assert verified.closed_on is not None
    assert (AuditEvent.objects.get(verb="nonconformity.closed").after or {}).get("status") == "closed"


def test_reopening_needs_a_reason_and_a_fresh_verification(
    personas: Personas, verified: Nonconformity
) -> None:
    with pytest.raises(ActionError, match="not closed"):
        actions.reopen_nonconformity(actor=personas.owner, nonconformity=verified, reason="x")
    actions.close_nonconformity(actor=personas.owner, nonconformity=verified)
    with pytest.raises(PermissionDenied):
        actions.reopen_nonconformity(actor=personas.contributor, nonconformity=verified, reason="Recurred.")
    with pytest.raises(ValidationError):
        actions.reopen_nonconformity(actor=personas.owner, nonconformity=verified, reason=" ")
    actions.reopen_nonconformity(actor=personas.owner, nonconformity=verified, reason="Recurred in June.")
    verified.refresh_from_db()
    assert (verified.status, verified.closed_on) == ("action", None)
    actions.request_verification(actor=personas.contributor, nonconformity=verified)
    with pytest.raises(ActionError):
        actions.close_nonconformity(actor=personas.owner, nonconformity=verified)
    assert (AuditEvent.objects.get(verb="nonconformity.reopened").after or {}).get(
        "reason"
    ) == "Recurred in June."
