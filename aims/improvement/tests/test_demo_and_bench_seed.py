import pytest

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.improvement.bench import seed_bench
from aims.improvement.demo import (
    INCIDENT_NC_TITLE,
    MONITORING_NC_TITLE,
    close_after_verification,
    seed_demo,
)
from aims.improvement.models import (
    CorrectiveAction,
    EffectivenessCheck,
    ImprovementOpportunity,
    Nonconformity,
)
from aims.improvement.tests.conftest import raise_one
from aims.incidents.demo import SERIOUS_TITLE
from aims.incidents.demo import seed_demo as seed_incidents
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_is_realistic_and_seeding_twice_changes_nothing(personas: Personas, catalog: None) -> None:
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_incidents(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    closed = Nonconformity.objects.get(title=INCIDENT_NC_TITLE)
    assert closed.incident is not None
    assert closed.incident.title == SERIOUS_TITLE
    assert closed.status == "closed"
    assert len(closed.cause_steps) == 4
    assert closed.requirement is not None
    assert list(closed.actions.values_list("status", flat=True)) == ["done", "done"]
    check = closed.checks.get()
    assert check.is_effective
    assert check.verified_by == personas.owner
    still_open = Nonconformity.objects.get(title=MONITORING_NC_TITLE)
    assert (still_open.status, still_open.grade, still_open.source) == ("action", "minor", "monitoring")
    assert still_open.actions.get().status == "open"
    assert Nonconformity.objects.count() == 2
    statuses = sorted(ImprovementOpportunity.objects.values_list("status", flat=True))
    assert statuses == ["done", "proposed"]
    assert ImprovementOpportunity.objects.get(status="done").outcome


def test_close_after_verification_takes_any_nonconformity_through_the_cycle(personas: Personas) -> None:
    nc = raise_one(personas, owner=personas.contributor)
    closed = close_after_verification(nc, owner=personas.contributor, verifier=personas.manager)
    assert closed.status == "closed"
    assert closed.has_root_cause
    assert closed.correction
    assert EffectivenessCheck.objects.get().verified_by == personas.manager
    assert close_after_verification(closed, owner=personas.contributor, verifier=personas.manager) is closed


def test_the_bench_seed_tops_up(personas: Personas) -> None:
    assert seed_bench(personas.org, 60, owners=[personas.manager, None]) == 60
    assert seed_bench(personas.org, 60) == 0
    assert seed_bench(personas.org, 65) == 5
    assert Nonconformity.objects.filter(reference="NC-0065").exists()
    assert CorrectiveAction.objects.exists()
    closed = Nonconformity.objects.filter(status="closed").count()
    assert EffectivenessCheck.objects.count() == closed
    assert len(set(Nonconformity.objects.values_list("status", flat=True))) == 4
