from datetime import date

from aims.third_parties import actions


def _next_review(party):
    party.refresh_from_db()
    return party.next_review_on


def test_a_party_is_due_for_review_at_the_earliest_of_its_relationships_and_its_next_check(personas, party):
    first = actions.create_relationship(
        actor=personas.manager, third_party=party, subject="A", next_review_on=date(2031, 1, 1)
    )
    assert _next_review(party) == date(2031, 1, 1)
    actions.create_relationship(
        actor=personas.manager, third_party=party, subject="B", next_review_on=date(2032, 1, 1)
    )
    assert _next_review(party) == date(2031, 1, 1)
    actions.record_due_diligence(
        actor=personas.manager,
        third_party=party,
        outcome="approved",
        performed_on=date(2025, 1, 1),
        next_due_on=date(2030, 1, 1),
    )
    assert _next_review(party) == date(2030, 1, 1)
    actions.record_due_diligence(
        actor=personas.manager, third_party=party, outcome="approved", performed_on=date(2025, 2, 1)
    )
    assert _next_review(party) == date(2031, 1, 1)
    actions.end_relationship(actor=personas.manager, relationship=first)
    assert _next_review(party) == date(2032, 1, 1)
