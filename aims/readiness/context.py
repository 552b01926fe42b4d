"""What a readiness check is given: the organisation, the day it is judged on, its thresholds, the links to
its pages, and a memo so that facts several rules need (the AI systems in scope) are read once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from django.urls import reverse

from aims.lib.dates import add_months
from aims.readiness.registry import Link

if TYPE_CHECKING:
    from aims.organizations.models import Organization
    from aims.readiness.models import ReadinessSettings

T = TypeVar("T")


@dataclass
class Context:
    organization: Organization
    today: date
    settings: ReadinessSettings
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()` the first time `key` is asked for, the remembered value afterwards."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def url(self, name: str, **kwargs: Any) -> str:
        """The organisation's page `name` (such as "risks:risk_list"), `org` filled in."""
        return reverse(name, kwargs={"org": self.organization.slug, **kwargs})

    def link(self, label: str, name: str, **kwargs: Any) -> Link:
        return Link(label, self.url(name, **kwargs))

    def months_ago(self, months: int) -> date:
        return add_months(self.today, -months)
