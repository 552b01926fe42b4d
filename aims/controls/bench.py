"""A full Statement of Applicability for the benchmark organisation: the 38 Annex A controls and its own,
all decided, with an approved version (`aims bench seed`; see bench/README.md).

Writes in bulk, then approves through the action so the version's snapshot is the real one. Idempotent: an
organisation that has an approved version already is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.db import transaction

from aims.accounts.models import User
from aims.controls.actions import approve_soa
from aims.controls.models import (
    CUSTOM_POSITION,
    ApplicabilityReason,
    Control,
    Decision,
    ImplementationStatus,
    SoAVersion,
    ensure_annex_a_controls,
)
from aims.organizations.models import Membership, Organization, Role

Progress = Callable[[str], None]
EXCLUDED_EVERY = 9  # one control in nine is excluded, with a justification
STATUSES = (ImplementationStatus.IMPLEMENTED, ImplementationStatus.PARTIAL, ImplementationStatus.PLANNED)


def _own_controls(organization: Organization, count: int) -> None:
    have = Control.objects.filter(organization=organization, catalog_item__isnull=True).count()
    Control.objects.bulk_create(
        Control(
            organization=organization,
            reference=f"ORG-{number:03d}",
            title=f"Own control {number}",
            description="A control of the organisation's own, beyond Annex A.",
            position=CUSTOM_POSITION + number,
        )
        for number in range(have + 1, count + 1)
    )


def _decide(controls: list[Control], owners: Sequence[User]) -> None:
    reasons = []
    for index, control in enumerate(controls):
        control.owner = owners[index % len(owners)]
        if index % EXCLUDED_EVERY == EXCLUDED_EVERY - 1 and not control.is_custom:
            control.decision = Decision.EXCLUDED
            control.exclusion_justification = "No AI system in scope does this; reviewed each year."
            control.implementation_status = ImplementationStatus.NOT_APPLICABLE
            continue
        control.decision = Decision.INCLUDED
        control.implementation_status = STATUSES[index % len(STATUSES)]
        control.implementation = "Described in the AI system development procedure."
        reasons.append(
            ApplicabilityReason(
                control=control, kind=ApplicabilityReason.Kind.BEST_PRACTICE, note="Expected of any AIMS."
            )
        )
    fields = ["owner", "decision", "exclusion_justification", "implementation_status", "implementation"]
    Control.objects.bulk_update(controls, fields, batch_size=500)
    ApplicabilityReason.objects.bulk_create(reasons)


def seed_bench(
    organization: Organization,
    own_controls: int = 50,
    *,
    owners: Sequence[User] | None = None,
    progress: Progress | None = None,
) -> None:
    """Decide every control of the organisation and approve version 1 (unless a version exists)."""
    say = progress or (lambda message: None)
    if SoAVersion.objects.filter(organization=organization).exists():
        say("Statement of Applicability: approved already")
        return
    managers = Membership.objects.filter(organization=organization, role__in=[Role.OWNER, Role.MANAGER])
    members = list(owners or [membership.user for membership in managers.select_related("user")])
    with transaction.atomic():
        ensure_annex_a_controls(organization)
        _own_controls(organization, own_controls)
        undecided = list(Control.objects.filter(organization=organization, decision=Decision.UNDECIDED))
        _decide(undecided, members)
    version = approve_soa(actor=members[0], organization=organization, note="Benchmark version")
    say(f"Statement of Applicability: {Control.objects.filter(organization=organization).count()} controls, "
        f"version {version.number} approved")  # fmt: skip
