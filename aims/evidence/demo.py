"""Evidence of the demo organisation "Demo AI Ltd", made through the actions: the audit trail is real.

`seed_demo` is idempotent: an item whose title exists already is left as it is. Run it after the AI systems'
demo (the items support AIS-001 … AIS-003) and with the catalogue loaded (they support Annex A controls;
without the catalogue, only the links to AI systems are made).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.controls.models import ensure_annex_a_controls
from aims.evidence import actions
from aims.evidence.links import find_requirement
from aims.evidence.models import Evidence
from aims.organizations.models import Organization

BIAS_REPORT = """Fairness test report: credit scoring model v3
Run on 2019-2023 held-out applications (n = 48,210). Metric: approval rate at the production cut-off.

group,approval_rate,ratio_to_reference
age 18-29,0.61,0.91
age 30-49,0.67,1.00 (reference)
age 50+,0.65,0.97
women,0.66,0.99
men,0.67,1.00 (reference)

All ratios are above the 0.80 threshold set in the AI risk criteria. Signed off by credit risk.
"""

DPIA = """Data protection impact assessment: credit scoring model (GDPR Art. 35)
Processing: automated scoring of consumer-loan applicants, with review of every decision by a loan officer.
Risks considered: discrimination through proxies, inaccurate data from credit bureaux, opacity of decisions.
Measures: quarterly fairness tests, reasons shown to officers and applicants, right to human review.
Residual risk: low; accepted by the data protection officer.
"""


@dataclass(frozen=True)
class DemoEvidence:
    title: str
    description: str
    systems: tuple[str, ...]
    requirements: tuple[str, ...]
    collected_days_ago: int
    valid_days: int | None  # from today; negative: expired already
    content: str = ""  # a text file, or
    url: str = ""  # a link
    file_name: str = ""
    owner_role: str = "manager"
    controls: tuple[str, ...] = field(default_factory=tuple)


DEMO_EVIDENCE = (
    DemoEvidence(
        title="Fairness test report, credit scoring model v3",
        description="Approval rates by age band and gender on held-out applications, against the 0.80 ratio.",
        systems=("AIS-001",),
        requirements=("A.6.2.4", "A.5.4"),
        controls=("A.6.2.4",),
        collected_days_ago=40,
        valid_days=140,
        content=BIAS_REPORT,
        file_name="fairness-test-credit-model-v3.txt",
    ),
    DemoEvidence(
        title="Model card: customer support chatbot",
        description="Intended use, limits, evaluation results and the supplier model's version.",
        systems=("AIS-002",),
        requirements=("A.6.2.7", "A.8.2"),
        controls=("A.6.2.7",),
        collected_days_ago=20,
        valid_days=None,
        url="https://wiki.demo.aims.test/ai/chatbot/model-card",
        owner_role="contributor",
    ),
    DemoEvidence(
        title="DPIA: credit scoring model",
        description="The data protection impact assessment, reviewed with the data protection officer.",
        systems=("AIS-001",),
        requirements=("6.1.4", "A.5.2"),
        controls=("A.5.2",),
        collected_days_ago=90,
        valid_days=275,
        content=DPIA,
        file_name="dpia-credit-scoring.txt",
    ),
    DemoEvidence(
        title="LLM supplier's ISO/IEC 27001 certificate",
        description="The certificate of the supplier of the chatbot's language model; renewal audit booked.",
        systems=("AIS-002",),
        requirements=("A.10.3",),
        controls=("A.10.3",),
        collected_days_ago=340,
        valid_days=18,
        url="https://trust.llm-supplier.test/certificates/iso27001.pdf",
    ),
    DemoEvidence(
        title="CV screening vendor's conformity statement 2025",
        description="The vendor's statement on its tool's testing; the 2026 statement has been requested.",
        systems=("AIS-003",),
        requirements=("A.10.3",),
        collected_days_ago=400,
        valid_days=-12,
        url="https://vendor.cv-screen.test/compliance/2025-statement",
        owner_role="contributor",
    ),
)


def _supports(organization: Organization, spec: DemoEvidence) -> list[Any]:
    found: list[Any] = list(AISystem.objects.filter(organization=organization, reference__in=spec.systems))
    for ref in spec.requirements:
        try:
            found.append(find_requirement(ref))
        except ValidationError:
            continue  # the catalogue is not loaded
    controls = {c.reference: c for c in ensure_annex_a_controls(organization)} if spec.controls else {}
    found.extend(controls[ref] for ref in spec.controls if ref in controls)
    return found


def _values(spec: DemoEvidence, users: dict[str, User]) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "title": spec.title,
        "description": spec.description,
        "owner": users.get(spec.owner_role) or users.get("owner"),
        "collected_on": today - timedelta(days=spec.collected_days_ago),
        "valid_until": today + timedelta(days=spec.valid_days) if spec.valid_days is not None else None,
    }


def _first(users: dict[str, User], *roles: str) -> User:
    return next(users[role] for role in roles if role in users)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """A fairness test report and a DPIA as files, a model card, a supplier certificate that expires soon,
    and a vendor statement that has expired; each linked to demo AI systems and Annex A controls."""
    actor = _first(users, "contributor", "manager", "owner")
    have = set(Evidence.objects.filter(organization=organization).values_list("title", flat=True))
    for spec in DEMO_EVIDENCE:
        if spec.title in have:
            continue
        values = _values(spec, users)
        supports: list[models.Model] = _supports(organization, spec)
        if spec.url:
            actions.add_evidence_link(
                actor=actor, organization=organization, url=spec.url, supports=supports, **values
            )
        else:
            upload = SimpleUploadedFile(spec.file_name, spec.content.encode(), content_type="text/plain")
            actions.add_evidence_file(
                actor=actor, organization=organization, upload=upload, supports=supports, **values
            )
