"""Large synthetic organisations for the benchmarks (`aims bench seed`; see bench/README.md).

A `BenchPlan` says how big each register should be; `seed_bench` creates the organisation once and then tops
every register up to its planned size, so running it again adds only what is missing. Each register added to
aims adds a field to the plan and a `_top_up_*` step here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.acknowledgements import bench as acknowledgements
from aims.ai_systems import bench as ai_systems
from aims.audit.models import AuditChain, AuditEvent
from aims.audit.trail import NewEvent, append_events
from aims.changes import bench as changes
from aims.components import bench as components
from aims.context import bench as context
from aims.controls import bench as controls
from aims.documents import bench as documents
from aims.eu_ai_act import bench as eu_ai_act
from aims.evidence import bench as evidence
from aims.impact_assessments import bench as impact_assessments
from aims.improvement import bench as improvement
from aims.incidents import bench as incidents
from aims.internal_audits import bench as internal_audits
from aims.lib.errors import ActionError
from aims.monitoring import bench as monitoring
from aims.organizations.models import Membership, Organization, Role
from aims.organizations.permissions import EDITORS
from aims.people import bench as people
from aims.policies import bench as policies
from aims.reviews import bench as reviews
from aims.risks import bench as risks
from aims.third_parties import bench as third_parties

BENCH_DOMAIN = "bench.aims.test"
BENCH_DESCRIPTION = "Synthetic data made by `aims bench seed` for the benchmarks; not a real organisation."
MEMBERS_PER_ROLE = {Role.OWNER: 1, Role.MANAGER: 3, Role.CONTRIBUTOR: 20, Role.AUDITOR: 2, Role.VIEWER: 10}
EVENT_BATCH = 20_000
HISTORY = timedelta(days=3 * 365)

# (object type, label, verbs, weight): the mix of events of a busy AIMS, registers included before they exist.
_EVENT_MIX = (
    ("ai_systems.aisystem", "AI system", ("ai_system.created", "ai_system.updated"), 20),
    ("risks.risk", "Risk", ("risk.created", "risk.assessed", "risk.treated", "risk.accepted"), 35),
    ("controls.control", "Control", ("control.updated", "control.implemented"), 25),
    ("documents.document", "Document", ("document.submitted", "document.approved"), 15),
    ("organizations.organization", "Membership", ("membership.created", "membership.role_changed"), 5),
)
_STATES = ("draft", "assessed", "treated", "accepted", "approved", "implemented")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BenchPlan:
    slug: str = "bench"
    audit_events: int = 1_000_000
    ai_systems: int = 10_000
    components: int = 20_000  # each of: models, datasets, resources, competence needs
    third_parties: int = 2_000
    classifications: int = 10_000
    obligations: int = 1_000  # and half as many context issues
    people_records: int = 2_000  # concerns, training records and communication log entries
    documents: int = 10_000  # each with 5 versions, the last published
    policy_records: int = 200  # policy reviews and commitment records; acknowledgement campaigns
    evidence: int = 20_000
    risks: int = 100_000  # spread over the AI systems
    impact_assessments: int = 2_000  # each with 3 impacts, spread over the AI systems
    incidents: int = 2_000
    own_controls: int = 50  # beside the 38 of Annex A, all decided, with an approved SoA
    planned_changes: int = 2_000
    nonconformities: int = 5_000  # with corrective actions, of every status and age
    internal_audits: int = 200  # each with the full-standard checklist of 70 items
    metrics: int = 200  # each with 100 measurements
    review_actions: int = 3_000  # over held management reviews


@dataclass(frozen=True)
class BenchResult:
    organization: Organization
    created: bool
    audit_events_before: int
    audit_events_after: int


def bench_email(slug: str, role: str, number: int) -> str:
    return f"{role}{number}@{slug}.{BENCH_DOMAIN}"


def _organization(slug: str) -> tuple[Organization, bool]:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        name = f"Benchmark {slug}"
        return Organization.objects.create(name=name, slug=slug, description=BENCH_DESCRIPTION), True
    if organization.description != BENCH_DESCRIPTION:
        raise ActionError(
            f"The organisation {slug!r} exists and was not made by `aims bench seed`; choose another --org."
        )
    return organization, False


def _members(organization: Organization) -> list[User]:
    """Make the organisation's members, one account per planned seat (without a usable password); returns
    those who change things (owners, managers, contributors)."""
    actors = []
    for role, count in MEMBERS_PER_ROLE.items():
        for number in range(1, count + 1):
            email = bench_email(organization.slug, role, number)
            user = User.objects.filter(email=email).first() or User.objects.create_user(email=email)
            Membership.objects.get_or_create(organization=organization, user=user, defaults={"role": role})
            if role in EDITORS:
                actors.append(user)
    return actors


def _events(
    actors: list[User], count: int, start: datetime, step: timedelta, seed: int
) -> Iterator[NewEvent]:
    """`count` plausible events after `start`, `step` apart, the same ones for the same seed."""
    draw = random.Random(seed).random
    kinds = [(kind, label, verb) for kind, label, verbs, weight in _EVENT_MIX for verb in verbs * weight]
    for index in range(1, count + 1):
        kind, label, verb = kinds[int(draw() * len(kinds))]
        actor = actors[int(draw() * len(actors))] if draw() > 0.05 else None
        target_id = str(int(draw() * 5_000) + 1)
        before = _STATES[int(draw() * len(_STATES))]
        yield NewEvent(
            actor_id=actor.pk if actor else None,
            actor_label=actor.email if actor else "system",
            verb=verb,
            created_at=start + step * index,
            target_type=kind,
            target_id=target_id,
            target_label=f"{label} {target_id}",
            before={"status": before},
            after={"status": _STATES[(_STATES.index(before) + 1) % len(_STATES)]},
            data={"note": f"synthetic event {index}"},
        )


def _top_up_audit_events(
    organization: Organization, actors: list[User], wanted: int, progress: Progress
) -> tuple[int, int]:
    chain = AuditChain.objects.filter(key=AuditChain.key_for(organization.pk)).first()
    have = chain.last_seq if chain else 0
    missing = wanted - have
    if missing <= 0:
        return have, have
    last = AuditEvent.objects.filter(organization=organization).order_by("-seq").values("created_at").first()
    now = timezone.now()
    start = last["created_at"] if last else now - HISTORY
    step = (now - start) / (missing + 1)
    events = _events(actors, missing, start, step, seed=have)
    done = have
    while batch := list(islice(events, EVENT_BATCH)):
        done = append_events(organization, batch)
        if done == wanted or done % (5 * EVENT_BATCH) < EVENT_BATCH:
            progress(f"audit events: {done:,} of {wanted:,}")
    return have, done


def seed_bench(plan: BenchPlan, *, progress: Progress | None = None) -> BenchResult:
    """Create (once) the benchmark organisation and top each register up to the plan.

    Refuses (ActionError) an existing organisation of that slug that `aims bench seed` did not make.
    """
    say = progress or (lambda message: None)
    with transaction.atomic():
        organization, created = _organization(plan.slug)
        actors = _members(organization)
    _top_up_registers(organization, plan, say)
    before, after = _top_up_audit_events(organization, actors, plan.audit_events, say)
    return BenchResult(organization, created, before, after)


def _top_up_registers(organization: Organization, plan: BenchPlan, say: Progress) -> None:
    """The registers in dependency order: systems first, then what hangs on them."""
    ai_systems.seed_bench(organization, plan.ai_systems, progress=say)
    components.seed_bench(organization, plan.components, progress=say)
    third_parties.seed_bench(organization, plan.third_parties, progress=say)
    eu_ai_act.seed_bench(organization, plan.classifications, progress=say)
    context.seed_bench(organization, plan.obligations)
    people.seed_bench(organization, plan.people_records, progress=say)
    documents.seed_bench(organization, plan.documents, progress=say)
    policies.seed_bench(organization, plan.policy_records, progress=say)
    acknowledgements.seed_bench(organization, plan.policy_records, progress=say)
    evidence.seed_bench(organization, plan.evidence, progress=say)
    risks.seed_bench(organization, plan.risks, progress=say)
    impact_assessments.seed_bench(organization, plan.impact_assessments, progress=say)
    incidents.seed_bench(organization, plan.incidents, progress=say)
    controls.seed_bench(organization, plan.own_controls, progress=say)  # needs the catalogue for Annex A
    editors = Membership.objects.filter(organization=organization, role=Role.CONTRIBUTOR).select_related(
        "user"
    )
    contributors = [m.user for m in editors]
    changes.seed_bench(organization, plan.planned_changes, requesters=contributors, progress=say)
    improvement.seed_bench(organization, plan.nonconformities, owners=contributors, progress=say)
    lead = User.objects.get(email=bench_email(organization.slug, Role.AUDITOR, 1))
    internal_audits.seed_bench(organization, plan.internal_audits, lead=lead, progress=say)
    monitoring.seed_bench(organization, plan.metrics, progress=say)
    reviews.seed_bench(organization, plan.review_actions, owners=contributors, progress=say)
