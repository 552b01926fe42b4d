"""One evidence item supports many requirements and records, of its own organisation only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.catalog.models import CatalogItem
from aims.evidence import actions, queries
from aims.evidence.links import find_record, find_requirement
from aims.evidence.models import EvidenceLink
from aims.evidence.tests.conftest import COLLECTED
from aims.lib.errors import ActionError
from aims.organizations.models import Membership


def test_evidence_supports_a_clause_a_control_and_a_record(personas, catalog, report, system):
    actions.link_evidence(actor=personas.contributor, evidence=report, target=find_requirement("9.2"))
    actions.link_evidence(actor=personas.contributor, evidence=report, target=find_requirement("a.6.2.4"))
    actions.link_evidence(actor=personas.contributor, evidence=report, target=system, note="Fairness test")
    assert EvidenceLink.objects.filter(evidence=report).count() == 3
    assert list(queries.evidence_for(system)) == [report]
    verbs = list(
        AuditEvent.objects.filter(verb="evidence.linked")
        .order_by("seq")
        .values_list("data__supports", flat=True)
    )
    assert verbs[0].startswith("9.2 ")
    assert verbs[2] == "AI system AIS-001 Credit scorer"


def test_a_record_of_another_organisation_is_refused(personas, report):
    foreign_system = AISystem.objects.create(
        organization=personas.other_org, reference="AIS-001", name="Globex bot", purpose="x"
    )
    with pytest.raises(ValidationError) as exc:
        actions.link_evidence(actor=personas.contributor, evidence=report, target=foreign_system)
    assert "record" in exc.value.message_dict
    assert not EvidenceLink.objects.exists()


def test_records_that_do_not_belong_to_an_organisation_are_refused(personas, report):
    membership = Membership.objects.get(user=personas.viewer)
    with pytest.raises(ValidationError):
        actions.link_evidence(actor=personas.contributor, evidence=report, target=membership)
    with pytest.raises(ValidationError):
        actions.link_evidence(actor=personas.contributor, evidence=report, target=personas.viewer)


def test_annex_c_items_are_not_requirements(personas, catalog, report):
    objective = CatalogItem.objects.filter(kind=CatalogItem.Kind.OBJECTIVE).first()
    assert objective is not None
    with pytest.raises(ValidationError):
        actions.link_evidence(actor=personas.contributor, evidence=report, target=objective)
    with pytest.raises(ValidationError):
        find_requirement("Z.9")


def test_linking_twice_is_refused(personas, catalog, report):
    actions.link_evidence(actor=personas.contributor, evidence=report, target=find_requirement("9.2"))
    with pytest.raises(ActionError):
        actions.link_evidence(actor=personas.contributor, evidence=report, target=find_requirement("9.2"))


def test_a_viewer_cannot_link_and_retired_evidence_cannot_be_linked(personas, catalog, report):
    with pytest.raises(PermissionDenied):
        actions.link_evidence(actor=personas.viewer, evidence=report, target=find_requirement("9.2"))
    actions.retire_evidence(actor=personas.manager, evidence=report, reason="Old")
    with pytest.raises(ActionError):
        actions.link_evidence(actor=personas.manager, evidence=report, target=find_requirement("9.2"))


def test_unlinking_removes_the_link_keeps_the_evidence_and_is_audited(personas, catalog, report, system):
    link = actions.link_evidence(actor=personas.contributor, evidence=report, target=system)
    with pytest.raises(PermissionDenied):
        actions.unlink_evidence(actor=personas.auditor, link=link)
    actions.unlink_evidence(actor=personas.contributor, link=link)
    assert not EvidenceLink.objects.exists()
    assert list(queries.evidence_for(system)) == []
    assert AuditEvent.objects.get(verb="evidence.unlinked").data["supports"].startswith("AI system AIS-001")


def test_evidence_can_be_linked_when_it_is_added(personas, catalog, system, media):
    from aims.evidence.tests.conftest import pdf_upload

    evidence = actions.add_evidence_file(
        actor=personas.contributor,
        organization=personas.org,
        upload=pdf_upload(),
        title="DPIA",
        collected_on=COLLECTED,
        supports=[find_requirement("6.1.4"), system],
    )
    assert evidence.links.count() == 2


def test_records_are_found_by_reference_in_the_organisation_only(personas, system):
    assert find_record(personas.org, "ai_systems.aisystem", "AIS-001") == system
    with pytest.raises(ValidationError):
        find_record(personas.other_org, "ai_systems.aisystem", "AIS-001")
    with pytest.raises(ValidationError):
        find_record(personas.org, "organizations.membership", 1)
