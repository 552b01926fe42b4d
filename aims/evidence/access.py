"""Fetching evidence for a user: 404 whether missing or in an organisation they do not belong to.

With `org_slug` (HTML pages) the evidence must be in that organisation; without it (the API, which addresses
evidence by id alone) it may be in any of the user's organisations. `perm` then checks the role (403).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from aims.accounts.models import User
from aims.evidence.models import Evidence, EvidenceLink
from aims.organizations.access import Predicate, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_evidence_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Evidence:
    records = Evidence.objects.select_related("organization", "owner", "created_by")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such evidence.")


def get_link_for_user(
    user: User | AnonymousUser, org_slug: str | None, evidence_pk: int, link_pk: int, perm: Predicate
) -> EvidenceLink:
    evidence = get_evidence_for_user(user, org_slug, evidence_pk, perm)
    link = EvidenceLink.objects.select_related("item").filter(pk=link_pk, evidence=evidence).first()
    if link is None:
        raise Http404("No such link.")
    link.evidence = evidence
    return link
