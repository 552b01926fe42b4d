from aims.ai_systems import actions
from aims.ai_systems.tests.conftest import make_system


def test_the_first_system_gets_ais_001(personas):
    assert actions.next_reference(personas.org) == "AIS-001"


def test_the_next_reference_follows_the_highest_number_in_use(personas):
    make_system(personas.org, 1, reference="AIS-002")
    make_system(personas.org, 2, reference="AIS-010")
    make_system(personas.org, 3, reference="AIS-9")
    make_system(personas.org, 4, reference="AIS-ABC")
    make_system(personas.org, 5, reference="CS-999")
    assert actions.next_reference(personas.org) == "AIS-011"


def test_numbers_past_999_keep_counting(personas):
    make_system(personas.org, 1, reference="AIS-999")
    make_system(personas.org, 2, reference="AIS-1000")
    assert actions.next_reference(personas.org) == "AIS-1001"


def test_numbering_is_per_organisation(personas):
    make_system(personas.other_org, 1, reference="AIS-041")
    assert actions.next_reference(personas.org) == "AIS-001"


def test_blank_references_are_numbered_one_after_another(personas):
    made = [
        actions.register_ai_system(actor=personas.manager, organization=personas.org, name=n, purpose="P")
        for n in ("A", "B", "C")
    ]
    assert [s.reference for s in made] == ["AIS-001", "AIS-002", "AIS-003"]
