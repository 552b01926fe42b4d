"""Fetching an objective for a user: 404 whether missing or in an organisation they do not belong to; then 403
if their role does not allow what they ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from aims.accounts.models import User
from aims.objectives.models import Objective, ObjectivePlanItem
from aims.organizations.access import Predicate, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_objective_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Objective:
    records = Objective.objects.select_related("organization", "owner", "metric", "policy__document")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such objective.")


def get_plan_item(objective: Objective, item_id: int) -> ObjectivePlanItem:
    found = objective.plan_items.select_related("responsible").filter(pk=item_id).first()
    if found is None:
        raise Http404("No such step in this objective's plan.")
    found.objective = objective
    return found
