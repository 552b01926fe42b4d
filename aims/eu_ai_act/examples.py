"""Representative answer sets, one per outcome: for the demo, the benchmark data and the tests."""

from __future__ import annotations

from typing import Any

from aims.eu_ai_act.answers import Answers

NOTHING_APPLIES: Answers = {
    "takes_provider_role": False,
    "prohibited_practices": [],
    "annex_i_product": False,
    "annex_iii_uses": [],
    "transparency_cases": [],
    "gpai_model_provider": False,
}


def answers(**changes: Any) -> Answers:
    """Every top-level question answered no or none, but for `changes`."""
    return {**NOTHING_APPLIES, **changes}


def annex_iii(*uses: str, exceptions: tuple[str, ...] = (), profiles: bool = True, **changes: Any) -> Answers:
    """An Annex III use, with its follow-up questions answered."""
    return answers(
        annex_iii_uses=list(uses),
        art6_3_conditions=list(exceptions),
        profiles_people=profiles,
        public_service=False,
        **changes,
    )


SOCIAL_SCORING = answers(prohibited_practices=["social_scoring"])
CREDIT_SCORING = annex_iii("credit_scoring")
CV_SCREENING = annex_iii("employment")
CHATBOT = answers(transparency_cases=["interacts_with_people", "synthetic_content"])
MINIMAL = answers()

# (risk class, declared role, answers): one typical case per class.
BY_CLASS: dict[str, tuple[str, Answers]] = {
    "prohibited": ("deployer", SOCIAL_SCORING),
    "high": ("provider", CREDIT_SCORING),
    "limited": ("provider", CHATBOT),
    "minimal": ("deployer", MINIMAL),
}
