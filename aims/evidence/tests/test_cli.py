"""`aims evidence list|add|expired`: the same actions and permissions as the pages."""

import hashlib
import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from aims.evidence import actions
from aims.evidence.models import Evidence
from aims.evidence.tests.conftest import COLLECTED, PDF, stored_files


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("evidence", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_add_uploads_a_file_and_links_it(personas, catalog, media, tmp_path):
    path = tmp_path / "bias-report.pdf"
    path.write_bytes(PDF)
    out, _ = run(
        "add", path, "--org", "acme", "--user", "contributor@acme.test", "--title", "Bias test",
        "--owner", "manager@acme.test", "--requirements", "A.6.2.4", "--valid-until", "2099-01-01",
    )  # fmt: skip
    evidence = Evidence.objects.get()
    assert f"Added EV-0001 Bias test (SHA-256 {hashlib.sha256(PDF).hexdigest()})." in out
    assert evidence.file_name == "bias-report.pdf"
    assert evidence.owner == personas.manager
    assert evidence.links.values_list("item__ref", flat=True).get() == "A.6.2.4"


def test_add_records_a_link(personas):
    out, _ = run(
        "add",
        "--org",
        "acme",
        "--user",
        "manager@acme.test",
        "--title",
        "Card",
        "--url",
        "https://x.test/card",
    )
    assert "Added EV-0001 Card." in out
    assert Evidence.objects.get().collected_on == timezone.localdate()


def test_a_refused_file_exits_1_and_writes_nothing(personas, media, tmp_path_factory):
    path = tmp_path_factory.mktemp("source") / "page.pdf"
    path.write_bytes(b"<html>not a pdf</html>")
    err = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(
            "evidence",
            "add",
            str(path),
            "--org",
            "acme",
            "--user",
            "manager@acme.test",
            "--title",
            "x",
            stderr=err,
        )
    assert failure.value.returncode == 1
    assert "The evidence was not added: file: This type of file is not accepted" in err.getvalue()
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("org", "user", "message"),
    [
        ("nope", "manager@acme.test", "No organisation 'nope'"),
        ("acme", "outsider@globex.test", "is not a member of Acme AI"),
        ("acme", "viewer@acme.test", "Only owners, managers and contributors"),
    ],
)
def test_an_unknown_organisation_a_stranger_or_a_viewer_exits_2(personas, org, user, message):
    with pytest.raises(CommandError, match=message) as failure:
        run("add", "--org", org, "--user", user, "--title", "x", "--url", "https://x.test")
    assert failure.value.returncode == 2
    assert not Evidence.objects.exists()


def test_list_prints_one_line_per_item(personas, report, model_card):
    out, _ = run("list", "--org", "acme", "--user", "viewer@acme.test")
    lines = out.splitlines()
    assert lines[0].startswith("EV-0002\tlink\t2026-01-05\t-\tcurrent\t-\tModel card")
    assert lines[1].startswith("EV-0001\tfile")
    assert run("list", "--org", "acme", "--user", "viewer@acme.test", "--kind", "file")[0].count("\n") == 1


def test_expired_lists_what_has_expired_and_can_fail_a_pipeline(personas):
    today = timezone.localdate()
    for title, until in (("gone", today - timedelta(days=1)), ("soon", today + timedelta(days=3))):
        actions.add_evidence_link(
            actor=personas.manager, organization=personas.org, url="https://x.test", title=title,
            collected_on=COLLECTED, valid_until=until,
        )  # fmt: skip
    out, err = run("expired", "--org", "acme", "--user", "auditor@acme.test")
    assert [line.split("\t")[-1] for line in out.splitlines()] == ["gone", "soon"]
    assert "1 expired, 1 expiring within 30 days." in err
    with pytest.raises(CommandError) as failure:
        call_command(
            "evidence",
            "expired",
            "--org",
            "acme",
            "--user",
            "auditor@acme.test",
            "--fail",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert failure.value.returncode == 1
