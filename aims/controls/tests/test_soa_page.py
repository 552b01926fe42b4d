from aims.controls import actions
from aims.controls.actions import ReasonInput
from aims.web.testing import assert_permission_matrix

from .conftest import exclude, include

URL = "/o/acme/controls/"


def test_every_member_sees_the_soa_and_outsiders_do_not(personas, controls):
    assert_permission_matrix(personas, "GET", URL, ["owner", "manager", "contributor", "auditor", "viewer"])


def test_the_soa_groups_controls_by_objective_then_the_organisations_own(personas, controls, obligation):
    actions.set_applicability(
        actor=personas.contributor,
        control=controls["A.8.5"],
        decision="included",
        reasons=[ReasonInput(kind="legal_regulatory", obligations=(obligation,))],
    )
    exclude(personas, controls["A.6.2.5"], why="Nothing deployed by us")
    actions.create_custom_control(actor=personas.contributor, organization=personas.org, title="Red team")
    page = personas.client("viewer").get(URL).content.decode()
    assert (
        page.index("A.2 Policies related to AI") < page.index("A.10 Third-party") < page.index("own controls")
    )
    assert "ORG-001" in page
    assert "Nothing deployed by us" in page
    assert 'Legal or regulatory requirement: <code class="ref">OBL-001</code>' in page


def test_progress_per_group_counts_decisions_and_implementation(personas, controls):
    include(personas, controls["A.2.2"])
    include(personas, controls["A.2.3"])
    exclude(personas, controls["A.2.4"])
    actions.update_implementation(
        actor=personas.contributor,
        control=controls["A.2.2"],
        changes={"implementation_status": "implemented"},
    )
    page = personas.client("viewer").get(URL).content.decode()
    assert "2 included · 1 excluded · 0 undecided · 1 of 2 implemented (50%)" in page
    assert 'class="included w-65"' in page
    assert 'class="excluded w-35"' in page
    assert 'class="implemented w-50"' in page


def test_filters_narrow_the_rows_but_not_the_progress(personas, controls):
    include(personas, controls["A.2.2"])
    client = personas.client("viewer")
    page = client.get(URL, {"decision": "included"}).content.decode()
    assert "A.2.2</code>" in page
    assert "A.2.3</code>" not in page
    assert "0 included · 0 excluded · 5 undecided" in page  # A.4's progress still shows
    page = client.get(URL, {"group": "A.4", "status": "not_started"}).content.decode()
    assert "A.4.2</code>" in page
    assert "A.2.2</code>" not in page
    page = client.get(URL, {"owner": personas.manager.pk}).content.decode()
    assert "No control matches these filters" in page
    page = client.get(URL, {"q": "impact assessment"}).content.decode()
    assert "A.5.2</code>" in page
    assert "A.2.2</code>" not in page


def test_the_soa_adds_the_annex_a_controls_on_first_view(personas, catalog):
    page = personas.client("viewer").get(URL).content.decode()
    assert "A.10.4</code>" in page
    assert page.count("<tr>") >= 38


def test_without_the_catalogue_the_soa_explains_what_to_do(personas):
    page = personas.client("viewer").get(URL).content.decode()
    assert "aims catalog load" in page


def test_relied_on_risks_show_as_reasons(personas, controls, relied):
    page = personas.client("viewer").get(URL).content.decode()
    assert 'Risk treatment: <code class="ref">RSK-0003</code>, <code class="ref">RSK-0007</code>' in page


def test_the_soa_takes_a_fixed_number_of_queries(
    personas, controls, relied, obligation, django_assert_num_queries, django_assert_max_num_queries
):
    client = personas.client("viewer")
    for control in controls.values():
        include(personas, control)
    actions.approve_soa(actor=personas.manager, organization=personas.org)  # the page compares with it
    client.get(URL)
    with django_assert_max_num_queries(13) as few:
        client.get(URL)
    for control in list(controls.values())[:30]:
        actions.set_applicability(
            actor=personas.contributor,
            control=control,
            decision="included",
            reasons=[
                ReasonInput(kind="legal_regulatory", obligations=(obligation,)),
                ReasonInput(kind="best_practice", note="yes"),
            ],
        )
        actions.update_implementation(
            actor=personas.contributor, control=control, changes={"owner": personas.owner}
        )
    for number in range(50):
        actions.create_custom_control(
            actor=personas.contributor, organization=personas.org, title=f"Own {number}"
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert response.content.decode().count("<tr>") >= 88 + 10


def test_an_htmx_filter_request_gets_only_the_rows(personas, controls):
    include(personas, controls["A.2.2"])
    response = personas.client("viewer").get(URL, {"decision": "included"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="soa-rows">')
    assert "A.2.2</code>" in page
    assert "A.2.3</code>" not in page
    assert "Progress by control group" not in page


def test_the_api_documents_the_soa_endpoints(personas):
    paths = personas.client("viewer").get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/controls/soa/approve", "/api/v1/controls/{control_id}"} <= set(paths)


def test_the_soa_says_what_changed_since_the_approved_version(personas, controls):
    for control in controls.values():
        include(personas, control)
    actions.approve_soa(actor=personas.manager, organization=personas.org)
    client = personas.client("viewer")
    assert "No change since version 1." in client.get(URL).content.decode()
    exclude(personas, controls["A.2.4"])
    actions.create_custom_control(actor=personas.contributor, organization=personas.org, title="Red team")
    page = client.get(URL).content.decode()
    assert "Since version 1: 1 changed, 1 added, 0 removed." in page
    assert "?a=1&amp;b=draft" in page
