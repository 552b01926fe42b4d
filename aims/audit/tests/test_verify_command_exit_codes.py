import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from aims.audit.models import AuditEvent

ROOT = Path(__file__).resolve().parents[3]


def test_verify_command_exits_2_for_an_unknown_organisation(personas):
    with pytest.raises(CommandError, match="no organisation with the slug 'nope'") as failure:
        call_command("audit", "verify", "--org", "nope")
    assert failure.value.returncode == 2


def test_verify_command_exits_1_when_broken(personas, acme_events):
    AuditEvent.objects.filter(organization=personas.org, seq=2).delete()
    with pytest.raises(CommandError) as failure:
        call_command("audit", "verify", "--org", "acme")
    assert failure.value.returncode == 1


TINY_REGISTERS = (
    "--ai-systems", "3", "--components", "2", "--third-parties", "2", "--planned-changes", "1",
    "--nonconformities", "1", "--internal-audits", "1", "--metrics", "1", "--review-actions", "1",
)  # fmt: skip


def _aims(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "false"}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, capture_output=True, text=True
    )


def test_aims_audit_verify_exit_status_from_the_shell(tmp_path):
    """The real console command, on its own database: 0 intact, 1 tampered, 2 unknown organisation."""
    database = tmp_path / "aims.sqlite3"
    assert _aims(database, "migrate", "--no-input").returncode == 0
    assert (
        _aims(database, "bench", "seed", "--org", "shell", "--audit-events", "40", *TINY_REGISTERS).returncode
        == 0
    )
    intact = _aims(database, "audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert "shell: 40 events, chain intact" in intact.stdout
    with sqlite3.connect(database) as db:
        db.execute("UPDATE audit_auditevent SET verb = 'risk.deleted' WHERE seq = 17")
    broken = _aims(database, "audit", "verify", "--org", "shell")
    assert broken.returncode == 1
    assert "shell: BROKEN at event #17" in broken.stderr
    unknown = _aims(database, "audit", "verify", "--org", "nope")
    assert unknown.returncode == 2
    assert "nope" in unknown.stderr
