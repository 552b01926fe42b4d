from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.catalog.models import CatalogItem
from aims.monitoring.models import Metric
from aims.monitoring.tests.conftest import measure
from aims.objectives import actions
from aims.objectives.models import Objective
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
NOT_DECIDERS = [*NOT_EDITORS, "contributor"]
LIST = "/o/acme/objectives/"


def test_the_list_shows_objectives_and_progress(
    personas: Personas, metric: Metric, active: Objective, foreign: Objective
) -> None:
    measure(personas.manager, metric, "2.5")
    assert_permission_matrix(personas, "GET", LIST, MEMBERS)
    page = personas.client("viewer").get(LIST).content.decode()
    assert "OBJ-001" in page
    assert "Globex goal" not in page
    assert "On track" in page
    assert "Set an objective" not in page
    assert "OBJ-001" not in personas.client("viewer").get(f"{LIST}?status=draft").content.decode()
    partial = personas.client("viewer").get(f"{LIST}?q=Fair", HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="records">')


def test_the_list_query_count_does_not_grow_with_rows(
    personas: Personas, metric: Metric, django_assert_max_num_queries: Any
) -> None:
    for n in range(15):
        made = actions.create_objective(
            actor=personas.manager, organization=personas.org, title=f"O{n}", metric=metric,
            owner=personas.owner, target_value=1, due_on=timezone.localdate(),
        )  # fmt: skip
        actions.add_plan_item(actor=personas.manager, objective=made, what="x")
    client = personas.client("viewer")
    with django_assert_max_num_queries(12):
        response = client.get(LIST)
    assert response.content.decode().count('<code class="ref">OBJ-') == 15


def test_editors_set_an_objective_through_the_form(personas: Personas, metric: Metric, catalog: None) -> None:
    url = f"{LIST}new/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    fairness = CatalogItem.objects.get(ref="C.2.5")
    data = {"title": "Fair", "metric": "MET-001", "target_value": "2", "direction": "at_most",
            "due_on": "2027-01-01", "annex_c": [fairness.pk]}  # fmt: skip
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data)
    response = personas.client("contributor").post(url, data)
    assert response.status_code == 302
    made = Objective.objects.get()
    assert list(made.annex_c.all()) == [fairness]
    assert made.metric == metric
    bad = personas.client("contributor").post(url, {**data, "metric": "MET-404"})
    assert bad.status_code == 422
    assert Objective.objects.count() == 1


def test_editors_edit_an_objective(personas: Personas, objective: Objective) -> None:
    url = f"{LIST}{objective.pk}/edit/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    data = {"title": "Fairer", "direction": "at_most", "manual_measure": "Complaints"}
    assert personas.client("contributor").post(url, data).status_code == 302
    objective.refresh_from_db()
    assert objective.title == "Fairer"


def test_the_detail_page_shows_trend_target_plan_and_history(
    personas: Personas, metric: Metric, active: Objective
) -> None:
    for days, value in ((30, "3.5"), (5, "2.8")):
        measure(personas.manager, metric, value, days_ago=days)
    actions.add_plan_item(
        actor=personas.manager,
        objective=active,
        what="Re-weight",
        due_on=timezone.localdate() - timedelta(days=1),
    )
    url = f"{LIST}{active.pk}/"
    assert_permission_matrix(personas, "GET", url, MEMBERS)
    page = personas.client("viewer").get(url).content.decode()
    assert 'data-chart="objective-trend"' in page
    assert 'data-chart="objective-plan"' in page
    assert "<td>2.8</td>" in page
    assert '<th scope="row">Overdue</th><td>1</td>' in page
    assert "At risk" in page
    assert "activated it" in page
    assert "Record the outcome" not in page


def test_buttons_activate_outcome_and_withdraw(personas: Personas, objective: Objective) -> None:
    base = f"{LIST}{objective.pk}/"
    assert_refused(personas, "POST", f"{base}activate/", NOT_EDITORS)
    assert personas.client("contributor").post(f"{base}activate/").status_code == 302
    outcome = {"achieved": "yes", "note": "Done"}
    assert_refused(personas, "POST", f"{base}outcome/", NOT_DECIDERS, data=outcome)
    assert personas.client("manager").post(f"{base}outcome/", {"achieved": "yes"}).status_code == 422
    assert personas.client("manager").post(f"{base}outcome/", outcome).status_code == 302
    objective.refresh_from_db()
    assert objective.status == "achieved"
    response = personas.client("owner").post(f"{base}withdraw/", {"reason": "x"}, follow=True)
    assert "closed already" in response.content.decode()


def test_plan_steps_from_the_page(personas: Personas, active: Objective, foreign: Objective) -> None:
    url = f"{LIST}{active.pk}/plan/"
    data = {"plan-what": "Re-weight", "plan-due_on": "2027-01-01"}
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data)
    assert personas.client("contributor").post(url, data).status_code == 302
    item = active.plan_items.get()
    edit = f"{url}{item.pk}/edit/"
    assert_permission_matrix(personas, "GET", edit, EDITORS)
    assert personas.client("contributor").post(edit, {"what": "Re-weight by age"}).status_code == 302
    assert personas.client("contributor").post(f"{url}{item.pk}/complete/").status_code == 302
    item.refresh_from_db()
    assert (item.what, item.is_done) == ("Re-weight by age", True)
    assert personas.client("contributor").post(url, {"plan-what": ""}).status_code == 422
    assert personas.client("owner").get(f"{LIST}{foreign.pk}/").status_code == 404
    assert (
        personas.client("owner").post(f"/o/acme/objectives/{active.pk}/plan/99999/complete/").status_code
        == 404
    )
