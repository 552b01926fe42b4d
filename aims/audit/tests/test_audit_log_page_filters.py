from aims.audit.tests.conftest import dated_events
from aims.web.testing import Personas


def _page(personas: Personas, **params: str) -> tuple[int, str]:
    response = personas.client("manager").get("/o/acme/audit/", params)
    return response.status_code, response.content.decode()


def test_filter_by_actor(personas, acme_events):
    status, html = _page(personas, actor="manager@acme.test")
    assert status == 200
    assert "<code>membership.role_changed</code>" in html
    assert "<code>membership.created</code>" in html
    assert "<code>membership.removed</code>" not in html
    assert "<code>risk.reviewed</code>" not in html


def test_filter_by_verb(personas, acme_events):
    _, html = _page(personas, verb="membership.removed")
    assert html.count("<code>membership.removed</code>") == 1
    assert "<code>risk.reviewed</code>" not in html


def test_filter_by_object_type(personas, acme_events):
    dated_events(personas, 2)
    _, html = _page(personas, target_type="risks.risk")
    assert "Risk 1" in html
    assert "<code>membership.created</code>" not in html


def test_filter_by_date_range_takes_whole_days(personas):
    dated_events(personas, 10)  # 1 March to 10 March
    _, html = _page(personas, date_from="2026-03-03", date_to="2026-03-05")
    assert all(f"Risk {day}<" in html for day in (2, 3, 4))
    assert "Risk 1<" not in html
    assert "Risk 5<" not in html


def test_filters_offer_the_values_in_the_chain(personas, acme_events):
    _, html = _page(personas)
    assert '<option value="membership.role_changed">' in html
    assert '<option value="system">' in html
    assert '<option value="organizations.organization">' in html
    assert "globex" not in html


def test_unknown_filter_value_is_a_form_error(personas, acme_events):
    status, html = _page(personas, verb="nothing.happened")
    assert status == 400
    assert "Select a valid choice" in html
    assert "Correct the filters" in html


def test_bad_dates_are_form_errors(personas, acme_events):
    status, html = _page(personas, date_from="yesterday")
    assert status == 400
    assert "Enter a valid date" in html
    status, html = _page(personas, date_from="2026-03-05", date_to="2026-03-01")
    assert status == 400
    assert "The end date is before the start date." in html


def test_no_match_shows_an_empty_state(personas, acme_events):
    status, html = _page(personas, actor="system", verb="membership.created")
    assert status == 200
    assert "No event matches these filters" in html
