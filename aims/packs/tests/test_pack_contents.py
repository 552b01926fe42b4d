import hashlib
import json

from aims.packs import layout
from aims.packs.archive import PackWriter, member
from aims.packs.tests.conftest import EVIDENCE_BYTES, build_pack, members


def test_every_listed_file_is_in_the_pack_with_its_hash_and_size(personas, acme):
    files = members(build_pack(personas))
    manifest = json.loads(files[layout.MANIFEST])
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(files) == set(listed) | {layout.PUBLIC_KEY, layout.MANIFEST, layout.SIGNATURE}
    for path, entry in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == entry["sha256"], path
        assert len(files[path]) == entry["size"], path
    assert manifest["file_count"] == len(listed)
    assert manifest["total_bytes"] == sum(entry["size"] for entry in listed.values())
    assert manifest["organization"] == {"slug": "acme", "name": "Acme AI"}
    assert manifest["created_by"] == "auditor@acme.test"


def test_the_manifest_and_its_signature_close_the_archive_and_the_key_opens_it(personas, acme):
    names = list(members(build_pack(personas)))
    assert names[0] == layout.PUBLIC_KEY
    assert names[-2:] == [layout.MANIFEST, layout.SIGNATURE]


def test_the_pack_holds_the_readiness_report_as_json_and_pdf(personas, acme):
    files = members(build_pack(personas))
    readiness = json.loads(files["readiness/readiness.json"])
    assert readiness["organization"] == "acme"
    assert {"summary", "clauses", "controls", "rules"} <= set(readiness)
    assert files["readiness/readiness.pdf"].startswith(b"%PDF")


def test_an_evidence_file_is_in_the_pack_byte_for_byte(personas, acme):
    files = members(build_pack(personas))
    report = acme["report"]
    path = f"evidence/files/{report.reference}-fairness-report.txt"
    assert files[path] == EVIDENCE_BYTES
    listing = {entry["reference"]: entry for entry in json.loads(files["evidence/evidence.json"])}
    assert listing[report.reference]["supports"] == ["A.6.2.4"]
    assert listing[report.reference]["file"]["path"] == path
    assert listing[report.reference]["file"]["sha256_at_upload"] == hashlib.sha256(EVIDENCE_BYTES).hexdigest()
    assert listing[acme["link"].reference]["url"] == "https://wiki.acme.test/validation"


def test_evidence_that_supports_no_included_control_stays_out(personas, acme):
    files = members(build_pack(personas))
    listing = {entry["reference"] for entry in json.loads(files["evidence/evidence.json"])}
    assert acme["unrelated"].reference not in listing
    assert not any("unrelated" in name or "globex" in name for name in files)


def test_the_registers_are_csv_files_with_a_header(personas, acme):
    files = members(build_pack(personas))
    for path in ("risks/risks.csv", "risks/treatment-plan.csv", "improvement/nonconformities.csv",
                 "people/training-records.csv", "acknowledgements/acknowledgements.csv"):  # fmt: skip
        assert files[path].decode("utf-8-sig").splitlines()[0].count(",") >= 3, path


def test_two_records_with_the_same_file_name_both_go_in(db):
    writer = PackWriter()
    for path in ("documents/A-1/A-1-v1.pdf", "documents/A-1/A-1-v1.pdf", "audit/x", "audit/x"):
        b"".join(writer.add(member(path, b"%PDF")))
    assert [entry["path"] for entry in writer.files] == [
        "documents/A-1/A-1-v1.pdf", "documents/A-1/A-1-v1-2.pdf", "audit/x", "audit/x-2",
    ]  # fmt: skip
