import io
import json

import pytest
from django.core.management import CommandError, call_command

from aims.ai_systems.models import AISystem
from aims.interchange.tests.inventory_files import csv_rows, inventory_workbook, run_import, sheet_rows


@pytest.fixture
def inventory(personas):
    run_import(personas.manager, personas.org, inventory_workbook(), "inventory.xlsx")


def run(*args):
    out = io.StringIO()
    call_command("inventory", "export", *map(str, args), stdout=out)
    return out.getvalue()


def test_aims_inventory_export_writes_every_register_to_a_workbook(personas, inventory, tmp_path):
    path = tmp_path / "all.xlsx"
    out = run("--org", "acme", "--user", "viewer@acme.test", "--output", path)
    assert f"to {path}" in out
    assert [row[0] for row in sheet_rows(path.read_bytes(), "AI systems")[1:]] == ["AIS-001", "AIS-002"]


def test_a_csv_export_holds_one_register(personas, inventory, tmp_path):
    path = tmp_path / "models.csv"
    run("--org", "acme", "--user", "auditor@acme.test", "--format", "csv", "--register", "ai_models",
        "--output", path)  # fmt: skip
    assert csv_rows(path.read_bytes())[1][0] == "MOD-001"


def test_a_cyclonedx_export_is_one_systems_ml_bom(personas, inventory, tmp_path):
    path = tmp_path / "bom.json"
    run("--org", "acme", "--user", "viewer@acme.test", "--format", "cyclonedx", "--system", "AIS-001",
        "--output", path)  # fmt: skip
    bom = json.loads(path.read_text())
    assert bom["bomFormat"] == "CycloneDX"


def test_a_cyclonedx_bom_imports_back_through_the_cli(personas, inventory, tmp_path):
    path = tmp_path / "bom.json"
    run("--org", "acme", "--user", "manager@acme.test", "--format", "cyclonedx", "--system", "AIS-001",
        "--output", path)  # fmt: skip
    out = io.StringIO()
    call_command("inventory", "import", str(path), "--org", "acme", "--user", "manager@acme.test", stdout=out)
    assert "AIS-001" in out.getvalue()
    assert AISystem.objects.filter(organization=personas.org).count() == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "cyclonedx"], "give --system REF"),
        (["--format", "cyclonedx", "--system", "NOPE"], "No AI system NOPE"),
        (["--format", "csv"], "one register"),
        (["--format", "pdf"], "--format must be one of"),
    ],
)
def test_bad_export_options_exit_2(personas, inventory, tmp_path, args, message):
    with pytest.raises(CommandError, match=message) as failure:
        run("--org", "acme", "--user", "viewer@acme.test", "--output", tmp_path / "x", *args)
    assert failure.value.returncode == 2


def test_an_outsider_cannot_export(personas, tmp_path):
    with pytest.raises(CommandError, match="not a member") as failure:
        run("--org", "acme", "--user", "outsider@globex.test", "--output", tmp_path / "x.xlsx")
    assert failure.value.returncode == 2
