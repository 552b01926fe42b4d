"""Any record can be linked to the catalogue items it satisfies."""

from __future__ import annotations

import pytest
from django.db import IntegrityError
from django.db.models import ProtectedError

from aims.catalog.models import CatalogItem, RequirementLink
from aims.catalog.queries import items_linked_to


def test_a_record_links_to_the_requirements_it_satisfies(personas, catalog):
    scope, roles = CatalogItem.objects.get(ref="4.3"), CatalogItem.objects.get(ref="4.1")
    for item in (scope, roles):
        RequirementLink.objects.create(organization=personas.org, item=item, record=personas.org)
    link = RequirementLink.objects.get(item=scope)
    assert link.record == personas.org
    assert str(link) == f"organization:{personas.org.pk} → 4.3"
    assert [item.ref for item in items_linked_to(personas.org)] == ["4.1", "4.3"]
    assert list(items_linked_to(personas.other_org)) == []


def test_a_record_links_to_an_item_only_once(personas, catalog):
    item = CatalogItem.objects.get(ref="A.2.2")
    RequirementLink.objects.create(organization=personas.org, item=item, record=personas.org)
    with pytest.raises(IntegrityError):
        RequirementLink.objects.create(organization=personas.org, item=item, record=personas.org)


def test_a_linked_item_cannot_be_deleted(personas, catalog):
    item = CatalogItem.objects.get(ref="A.2.2")
    RequirementLink.objects.create(organization=personas.org, item=item, record=personas.org)
    with pytest.raises(ProtectedError):
        item.delete()
