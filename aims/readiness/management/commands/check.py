"""`aims check`: Django's system check, and with `--org`, whether an organisation's AIMS would pass
certification, so that a pipeline can gate on it.

    aims check --org acme                  exit 1 while a Stage 1 blocker remains
    aims check --org acme --stage 2        exit 1 while a blocker or a Stage 2 nonconformity remains
    aims check --org acme --format json    the whole result as JSON (the API's shape)

Exit status with `--org`: 0 ready for the stage asked, 1 not ready, 2 unknown organisation. A rule that
could not be evaluated counts as not ready. Without `--org` it is Django's `check`, unchanged.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.core.management.commands.check import Command as SystemCheckCommand

from aims.organizations.models import Organization
from aims.readiness.engine import Readiness, RuleResult, Status, evaluate
from aims.readiness.registry import Severity

EXIT_NOT_READY = 1
EXIT_UNKNOWN_ORGANIZATION = 2
GATES = {
    "1": {Severity.STAGE1_BLOCKER},
    "2": {Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY},
}


def gating(readiness: Readiness, stage: str) -> list[RuleResult]:
    """The results that keep the organisation from the stage: failing rules of its severities, and every
    rule that could not be evaluated."""
    return [r for r in readiness.failing if r.severity in GATES[stage] or r.status == Status.ERROR]


def text_report(readiness: Readiness, stage: str) -> str:
    counts = readiness.counts()
    lines = [
        f"Readiness of {readiness.organization_slug} on {readiness.judged_on.isoformat()}: "
        f"{counts['clauses_satisfied']} of {counts['clauses_total']} clauses and "
        f"{counts['controls_satisfied']} of {counts['controls_total']} included controls satisfied; "
        f"{counts['blockers']} Stage 1 blockers, {counts['nonconformities']} Stage 2 nonconformities, "
        f"{counts['observations']} observations.",
    ]
    for result in gating(readiness, stage):
        state = "NOT EVALUATED" if result.status == Status.ERROR else result.severity.label.upper()
        lines.append(f"{state} {', '.join(result.refs)} {result.title}: {result.message}")
        lines.extend(f"    {record.label}" for record in result.records)
    blocked = gating(readiness, stage)
    verdict = "not ready" if blocked else "ready"
    lines.append(f"Stage {stage}: {verdict}" + (f" ({len(blocked)} to fix)." if blocked else "."))
    return "\n".join(lines)


class Command(SystemCheckCommand):
    help = (
        "Django's system check; with --org, whether the organisation's AIMS would pass certification "
        "(exit 1 while a Stage 1 blocker, or with --stage 2 a nonconformity, remains)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--org", metavar="SLUG", help="Check this organisation's certification readiness."
        )
        parser.add_argument(
            "--stage",
            choices=sorted(GATES),
            default="1",
            help="1: fail on Stage 1 blockers (the default); 2: also on Stage 2 nonconformities.",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text", dest="output_format")

    def handle(self, *app_labels: Any, **options: Any) -> None:
        slug = options.get("org")
        if not slug:
            super().handle(*app_labels, **options)
            return
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            raise CommandError(f"No organisation {slug!r}.", returncode=EXIT_UNKNOWN_ORGANIZATION)
        readiness = evaluate(organization)
        stage = options["stage"]
        if options["output_format"] == "json":
            self.stdout.write(json.dumps(readiness.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(text_report(readiness, stage))
        if gating(readiness, stage):
            sys.exit(EXIT_NOT_READY)
