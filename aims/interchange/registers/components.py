"""What the model and dataset spreadsheets share: the `ai_systems` column that links a row to AI systems.

The column lists the references of the systems that use the model or dataset. When the column is in the
file, the links become exactly those listed (links are added and removed); without it, they stay.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from django.db import models

from aims.ai_systems.models import AISystem
from aims.interchange.registers.base import (
    BATCH,
    ImportContext,
    Plan,
    Register,
    cell_value,
    reference_list,
)
from aims.interchange.tabular import Column
from aims.organizations.models import Organization

LINKS = "ai_systems"

SYSTEMS_COLUMN = Column(
    LINKS,
    "The AI systems that use it, by their references, separated by commas (A.4.2: the resources of each "
    "system). Importing sets the links to exactly these systems.",
    parse=reference_list,
    example="AIS-001, AIS-004",
)


class ComponentRegister(Register):
    special: ClassVar[frozenset[str]] = frozenset({LINKS})

    def _through(self) -> tuple[type[models.Model], str, str]:
        """The link table, and its columns for the component and the system."""
        link = self.model._meta.get_field(LINKS)
        assert isinstance(link, models.ManyToManyField)
        through = link.remote_field.through
        assert through is not None
        return through, link.m2m_column_name(), link.m2m_reverse_name()

    def _links(self, organization: Organization) -> dict[int, dict[str, int]]:
        """Component id → {system reference → link id}, in one query."""
        through, own, _ = self._through()
        own_field = own.removesuffix("_id")
        rows = through._default_manager.filter(**{f"{own_field}__organization": organization}).values_list(
            "id", own, "aisystem__reference"
        )
        links: dict[int, dict[str, int]] = {}
        for link_id, component_id, reference in rows:
            links.setdefault(component_id, {})[reference] = link_id
        return links

    # ---- export

    def export_rows(self, queryset: Iterable[Any]) -> Iterator[list[Any]]:
        records = list(queryset)
        links = self._links(records[0].organization) if records else {}
        names = [column.name for column in self.columns]
        for record in records:
            systems = sorted(links.get(record.pk, {}))
            yield [cell_value(systems if name == LINKS else getattr(record, name)) for name in names]

    # ---- import

    def existing(self, plan: Plan, context: ImportContext) -> dict[str, Any]:
        plan.extras["current"] = self._links(context.organization)
        plan.extras["wanted"] = {}
        return super().existing(plan, context)

    def assign_special(
        self, plan: Plan, record: Any, column: str, value: Any, context: ImportContext
    ) -> bool:
        wanted = set(value or [])
        current = set(plan.extras["current"].get(record.pk, {})) if record.pk else set()
        status = {ref: context.system_status(ref) for ref in wanted}
        unknown = sorted(ref for ref, found in status.items() if found is None)
        if unknown:
            raise ValueError(f"no such AI system in {context.organization.name}: {', '.join(unknown)}")
        archived = sorted(ref for ref in wanted - current if status[ref] == AISystem.Status.ARCHIVED)
        if archived:
            raise ValueError(f"{', '.join(archived)} is archived; nothing new can be linked to it")
        if wanted == current:
            return False
        plan.extras["wanted"][record.reference] = wanted
        return True

    def write(self, plan: Plan, context: ImportContext) -> None:
        super().write(plan, context)
        wanted: dict[str, set[str]] = plan.extras.get("wanted", {})
        if not wanted:
            return
        through, own, other = self._through()
        system_ids = context.system_ids()
        current: dict[int, dict[str, int]] = plan.extras["current"]
        adds, removes = [], []
        for record in (*plan.creates, *plan.updates):
            if record.reference not in wanted:
                continue
            have = current.get(record.pk, {})
            refs = wanted[record.reference]
            adds += [through(**{own: record.pk, other: system_ids[ref]}) for ref in sorted(refs - set(have))]
            removes += [link_id for ref, link_id in have.items() if ref not in refs]
        through._default_manager.bulk_create(adds, batch_size=BATCH)
        for start in range(0, len(removes), 500):
            through._default_manager.filter(pk__in=removes[start : start + 500]).delete()
