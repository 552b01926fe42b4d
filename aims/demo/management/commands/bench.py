"""`aims bench seed`: a large synthetic organisation for the benchmarks (see bench/README.md)."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.demo.bench_seed import BenchPlan, seed_bench
from aims.lib.errors import ActionError


class Command(TyperCommand):
    help = "Benchmark data."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Benchmark data (a group, so that later sub-commands can join `seed`)."""

    @command()
    def seed(
        self,
        org: Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation to fill.")] = (
            BenchPlan.slug
        ),
        audit_events: Annotated[
            int, typer.Option("--audit-events", min=0, help="How many audit events it should have.")
        ] = BenchPlan.audit_events,
        ai_systems: Annotated[int, typer.Option("--ai-systems", min=0, help="How many AI systems.")] = (
            BenchPlan.ai_systems
        ),
        components: Annotated[
            int, typer.Option("--components", min=0, help="How many models, datasets, resources (each).")
        ] = BenchPlan.components,
        third_parties: Annotated[
            int, typer.Option("--third-parties", min=0, help="How many suppliers and customers.")
        ] = BenchPlan.third_parties,
        documents: Annotated[
            int, typer.Option("--documents", min=0, help="How many documents (5 versions each).")
        ] = BenchPlan.documents,
        risks: Annotated[int, typer.Option("--risks", min=0, help="How many AI risks.")] = BenchPlan.risks,
        impact_assessments: Annotated[
            int, typer.Option("--impact-assessments", min=0, help="How many impact assessments.")
        ] = BenchPlan.impact_assessments,
        incidents: Annotated[int, typer.Option("--incidents", min=0, help="How many AI incidents.")] = (
            BenchPlan.incidents
        ),
        evidence: Annotated[int, typer.Option("--evidence", min=0, help="How many evidence items.")] = (
            BenchPlan.evidence
        ),
        planned_changes: Annotated[
            int, typer.Option("--planned-changes", min=0, help="How many planned changes.")
        ] = BenchPlan.planned_changes,
        nonconformities: Annotated[
            int, typer.Option("--nonconformities", min=0, help="How many nonconformities.")
        ] = BenchPlan.nonconformities,
        internal_audits: Annotated[
            int, typer.Option("--internal-audits", min=0, help="How many internal audits (70 items each).")
        ] = BenchPlan.internal_audits,
        metrics: Annotated[
            int, typer.Option("--metrics", min=0, help="How many metrics (100 measurements each).")
        ] = BenchPlan.metrics,
        review_actions: Annotated[
            int, typer.Option("--review-actions", min=0, help="How many management-review actions.")
        ] = BenchPlan.review_actions,
    ) -> None:
        """Create the benchmark organisation (once) and top its registers up to the sizes asked for.

        Running it again adds only what is missing; it refuses an organisation it did not make."""
        started = time.perf_counter()
        try:
            plan = BenchPlan(
                slug=org,
                audit_events=audit_events,
                ai_systems=ai_systems,
                components=components,
                third_parties=third_parties,
                classifications=ai_systems,
                documents=documents,
                evidence=evidence,
                risks=risks,
                impact_assessments=impact_assessments,
                incidents=incidents,
                planned_changes=planned_changes,
                nonconformities=nonconformities,
                internal_audits=internal_audits,
                metrics=metrics,
                review_actions=review_actions,
            )
            result = seed_bench(plan, progress=self.stdout.write)
        except ActionError as exc:
            raise CommandError(exc.message) from exc
        state = "created" if result.created else "already there"
        added = result.audit_events_after - result.audit_events_before
        self.stdout.write(
            f"Organisation {result.organization.slug!r}: {state}; audit events: {result.audit_events_after:,}"
            f" ({added:,} added) in {time.perf_counter() - started:.1f} s."
        )
