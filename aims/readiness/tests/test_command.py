from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from aims.readiness.registry import Rule, Severity, failed, passed
from aims.web.testing import Personas

pytestmark = pytest.mark.usefixtures("catalog")


def _check(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("check", *args, stdout=out)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_aims_check_exits_1_naming_the_blockers_of_an_organisation_that_is_not_ready(
    personas: Personas,
) -> None:
    status, out = _check("--org", "acme")
    assert status == 1
    assert "STAGE 1 BLOCKER 4.3 An approved scope is in force" in out
    assert "Stage 1: not ready" in out


def test_aims_check_exits_0_when_no_rule_of_the_stage_fails(
    personas: Personas, only_rules: Callable[..., None]
) -> None:
    only_rules(
        Rule("ok", ("4.3",), "Scope", Severity.STAGE1_BLOCKER, lambda ctx: passed("fine")),
        Rule("nc", ("8.2",), "Risks", Severity.STAGE2_NONCONFORMITY, lambda ctx: failed("stale")),
        Rule("obs", ("7.4",), "Talk", Severity.OBSERVATION, lambda ctx: failed("quiet")),
    )
    status, out = _check("--org", "acme")
    assert status == 0
    assert "Stage 1: ready." in out
    status, out = _check("--org", "acme", "--stage", "2")
    assert status == 1
    assert "STAGE 2 NONCONFORMITY 8.2 Risks: stale" in out
    assert "obs" not in out.split("\n", 1)[1]


def test_a_rule_that_cannot_be_evaluated_keeps_the_gate_closed(
    personas: Personas, only_rules: Callable[..., None]
) -> None:
    def broken(ctx: object) -> object:
        raise RuntimeError("bug")

    only_rules(Rule("obs", ("7.4",), "Talk", Severity.OBSERVATION, broken))  # type: ignore[arg-type]
    status, out = _check("--org", "acme")
    assert status == 1
    assert "NOT EVALUATED 7.4 Talk" in out


def test_aims_check_json_is_the_apis_shape(personas: Personas) -> None:
    status, out = _check("--org", "acme", "--format", "json")
    body = json.loads(out)
    assert status == 1
    assert body["organization"] == "acme"
    assert {"summary", "clauses", "controls", "rules"} <= set(body)


def test_aims_check_of_an_unknown_organisation_exits_2() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("check", "--org", "nope")
    assert raised.value.returncode == 2


def test_aims_check_without_an_organisation_is_djangos_system_check(db: None) -> None:
    out = StringIO()
    call_command("check", stdout=out)
    assert "System check identified no issues" in out.getvalue()


def test_aims_readiness_snapshot_records_each_organisation_once_a_day(personas: Personas) -> None:
    from aims.readiness.models import ReadinessSnapshot

    out = StringIO()
    call_command("readiness", "snapshot", stdout=out)
    assert "2 snapshots recorded." in out.getvalue()
    call_command("readiness", "snapshot", stdout=out)
    assert ReadinessSnapshot.objects.count() == 2
    call_command("readiness", "snapshot", "--org", "acme", stdout=out)
    assert ReadinessSnapshot.objects.count() == 2
