"""Test support for the registers' readiness rules (used from tests only): run one rule for an organisation
on today's date, count its queries, and read its links as (label, url) pairs."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aims.organizations.models import Organization
from aims.readiness.context import Context
from aims.readiness.engine import settings_for
from aims.readiness.registry import Outcome, Rule


def run(rule: Rule, organization: Organization) -> Outcome:
    return rule.check(Context(organization, timezone.localdate(), settings_for(organization)))


def queries(rule: Rule, organization: Organization) -> int:
    context = Context(organization, timezone.localdate(), settings_for(organization))
    with CaptureQueriesContext(connection) as captured:
        rule.check(context)
    return len(captured.captured_queries)


def url(name: str, **kwargs: Any) -> str:
    """A page of the personas' organisation, acme."""
    return reverse(name, kwargs={"org": "acme", **kwargs})


def links(outcome: Outcome) -> list[tuple[str, str]]:
    return [(record.label, record.url) for record in outcome.records]


def fix(outcome: Outcome) -> tuple[str, str]:
    assert outcome.fix is not None
    return (outcome.fix.label, outcome.fix.url)
