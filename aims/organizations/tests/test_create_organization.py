import pytest
from django.core.exceptions import ValidationError

from aims.audit.models import AuditEvent
from aims.organizations.actions import create_organization
from aims.organizations.models import Membership, Organization


def test_creator_becomes_owner_and_the_event_is_recorded(personas):
    org = create_organization(actor=personas.viewer, name="Initech Labs", ai_roles=["provider"])
    assert org.slug == "initech-labs"
    assert Membership.objects.get(organization=org, user=personas.viewer).role == "owner"
    verbs = list(AuditEvent.objects.filter(organization=org).order_by("seq").values_list("verb", flat=True))
    assert verbs == ["organization.created", "membership.created"]


def test_duplicate_slug_is_refused_and_nothing_written(personas):
    before = Organization.objects.count()
    with pytest.raises(ValidationError) as error:
        create_organization(actor=personas.viewer, name="Acme again", slug="acme")
    assert "slug" in error.value.message_dict
    assert Organization.objects.count() == before


def test_unknown_ai_role_is_refused(personas):
    with pytest.raises(ValidationError) as error:
        create_organization(actor=personas.viewer, name="Odd", ai_roles=["wizard"])
    assert "wizard" in str(error.value)
    assert not Organization.objects.filter(name="Odd").exists()


def test_create_form_shows_errors_and_writes_nothing(personas):
    client = personas.client("viewer")
    response = client.post("/organizations/new/", {"name": "", "slug": "not a slug!"})
    assert response.status_code == 200
    assert b"This field is required" in response.content
    assert not Organization.objects.exclude(slug__in=["acme", "globex"]).exists()


def test_create_form_creates_and_redirects(personas):
    response = personas.client("viewer").post(
        "/organizations/new/", {"name": "New Co", "ai_roles": ["customer"]}
    )
    assert response.status_code == 302
    assert response["Location"] == "/o/new-co/"
    assert Organization.objects.get(slug="new-co").ai_roles == ["customer"]


def test_anonymous_cannot_create_organisation(personas):
    response = personas.client("anonymous").post("/organizations/new/", {"name": "X"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Organization.objects.filter(name="X").exists()
