"""AI objectives of the demo organisation, made through the actions so the audit trail is real: three active
objectives serving the published AI policy, each tied to Annex C objectives and a demo metric, with a plan.

`seed_demo` is idempotent: an objective whose title exists already is not set again. Run it after the
policies' and monitoring demos (and with the catalogue loaded, for the Annex C links).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.catalog.models import CatalogItem
from aims.monitoring import demo as monitoring
from aims.monitoring.models import Metric
from aims.objectives import actions
from aims.objectives.models import Objective
from aims.organizations.models import Organization
from aims.policies.models import AIPolicy

OBJECTIVES: tuple[dict[str, Any], ...] = (
    {
        "title": "Fair credit decisions across age bands",
        "description": "Keep the approval-rate gap between age bands small, at the credit-scoring function.",
        "policy_statement": "We treat applicants fairly and do not discriminate.",
        "annex_c": ("C.2.5", "C.2.1"),
        "metric": monitoring.FAIRNESS,
        "baseline": "3.4",
        "target_value": "2",
        "unit": "pp",
        "direction": "at_most",
        "months": 6,
        "evaluation": "Risk analytics reports the gap monthly; the AI committee evaluates it each quarter.",
        "plan": (
            ("Re-weight the training sample by age band", "Two data scientists for three weeks", 30),
            ("Add an age-band fairness check to the release criteria", "Model validation team", 60),
            ("Train loan officers on reading fairness reports", "Half a day per officer", 90),
        ),
    },
    {
        "title": "Robust credit model in production",
        "description": "Keep the credit model's accuracy at the validated level between releases.",
        "policy_statement": "Our AI systems perform reliably as intended.",
        "annex_c": ("C.2.8",),
        "metric": monitoring.ACCURACY,
        "baseline": "0.92",
        "target_value": "0.93",
        "unit": "",
        "direction": "at_least",
        "months": 9,
        "evaluation": "The model owner checks the monthly accuracy; the AI committee reviews the trend.",
        "plan": (
            ("Automate drift detection on input features", "MLOps engineer, monitoring licence", 45),
            ("Retrain on the last twelve months of data", "Data science team, GPU budget", 120),
        ),
    },
    {
        "title": "Every AI system in scope has a current impact assessment",
        "description": "Assess the impact of every AI system in scope and keep the assessments current.",
        "policy_statement": "We assess the impact of our AI systems on people and society.",
        "annex_c": ("C.2.11", "C.2.9"),
        "metric": "AI systems in scope with a current impact assessment",
        "baseline": "50",
        "target_value": "100",
        "unit": "%",
        "direction": "at_least",
        "months": 12,
        "evaluation": "aims computes the share daily; the AIMS manager reports it to each management review.",
        "plan": (
            ("Plan the assessments of the systems without one", "AIMS manager", 20),
            ("Hold the assessment workshops", "System owners, one day each", 150),
        ),
    },
)


def _user(users: dict[str, User], *roles: str) -> User:
    for role in roles:
        if role in users:
            return users[role]
    return next(iter(users.values()))


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Three active objectives with plans; `users` maps roles to people."""
    existing = set(Objective.objects.filter(organization=organization).values_list("title", flat=True))
    manager = _user(users, "manager", "owner")
    contributor = _user(users, "contributor", "manager", "owner")
    policy = AIPolicy.objects.filter(organization=organization).first()
    today = timezone.localdate()
    for spec in OBJECTIVES:
        if spec["title"] in existing:
            continue
        items = list(CatalogItem.objects.filter(kind="objective", annex="C", ref__in=spec["annex_c"]))
        metric = Metric.objects.filter(organization=organization, name=spec["metric"]).first()
        objective = actions.create_objective(
            actor=manager, organization=organization, annex_c=items, title=spec["title"],
            description=spec["description"], policy=policy, policy_statement=spec["policy_statement"],
            owner=manager, metric=metric, manual_measure="" if metric else spec["metric"],
            baseline=Decimal(spec["baseline"]), target_value=Decimal(spec["target_value"]), unit=spec["unit"],
            direction=spec["direction"], due_on=today + timedelta(days=30 * spec["months"]),
            evaluation=spec["evaluation"],
        )  # fmt: skip
        for what, resources, days in spec["plan"]:
            actions.add_plan_item(
                actor=manager, objective=objective, what=what, resources=resources,
                responsible=contributor, due_on=today + timedelta(days=days),
            )  # fmt: skip
        actions.activate_objective(actor=manager, objective=objective)
