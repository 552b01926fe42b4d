"""The Statement of Applicability of the demo organisation "Demo AI Ltd", made through the actions.

All 38 Annex A controls are decided: most included, citing the demo's obligations (OBL-001 … OBL-004 from
`aims/context/demo.py`) where a law or contract requires them, two excluded with justifications; statuses
and owners are set; version 1 is approved. `seed_demo` is idempotent: once a version exists it does nothing.
Run it after the context demo (for the obligations); it loads the catalogue if it is missing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.catalog.queries import get_framework
from aims.context.models import Obligation
from aims.controls import actions
from aims.controls.actions import ReasonInput
from aims.controls.models import Control, Decision, SoAVersion, ensure_annex_a_controls
from aims.lib.errors import ActionError
from aims.organizations.models import Organization

# Per Annex A group: the reason every control of the group has, and how the group is implemented.
GROUPS: dict[str, tuple[str, str, str]] = {
    "A.2": ("business_need", "Our banking customers require a governed AI policy.",
            "AI policy POL-001, approved by the board and reviewed every year."),
    "A.3": ("best_practice", "Clear roles and a way to raise concerns are basic governance.",
            "RACI for the AIMS; concerns reported through the public link and the ethics inbox."),
    "A.4": ("best_practice", "We cannot assess AI systems without knowing their resources.",
            "The inventory records models, datasets, tools and compute per AI system."),
    "A.5": ("business_need", "Credit scoring and CV screening affect people's access to money and work.",
            "Impact assessments per ISO/IEC 42005 before release and after significant changes."),
    "A.6": ("best_practice", "A defined life cycle keeps releases reviewable.",
            "Life-cycle gates in the model release checklist, with sign-off in the ticketing system."),
    "A.7": ("business_need", "Model quality depends on the data we train on.",
            "Data sheets per dataset: provenance, quality checks and preparation steps."),
    "A.8": ("best_practice", "People affected by our systems need to understand them.",
            "User documentation and notices per AI system, published on the customer portal."),
    "A.9": ("business_need", "Systems must be used as intended by our staff and customers.",
            "Acceptable-use rules and intended-use statements in each system's record."),
    "A.10": ("business_need", "We depend on suppliers and serve banks as customers.",
             "Supplier due diligence and AI clauses in customer contracts."),
}  # fmt: skip

# Controls that a law or contract requires: the obligations cited (by reference).
CITED: dict[str, tuple[str, tuple[str, ...]]] = {
    "A.5.2": ("legal_regulatory", ("OBL-001", "OBL-002")),
    "A.5.4": ("legal_regulatory", ("OBL-001", "OBL-002")),
    "A.6.2.6": ("legal_regulatory", ("OBL-001",)),
    "A.6.2.8": ("legal_regulatory", ("OBL-001",)),
    "A.8.2": ("legal_regulatory", ("OBL-004",)),
    "A.8.5": ("contractual", ("OBL-003",)),
    "A.9.2": ("legal_regulatory", ("OBL-002",)),
    "A.10.4": ("contractual", ("OBL-003",)),
}

EXCLUDED: dict[str, str] = {
    "A.7.3": "We acquire no third-party data: training data comes from our own lending and support records; "
    "the vendor's CV screening model is covered by supplier controls (A.10.3).",
    "A.4.4": "No AI-specific tooling: models are built on the company's standard engineering platform, "
    "covered by our ISO/IEC 27001 controls.",
}

STATUSES: dict[str, str] = {
    "A.5.5": "partial", "A.6.2.7": "partial", "A.7.5": "planned", "A.8.3": "planned", "A.8.4": "partial",
    "A.10.3": "partial",
}  # fmt: skip


def _first(users: dict[str, User], *roles: str) -> User:
    return next(users[role] for role in roles if role in users)


def _reasons(control: Control, obligations: dict[str, Obligation]) -> list[ReasonInput]:
    group = control.catalog_item.parent.ref if control.catalog_item and control.catalog_item.parent else ""
    kind, note, _ = GROUPS.get(group, ("best_practice", "Good practice for an AI provider.", ""))
    reasons = [ReasonInput(kind=kind, note=note)]
    if control.reference in CITED:
        cited_kind, refs = CITED[control.reference]
        found = tuple(obligations[ref] for ref in refs if ref in obligations)
        if found:
            reasons.append(ReasonInput(kind=cited_kind, obligations=found))
    return reasons


def _decide(control: Control, actor: User, obligations: dict[str, Obligation]) -> None:
    if control.reference in EXCLUDED:
        try:
            actions.set_applicability(
                actor=actor, control=control, decision="excluded", justification=EXCLUDED[control.reference]
            )
            return
        except ActionError:
            pass  # a risk treatment of the demo relies on it: include it instead
    actions.set_applicability(
        actor=actor, control=control, decision="included", reasons=_reasons(control, obligations)
    )


def _implement(control: Control, actor: User, owner: User) -> None:
    if control.decision != Decision.INCLUDED:
        return
    group = control.catalog_item.parent.ref if control.catalog_item and control.catalog_item.parent else ""
    status = STATUSES.get(control.reference, "implemented")
    changes: dict[str, Any] = {
        "implementation_status": status,
        "owner": owner,
        "implementation": GROUPS[group][2] if group in GROUPS else "",
    }
    if status != "implemented":
        changes["target_on"] = timezone.localdate() + timedelta(days=120)
    actions.update_implementation(actor=actor, control=control, changes=changes)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Decide every Annex A control, set statuses and owners, and approve version 1 (once)."""
    if SoAVersion.objects.filter(organization=organization).exists():
        return
    if get_framework() is None:
        from aims.catalog.loading import load_catalog

        load_catalog()
    editor = _first(users, "manager", "owner")
    owners = [_first(users, "manager", "owner"), _first(users, "contributor", "manager", "owner")]
    obligations = {o.reference: o for o in Obligation.objects.filter(organization=organization)}
    controls = [c for c in ensure_annex_a_controls(organization) if not c.is_custom]
    for index, control in enumerate(sorted(controls, key=lambda c: c.position)):
        if control.decision == Decision.UNDECIDED:
            _decide(control, editor, obligations)
            control.refresh_from_db()
            _implement(control, editor, owners[index % 2])
    approver = _first(users, "owner", "manager")
    actions.approve_soa(
        actor=approver, organization=organization, note="First approved Statement of Applicability."
    )
