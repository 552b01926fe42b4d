"""The register lists: search, filters, sorting and pagination, and the htmx partial."""

from aims.components import actions
from aims.components.tests.conftest import DATASET_DATA, MODEL_DATA, RESOURCE_DATA


def _models(personas, systems):
    make = actions.create_ai_model
    org, actor = personas.org, personas.manager
    make(
        actor=actor,
        organization=org,
        data={**MODEL_DATA, "reference": "MOD-001", "name": "Bravo scorer"},
        ai_systems=[systems.scoring],
    )
    make(actor=actor, organization=org, data={**MODEL_DATA, "reference": "MOD-002", "name": "Alpha LLM",
         "model_type": "foundation", "provider": "LLM vendor"}, ai_systems=[systems.chatbot])  # fmt: skip
    old = make(
        actor=actor, organization=org, data={**MODEL_DATA, "reference": "MOD-003", "name": "Charlie old"}
    )
    actions.archive_ai_model(actor=actor, ai_model=old)


def _names(response, *names):
    page = response.content.decode()
    return [name for name in names if name in page]


ALL = ("Alpha LLM", "Bravo scorer", "Charlie old")


def test_the_list_shows_active_models_by_name(personas, systems):
    _models(personas, systems)
    page = personas.client("viewer").get("/o/acme/components/").content.decode()
    assert page.index("Alpha LLM") < page.index("Bravo scorer")
    assert "Charlie old" not in page
    assert "A.6.2.3" in page


def test_search_filter_and_status(personas, systems):
    _models(personas, systems)
    client = personas.client("viewer")
    assert _names(client.get("/o/acme/components/", {"q": "vendor"}), *ALL) == ["Alpha LLM"]
    assert _names(client.get("/o/acme/components/", {"kind": "classical_ml"}), *ALL) == ["Bravo scorer"]
    assert _names(client.get("/o/acme/components/", {"system": "AIS-002"}), *ALL) == ["Alpha LLM"]
    assert _names(client.get("/o/acme/components/", {"status": "archived"}), *ALL) == ["Charlie old"]
    assert _names(client.get("/o/acme/components/", {"status": "any"}), *ALL) == list(ALL)
    empty = client.get("/o/acme/components/", {"q": "nothing like it"})
    assert "Nothing matches these filters" in empty.content.decode()


def test_sorting_and_pagination(personas, systems):
    _models(personas, systems)
    client = personas.client("viewer")
    page = client.get("/o/acme/components/", {"sort": "-name"}).content.decode()
    assert page.index("Bravo scorer") < page.index("Alpha LLM")
    first = client.get("/o/acme/components/", {"sort": "reference", "page_size": 1}).content.decode()
    assert "MOD-001" in first
    assert "MOD-002" not in first
    assert "page=2" in first
    assert "sort=reference" in first
    second = client.get(
        "/o/acme/components/", {"sort": "reference", "page_size": 1, "page": 2}
    ).content.decode()
    assert "MOD-002" in second
    assert "MOD-001" not in second


def test_an_unknown_sort_or_type_is_a_form_error(personas):
    response = personas.client("viewer").get("/o/acme/components/", {"sort": "password", "kind": "x"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_htmx_requests_get_the_rows_only(personas, ai_model):
    response = personas.client("viewer").get("/o/acme/components/", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert 'id="component-rows"' in page
    assert "MOD-001" in page
    assert "<html" not in page


def test_dataset_filters_personal_data_and_category(personas, systems):
    org, actor = personas.org, personas.owner
    actions.create_dataset(actor=actor, organization=org, data=DATASET_DATA)
    actions.create_dataset(
        actor=actor,
        organization=org,
        data={**DATASET_DATA, "reference": "DS-002", "name": "Knowledge base", "category": "production",
              "contains_personal_data": False},
    )  # fmt: skip
    client, names = personas.client("viewer"), ("Loan applications", "Knowledge base")
    assert _names(client.get("/o/acme/components/datasets/", {"personal_data": "no"}), *names) == [
        "Knowledge base"
    ]
    assert _names(client.get("/o/acme/components/datasets/", {"personal_data": "yes"}), *names) == [
        "Loan applications"
    ]
    assert _names(client.get("/o/acme/components/datasets/", {"kind": "production"}), *names) == [
        "Knowledge base"
    ]


def test_resource_filters_kind_and_location(personas):
    org, actor = personas.org, personas.owner
    actions.create_resource(actor=actor, organization=org, data=RESOURCE_DATA)
    actions.create_resource(
        actor=actor,
        organization=org,
        data={"reference": "RES-002", "name": "MLflow", "kind": "tooling", "location": "on_premises"},
    )
    client, names = personas.client("viewer"), ("GPU cluster", "MLflow")
    assert _names(client.get("/o/acme/components/resources/", {"location": "cloud"}), *names) == [
        "GPU cluster"
    ]
    assert _names(client.get("/o/acme/components/resources/", {"kind": "tooling"}), *names) == ["MLflow"]
