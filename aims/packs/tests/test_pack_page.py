import hashlib

from aims.packs.signing import fingerprint, installation_key
from aims.packs.tests.conftest import members


def test_the_page_shows_the_fingerprint_the_form_and_how_to_verify(personas):
    response = personas.client("auditor").get("/o/acme/pack/")
    html = response.content.decode()
    assert fingerprint(installation_key()) in html
    assert 'action="/o/acme/pack/download/"' in html
    assert 'name="since"' in html
    assert "aims pack verify" in html
    assert "No pack has been exported yet." in html
    assert "<script" not in html.split("</main>")[0].split("<main")[-1]


def test_the_download_button_streams_the_pack_and_the_page_then_lists_it(personas, acme):
    client = personas.client("manager")
    response = client.get("/o/acme/pack/download/", {"since": ""})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    files = members(b"".join(response.streaming_content))
    assert "manifest.json" in files
    page = client.get("/o/acme/pack/").content.decode()
    assert "manager@acme.test" in page
    digest = hashlib.sha256(files["manifest.json"]).hexdigest()
    assert f"{digest[:16]} {digest[16:32]} {digest[32:48]} {digest[48:]}" in page
    assert "No pack has been exported yet." not in page


def test_a_bad_date_shows_the_page_again_with_the_error(personas):
    response = personas.client("owner").get("/o/acme/pack/download/", {"since": "2999-01-01"})
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert personas.client("owner").get("/o/acme/pack/download/", {"since": "yesterday"}).status_code == 400
