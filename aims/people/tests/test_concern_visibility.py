"""A.3.3: only owners, managers, the investigator and the reporter see a concern."""

from aims.people import actions


def _refs(client, url="/o/acme/people/concerns/"):
    return client.get(url).content.decode()


def test_viewers_and_contributors_see_only_their_own_concerns(personas, concern):
    mine = actions.report_concern(
        actor=personas.viewer, organization=personas.org, category="other", description="Mine"
    )
    body = _refs(personas.client("viewer"))
    assert mine.reference in body
    assert concern.reference not in body
    assert personas.client("viewer").get(f"/o/acme/people/concerns/{concern.pk}/").status_code == 404
    assert personas.client("viewer").get(f"/api/v1/people/concerns/{concern.pk}").status_code == 404
    items = personas.client("viewer").get("/api/v1/people/concerns", {"organization": "acme"}).json()["items"]
    assert [c["reference"] for c in items] == [mine.reference]


def test_owners_and_managers_see_every_concern(personas, concern):
    for persona in ("owner", "manager"):
        assert concern.reference in _refs(personas.client(persona))
        assert personas.client(persona).get(f"/o/acme/people/concerns/{concern.pk}/").status_code == 200


def test_the_investigator_sees_what_they_investigate_but_not_a_confidential_reporter(personas, concern):
    client = personas.client("auditor")
    assert concern.reference not in _refs(client)
    actions.assign_investigator(actor=personas.manager, concern=concern, investigator=personas.auditor)
    assert concern.reference in _refs(client)
    body = client.get(f"/o/acme/people/concerns/{concern.pk}/").content.decode()
    assert "contributor@acme.test" not in body
    assert (
        "contributor@acme.test"
        in personas.client("manager").get(f"/o/acme/people/concerns/{concern.pk}/").content.decode()
    )


def test_the_api_never_names_the_reporter(personas, concern):
    body = personas.client("owner").get(f"/api/v1/people/concerns/{concern.pk}").json()
    assert "reporter" not in body
    assert "contributor@acme.test" not in str(body)


def test_another_organisations_concerns_are_never_listed_or_reachable(personas, concern):
    foreign = actions.report_concern(
        actor=personas.outsider,
        organization=personas.other_org,
        category="other",
        description="Globex secret",
    )
    client = personas.client("owner")
    assert "Globex secret" not in _refs(client)
    assert foreign.reference == concern.reference  # both CON-001, one per organisation
    assert client.get(f"/o/acme/people/concerns/{foreign.pk}/").status_code == 404
    assert client.get(f"/api/v1/people/concerns/{foreign.pk}").status_code == 404
    assert (
        client.post(
            f"/api/v1/people/concerns/{foreign.pk}/close", '{"outcome": "x"}', content_type="application/json"
        ).status_code
        == 404
    )
