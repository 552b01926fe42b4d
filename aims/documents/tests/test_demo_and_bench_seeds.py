from __future__ import annotations

from typing import Any

from django.db.models import F
from django.urls import reverse

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.audit.models import AuditEvent
from aims.documents.bench import seed_bench
from aims.documents.demo import seed_demo
from aims.documents.models import Document, DocumentVersion
from aims.web.testing import ROLES, Personas


def test_the_demo_has_published_documents_one_in_review_and_an_external_file_and_is_idempotent(
    personas: Personas, media: Any
) -> None:
    users = {role: getattr(personas, role) for role in ROLES}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    documents = {d.title: d for d in Document.objects.filter(organization=personas.org)}
    assert len(documents) == 4
    assert not any(d.kind == "policy" for d in documents.values())
    development = documents["AI system development procedure"]
    assert development.current_version is not None
    assert development.versions.get(number=2).state == DocumentVersion.State.IN_REVIEW
    assert documents["AI incident response plan"].versions.get().state == DocumentVersion.State.IN_REVIEW
    card = documents["Supplier model card: SupportLM 3"].versions.get()
    assert card.file_content_type.startswith("text/markdown")
    assert card.state == DocumentVersion.State.PUBLISHED
    events = AuditEvent.objects.count()
    seed_demo(personas.org, users)
    assert AuditEvent.objects.count() == events
    assert Document.objects.count() == 4


def test_the_bench_seed_tops_up_to_the_count_with_published_versions(personas: Personas) -> None:
    assert seed_bench(personas.org, 12, versions=3) == 12
    assert DocumentVersion.objects.count() == 36
    document = Document.objects.select_related("current_version").first()
    assert document is not None
    assert document.current_version is not None
    assert document.current_version.number == 3
    assert document.versions.filter(state="superseded").count() == 2
    assert not DocumentVersion.objects.filter(reviewed_by=F("author")).exists()
    assert seed_bench(personas.org, 12, versions=3) == 0
    assert seed_bench(personas.org, 15, versions=3) == 3
    page = personas.client("viewer").get(reverse("documents:document_list", kwargs={"org": "acme"}))
    assert page.status_code == 200
    assert "BEN-00001" in page.content.decode()
