import copy

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.controls import actions
from aims.controls.actions import ReasonInput
from aims.controls.models import SoAVersion
from aims.lib.errors import ActionError
from aims.lib.hashing import canonical_json, sha256_hex

from .conftest import decide_all, exclude, include


def test_approval_is_refused_while_controls_are_undecided(personas, controls):
    include(personas, controls["A.2.2"])
    with pytest.raises(ActionError) as caught:
        actions.approve_soa(actor=personas.manager, organization=personas.org)
    assert "37 to resolve" in caught.value.message
    assert "A.2.3 is undecided" in caught.value.message
    assert "A.2.2" not in caught.value.message
    assert not SoAVersion.objects.exists()


def test_approval_is_refused_when_a_relied_on_control_was_excluded_earlier(personas, controls, relied):
    decide_all(personas, controls)
    control = controls["A.6.2.4"]
    control.decision, control.exclusion_justification = "excluded", "Before the risk was treated"
    control.implementation_status = "not_applicable"
    control.save()
    control.reasons.all().delete()
    with pytest.raises(ActionError, match=r"A.6.2.4 is excluded but risk treatments rely on it \(RSK-0003"):
        actions.approve_soa(actor=personas.owner, organization=personas.org)


def test_manager_approves_a_complete_soa_as_version_one(personas, controls, obligation):
    decide_all(personas, controls)
    exclude(personas, controls["A.6.2.5"], why="We do not deploy models ourselves")
    version = actions.approve_soa(actor=personas.manager, organization=personas.org, note="First")
    assert (version.number, version.approved_by, version.approved_by_name) == (1, personas.manager, "Manager")
    assert len(version.entries) == 38
    excluded = next(e for e in version.entries if e["ref"] == "A.6.2.5")
    assert excluded["justification"] == "We do not deploy models ourselves"
    assert excluded["group"] == "A.6"
    assert version.content_hash == sha256_hex(canonical_json(version.snapshot))
    event = AuditEvent.objects.get(verb="soa.approved")
    assert event.data["number"] == 1
    assert actions.approve_soa(actor=personas.owner, organization=personas.org).number == 2


def test_contributor_cannot_approve(personas, controls):
    decide_all(personas, controls)
    with pytest.raises(PermissionDenied):
        actions.approve_soa(actor=personas.contributor, organization=personas.org)
    assert not SoAVersion.objects.exists()


def test_an_approved_version_is_unchanged_by_later_edits(personas, controls, obligation):
    decide_all(personas, controls)
    version = actions.approve_soa(actor=personas.manager, organization=personas.org)
    stored = copy.deepcopy(SoAVersion.objects.get(pk=version.pk).snapshot)
    exclude(personas, controls["A.2.3"], why="Covered by group policy")
    actions.update_implementation(
        actor=personas.contributor,
        control=controls["A.2.2"],
        changes={"implementation_status": "implemented", "owner": personas.owner},
    )
    actions.create_custom_control(actor=personas.contributor, organization=personas.org, title="Extra")
    reloaded = SoAVersion.objects.get(pk=version.pk)
    assert reloaded.snapshot == stored
    assert reloaded.content_hash == sha256_hex(canonical_json(stored))


def test_an_approved_version_cannot_be_saved_or_updated(personas, controls):
    decide_all(personas, controls)
    version = actions.approve_soa(actor=personas.manager, organization=personas.org)
    version.note = "tampered"
    with pytest.raises(ValidationError, match="never changes"):
        version.save()
    with pytest.raises(ValidationError, match="never changes"):
        SoAVersion.objects.filter(pk=version.pk).update(note="tampered")
    assert SoAVersion.objects.get(pk=version.pk).note == ""


def test_an_approved_version_cannot_be_deleted(personas, controls):
    decide_all(personas, controls)
    version = actions.approve_soa(actor=personas.manager, organization=personas.org)
    with pytest.raises(ValidationError, match="kept for the record"):
        version.delete()
    assert SoAVersion.objects.filter(pk=version.pk).exists()


def test_approval_is_refused_when_a_cited_obligation_was_deleted(personas, controls, obligation):
    decide_all(personas, controls)
    actions.set_applicability(
        actor=personas.contributor,
        control=controls["A.8.5"],
        decision="included",
        reasons=[ReasonInput(kind="legal_regulatory", obligations=(obligation,))],
    )
    obligation.delete()
    with pytest.raises(ActionError, match=r"A\.8\.5 has a legal or contractual reason citing no obligation"):
        actions.approve_soa(actor=personas.manager, organization=personas.org)
