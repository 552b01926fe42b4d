from __future__ import annotations

from collections.abc import Iterator

import pytest

from aims.readiness import registry


@pytest.fixture
def only_rules() -> Iterator[object]:
    """Judge with the given rules only (and no families), restoring the real registry afterwards."""
    saved_rules, saved_families = dict(registry._RULES), dict(registry._FAMILIES)

    def use(*rules: registry.Rule) -> None:
        registry._RULES.clear()
        registry._FAMILIES.clear()
        registry.register_rules(rules)

    yield use
    registry._RULES.clear()
    registry._RULES.update(saved_rules)
    registry._FAMILIES.clear()
    registry._FAMILIES.update(saved_families)
