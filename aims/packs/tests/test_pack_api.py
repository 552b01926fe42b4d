import json

from aims.packs.signing import fingerprint, installation_key, public_pem
from aims.packs.tests.conftest import members, write_pack
from aims.packs.verification import verify_pack

URL = "/api/v1/packs/export"


def test_the_export_endpoint_streams_a_signed_zip(personas, acme, tmp_path):
    response = personas.client("auditor").get(URL, {"organization": "acme", "since": "2026-01-01"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="aims-pack-acme-')
    assert response["Content-Disposition"].endswith('-since-2026-01-01.zip"')
    report = verify_pack(write_pack(tmp_path, b"".join(response.streaming_content)))
    assert report.ok, report.problem
    assert report.since == "2026-01-01"


def test_the_export_endpoint_refuses_bad_dates_with_422(personas):
    client = personas.client("manager")
    bad = client.get(URL, {"organization": "acme", "since": "soon"})
    assert bad.status_code == 422
    assert "since" in bad.json()["error"]["fields"]
    future = client.get(URL, {"organization": "acme", "since": "2999-01-01"})
    assert future.status_code == 422
    assert "future" in future.json()["error"]["fields"]["since"][0]
    assert client.get(URL).status_code == 422


def test_the_export_endpoint_for_an_unknown_organisation_is_404(personas):
    assert personas.client("owner").get(URL, {"organization": "nope"}).status_code == 404


def test_the_key_endpoint_gives_the_key_and_its_fingerprint(personas):
    body = personas.client("auditor").get("/api/v1/packs/key", {"organization": "acme"}).json()
    key = installation_key()
    assert body == {
        "public_key_pem": public_pem(key).decode(),
        "fingerprint": fingerprint(key),
        "algorithm": "Ed25519",
    }


def test_the_openapi_documents_the_zip_and_every_error(personas):
    schema = personas.client("viewer").get("/api/v1/openapi.json").json()
    export = schema["paths"]["/api/v1/packs/export"]["get"]
    assert "application/zip" in export["responses"]["200"]["content"]
    assert {"401", "403", "404", "422"} <= set(export["responses"])
    key = schema["paths"]["/api/v1/packs/key"]["get"]
    assert {"200", "401", "403", "404", "422"} <= set(key["responses"])


def test_the_pack_from_the_api_lists_the_evidence(personas, acme):
    response = personas.client("owner").get(URL, {"organization": "acme"})
    files = members(b"".join(response.streaming_content))
    listing = json.loads(files["evidence/evidence.json"])
    assert [entry["reference"] for entry in listing] == [acme["report"].reference, acme["link"].reference]
