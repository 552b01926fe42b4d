"""Personas for every test: the five roles of one organisation, and an outsider from another."""

from __future__ import annotations

from typing import Any

import pytest

from aims.accounts.models import User
from aims.organizations.models import Membership, Organization
from aims.web.testing import ROLES, Personas


@pytest.fixture(autouse=True)
def _fresh_cache(django_db_setup: None, django_db_blocker: Any) -> None:
    """Rate limits live in the cache (a table of the test database, as in production without Redis); each
    test starts with none spent."""
    from django.core.cache import cache

    with django_db_blocker.unblock():
        cache.clear()


def make_user(email: str, password: str | None = None) -> User:
    # Unusable passwords keep persona creation fast (no Argon2); sign-in tests set a real password.
    return User.objects.create_user(email=email, password=password, full_name=email.split("@")[0].title())


@pytest.fixture
def personas(db: None) -> Personas:
    org = Organization.objects.create(name="Acme AI", slug="acme")
    other = Organization.objects.create(name="Globex", slug="globex")
    users = {}
    for role in ROLES:
        users[role] = make_user(f"{role}@acme.test")
        Membership.objects.create(organization=org, user=users[role], role=role)
    outsider = make_user("outsider@globex.test")
    Membership.objects.create(organization=other, user=outsider, role="owner")
    return Personas(org=org, other_org=other, outsider=outsider, **users)


@pytest.fixture
def catalog(db: None) -> None:
    """The ISO/IEC 42001 catalogue, loaded as `aims catalog load` does."""
    from aims.catalog.loading import load_catalog

    load_catalog()
