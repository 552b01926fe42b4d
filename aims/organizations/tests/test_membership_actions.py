import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.organizations import actions
from aims.organizations.models import Invitation, Membership


def test_manager_invites_and_invitee_accepts(personas, django_capture_on_commit_callbacks, django_user_model):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, secret = actions.invite_member(
            actor=personas.manager, organization=personas.org, email="New@Acme.test", role="contributor"
        )
    assert invitation.email == "new@acme.test"
    assert secret not in invitation.digest
    assert len(mail.outbox) == 1
    assert actions.invitation_link(secret) in mail.outbox[0].body
    newcomer = django_user_model.objects.create_user(email="new@acme.test")
    found = actions.find_invitation(secret)
    assert found is not None
    membership = actions.accept_invitation(actor=newcomer, invitation=found)
    assert membership.role == "contributor"
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert AuditEvent.objects.filter(organization=personas.org, verb="membership.created").exists()


def test_invitation_for_another_address_is_refused(personas):
    invitation, _ = actions.invite_member(
        actor=personas.owner, organization=personas.org, email="someone@else.test", role="viewer"
    )
    with pytest.raises(PermissionDenied):
        actions.accept_invitation(actor=personas.outsider, invitation=invitation)
    assert not Membership.objects.filter(organization=personas.org, user=personas.outsider).exists()


def test_used_invitation_cannot_be_used_twice(personas, django_user_model):
    invitation, _ = actions.invite_member(
        actor=personas.owner, organization=personas.org, email="twice@acme.test", role="viewer"
    )
    user = django_user_model.objects.create_user(email="twice@acme.test")
    actions.accept_invitation(actor=user, invitation=invitation)
    with pytest.raises(ActionError):
        actions.accept_invitation(actor=user, invitation=invitation)


@pytest.mark.parametrize("role", ["contributor", "auditor", "viewer"])
def test_non_managers_cannot_invite(personas, role):
    with pytest.raises(PermissionDenied):
        actions.invite_member(
            actor=personas.user(role), organization=personas.org, email="x@y.test", role="viewer"
        )
    assert not Invitation.objects.exists()


def test_manager_cannot_invite_an_owner(personas):
    with pytest.raises(PermissionDenied):
        actions.invite_member(
            actor=personas.manager, organization=personas.org, email="x@y.test", role="owner"
        )


def test_invalid_role_and_email_are_refused(personas):
    with pytest.raises(ValidationError):
        actions.invite_member(actor=personas.owner, organization=personas.org, email="x@y.test", role="king")
    with pytest.raises(ValidationError):
        actions.invite_member(
            actor=personas.owner, organization=personas.org, email="not-an-email", role="viewer"
        )
    assert not Invitation.objects.exists()


def test_existing_member_cannot_be_invited(personas):
    with pytest.raises(ActionError, match="already a member"):
        actions.invite_member(
            actor=personas.owner, organization=personas.org, email="viewer@acme.test", role="viewer"
        )


def test_revoked_invitation_cannot_be_accepted(personas, django_user_model):
    invitation, _ = actions.invite_member(
        actor=personas.owner, organization=personas.org, email="r@acme.test", role="viewer"
    )
    actions.revoke_invitation(actor=personas.manager, invitation=invitation)
    with pytest.raises(ActionError):
        actions.accept_invitation(
            actor=django_user_model.objects.create_user(email="r@acme.test"), invitation=invitation
        )


def test_role_change_is_audited_with_before_and_after(personas):
    membership = Membership.objects.get(organization=personas.org, user=personas.viewer)
    actions.change_member_role(actor=personas.manager, membership=membership, role="contributor")
    event = AuditEvent.objects.get(organization=personas.org, verb="membership.role_changed")
    assert (event.before, event.after) == ({"role": "viewer"}, {"role": "contributor"})
    assert event.actor == personas.manager


def test_the_last_owner_cannot_be_demoted_or_removed(personas):
    owner = Membership.objects.get(organization=personas.org, user=personas.owner)
    with pytest.raises(ActionError, match="at least one owner"):
        actions.change_member_role(actor=personas.owner, membership=owner, role="manager")
    with pytest.raises(ActionError, match="at least one owner"):
        actions.remove_member(actor=personas.owner, membership=owner)
    owner.refresh_from_db()
    assert owner.role == "owner"


def test_manager_cannot_touch_an_owner(personas):
    owner = Membership.objects.get(organization=personas.org, user=personas.owner)
    with pytest.raises(PermissionDenied):
        actions.change_member_role(actor=personas.manager, membership=owner, role="viewer")
    with pytest.raises(PermissionDenied):
        actions.remove_member(actor=personas.manager, membership=owner)


def test_owner_can_hand_over_ownership(personas):
    manager = Membership.objects.get(organization=personas.org, user=personas.manager)
    actions.change_member_role(actor=personas.owner, membership=manager, role="owner")
    owner = Membership.objects.get(organization=personas.org, user=personas.owner)
    actions.change_member_role(actor=personas.manager, membership=owner, role="viewer")
    owner.refresh_from_db()
    assert owner.role == "viewer"


def test_member_can_leave_but_viewer_cannot_remove_others(personas):
    other = Membership.objects.get(organization=personas.org, user=personas.contributor)
    with pytest.raises(PermissionDenied):
        actions.remove_member(actor=personas.viewer, membership=other)
    own = Membership.objects.get(organization=personas.org, user=personas.viewer)
    actions.remove_member(actor=personas.viewer, membership=own)
    assert not Membership.objects.filter(pk=own.pk).exists()
    assert AuditEvent.objects.filter(organization=personas.org, verb="membership.removed").count() == 1
