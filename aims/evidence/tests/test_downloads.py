"""Files are served only as downloads, with nosniff, to editors and auditors; never inline."""

from aims.web.testing import assert_refused


def _assert_attachment(response, content):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="bias test.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def test_editors_and_auditors_download_the_page_file_as_an_attachment(personas, report):
    url = f"/o/acme/evidence/{report.pk}/download/"
    for persona in ("owner", "manager", "contributor", "auditor"):
        _assert_attachment(personas.client(persona).get(url), report.file.open("rb").read())
    assert_refused(personas, "GET", url, ["anonymous", "outsider", "viewer"])


def test_the_api_serves_the_same_attachment_with_the_same_refusals(personas, report):
    url = f"/api/v1/evidence/{report.pk}/download"
    _assert_attachment(personas.client("auditor").get(url), report.file.open("rb").read())
    assert_refused(personas, "GET", url, ["anonymous", "outsider", "viewer"], api=True)


def test_a_link_has_nothing_to_download(personas, model_card):
    assert personas.client("owner").get(f"/o/acme/evidence/{model_card.pk}/download/").status_code == 404
    assert personas.client("owner").get(f"/api/v1/evidence/{model_card.pk}/download").status_code == 404


def test_another_organisations_file_cannot_be_downloaded(personas, foreign):
    assert personas.client("owner").get(f"/o/acme/evidence/{foreign.pk}/download/").status_code == 404
    assert personas.client("owner").get(f"/api/v1/evidence/{foreign.pk}/download").status_code == 404
