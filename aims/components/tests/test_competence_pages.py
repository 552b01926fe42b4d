"""The competences page: needs per system, their holders and the gaps; add, edit and remove them."""

from aims.components.models import CompetenceNeed


def test_the_list_shows_needs_holders_and_gaps(personas, systems, need):
    CompetenceNeed.objects.create(
        organization=personas.org, ai_system=systems.chatbot, competence="Privacy review", area="privacy"
    )
    client = personas.client("viewer")
    page = client.get("/o/acme/components/competences/").content.decode()
    assert "Credit-risk modelling" in page
    assert "Contributor" in page
    assert "Gap: nobody" in page
    gaps = client.get("/o/acme/components/competences/", {"unfilled": "on"}).content.decode()
    assert "Privacy review" in gaps
    assert "Credit-risk modelling" not in gaps
    by_system = client.get("/o/acme/components/competences/", {"system": "AIS-002"}).content.decode()
    assert "Credit-risk modelling" not in by_system
    assert "A.4.6" in page


def test_an_editor_adds_a_need_with_holders(personas, systems):
    response = personas.client("contributor").post(
        "/o/acme/components/competences/new/",
        {
            "ai_system": "AIS-002",
            "competence": "Prompt engineering",
            "area": "engineering",
            "holders": [personas.viewer.pk, personas.manager.pk],
        },
    )
    assert response.status_code == 302
    need = CompetenceNeed.objects.get()
    assert need.ai_system == systems.chatbot
    assert set(need.holders.all()) == {personas.viewer, personas.manager}


def test_holders_are_offered_from_members_only(personas, systems):
    page = (
        personas.client("contributor")
        .get("/o/acme/components/competences/new/?system=AIS-001")
        .content.decode()
    )
    assert "Viewer" in page
    assert "Outsider" not in page
    response = personas.client("contributor").post(
        "/o/acme/components/competences/new/",
        {"ai_system": "AIS-001", "competence": "X", "area": "other", "holders": [personas.outsider.pk]},
    )
    assert response.status_code == 422
    assert not CompetenceNeed.objects.exists()


def test_bad_input_is_a_form_error(personas, systems):
    response = personas.client("contributor").post(
        "/o/acme/components/competences/new/", {"ai_system": "GLX-001", "competence": "", "area": "x"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "No AI system with the reference" in page
    assert "Select a valid choice" in page
    assert not CompetenceNeed.objects.exists()


def test_edit_and_remove(personas, need):
    client = personas.client("manager")
    url = f"/o/acme/components/competences/{need.pk}/"
    assert "Credit-risk modelling" in client.get(url + "edit/").content.decode()
    response = client.post(
        url + "edit/", {"competence": "Credit modelling", "area": "data_science", "holders": []}
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.competence == "Credit modelling"
    assert not need.holders.exists()
    assert client.post(url + "delete/").status_code == 302
    assert not CompetenceNeed.objects.exists()
