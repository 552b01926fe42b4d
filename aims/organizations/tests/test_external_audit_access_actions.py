"""Granting, extending and revoking an external auditor's access: owners and managers only, with an end date
today or later and at most AIMS_EXTERNAL_AUDIT_MAX_DAYS ahead, each written to the audit trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.organizations import actions, permissions
from aims.organizations.models import Membership, Role
from aims.organizations.tests.conftest import expire, in_days
from conftest import make_user


@pytest.fixture
def lead(db):
    return make_user("lead2@certbody.test")


def _grant(actor, organization, expires_on, email="lead2@certbody.test"):
    return actions.grant_external_audit_access(
        actor=actor, organization=organization, email=email, expires_on=expires_on
    )


def _nothing_written(organization) -> bool:
    return not Membership.objects.filter(user__email="lead2@certbody.test").exists() and not (
        AuditEvent.objects.filter(organization=organization).exists()
    )


@pytest.mark.parametrize("granter", ["owner", "manager"])
def test_owners_and_managers_grant_access_until_a_day(personas, lead, granter):
    membership = _grant(personas.user(granter), personas.org, in_days(30), email="Lead2@CertBody.test")
    assert (membership.user, membership.role) == (lead, Role.EXTERNAL_AUDITOR)
    assert membership.ends_on == in_days(30)
    assert membership.days_left == 30
    assert timezone.localtime(membership.expires_at).time().hour == 23
    event = AuditEvent.objects.get(organization=personas.org, verb="external_audit.granted")
    assert event.actor == personas.user(granter)
    assert event.after == {"expires_on": in_days(30).isoformat()}
    assert event.data == {"user": "lead2@certbody.test", "role": "external_auditor"}
    assert permissions.role_in(lead, personas.org) == Role.EXTERNAL_AUDITOR


@pytest.mark.parametrize("persona", ["contributor", "auditor", "viewer", "outsider"])
def test_no_one_else_grants_access(personas, lead, persona):
    with pytest.raises(PermissionDenied, match="Only owners and managers"):
        _grant(personas.user(persona), personas.org, in_days(30))
    assert _nothing_written(personas.org)


def test_an_external_auditor_cannot_grant_access_to_a_colleague(personas, external_auditor, lead):
    with pytest.raises(PermissionDenied):
        _grant(external_auditor, personas.org, in_days(30))
    assert _nothing_written(personas.org)


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (None, "Set the last day of the external auditor's access."),
        (-1, "is in the past; choose today or a later day."),
        (91, "External audit access lasts at most 90 days"),
    ],
)
def test_a_missing_past_or_too_distant_end_is_refused_and_nothing_written(personas, lead, days, message):
    with pytest.raises(ValidationError, match=message) as refused:
        _grant(personas.owner, personas.org, None if days is None else in_days(days))
    assert list(refused.value.message_dict) == ["expires_on"]
    assert _nothing_written(personas.org)


def test_the_last_day_may_be_today_or_the_ninetieth(personas, lead, django_user_model):
    assert _grant(personas.owner, personas.org, in_days(0)).days_left == 0
    other = make_user("second@certbody.test")
    assert _grant(personas.owner, personas.org, in_days(90), email=other.email).days_left == 90


def test_someone_without_an_account_is_to_be_invited(personas):
    with pytest.raises(ActionError, match="invite them as an external auditor"):
        _grant(personas.owner, personas.org, in_days(30), email="nobody@certbody.test")


def test_a_member_cannot_be_made_external_auditor(personas):
    with pytest.raises(ActionError, match="already a member"):
        _grant(personas.owner, personas.org, in_days(30), email="viewer@acme.test")
    assert Membership.objects.get(user=personas.viewer).role == "viewer"


def test_a_second_grant_is_refused_in_favour_of_extending(personas, external_auditor):
    with pytest.raises(ActionError, match="extend it instead"):
        _grant(personas.owner, personas.org, in_days(30), email=external_auditor.email)


def test_the_role_form_cannot_make_or_unmake_an_external_auditor(personas, external_membership):
    with pytest.raises(ActionError, match="time-boxed"):
        actions.change_member_role(actor=personas.owner, membership=external_membership, role="viewer")
    viewer = Membership.objects.get(user=personas.viewer)
    with pytest.raises(ActionError, match="time-boxed"):
        actions.change_member_role(actor=personas.owner, membership=viewer, role="external_auditor")
    external_membership.refresh_from_db()
    assert (external_membership.role, viewer.role) == ("external_auditor", "viewer")


def test_the_database_refuses_an_external_auditor_without_an_end(personas, lead):
    with pytest.raises(ValidationError, match="needs an end date"):
        Membership(organization=personas.org, user=lead, role=Role.EXTERNAL_AUDITOR).full_clean()


@pytest.mark.parametrize("granter", ["owner", "manager"])
def test_owners_and_managers_extend_access(personas, external_membership, granter):
    membership = actions.extend_external_audit_access(
        actor=personas.user(granter), membership=external_membership, expires_on=in_days(60)
    )
    assert membership.ends_on == in_days(60)
    event = AuditEvent.objects.get(organization=personas.org, verb="external_audit.extended")
    assert (event.before, event.after) == (
        {"expires_on": in_days(30).isoformat()},
        {"expires_on": in_days(60).isoformat()},
    )


def test_extending_an_expired_access_lets_the_auditor_back_in(personas, external_membership):
    expire(external_membership)
    assert personas.client("external_auditor").get("/o/acme/").status_code == 404
    actions.extend_external_audit_access(
        actor=personas.manager, membership=external_membership, expires_on=in_days(7)
    )
    assert personas.client("external_auditor").get("/o/acme/").status_code == 200


def test_extending_is_refused_to_others_and_for_a_bad_date(personas, external_membership):
    for persona in ("contributor", "auditor", "viewer", "external_auditor"):
        with pytest.raises(PermissionDenied):
            actions.extend_external_audit_access(
                actor=personas.user(persona), membership=external_membership, expires_on=in_days(60)
            )
    with pytest.raises(ValidationError, match="in the past"):
        actions.extend_external_audit_access(
            actor=personas.owner, membership=external_membership, expires_on=in_days(-3)
        )
    external_membership.refresh_from_db()
    assert external_membership.ends_on == in_days(30)
    assert not AuditEvent.objects.filter(verb="external_audit.extended").exists()


def test_only_external_auditors_have_an_end_to_extend(personas):
    viewer = Membership.objects.get(user=personas.viewer)
    with pytest.raises(ActionError, match="not an external auditor"):
        actions.extend_external_audit_access(actor=personas.owner, membership=viewer, expires_on=in_days(5))


def test_revoking_ends_access_now_and_keeps_the_membership(personas, external_membership):
    membership = actions.revoke_external_audit_access(actor=personas.manager, membership=external_membership)
    assert membership.is_expired
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert personas.client("external_auditor").get("/o/acme/").status_code == 404
    event = AuditEvent.objects.get(organization=personas.org, verb="external_audit.revoked")
    assert event.before == {"expires_on": in_days(30).isoformat()}
    with pytest.raises(ActionError, match="already ended"):
        actions.revoke_external_audit_access(actor=personas.manager, membership=membership)


def test_revoking_is_for_owners_and_managers(personas, external_membership):
    for persona in ("contributor", "auditor", "viewer", "external_auditor"):
        with pytest.raises(PermissionDenied):
            actions.revoke_external_audit_access(actor=personas.user(persona), membership=external_membership)
    external_membership.refresh_from_db()
    assert not external_membership.is_expired


def test_an_expired_membership_can_be_removed(personas, external_membership):
    expire(external_membership)
    actions.remove_member(actor=personas.manager, membership=external_membership)
    assert not Membership.objects.filter(pk=external_membership.pk).exists()
