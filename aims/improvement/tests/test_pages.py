from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from aims.improvement import actions
from aims.improvement.models import Nonconformity
from aims.improvement.tests.conftest import raise_one
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
NOT_DECIDERS = [*NOT_EDITORS, "contributor"]


def _url(personas: Personas, name: str = "nonconformity_list", **kwargs: Any) -> str:
    return reverse(f"improvement:{name}", kwargs={"org": personas.org.slug, **kwargs})


def test_every_member_reads_the_register_and_outsiders_do_not(personas: Personas, nc: Nonconformity) -> None:
    assert_permission_matrix(personas, "GET", _url(personas), MEMBERS)
    assert_permission_matrix(personas, "GET", _url(personas, "nonconformity_detail", pk=nc.pk), MEMBERS)


def test_register_shows_only_this_organisations_nonconformities(
    personas: Personas, nc: Nonconformity, foreign: Nonconformity
) -> None:
    page = personas.client("viewer").get(_url(personas)).content.decode()
    assert "Impact assessment of AIS-004 overdue" in page
    assert "Globex supplier not assessed" not in page
    assert "Ask an owner" not in page


def test_register_query_count_does_not_grow_with_rows(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    client = personas.client("viewer")
    for _ in range(2):
        raise_one(personas)
    client.get(_url(personas))
    with django_assert_num_queries(8):
        assert client.get(_url(personas)).status_code == 200
    for _ in range(8):
        raise_one(personas)
    with django_assert_num_queries(8):
        page = client.get(_url(personas)).content.decode()
    assert page.count("Impact assessment of AIS-004 overdue") == 10


def test_register_filters(personas: Personas, nc: Nonconformity) -> None:
    other = raise_one(
        personas, title="Supplier list stale", grade="major", source="review", owner=personas.contributor
    )
    Nonconformity.objects.filter(pk=nc.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    client = personas.client("viewer")

    def shown(**query: Any) -> set[str]:
        url = _url(personas) + "?" + "&".join(f"{k}={v}" for k, v in query.items())
        page = client.get(url).content.decode()
        return {n.reference for n in (nc, other) if f">{n.reference}<" in page}

    assert shown(grade="major") == {other.reference}
    assert shown(source="audit") == {nc.reference}
    assert shown(overdue="on") == {nc.reference}
    assert shown(owner=personas.contributor.pk) == {other.reference}
    assert shown(q="supplier") == {other.reference}
    assert shown(status="open") == {nc.reference, other.reference}
    assert client.get(_url(personas) + "?grade=huge").status_code == 400


def test_register_paginates_and_answers_htmx_with_the_partial(personas: Personas) -> None:
    for _ in range(3):
        raise_one(personas)
    client = personas.client("viewer")
    page = client.get(_url(personas) + "?page_size=2").content.decode()
    assert 'rel="next"' in page
    partial = client.get(_url(personas), headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="records">')


def test_ageing_chart_and_table_count_open_nonconformities_by_age_and_grade(personas: Personas) -> None:
    today = timezone.localdate()
    for days, grade in (
        (0, "minor"),
        (30, "minor"),
        (31, "major"),
        (75, "major"),
        (91, "minor"),
        (200, "minor"),
    ):
        raise_one(personas, grade=grade, raised_on=today - timedelta(days=days))
    closed = raise_one(personas, grade="major", raised_on=today - timedelta(days=5))
    Nonconformity.objects.filter(pk=closed.pk).update(status="closed")
    from aims.improvement.queries import ageing

    figures = ageing(personas.org)
    assert figures.rows == (("major", "Major", (0, 1, 1, 0)), ("minor", "Minor", (2, 0, 0, 2)))
    assert figures.totals == (2, 1, 1, 2)
    page = personas.client("viewer").get(_url(personas)).content.decode()
    assert 'data-chart="nc-ageing"' in page
    assert '<th scope="row">Minor</th><td>2</td><td>0</td><td>0</td><td>2</td>' in page


def test_empty_register_says_how_to_begin(personas: Personas) -> None:
    assert (
        "Raise the first nonconformity" in personas.client("contributor").get(_url(personas)).content.decode()
    )
    assert "Ask an owner" in personas.client("viewer").get(_url(personas)).content.decode()


def test_contributor_raises_a_nonconformity_through_the_form(personas: Personas, catalog: None) -> None:
    url = _url(personas, "nonconformity_create")
    data = {
        "title": "Logs not kept",
        "description": "Event logs of AIS-002 were deleted after 7 days.",
        "source": "audit",
        "grade": "major",
        "requirement": "A.6.2.8",
        "owner": personas.manager.pk,
    }
    assert_refused(personas, "GET", url, NOT_EDITORS)
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data)
    response = personas.client("contributor").post(url, data)
    assert response.status_code == 302
    nc = Nonconformity.objects.get()
    assert nc.requirement is not None
    assert nc.requirement.ref == "A.6.2.8"
    assert response["Location"] == _url(personas, "nonconformity_detail", pk=nc.pk)


def test_an_unknown_requirement_is_named_and_nothing_is_written(personas: Personas, catalog: None) -> None:
    data = {"title": "x", "description": "y", "source": "audit", "grade": "minor", "requirement": "Z.9"}
    response = personas.client("contributor").post(_url(personas, "nonconformity_create"), data)
    assert response.status_code == 422
    assert "No clause or control Z.9 in ISO/IEC 42001." in response.content.decode()
    assert not Nonconformity.objects.exists()


def test_edit_page(personas: Personas, nc: Nonconformity) -> None:
    url = _url(personas, "nonconformity_edit", pk=nc.pk)
    assert_refused(personas, "GET", url, NOT_EDITORS)
    data = {"title": "Renamed", "description": nc.description, "source": "audit", "grade": "minor"}
    assert personas.client("contributor").post(url, data).status_code == 302
    nc.refresh_from_db()
    assert nc.title == "Renamed"
    assert nc.owner is None


def test_detail_tells_the_whole_story_with_the_buttons_each_role_may_use(
    personas: Personas, verified: Nonconformity
) -> None:
    url = _url(personas, "nonconformity_detail", pk=verified.pk)
    page = personas.client("owner").get(url).content.decode()
    told = (
        "Why was nobody told?",
        "Impact-assessment reviews had no reminder.",
        "Add a reminder for every",
        "No recurrence in 3 months.",
        "asked for verification of effectiveness",
        "Close NC-0001",
    )
    for text in told:
        assert text in page
    assert "Close NC-0001" not in personas.client("contributor").get(url).content.decode()
    assert "Close NC-0001" not in personas.client("viewer").get(url).content.decode()


def test_detail_names_why_the_owner_may_not_verify(personas: Personas, awaiting: Nonconformity) -> None:
    url = _url(personas, "nonconformity_detail", pk=awaiting.pk)
    assert "someone independent of it must verify" in personas.client("manager").get(url).content.decode()
    assert "Verify effectiveness</a>" in personas.client("owner").get(url).content.decode()


def test_detail_query_count_does_not_grow_with_actions(
    personas: Personas, nc: Nonconformity, django_assert_num_queries: Any
) -> None:
    url = _url(personas, "nonconformity_detail", pk=nc.pk)
    client = personas.client("manager")

    def add(count: int) -> None:
        for n in range(count):
            actions.add_corrective_action(
                actor=personas.contributor,
                nonconformity=nc,
                description=f"Step {n}",
                owner=personas.contributor,
                due_on=nc.raised_on,
            )

    add(2)
    client.get(url)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200
    add(8)
    with django_assert_num_queries(10):
        page = client.get(url).content.decode()
    assert page.count("Step ") == 10
