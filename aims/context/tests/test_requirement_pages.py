from aims.context.models import Requirement
from aims.web.testing import assert_refused

REFUSED = ("anonymous", "outsider", "viewer", "auditor")
DATA = {"description": "Explain refusals", "is_addressed": "on", "rationale": "A.8.2 user information"}


def test_editors_add_edit_and_remove_requirements(personas, party, requirement, obligation):
    base = f"/o/acme/context/parties/{party.pk}/requirements"
    assert_refused(personas, "POST", f"{base}/new/", REFUSED, data=DATA)
    assert Requirement.objects.count() == 1
    client = personas.client("contributor")
    assert client.post(f"{base}/new/", {**DATA, "obligation": obligation.pk}).status_code == 302
    assert client.post(f"{base}/new/", {**DATA, "rationale": ""}).status_code == 422
    assert Requirement.objects.count() == 2
    assert_refused(personas, "POST", f"{base}/{requirement.pk}/edit/", REFUSED, data=DATA)
    assert client.post(f"{base}/{requirement.pk}/edit/", {**DATA, "is_addressed": ""}).status_code == 302
    requirement.refresh_from_db()
    assert requirement.is_addressed is False
    assert_refused(personas, "POST", f"{base}/{requirement.pk}/remove/", REFUSED)
    assert client.post(f"{base}/{requirement.pk}/remove/").status_code == 302
    assert Requirement.objects.count() == 1
    page = personas.client("viewer").get(f"/o/acme/context/parties/{party.pk}/").content.decode()
    assert "Explain refusals" in page


def test_another_organisations_requirement_is_404(personas, party, foreign):
    theirs = foreign["requirement"]
    client = personas.client("owner")
    assert (
        client.post(f"/o/acme/context/parties/{party.pk}/requirements/{theirs.pk}/remove/").status_code == 404
    )
    assert Requirement.objects.filter(pk=theirs.pk).exists()
