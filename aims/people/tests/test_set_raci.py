import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.catalog.models import CatalogItem
from aims.lib.errors import ActionError
from aims.people import actions
from aims.people.models import RaciEntry
from aims.people.tests.conftest import make_role


def test_manager_sets_letters_for_a_process_and_they_are_audited(personas, role):
    entry = actions.set_raci(
        actor=personas.manager,
        organization=personas.org,
        kind="process",
        process="Risk assessment",
        role=role,
        letter="A",
    )
    assert entry.subject_label == "Risk assessment"
    event = AuditEvent.objects.get(verb="raci.set")
    assert event.after == {"letter": "A"}


def test_setting_again_changes_the_letter_instead_of_adding_one(personas, role):
    actions.set_raci(
        actor=personas.owner, organization=personas.org, kind="process", process="P", role=role, letter="R"
    )
    actions.set_raci(
        actor=personas.owner, organization=personas.org, kind="process", process="p", role=role, letter="C"
    )
    assert list(RaciEntry.objects.values_list("letter", flat=True)) == ["C"]


def test_a_subject_has_only_one_accountable_role(personas, role, system):
    other = make_role(personas.org, 2)
    kwargs = {"actor": personas.owner, "organization": personas.org, "kind": "system", "ai_system": system}
    actions.set_raci(role=role, letter="A", **kwargs)
    with pytest.raises(ActionError):
        actions.set_raci(role=other, letter="A", **kwargs)
    actions.set_raci(role=other, letter="R", **kwargs)
    assert RaciEntry.objects.filter(letter="A").count() == 1


def test_controls_come_from_the_catalogue(personas, role, catalog):
    control = CatalogItem.objects.get(ref="A.3.2")
    entry = actions.set_raci(
        actor=personas.owner,
        organization=personas.org,
        kind="control",
        control=control,
        role=role,
        letter="R",
    )
    assert entry.subject_label.startswith("A.3.2")
    clause = CatalogItem.objects.get(ref="5.3")
    with pytest.raises(ValidationError):
        actions.set_raci(
            actor=personas.owner,
            organization=personas.org,
            kind="control",
            control=clause,
            role=role,
            letter="R",
        )


def test_the_subject_must_match_the_kind_and_the_organisation(personas, role, foreign_role):
    foreign_system = AISystem.objects.create(
        organization=personas.other_org, reference="G-1", name="G", purpose="x"
    )
    cases = [
        {"kind": "process", "process": "", "role": role},
        {"kind": "system", "process": "Oops", "role": role},
        {"kind": "system", "ai_system": foreign_system, "role": role},
        {"kind": "process", "process": "P", "role": foreign_role},
        {"kind": "process", "process": "P", "role": role, "letter": "Z"},
    ]
    for case in cases:
        with pytest.raises(ValidationError):
            actions.set_raci(actor=personas.owner, organization=personas.org, **{"letter": "R", **case})
    assert not RaciEntry.objects.exists()


def test_contributor_cannot_set_or_clear_letters(personas, role):
    with pytest.raises(PermissionDenied):
        actions.set_raci(
            actor=personas.contributor,
            organization=personas.org,
            kind="process",
            process="P",
            role=role,
            letter="R",
        )
    entry = actions.set_raci(
        actor=personas.owner, organization=personas.org, kind="process", process="P", role=role, letter="R"
    )
    with pytest.raises(PermissionDenied):
        actions.clear_raci(actor=personas.contributor, entry=entry)
    actions.clear_raci(actor=personas.manager, entry=entry)
    assert not RaciEntry.objects.exists()
    assert AuditEvent.objects.filter(verb="raci.cleared").count() == 1
