"""Criteria versions: the default ships, drafts are checked, only owners put them in force, and in-force
versions never change."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.risks import actions
from aims.risks.levels import DEFAULT_SPEC, CriteriaSpec
from aims.risks.models import RiskCriteria
from aims.risks.tests.test_level_calculation import THREE


def test_the_default_criteria_ship_once_per_organisation(personas):
    first = actions.ensure_default_criteria(personas.org)
    again = actions.ensure_default_criteria(personas.org)
    assert first.pk == again.pk
    assert (first.version, first.state) == (1, RiskCriteria.State.IN_FORCE)
    assert first.spec() == DEFAULT_SPEC
    fresh = RiskCriteria.objects.get(pk=first.pk)
    assert fresh.spec().matrix == DEFAULT_SPEC.matrix
    assert [lv.key for lv in fresh.spec().levels] == ["low", "medium", "high", "critical"]
    assert AuditEvent.objects.filter(verb="risk_criteria.defaulted").count() == 1


def test_a_manager_drafts_and_an_owner_puts_new_criteria_in_force(personas):
    old = actions.ensure_default_criteria(personas.org)
    draft = actions.draft_criteria(
        actor=personas.manager, organization=personas.org, spec=THREE, notes="Simpler"
    )
    assert (draft.version, draft.state) == (2, RiskCriteria.State.DRAFT)
    assert actions.current_criteria(personas.org) == old
    with pytest.raises(PermissionDenied):
        actions.approve_criteria(actor=personas.manager, criteria=draft)
    actions.approve_criteria(actor=personas.owner, criteria=draft)
    old.refresh_from_db()
    assert old.state == RiskCriteria.State.SUPERSEDED
    current = actions.current_criteria(personas.org)
    assert current is not None
    assert current.pk == draft.pk
    assert current.spec() == THREE
    event = AuditEvent.objects.get(verb="risk_criteria.approved")
    assert event.data["supersedes"] == [1]


def test_an_in_force_version_is_never_changed(personas):
    criteria = actions.ensure_default_criteria(personas.org)
    with pytest.raises(ActionError):
        actions.approve_criteria(actor=personas.owner, criteria=criteria)
    with pytest.raises(ActionError):
        actions.discard_criteria_draft(actor=personas.owner, criteria=criteria)


def test_only_one_draft_at_a_time_and_drafts_can_be_discarded(personas):
    draft = actions.draft_criteria(actor=personas.owner, organization=personas.org, spec=THREE)
    with pytest.raises(ActionError):
        actions.draft_criteria(actor=personas.owner, organization=personas.org, spec=THREE)
    actions.discard_criteria_draft(actor=personas.manager, criteria=draft)
    assert not RiskCriteria.objects.filter(state=RiskCriteria.State.DRAFT).exists()


@pytest.mark.parametrize("persona", ["contributor", "auditor", "viewer", "outsider"])
def test_others_cannot_draft_criteria(personas, persona):
    with pytest.raises(PermissionDenied):
        actions.draft_criteria(actor=personas.user(persona), organization=personas.org, spec=THREE)
    assert not RiskCriteria.objects.exists()


def test_malformed_criteria_are_refused_before_anything_is_written(personas):
    bad = CriteriaSpec(THREE.likelihood, THREE.consequence, THREE.levels, (("low",),))
    with pytest.raises(ValidationError):
        actions.draft_criteria(actor=personas.owner, organization=personas.org, spec=bad)
    assert not RiskCriteria.objects.exists()
