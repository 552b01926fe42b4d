import pytest
from django.core.exceptions import PermissionDenied

from aims.ai_systems import actions
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError


def test_contributor_archives_and_restores_a_system(personas, system):
    actions.archive_ai_system(actor=personas.contributor, system=system, reason="Replaced by v2.")
    system.refresh_from_db()
    assert system.status == "archived"
    archived = AuditEvent.objects.get(verb="ai_system.archived")
    assert archived.before == {"status": "active"}
    assert archived.after == {"status": "archived"}
    assert archived.data == {"reason": "Replaced by v2."}
    actions.restore_ai_system(actor=personas.contributor, system=system)
    system.refresh_from_db()
    assert system.status == "active"
    assert AuditEvent.objects.filter(verb="ai_system.restored").exists()


def test_archiving_twice_is_refused(personas, system):
    actions.archive_ai_system(actor=personas.manager, system=system)
    with pytest.raises(ActionError, match="archived already"):
        actions.archive_ai_system(actor=personas.manager, system=system)
    assert AuditEvent.objects.filter(verb="ai_system.archived").count() == 1


def test_restoring_a_system_that_is_not_archived_is_refused(personas, system):
    with pytest.raises(ActionError, match="not archived"):
        actions.restore_ai_system(actor=personas.manager, system=system)


@pytest.mark.parametrize("role", ["viewer", "auditor", "outsider"])
def test_readers_cannot_archive_or_restore(personas, system, role):
    with pytest.raises(PermissionDenied):
        actions.archive_ai_system(actor=getattr(personas, role), system=system)
    actions.archive_ai_system(actor=personas.manager, system=system)
    with pytest.raises(PermissionDenied):
        actions.restore_ai_system(actor=getattr(personas, role), system=system)
    system.refresh_from_db()
    assert system.status == "archived"
