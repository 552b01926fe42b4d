"""Nothing of Globex's AI policy is visible or reachable from Acme, and the other way round."""

from aims.policies.models import AlignedPolicy


def test_acme_pages_and_api_show_nothing_of_globex(personas, aligned, review, commitment, foreign):
    client = personas.client("owner")
    for url in ("/o/acme/policy/", "/o/acme/policy/reviews/", "/o/acme/policy/commitment/"):
        page = client.get(url).content.decode()
        assert "Globex" not in page
        assert "Mail" not in page.replace("e-mail", "")
    for path in ("aligned", "reviews", "commitments"):
        items = client.get(f"/api/v1/policies/{path}?organization=acme").json()["items"]
        assert len(items) == 1
    assert client.get("/api/v1/policies/ai-policy?organization=globex").status_code == 404
    assert client.get("/o/globex/policy/").status_code == 404


def test_records_of_another_organisation_are_404_by_id(personas, foreign):
    client = personas.client("owner")
    assert client.post(f"/o/acme/policy/aligned/{foreign['aligned'].pk}/remove/").status_code == 404
    assert client.get(f"/api/v1/policies/reviews/{foreign['review'].pk}").status_code == 404
    assert client.get(f"/api/v1/policies/commitments/{foreign['commitment'].pk}").status_code == 404
    assert client.delete(f"/api/v1/policies/aligned/{foreign['aligned'].pk}").status_code == 404
    assert AlignedPolicy.objects.filter(organization=personas.other_org).count() == 1
