"""Raising notices. `notify` writes the in-application notice at once; the worker e-mails notices not yet
e-mailed (see the reminders worker), so a notice raised inside a transaction that rolls back is never sent."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from aims.organizations.models import Membership, Organization, Role
from aims.reminders.models import Notice

LEVEL = Notice.Level


def managers_of(organization_id: int) -> tuple[int, ...]:
    """The owners and managers of the organisation: who is told when a record has no owner."""
    rows = Membership.objects.filter(organization_id=organization_id, role__in=(Role.OWNER, Role.MANAGER))
    return tuple(rows.order_by("user_id").values_list("user_id", flat=True))


def notify(
    *,
    organization: Organization | int,
    recipient_ids: Iterable[int],
    kind: str,
    key: str,
    subject: str,
    body: str = "",
    url: str = "",
    level: str = LEVEL.INFO,
) -> list[Notice]:
    """Raise one notice per recipient who has not had one with this `key`; returns the new notices.
    Recipients who are no longer members are skipped."""
    org_id = organization if isinstance(organization, int) else organization.pk
    wanted = set(recipient_ids)
    in_org = Membership.objects.filter(organization_id=org_id, user_id__in=wanted)
    members = set(in_org.values_list("user_id", flat=True))
    already = Notice.objects.filter(key=key, recipient_id__in=members)
    told = set(already.values_list("recipient_id", flat=True))
    created: list[Notice] = []
    for user_id in sorted(members - told):
        notice = Notice(
            organization_id=org_id,
            recipient_id=user_id,
            kind=kind,
            key=key[:200],
            subject=subject[:300],
            body=body,
            url=url[:500],
            level=level,
        )
        try:
            with transaction.atomic():
                notice.save()
        except IntegrityError:  # raised at the same moment by another worker: it is told already
            continue
        created.append(notice)
    return created
