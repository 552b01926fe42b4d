import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.context import actions
from aims.context.models import Obligation


def test_an_editor_records_an_obligation_linked_to_systems(personas, obligation, chatbot):
    assert obligation.reference == "OBL-001"
    assert obligation.applicability == "applies"
    assert list(chatbot.obligations.all()) == [obligation]
    event = AuditEvent.objects.get(verb="obligation.created")
    assert event.after is not None
    assert event.after["source"] == "EU AI Act Art. 26"
    assert event.after is not None
    assert event.after["ai_systems"] == ["AIS-001"]


def test_applicability_defaults_to_under_review(personas):
    obligation = actions.create_obligation(
        actor=personas.manager, organization=personas.org, kind="contractual", title="SLA", source="MSA §4"
    )
    assert obligation.applicability == "under_review"


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_and_outsiders_cannot_record_obligations(personas, persona):
    with pytest.raises(PermissionDenied):
        actions.create_obligation(
            actor=personas.user(persona), organization=personas.org, kind="legal", title="X", source="Y"
        )
    assert not Obligation.objects.exists()


def test_bad_values_are_refused(personas):
    cases: list[tuple[dict[str, str], str]] = [
        ({"kind": "moral", "title": "X", "source": "Y"}, "kind"),
        ({"kind": "legal", "title": "X", "source": ""}, "source"),
        ({"kind": "legal", "title": "X", "source": "Y", "applicability": "maybe"}, "applicability"),
    ]
    for values, field in cases:
        with pytest.raises(ValidationError) as error:
            actions.create_obligation(actor=personas.manager, organization=personas.org, **values)  # type: ignore[arg-type]
        assert field in error.value.message_dict
    assert not Obligation.objects.exists()


def test_an_update_replaces_the_linked_systems_and_is_audited(personas, obligation):
    actions.update_obligation(
        actor=personas.manager,
        obligation=obligation,
        changes={"applicability": "does_not_apply"},
        ai_systems=[],
    )
    obligation.refresh_from_db()
    assert obligation.applicability == "does_not_apply"
    assert not obligation.ai_systems.exists()
    event = AuditEvent.objects.get(verb="obligation.updated")
    assert event.before == {"applicability": "applies"}
    assert event.data == {"ai_systems": []}
