import json

from aims.packs.tests.conftest import members


def _pack(response):
    assert response.status_code == 200
    return members(b"".join(response.streaming_content))


def test_another_organisations_pack_holds_nothing_of_acme(personas, acme):
    files = _pack(personas.client("outsider").get("/api/v1/packs/export", {"organization": "globex"}))
    assert json.loads(files["manifest.json"])["organization"]["slug"] == "globex"
    assert not any(acme["report"].file_name in name for name in files)
    assert b"acme" not in files["audit/events.jsonl"]
    assert b"acme.test" not in files["risks/risks.csv"]


def test_acme_members_cannot_export_globex(personas):
    assert personas.client("owner").get("/api/v1/packs/export", {"organization": "globex"}).status_code == 404
    assert personas.client("owner").get("/o/globex/pack/").status_code == 404
    assert personas.client("auditor").get("/o/globex/pack/download/").status_code == 404
