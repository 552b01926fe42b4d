"""The demo organisation, built through the same actions people use, packs into a pack that verifies and
holds each kind of record the auditor asks for."""

import json

import pytest

from aims.demo.seeding import create_demo
from aims.packs.actions import export_pack
from aims.packs.tests.conftest import members, write_pack
from aims.packs.verification import verify_pack


@pytest.fixture
def demo_pack(catalog, media):
    result = create_demo()
    return b"".join(export_pack(actor=None, organization=result.organization, since=None))


def test_the_demo_pack_verifies_and_holds_every_kind_of_record(demo_pack, tmp_path):
    report = verify_pack(write_pack(tmp_path, demo_pack))
    assert report.ok, report.problem
    names = sorted(members(demo_pack))
    for prefix in ("readiness/readiness.pdf", "scope/scope-v", "policy/ai-policy-", "documents/",
                   "soa/soa-version-", "risks/ai-risk-register-", "internal-audits/reports/",
                   "management-reviews/", "evidence/files/", "audit/events.jsonl"):  # fmt: skip
        assert any(name.startswith(prefix) for name in names), prefix
    assert any(name.endswith(".xlsx") for name in names)
    manifest = json.loads(members(demo_pack)["manifest.json"])
    assert manifest["audit_chain"]["first_seq"] == 1
