"""The database itself refuses to change or delete a published or superseded document version.

The text, file, change summary, number and document of such a row never change, whatever door is used (the
ORM's .update(), raw SQL, a database shell). One trigger set per database.

Deletion: PostgreSQL refuses to DELETE such a row (Django's test flush uses TRUNCATE, which row triggers do not
see). SQLite has no TRUNCATE: its flush is a DELETE per table in no fixed order, so a SQLite DELETE trigger would
break the teardown of every transactional (browser) test that publishes a document. On SQLite deletion is
refused by the model layer instead (a pre_delete guard in models.py covers .delete() and cascades alike).
Note for later migrations: on SQLite, a migration that rebuilds this table drops its triggers; re-create them.
"""

from typing import Any

from django.db import migrations

MESSAGE = "A published or superseded document version never changes; start a new version."
TABLE = "documents_documentversion"
FROZEN = "('published', 'superseded')"
COLUMNS = ("body", "file", "change_summary", "number", "document_id")

SQLITE_CREATE = [
    f"""
    CREATE TRIGGER documents_version_frozen_update
    BEFORE UPDATE ON {TABLE}
    FOR EACH ROW WHEN OLD.state IN {FROZEN} AND ({" OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in COLUMNS)})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS documents_version_frozen_update"]

POSTGRES_CREATE = [
    f"""
    CREATE OR REPLACE FUNCTION documents_version_frozen() RETURNS trigger AS $$
    BEGIN
        IF OLD.state IN {FROZEN} THEN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
            END IF;
            IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in COLUMNS)} THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
            END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    f"""
    CREATE TRIGGER documents_version_frozen
    BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION documents_version_frozen()
    """,
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS documents_version_frozen ON {TABLE}",
    "DROP FUNCTION IF EXISTS documents_version_frozen()",
]


def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in statements:
        raise RuntimeError(f"No frozen-version triggers for the {vendor} database.")
    for statement in statements[vendor]:
        schema_editor.execute(statement)


def create_triggers(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE})


def drop_triggers(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP})


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_review_fields")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
