"""Which open risks' treatments rely on given controls, for the Statement of Applicability (6.1.3).

Registered with `aims.controls.reliance` in the app's ready(); one query whatever the number of controls.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from aims.controls.models import Control
from aims.controls.reliance import Reliance
from aims.risks.models import Risk

KIND = "risk_treatment"


def risks_relying_on(controls: Iterable[Control]) -> dict[int, list[Reliance]]:
    """{control pk: [Reliance of each open risk whose treatment chose it]}; closed risks rely on nothing."""
    pks = [control.pk for control in controls]
    if not pks:
        return {}
    links = (
        Risk.controls.through.objects.filter(control_id__in=pks)
        .exclude(risk__status=Risk.Status.CLOSED)
        .values_list("control_id", "risk_id", "risk__reference", "risk__title", "risk__organization__slug")
        .order_by("risk__number")
    )
    found: dict[int, list[Reliance]] = {}
    for control_id, risk_id, reference, title, slug in links:
        url = reverse("risks:risk_detail", kwargs={"org": slug, "pk": risk_id})
        found.setdefault(control_id, []).append(
            Reliance(kind=KIND, reference=reference, title=title, url=url)
        )
    return found
