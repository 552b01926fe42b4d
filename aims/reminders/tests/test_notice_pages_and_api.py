"""Notices: a member only ever sees and marks their own; outsiders get 404; the list's query count holds."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from aims.reminders.models import Notice
from aims.reminders.notices import notify
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))


def _notice(personas: Personas, user: Any, key: str, subject: str = "Review of DOC-1") -> Notice:
    return notify(
        organization=personas.org, recipient_ids=[user.pk], kind="document_review", key=key, subject=subject,
        url="/o/acme/documents/",
    )[0]  # fmt: skip


def test_members_see_only_their_own_notices(personas: Personas) -> None:
    _notice(personas, personas.viewer, "a", "For the viewer")
    _notice(personas, personas.manager, "b", "For the manager")
    url = reverse("reminders:notice_list", kwargs={"org": "acme"})
    assert_permission_matrix(personas, "GET", url, MEMBERS)
    page = personas.client("viewer").get(url).content.decode()
    assert "For the viewer" in page
    assert "For the manager" not in page
    badge = personas.client("viewer").get(reverse("reminders:notice_badge", kwargs={"org": "acme"}))
    assert 'aria-label="1 unread"' in badge.content.decode()


def test_marking_read_is_for_the_recipient_only(personas: Personas) -> None:
    mine = _notice(personas, personas.viewer, "a")
    url = reverse("reminders:notice_read", kwargs={"org": "acme", "pk": mine.pk})
    assert personas.client("manager").post(url).status_code == 404
    assert personas.client("outsider").post(url).status_code == 404
    response = personas.client("viewer").post(url, {"next": "/o/acme/documents/"})
    assert response.status_code == 302
    assert response["Location"] == "/o/acme/documents/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    evil = personas.client("viewer").post(url, {"next": "https://evil.test/"})
    assert evil["Location"].endswith("/o/acme/notices/")


def test_mark_all_read(personas: Personas) -> None:
    for key in "abc":
        _notice(personas, personas.viewer, key)
    other = _notice(personas, personas.manager, "z")
    personas.client("viewer").post(reverse("reminders:notice_read_all", kwargs={"org": "acme"}))
    assert not Notice.objects.filter(recipient=personas.viewer, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


def test_list_query_count_does_not_grow(personas: Personas, django_assert_max_num_queries: Any) -> None:
    client = personas.client("viewer")
    _notice(personas, personas.viewer, "first")
    url = reverse("reminders:notice_list", kwargs={"org": "acme"})
    client.get(url)
    with django_assert_max_num_queries(6):
        client.get(url)
    for n in range(20):
        _notice(personas, personas.viewer, f"k{n}")
    with django_assert_max_num_queries(6):
        assert client.get(url).content.decode().count("Review of DOC-1") == 21


def test_api_lists_and_marks_only_my_notices(personas: Personas, django_assert_max_num_queries: Any) -> None:
    mine = _notice(personas, personas.viewer, "a", "Mine")
    theirs = _notice(personas, personas.manager, "b", "Theirs")
    url = "/api/v1/notices?organization=acme"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    client = personas.client("viewer")
    with django_assert_max_num_queries(6):
        items = client.get(url).json()["items"]
    assert [i["subject"] for i in items] == ["Mine"]
    assert client.post(f"/api/v1/notices/{theirs.pk}/read").status_code == 404
    assert personas.client("outsider").post(f"/api/v1/notices/{mine.pk}/read").status_code == 404
    assert personas.client("anonymous").post(f"/api/v1/notices/{mine.pk}/read").status_code == 401
    read = client.post(f"/api/v1/notices/{mine.pk}/read")
    assert read.status_code == 200
    assert read.json()["read_at"] is not None
    assert client.get(url + "&unread=true").json()["items"] == []
    assert client.post("/api/v1/notices/read-all?organization=acme").json() == {"marked": 0}


def test_command_lists_a_members_notices(personas: Personas) -> None:
    _notice(personas, personas.viewer, "a", "Mine")
    out = StringIO()
    call_command("reminders", "notices", "--org", "acme", "--user", "viewer@acme.test", stdout=out)
    assert "* " in out.getvalue()
    assert "Mine" in out.getvalue()
