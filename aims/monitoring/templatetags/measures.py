"""`{% load measures %}`: `{{ value|plain }}` shows a Decimal without trailing zeros (0.930000 → 0.93)."""

from __future__ import annotations

from django import template

from aims.monitoring.thresholds import plain as plain_value

register = template.Library()


@register.filter
def plain(value: object) -> str:
    return "—" if value is None or value == "" else plain_value(value)
