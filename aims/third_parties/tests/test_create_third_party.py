import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.third_parties import actions
from aims.third_parties.models import ThirdParty


def _create(personas, actor="contributor", **values):
    defaults = {"reference": "SUP-9", "name": "Stratus Cloud"}
    return actions.create_third_party(
        actor=personas.user(actor), organization=personas.org, **{**defaults, **values}
    )


def test_a_contributor_adds_a_supplier_and_the_event_is_recorded(personas):
    party = _create(personas, reference=" SUP-9 ", categories=["cloud", "model_provider"], country="Ireland")
    assert party.reference == "SUP-9"
    assert party.categories == ["model_provider", "cloud"]
    assert party.status == ThirdParty.Status.ACTIVE
    event = AuditEvent.objects.get(verb="third_party.created")
    assert event is not None
    assert event.after is not None
    assert event.organization == personas.org
    assert event.actor == personas.contributor
    assert event.target_id == str(party.pk)
    assert event.after["name"] == "Stratus Cloud"
    assert event.after["categories"] == ["model_provider", "cloud"]


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_and_outsiders_cannot_add_a_third_party(personas, persona):
    with pytest.raises(PermissionDenied):
        _create(personas, actor=persona)
    assert not ThirdParty.objects.exists()
    assert not AuditEvent.objects.filter(verb="third_party.created").exists()


def test_a_reference_is_unique_within_the_organisation_only(personas, party, foreign_party):
    assert foreign_party.reference == party.reference
    with pytest.raises(ValidationError) as caught:
        _create(personas, reference="SUP-1")
    assert "already has the reference SUP-1" in caught.value.message_dict["reference"][0]
    assert ThirdParty.objects.filter(organization=personas.org).count() == 1


def test_unknown_categories_are_refused(personas):
    with pytest.raises(ValidationError) as caught:
        _create(personas, categories=["cloud", "astrology"])
    assert "astrology" in caught.value.message_dict["categories"][0]
    assert not ThirdParty.objects.exists()


def test_a_new_third_party_cannot_start_archived(personas):
    with pytest.raises(ValidationError) as caught:
        _create(personas, status=ThirdParty.Status.ARCHIVED)
    assert "status" in caught.value.message_dict
    assert not ThirdParty.objects.exists()


def test_a_name_and_a_known_kind_are_required(personas):
    with pytest.raises(ValidationError) as caught:
        _create(personas, name="  ", kind="friend")
    assert set(caught.value.message_dict) == {"name", "kind"}
    assert not ThirdParty.objects.exists()
