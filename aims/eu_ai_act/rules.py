"""The EU AI Act classification rules: answers and role in, class, role and obligations out.

Pure functions, no database. In order:
1. any Article 5 practice → prohibited;
2. a product (or its safety component) under Annex I law needing a third-party conformity assessment → high;
3. an Annex III use → high, unless an Article 6(3) exception applies and the system does not profile people
   (profiling always keeps it high); an exception must be documented (Article 6(4));
4. an Article 50 case → limited (transparency); Article 50 duties are listed in every class but prohibited;
5. otherwise minimal.
General-purpose model duties (Articles 53-55) are listed whenever the organisation provides such a model.
The role decides which obligations are listed; a deployer, importer or distributor who rebrands, modifies
or repurposes a high-risk system counts as its provider (Article 25(1)).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from aims.eu_ai_act import obligations as duties
from aims.eu_ai_act.answers import Answers, clean_answers
from aims.eu_ai_act.models import OperatorRole
from aims.eu_ai_act.obligations import Obligation
from aims.eu_ai_act.questions import QUESTION_BY_ID, RULES_VERSION, Option

PROHIBITED, HIGH, LIMITED, MINIMAL = "prohibited", "high", "limited", "minimal"


@dataclass(frozen=True)
class Outcome:
    risk_class: str
    operator_role: str
    obligations: list[Obligation]
    reasons: list[str]
    answers: Answers = field(default_factory=dict)
    declared_role: str = ""
    rules_version: int = RULES_VERSION


@dataclass(frozen=True)
class Facts:
    """The answers, read as the rules need them."""

    practices: list[Option]
    annex_i_high: bool
    annex_iii: list[Option]
    exceptions: list[Option]
    profiles_people: bool
    public_service: bool
    transparency: list[Option]
    gpai: bool
    systemic: bool
    takes_provider_role: bool

    @property
    def annex_iii_uses(self) -> str:
        return ", ".join(option.article for option in self.annex_iii)

    @property
    def exception_applies(self) -> bool:
        return bool(self.annex_iii and self.exceptions and not self.profiles_people)


def _options(answers: Answers, question_id: str) -> list[Option]:
    question = QUESTION_BY_ID[question_id]
    chosen = answers.get(question_id) or []
    return [option for option in question.options if isinstance(chosen, list) and option.id in chosen]


def read_facts(answers: Answers) -> Facts:
    return Facts(
        practices=_options(answers, "prohibited_practices"),
        annex_i_high=bool(answers.get("annex_i_product") and answers.get("annex_i_third_party_assessment")),
        annex_iii=_options(answers, "annex_iii_uses"),
        exceptions=_options(answers, "art6_3_conditions"),
        profiles_people=bool(answers.get("profiles_people")),
        public_service=bool(answers.get("public_service")),
        transparency=_options(answers, "transparency_cases"),
        gpai=bool(answers.get("gpai_model_provider")),
        systemic=bool(answers.get("gpai_systemic_risk")),
        takes_provider_role=bool(answers.get("takes_provider_role")),
    )


def clean_input(answers: Any, operator_role: str) -> Answers:
    """Checked answers, or one ValidationError naming every problem (the role's included)."""
    errors: dict[str, list[str]] = {}
    cleaned: Answers = {}
    try:
        cleaned = clean_answers(answers)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if operator_role not in OperatorRole.values:
        errors["operator_role"] = [f"Choose one of: {', '.join(OperatorRole.values)}."]
    if errors:
        raise ValidationError(errors)
    return cleaned


def classify(answers: Mapping[str, Any], operator_role: str) -> Outcome:
    """The outcome for these answers and this declared role; a ValidationError if the input is not valid."""
    cleaned = clean_input(answers, operator_role)
    facts = read_facts(cleaned)
    risk_class, reasons = risk_class_of(facts)
    role = operator_role
    if risk_class == HIGH and facts.takes_provider_role and role != OperatorRole.PROVIDER:
        role = OperatorRole.PROVIDER.value
        reasons.append(
            f"You declared yourself {operator_role}, but you rebranded, substantially modified or repurposed "
            "a high-risk system, so you count as its provider (Art. 25(1))."
        )
    return Outcome(
        risk_class=risk_class,
        operator_role=role,
        obligations=obligations_for(facts, risk_class, role),
        reasons=reasons,
        answers=cleaned,
        declared_role=operator_role,
    )


def risk_class_of(facts: Facts) -> tuple[str, list[str]]:
    """The class and the reasons for it, in plain words."""
    if facts.practices:
        return PROHIBITED, [
            f"It does a prohibited practice: {practice.label.lower()} (Art. {practice.article})."
            for practice in facts.practices
        ]
    reasons = _high_risk_reasons(facts)
    if facts.annex_i_high or (facts.annex_iii and not facts.exception_applies):
        return HIGH, reasons
    if facts.transparency:
        cases = ", ".join(f"{case.label.lower()} (Art. {case.article})" for case in facts.transparency)
        return LIMITED, [*reasons, f"It has transparency duties: {cases}."]
    return MINIMAL, [
        *reasons,
        "No prohibited practice, high-risk case or transparency case applies: minimal risk. Voluntary codes "
        "of conduct are encouraged (Art. 95).",
    ]


def _high_risk_reasons(facts: Facts) -> list[str]:
    reasons = []
    if facts.annex_i_high:
        reasons.append(
            "It is a product, or a safety component of one, under the EU laws of Annex I and needs a "
            "third-party conformity assessment (Art. 6(1))."
        )
    if not facts.annex_iii:
        return reasons
    exceptions = ", ".join(option.article for option in facts.exceptions)
    if not facts.exceptions:
        reasons.append(f"It is meant for a high-risk use listed in {facts.annex_iii_uses} (Art. 6(2)).")
    elif facts.profiles_people:
        reasons.append(
            f"It is meant for {facts.annex_iii_uses}; an exception of Art. {exceptions} would apply, but it "
            "profiles people, so it stays high-risk (Art. 6(3), last subparagraph)."
        )
    else:
        reasons.append(
            f"It is meant for {facts.annex_iii_uses}, but the exception of Art. {exceptions} applies and it "
            "does not profile people, so that use does not make it high-risk. Document this (Art. 6(4))."
        )
    return reasons


def _high_risk_basis(facts: Facts) -> str:
    parts = ["Annex I product"] if facts.annex_i_high else []
    if facts.annex_iii and not facts.exception_applies:
        parts.append(facts.annex_iii_uses)
    return "; ".join(parts)


def obligations_for(facts: Facts, risk_class: str, role: str) -> list[Obligation]:
    """Every obligation that applies, grouped: literacy, class duties, transparency, general-purpose model."""
    found = duties.ai_literacy(role)
    if risk_class == PROHIBITED:
        found += duties.prohibited(facts.practices)
    elif risk_class == HIGH:
        found += _high_risk_duties(facts, role)
    elif facts.exception_applies and role == OperatorRole.PROVIDER:
        found += duties.exception_documented(facts.annex_iii_uses, facts.exceptions)
    if risk_class != PROHIBITED:
        found += duties.transparency(role, facts.transparency)
    if facts.gpai:
        found += duties.general_purpose_model(systemic=facts.systemic)
    return found


def _high_risk_duties(facts: Facts, role: str) -> list[Obligation]:
    basis = _high_risk_basis(facts)
    annex_iii_high = bool(facts.annex_iii) and not facts.exception_applies
    if role == OperatorRole.PROVIDER:
        return duties.high_risk_provider(basis, annex_i=facts.annex_i_high, annex_iii=annex_iii_high)
    if role == OperatorRole.DEPLOYER:
        uses = facts.annex_iii if annex_iii_high else []
        return duties.high_risk_deployer(basis, annex_iii=uses, public_service=facts.public_service)
    if role == OperatorRole.IMPORTER:
        return duties.importer(basis)
    return duties.distributor(basis)
