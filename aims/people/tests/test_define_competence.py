import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.people import actions
from aims.people.models import Competence


def test_manager_defines_and_changes_a_competence_with_audit_events(personas, literacy):
    assert literacy.is_ai_literacy
    actions.update_competence(
        actor=personas.owner, competence=literacy, changes={"description": "Basics of AI."}
    )
    literacy.refresh_from_db()
    assert literacy.description == "Basics of AI."
    assert AuditEvent.objects.filter(verb__in=["competence.created", "competence.updated"]).count() == 2


def test_others_cannot_define_competences(personas):
    for persona in ("contributor", "auditor", "viewer", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.create_competence(actor=getattr(personas, persona), organization=personas.org, name="X")
    assert not Competence.objects.exists()


def test_duplicate_or_empty_names_are_refused(personas, literacy):
    for name in ("ai LITERACY", ""):
        with pytest.raises(ValidationError):
            actions.create_competence(actor=personas.owner, organization=personas.org, name=name)
    with pytest.raises(ValidationError):
        actions.update_competence(actor=personas.owner, competence=literacy, changes={"organization": None})
    assert Competence.objects.count() == 1
