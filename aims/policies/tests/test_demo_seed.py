from aims.acknowledgements.demo import seed_demo as seed_acknowledgements
from aims.acknowledgements.models import Campaign
from aims.ai_systems.demo import seed_demo as seed_systems
from aims.policies.demo import seed_demo
from aims.policies.models import AlignedPolicy, CommitmentRecord, PolicyReview
from aims.policies.queries import policy_status


def test_the_demo_publishes_the_policy_with_records_and_seeding_twice_changes_nothing(personas):
    users = {role: personas.user(role) for role in ("owner", "manager", "contributor", "auditor", "viewer")}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    status = policy_status(personas.org)
    assert status.current is not None
    assert (status.current.number, status.current.state, status.in_progress) == (1, "published", None)
    body = status.current.body
    assert "develops, provides and uses" in body
    assert "AIS-001" in body
    assert "[" not in body.replace("[AI roles]", "")
    assert AlignedPolicy.objects.filter(organization=personas.org).count() == 2
    assert PolicyReview.objects.get().outcome == "no_change"
    assert CommitmentRecord.objects.count() == 4
    seed_acknowledgements(personas.org, users)
    seed_acknowledgements(personas.org, users)
    campaign = Campaign.objects.get()
    assert campaign.version == status.current
    acknowledged = campaign.requests.filter(acknowledged_at__isnull=False).values_list("recipient", flat=True)
    assert set(acknowledged) == {personas.contributor.pk, personas.viewer.pk}
    assert campaign.requests.count() == 5
