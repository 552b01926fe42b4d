"""`{% load measures %}`: `{{ value|plain }}` shows a Decimal without trailing zeros (0.930000 → 0.93);
`{{ metric|counting_only }}` says which AI systems a computed metric counts ("" when not filtered)."""

from __future__ import annotations

from django import template

from aims.monitoring.models import Metric
from aims.monitoring.queries import filter_words
from aims.monitoring.thresholds import plain as plain_value

register = template.Library()


@register.filter
def plain(value: object) -> str:
    return "—" if value is None or value == "" else plain_value(value)


@register.filter
def counting_only(metric: Metric | None) -> str:
    return filter_words(metric) if metric is not None else ""
