import io

import pytest
from django.core.management import CommandError, call_command

from aims.ai_systems.models import AISystem
from aims.interchange.tests.inventory_files import inventory_workbook, systems_csv


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("inventory", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_aims_inventory_import_imports_a_workbook_and_says_what_it_did(personas, tmp_path):
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(inventory_workbook())
    out, _ = run("import", path, "--org", "acme", "--user", "manager@acme.test")
    assert "Imported inventory.xlsx: AI systems: 2 created, 0 updated, 0 unchanged" in out
    assert AISystem.objects.filter(organization=personas.org).count() == 2


def test_a_csv_names_its_register(personas, tmp_path):
    path = tmp_path / "systems.csv"
    path.write_bytes(systems_csv())
    run("import", path, "--org", "acme", "--user", "contributor@acme.test", "--register", "ai_systems")
    assert AISystem.objects.filter(organization=personas.org).count() == 2


def test_a_rejected_file_exits_1_printing_every_row_error(personas, tmp_path):
    path = tmp_path / "systems.csv"
    path.write_bytes(systems_csv(["AIS-001", "", "Score.", "flying", "", "", "yes"]))
    err = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(
            "inventory", "import", str(path), "--org", "acme", "--user", "manager@acme.test",
            "--register", "ai_systems", stderr=err,
        )  # fmt: skip
    assert failure.value.returncode == 1
    assert "systems.csv was not imported; nothing was written." in err.getvalue()
    assert "AI systems, row 2, name: a value is required" in err.getvalue()
    assert "AI systems, row 2, lifecycle_stage:" in err.getvalue()
    assert not AISystem.objects.exists()


@pytest.mark.parametrize(
    ("org", "user", "message"),
    [
        ("nope", "manager@acme.test", "No organisation 'nope'"),
        ("acme", "outsider@globex.test", "is not a member of Acme AI"),
        ("acme", "viewer@acme.test", "Only owners, managers and contributors"),
    ],
)
def test_an_unknown_organisation_a_stranger_or_a_viewer_exits_2(personas, tmp_path, org, user, message):
    path = tmp_path / "inventory.xlsx"
    path.write_bytes(inventory_workbook())
    with pytest.raises(CommandError, match=message) as failure:
        run("import", path, "--org", org, "--user", user)
    assert failure.value.returncode == 2
    assert not AISystem.objects.exists()
