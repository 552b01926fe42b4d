"""The demo organisation's readiness says what its records say: what the demo seeds in place passes, and the
gaps it seeds on purpose are found, naming the records."""

from __future__ import annotations

import pytest

from aims.demo.seeding import create_demo
from aims.organizations.models import Organization
from aims.readiness.engine import RuleResult, compute

pytestmark = pytest.mark.usefixtures("catalog")


def _by_id(results: tuple[RuleResult, ...]) -> dict[str, RuleResult]:
    return {result.id: result for result in results}


def test_the_demo_organisations_readiness_matches_its_records(db: None) -> None:
    create_demo()
    readiness = compute(Organization.objects.get(slug="demo"))
    results = _by_id(readiness.results)
    assert readiness.unevaluated == []
    for in_place in ("4.3-scope-approved", "4.1-issues", "5.2-policy-approved", "6.1.2-risk-criteria",
                     "6.1.3-soa-approved", "9.3-review-held", "9.2-programme-approved"):  # fmt: skip
        assert results[in_place].ok, f"{in_place}: {results[in_place].message}"
    obligations = results["4.2-obligations"]
    assert not obligations.ok
    assert [link.label for link in obligations.records] == [
        "OBL-004 Transparency: tell people they are talking to an AI"
    ]
    unapproved = results["7.5.2-documents-approved"]
    assert unapproved.severity == "stage1_blocker"
    assert "PLN-001 AI incident response plan" in [link.label for link in unapproved.records]
    assert all(link.url.startswith("/o/demo/") for r in readiness.results for link in r.records if link.url)
    assert readiness.counts()["controls_total"] == sum(1 for c in readiness.controls)
