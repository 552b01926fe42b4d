"""The register, the expired-and-expiring view and the detail page: who sees them, what they show."""

from datetime import timedelta

from django.utils import timezone

from aims.evidence import actions
from aims.evidence.links import find_requirement
from aims.evidence.tests.conftest import COLLECTED
from aims.web.testing import ROLES, assert_permission_matrix


def _link(personas, title, valid_until):
    return actions.add_evidence_link(
        actor=personas.contributor,
        organization=personas.org,
        url="https://x.test/" + title,
        title=title,
        collected_on=COLLECTED,
        valid_until=valid_until,
    )


def test_every_member_reads_the_register_and_outsiders_get_404(personas, report):
    assert_permission_matrix(personas, "GET", "/o/acme/evidence/", ROLES)
    assert_permission_matrix(personas, "GET", "/o/acme/evidence/expiring/", ROLES)
    assert_permission_matrix(personas, "GET", f"/o/acme/evidence/{report.pk}/", ROLES)


def test_the_register_lists_evidence_with_owner_and_validity(personas, report, model_card):
    body = personas.client("viewer").get("/o/acme/evidence/").content.decode()
    assert "EV-0001" in body
    assert "Bias test report" in body
    assert "Model card" in body
    assert "Manager" in body
    assert "Upload a file" not in body
    assert "Upload a file" in personas.client("contributor").get("/o/acme/evidence/").content.decode()


def test_the_register_shows_an_empty_state(personas):
    body = personas.client("viewer").get("/o/acme/evidence/").content.decode()
    assert "No evidence recorded yet" in body
    assert "Ask an owner, manager or contributor" in body


def test_filters_narrow_the_register(personas, catalog, report, model_card):
    today = timezone.localdate()
    _link(personas, "old-certificate", today - timedelta(days=1))
    _link(personas, "soon-certificate", today + timedelta(days=10))
    actions.link_evidence(actor=personas.contributor, evidence=report, target=find_requirement("A.6.2.4"))
    client = personas.client("viewer")

    def titles(query):
        response = client.get("/o/acme/evidence/?" + query)
        assert response.status_code == 200
        body = response.content.decode()
        return {
            t for t in ("Bias test report", "Model card", "old-certificate", "soon-certificate") if t in body
        }

    assert titles("kind=file") == {"Bias test report"}
    assert titles("freshness=expired") == {"old-certificate"}
    assert titles("freshness=expiring") == {"soon-certificate"}
    assert titles("freshness=current") == {"Bias test report", "Model card"}
    assert titles("requirement=A.6.2.4") == {"Bias test report"}
    assert titles("q=model") == {"Model card"}
    assert titles("q=EV-0002") == {"Model card"}
    assert titles(f"owner={personas.manager.pk}") == {"Bias test report"}
    assert "Nothing matches these filters" in client.get("/o/acme/evidence/?q=zzz").content.decode()


def test_retired_evidence_is_hidden_unless_asked_for(personas, report):
    actions.retire_evidence(actor=personas.manager, evidence=report, reason="Old")
    client = personas.client("viewer")
    assert "Bias test report" not in client.get("/o/acme/evidence/").content.decode()
    assert "Bias test report" in client.get("/o/acme/evidence/?status=retired").content.decode()
    assert "Bias test report" in client.get("/o/acme/evidence/?status=all").content.decode()


def test_a_bad_filter_is_answered_with_400_and_no_list(personas, report):
    response = personas.client("viewer").get("/o/acme/evidence/?kind=nonsense")
    assert response.status_code == 400
    assert "Correct the filters" in response.content.decode()


def test_htmx_requests_get_only_the_rows(personas, report):
    response = personas.client("viewer").get("/o/acme/evidence/?q=bias", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.strip().startswith('<div id="records">')
    assert "<html" not in body


def test_the_expiring_view_lists_expired_then_expiring_and_nothing_else(personas, report):
    today = timezone.localdate()
    _link(personas, "cert-later", today + timedelta(days=90))
    _link(personas, "cert-soon", today + timedelta(days=5))
    _link(personas, "cert-gone", today - timedelta(days=3))
    body = personas.client("viewer").get("/o/acme/evidence/expiring/").content.decode()
    assert body.index("cert-gone") < body.index("cert-soon")
    assert "cert-later" not in body
    assert "Bias test report" not in body
    assert "Expired" in body
    assert "Expiring soon" in body


def test_the_detail_page_shows_what_it_supports_and_its_history(personas, catalog, report, system):
    actions.link_evidence(actor=personas.contributor, evidence=report, target=find_requirement("9.2"))
    actions.link_evidence(actor=personas.contributor, evidence=report, target=system)
    body = personas.client("auditor").get(f"/o/acme/evidence/{report.pk}/").content.decode()
    assert "9.2" in body
    assert "AIS-001 Credit scorer" in body
    assert report.sha256 in body
    assert "Download" in body
    assert "added" in body
    assert "linked" in body
    assert "Retire this evidence" not in body


def test_a_viewer_sees_the_detail_but_no_download_or_edit(personas, report):
    body = personas.client("viewer").get(f"/o/acme/evidence/{report.pk}/").content.decode()
    assert "Bias test report" in body
    assert f"/o/acme/evidence/{report.pk}/download/" not in body
    assert "Edit" not in body


def test_another_organisations_evidence_is_not_found(personas, foreign, report):
    assert personas.client("owner").get(f"/o/acme/evidence/{foreign.pk}/").status_code == 404
    assert personas.client("outsider").get(f"/o/globex/evidence/{report.pk}/").status_code == 404
    assert (
        "Globex secret" not in personas.client("owner").get("/o/acme/evidence/?status=all").content.decode()
    )
