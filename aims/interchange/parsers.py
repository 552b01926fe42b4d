"""Cell parsers for spreadsheet columns: each turns text into a value or raises ValueError with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

TRUE = {"yes", "y", "true", "1", "x"}
FALSE = {"no", "n", "false", "0", ""}


def boolean(text: str) -> bool:
    value = text.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ValueError(f"“{text}” is not yes or no")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ValueError(f"“{text}” is not a date as YYYY-MM-DD") from None


def choice(choices: list[tuple[str, str]]) -> Callable[[str], str]:
    """Accepts a choice's value or its label, case-insensitively."""
    lookup = {}
    for value, label in choices:
        lookup[value.lower()] = value
        lookup[str(label).lower()] = value

    def parse(text: str) -> str:
        found = lookup.get(text.strip().lower())
        if found is None:
            allowed = ", ".join(value for value, _ in choices if value)
            raise ValueError(f"“{text}” is not one of: {allowed}")
        return found

    return parse


def choice_list(choices: list[tuple[str, str]]) -> Callable[[str], list[str]]:
    """Several choices separated by commas or semicolons."""
    one = choice(choices)

    def parse(text: str) -> list[str]:
        parts = [part for part in text.replace(";", ",").split(",") if part.strip()]
        return list(dict.fromkeys(one(part) for part in parts))

    return parse


def bounded_text(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if len(text) > limit:
            raise ValueError(f"at most {limit} characters (this has {len(text)})")
        return text

    return parse
