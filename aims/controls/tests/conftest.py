"""Controls fixtures: Acme's Annex A controls, an obligation to cite, risk treatments relying on a control."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from django.test import Client

from aims.context import actions as context_actions
from aims.context.models import Obligation
from aims.controls import actions
from aims.controls.actions import ReasonInput
from aims.controls.models import Control, ensure_annex_a_controls
from aims.controls.reliance import Reliance, register_reliance, unregister_reliance
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


@pytest.fixture
def controls(personas: Personas, catalog: None) -> dict[str, Control]:
    """Acme's 38 Annex A controls by reference; Globex gets its own too."""
    ensure_annex_a_controls(personas.other_org)
    return {control.reference: control for control in ensure_annex_a_controls(personas.org)}


@pytest.fixture
def obligation(personas: Personas) -> Obligation:
    return context_actions.create_obligation(
        actor=personas.contributor,
        organization=personas.org,
        reference="OBL-001",
        kind="legal",
        title="Duties of deployers",
        source="EU AI Act Art. 26",
        applicability="applies",
    )


@pytest.fixture
def relied(controls: dict[str, Control]) -> Iterator[dict[int, list[Reliance]]]:
    """Risk treatments rely on A.6.2.4 (two risks), as the risks app's finder would answer."""
    answers = {
        controls["A.6.2.4"].pk: [
            Reliance("risk_treatment", "RSK-0003", "Bias in credit scores", ""),
            Reliance("risk_treatment", "RSK-0007", "Drift after retraining", ""),
        ]
    }

    def finder(asked: Iterable[Control]) -> dict[int, list[Reliance]]:
        wanted = {control.pk for control in asked}
        return {pk: items for pk, items in answers.items() if pk in wanted}

    register_reliance(finder)
    yield answers
    unregister_reliance(finder)


def include(personas: Personas, control: Control, note: str = "Good practice for us") -> Control:
    return actions.set_applicability(
        actor=personas.contributor,
        control=control,
        decision="included",
        reasons=[ReasonInput(kind="best_practice", note=note)],
    )


def exclude(personas: Personas, control: Control, why: str = "We do not develop AI systems") -> Control:
    return actions.set_applicability(
        actor=personas.contributor, control=control, decision="excluded", justification=why
    )


def decide_all(personas: Personas, controls: dict[str, Control]) -> None:
    """Every control included with a best-practice reason, except A.6.2.4 ... none excluded."""
    for control in controls.values():
        include(personas, control)
