"""Who is told when a record has no owner: the owners and managers of its organisation, for many
organisations in one query (providers read in a fixed number of queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from aims.organizations.models import Membership, Role


class Fallback:
    """The owners and managers of the given organisations, read once."""

    def __init__(self, organization_ids: Iterable[int]) -> None:
        wanted = set(organization_ids)
        found: dict[int, list[int]] = defaultdict(list)
        if wanted:
            rows = Membership.objects.filter(
                organization_id__in=wanted, role__in=(Role.OWNER, Role.MANAGER)
            ).order_by("organization_id", "user_id")
            for org_id, user_id in rows.values_list("organization_id", "user_id"):
                found[org_id].append(user_id)
        self._managers = {org_id: tuple(ids) for org_id, ids in found.items()}

    def managers(self, organization_id: int) -> tuple[int, ...]:
        return self._managers.get(organization_id, ())

    def recipients(self, organization_id: int, *owner_ids: int | None) -> tuple[int, ...]:
        """The owners named (those set); the organisation's owners and managers when none is."""
        named = tuple(dict.fromkeys(pk for pk in owner_ids if pk is not None))
        return named or self.managers(organization_id)
