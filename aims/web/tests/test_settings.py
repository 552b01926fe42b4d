import os
import subprocess
import sys

import pytest


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import aims.settings as s; print(s.DATABASES['default']['ENGINE'])"],
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_secret_key_is_required_when_debug_is_off():
    result = _import_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_runs_without_a_secret_key_on_sqlite():
    result = _import_settings({"DEBUG": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_switches_to_postgresql():
    result = _import_settings({"SECRET_KEY": "k", "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"})
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_a_nonsense_boolean_is_a_clear_error():
    result = _import_settings({"DEBUG": "maybe"})
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.django_db
def test_sqlite_runs_in_wal_with_immediate_transactions(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings only")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 5
