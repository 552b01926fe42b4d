"""`aims catalog load` and `aims catalog show`: the framework catalogue from the command line."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from django.core.management import CommandError
from django_typer.management import TyperCommand, command
from typer import Argument, Option

from aims.catalog import queries
from aims.catalog.loading import CatalogDataError, LoadResult, load_catalog
from aims.catalog.models import CatalogItem
from aims.catalog.schemas import ItemOut


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class Command(TyperCommand):
    help = "The framework catalogue: load it from aims's package data, or show what is loaded."

    @command()
    def load(
        self,
        path: Annotated[
            Path | None,
            Argument(help="A catalogue JSON file. By default, the ISO/IEC 42001:2023 catalogue of aims."),
        ] = None,
    ) -> None:
        """Load (or update) a catalogue. Safe to repeat: it creates nothing that is already there."""
        try:
            result = load_catalog(path)
        except CatalogDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.describe())
        self._list("Created", result.created)
        self._list("Updated", result.updated)
        self._list("Deleted", result.deleted)
        self._warn_kept(result)

    def _list(self, label: str, refs: list[str]) -> None:
        if refs:
            self.stdout.write(f"{label}: {', '.join(refs)}")

    def _warn_kept(self, result: LoadResult) -> None:
        if result.kept:
            self.stderr.write(
                f"No longer in the data but kept, because records link to them: {', '.join(result.kept)}"
            )

    @command()
    def show(
        self,
        output_format: Annotated[
            OutputFormat, Option("--format", help="text for people, json for programs.")
        ] = OutputFormat.TEXT,
        kind: Annotated[
            list[CatalogItem.Kind] | None, Option("--kind", help="Only items of this kind (repeatable).")
        ] = None,
        framework: Annotated[str, Option(help="The framework's code.")] = queries.ISO42001,
    ) -> None:
        """Print every item of a framework: its id (the ref), title and kind."""
        if queries.get_framework(framework) is None:
            raise CommandError(f"The catalogue {framework!r} is not loaded. Run `aims catalog load`.")
        items = queries.find_items(framework=framework)
        if kind:
            items = items.filter(kind__in=[choice.value for choice in kind])
        if output_format is OutputFormat.JSON:
            rows = [ItemOut.from_orm(item).dict() for item in items]
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        for item in items:
            self.stdout.write(f"{item.ref:<10} {item.kind:<12} {item.title}")
