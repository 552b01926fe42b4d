"""The AI policy input: policy reviews and commitment records of the period, impact assessments and
documents due."""

from __future__ import annotations

from aims.ai_systems.models import AISystem
from aims.documents.models import Document
from aims.impact_assessments.models import ImpactAssessment
from aims.policies.models import AIPolicy, CommitmentRecord, PolicyReview
from aims.reviews.inputs import policy
from aims.reviews.registry import Period
from aims.reviews.tests.conftest import days
from aims.web.testing import Personas

PERIOD = Period(start=days(-90), end=days(0))


def test_policy_input_without_a_policy(personas: Personas) -> None:
    section = policy.section(personas.org, PERIOD)
    assert dict(section.figures)["AI policy"] == "No AI policy yet"
    assert section.rows == ()


def test_policy_input_counts_reviews_commitments_and_what_is_due(personas: Personas) -> None:
    org = personas.org
    doc = Document.objects.create(
        organization=org, reference="POL-001", title="AI policy", kind="policy", next_review_on=days(-1)
    )
    AIPolicy.objects.create(organization=org, document=doc)
    PolicyReview.objects.create(
        organization=org, document=doc, reviewed_on=days(-10), outcome="update_needed", findings="f"
    )
    PolicyReview.objects.create(
        organization=org, document=doc, reviewed_on=days(-200), outcome="no_change", findings="f"
    )
    CommitmentRecord.objects.create(
        organization=org, kind="signed_statement", occurred_on=days(-5), description="Signed"
    )
    system = AISystem.objects.create(organization=org, reference="AIS-001", name="S", purpose="P")
    late = ImpactAssessment.objects.create(
        organization=org, ai_system=system, number=1, reference="IA-0001", trigger="periodic",
        next_assessment_on=days(-3),
    )  # fmt: skip
    ImpactAssessment.objects.create(
        organization=org, ai_system=system, number=2, reference="IA-0002", trigger="periodic",
        next_assessment_on=days(30),
    )  # fmt: skip
    section = policy.section(org, PERIOD)
    got = dict(section.figures)
    assert got["AI policy"] == f"POL-001, next review {days(-1).isoformat()}"
    assert (got["Policy reviews: update needed"], got["Policy reviews: no change"]) == (1, 0)
    assert got["Top management commitment records"] == 1
    assert got["Impact assessments due"] == 1
    assert got["Documents due for review"] == 1
    assert [(r.reference, r.status) for r in section.rows] == [
        ("POL-001", "Update needed"),
        ("IA-0001", "Due"),
    ]
    assert section.rows[1].url.endswith(f"/{late.pk}/")
