"""Acknowledgements of the demo organisation "Demo AI Ltd": a campaign for the AI policy, partly acknowledged.

Made through the actions, so the audit trail is real; idempotent: nothing is done once the AI policy's
version in force has a campaign. Run it after the policies demo.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.acknowledgements import actions
from aims.acknowledgements.models import Campaign
from aims.organizations.models import Organization
from aims.policies.queries import policy_status

READERS = ("contributor", "viewer")


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    """Everyone asked to read the AI policy in force; the contributor and the viewer have acknowledged it."""
    version = policy_status(organization).current
    if version is None or Campaign.objects.filter(version=version).exists():
        return
    campaign = actions.start_campaign(
        actor=users["manager"],
        version=version,
        due_on=timezone.localdate() + timedelta(days=21),
        message="Our AI policy is published. Please read it: it says how we build, buy and use AI, and what "
        "that asks of each of us.",
    )
    for role in READERS:
        request = campaign.requests.filter(recipient=users[role], acknowledged_at__isnull=True).first()
        if request is not None:
            actions.acknowledge_version(actor=users[role], request=request)
