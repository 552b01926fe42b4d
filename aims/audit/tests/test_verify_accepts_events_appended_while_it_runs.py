from aims.audit import verification
from aims.audit.trail import record


def test_events_appended_after_the_head_was_read_are_not_forgeries(personas, acme_events, monkeypatch):
    real_head = verification._head
    calls: list[verification._Head] = []

    def head_then_append(organization_id):
        head = real_head(organization_id)
        if not calls:  # the first read: someone appends an event right after it
            record(actor=personas.manager, verb="membership.created", target=personas.org)
        calls.append(head)
        return head

    monkeypatch.setattr(verification, "_head", head_then_append)
    report = verification.verify_all(organization_slug="acme")[0]
    assert report.ok
    assert report.checked == 6
    assert [head.last_seq for head in calls] == [5, 6]
