"""The ML-BOM page: members read and download; owners, managers and contributors import; 404 elsewhere."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from aims.ai_systems.models import AISystem
from aims.components.models import AIModel
from aims.interchange.cyclonedx import export_system_bom
from aims.interchange.tests.bom_samples import empty_organization, make_inventory
from aims.interchange.tests.model_card_samples import CHAT_MODEL
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

PAGE = "/o/acme/inventory/bom/"
EDITORS = ("owner", "manager", "contributor")


def _upload(text, name="system.cdx.json"):
    return {"file": SimpleUploadedFile(name, text.encode(), content_type="application/json")}


def test_every_member_sees_the_page_and_only_editors_see_the_forms(personas):
    assert_permission_matrix(personas, "GET", PAGE, ROLES)
    assert b"Import a CycloneDX ML-BOM" in personas.client("contributor").get(PAGE).content
    page = personas.client("viewer").get(PAGE).content.decode()
    assert "Import a CycloneDX ML-BOM" not in page
    assert "Only owners, managers and contributors" in page


def test_every_member_may_download_a_systems_bom(personas):
    inventory = make_inventory(personas)
    url = f"/o/acme/inventory/bom/systems/{inventory.system.pk}.cdx.json"
    assert_permission_matrix(personas, "GET", url, ROLES)
    response = personas.client("viewer").get(url)
    assert response["Content-Type"] == "application/vnd.cyclonedx+json"
    assert response["Content-Disposition"] == 'attachment; filename="AIS-001.cdx.json"'
    assert json.loads(response.content)["metadata"]["component"]["name"] == "Credit scoring"


def test_another_organisations_system_is_not_found(personas):
    inventory = make_inventory(personas)
    foreign = AISystem.objects.create(organization=personas.other_org, reference="G-1", name="G", purpose="G")
    owner = personas.client("owner")
    assert owner.get(f"/o/acme/inventory/bom/systems/{foreign.pk}.cdx.json").status_code == 404
    assert owner.get(f"/o/globex/inventory/bom/systems/{foreign.pk}.cdx.json").status_code == 404
    outsider = personas.client("outsider")
    assert outsider.get(f"/o/globex/inventory/bom/systems/{inventory.system.pk}.cdx.json").status_code == 404


def test_editors_import_a_bom_and_land_on_the_system(personas):
    text = export_system_bom(make_inventory(personas).system)
    empty_organization(personas)
    response = personas.client("manager").post("/o/initech/inventory/bom/cyclonedx/", _upload(text))
    system = AISystem.objects.get(organization__slug="initech")
    assert response.status_code == 302
    assert response["Location"] == f"/o/initech/systems/{system.pk}/"


def test_readers_cannot_import(personas):
    text = export_system_bom(make_inventory(personas).system)
    for persona in ("anonymous", "outsider", "auditor", "viewer"):
        assert_refused(personas, "POST", f"{PAGE}cyclonedx/", [persona], data=_upload(text))
        assert_refused(personas, "POST", f"{PAGE}model-card/", [persona], data={"text": CHAT_MODEL})
    assert AISystem.objects.count() == 1
    assert AIModel.objects.count() == 2


def test_a_bad_bom_is_a_form_error_and_writes_nothing(personas):
    client = personas.client("contributor")
    response = client.post(f"{PAGE}cyclonedx/", _upload("{oops"))
    assert response.status_code == 422
    assert "This is not JSON text" in response.content.decode()
    response = client.post(f"{PAGE}cyclonedx/", _upload("{}", name="bom.xml"))
    assert response.status_code == 422
    assert "Upload a .json file" in response.content.decode()
    assert not AISystem.objects.exists()


def test_a_contributor_refused_a_deployed_system_sees_why(personas):
    text = export_system_bom(make_inventory(personas).system)
    empty_organization(personas)
    response = personas.client("contributor").post("/o/initech/inventory/bom/cyclonedx/", _upload(text))
    assert response.status_code == 403
    assert "owner or manager" in response.content.decode()


def test_editors_import_a_pasted_model_card(personas):
    response = personas.client("contributor").post(f"{PAGE}model-card/", {"text": CHAT_MODEL})
    model = AIModel.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/components/models/{model.pk}/"
    assert model.model_type == "foundation"


def test_an_uploaded_readme_updates_the_chosen_model(personas):
    client = personas.client("contributor")
    client.post(f"{PAGE}model-card/", {"text": CHAT_MODEL})
    model = AIModel.objects.get()
    readme = SimpleUploadedFile("README.md", b"---\nlicense: mit\n---\n", content_type="text/markdown")
    response = client.post(f"{PAGE}model-card/", {"file": readme, "model": model.pk})
    assert response.status_code == 302
    assert AIModel.objects.get().licence == "mit"


def test_a_bad_model_card_is_a_form_error(personas):
    client = personas.client("contributor")
    response = client.post(f"{PAGE}model-card/", {"text": "# No front matter"})
    assert response.status_code == 422
    assert "has no front matter" in response.content.decode()
    response = client.post(f"{PAGE}model-card/", {"text": ""})
    assert response.status_code == 422
    assert "Paste the model card" in response.content.decode()
    assert not AIModel.objects.exists()


def test_another_organisations_model_cannot_be_chosen(personas):
    foreign = AIModel.objects.create(
        organization=personas.other_org, reference="M", name="M", model_type="other"
    )
    response = personas.client("owner").post(f"{PAGE}model-card/", {"text": CHAT_MODEL, "model": foreign.pk})
    assert response.status_code == 422
    assert AIModel.objects.count() == 1


def test_the_system_page_offers_the_download_and_the_import(personas):
    inventory = make_inventory(personas)
    page = personas.client("contributor").get(f"/o/acme/systems/{inventory.system.pk}/").content.decode()
    assert f"/o/acme/inventory/bom/systems/{inventory.system.pk}.cdx.json" in page
    assert "Download CycloneDX ML-BOM" in page
    assert PAGE in page
    viewer_page = personas.client("viewer").get(f"/o/acme/systems/{inventory.system.pk}/").content.decode()
    assert "Download CycloneDX ML-BOM" in viewer_page
    assert "Import an ML-BOM" not in viewer_page
