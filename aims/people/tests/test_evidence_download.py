from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from aims.people import actions
from aims.people.tests.conftest import PDF


def _training(personas, literacy, **kwargs):
    return actions.record_training(
        actor=personas.contributor,
        organization=personas.org,
        user=personas.contributor,
        competence=literacy,
        title="Cert",
        completed_on=date(2026, 1, 1),
        **kwargs,
    )


def test_evidence_is_served_only_as_an_attachment_to_those_allowed(personas, literacy, media):
    training = _training(personas, literacy, evidence=SimpleUploadedFile("cert.pdf", PDF))
    url = f"/o/acme/people/training/{training.pk}/evidence/"
    for persona in ("contributor", "owner", "manager", "auditor"):
        response = personas.client(persona).get(url)
        assert response.status_code == 200, persona
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF
    assert personas.client("viewer").get(url).status_code == 403
    assert personas.client("outsider").get(url).status_code == 404
    assert personas.client("anonymous").get(url).status_code == 302


def test_a_record_without_evidence_has_nothing_to_download(personas, literacy, media):
    training = _training(personas, literacy)
    assert personas.client("owner").get(f"/o/acme/people/training/{training.pk}/evidence/").status_code == 404
