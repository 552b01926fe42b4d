"""Indexes for the register list: a version state filter, and the "next review, latest first" sort."""

from typing import Any

from django.db import migrations, models

REVIEW_DESC = {
    "postgresql": 'CREATE INDEX "doc_org_review_desc" ON "documents_document" '
    '("organization_id", "next_review_on" DESC NULLS LAST, "id" DESC)',
    "sqlite": 'CREATE INDEX "doc_org_review_desc" ON "documents_document" '
    '("organization_id", "next_review_on" DESC, "id" DESC)',
}


def create_review_index(apps: Any, schema_editor: Any) -> None:
    statement = REVIEW_DESC.get(schema_editor.connection.vendor)
    if statement:
        schema_editor.execute(statement)


def drop_review_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor in REVIEW_DESC:
        schema_editor.execute('DROP INDEX IF EXISTS "doc_org_review_desc"')


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_frozen_version_triggers")]

    operations = [
        migrations.AddIndex(
            model_name="documentversion",
            index=models.Index(fields=["state", "document"], name="docversion_state_doc"),
        ),
        migrations.RunPython(create_review_index, drop_review_index),
    ]
