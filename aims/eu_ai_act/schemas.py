"""API shapes of the EU AI Act classification: the questionnaire, answers in, classifications out."""

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from aims.eu_ai_act.queries import ClassificationFilter


class OptionOut(Schema):
    id: str
    label: str
    article: str
    help: str


class QuestionOut(Schema):
    id: str
    text: str
    help: str
    kind: str = Field(..., description="`yes_no` (answer true or false) or `multi` (a list of option ids).")
    articles: list[str]
    options: list[OptionOut]
    depends_on: str = Field(
        ..., description="Asked only when this question's answer is true or a non-empty list; else ignored."
    )


class SectionOut(Schema):
    id: str
    title: str
    intro: str
    questions: list[QuestionOut]


class RoleOut(Schema):
    id: str
    label: str
    help: str


class QuestionnaireOut(Schema):
    rules_version: int
    operator_roles: list[RoleOut]
    sections: list[SectionOut]


class ClassificationIn(Schema):
    operator_role: str = Field(..., description="provider, deployer, importer or distributor.")
    answers: dict[str, Any] = Field(
        ..., description="Question id → true/false (yes/no questions) or a list of option ids (multi)."
    )


class ObligationOut(Schema):
    article: str
    title: str
    why: str


class OutcomeOut(Schema):
    risk_class: str
    operator_role: str
    declared_role: str
    reasons: list[str]
    obligations: list[ObligationOut]
    answers: dict[str, Any]
    rules_version: int


class ClassificationOut(Schema):
    id: int
    ai_system: int = Field(..., alias="ai_system_id")
    ai_system_reference: str = Field(..., alias="ai_system.reference")
    risk_class: str
    operator_role: str = Field(..., description="The role whose obligations apply.")
    declared_role: str
    reasons: list[str]
    obligations: list[ObligationOut]
    answers: dict[str, Any]
    rules_version: int
    classified_by: str | None = Field(None, description="E-mail of who classified, if still known.")
    classified_at: datetime
    is_current: bool

    @staticmethod
    def resolve_classified_by(obj: Any) -> str | None:
        return obj.classified_by.email if obj.classified_by else None


RiskClassValue = Literal["", "prohibited", "high", "limited", "minimal"]
RoleValue = Literal["", "provider", "deployer", "importer", "distributor"]


class ClassificationQuery(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")
    risk_class: RiskClassValue = Field("", description="Only this class.")
    operator_role: RoleValue = Field("", description="Only where this role's obligations apply.")
    state: Literal["current", "past", "all"] = Field(
        "current", description="Current classifications (default), replaced ones, or both."
    )
    ai_system: int | None = Field(None, description="Only this AI system's classifications.")

    def classification_filter(self) -> ClassificationFilter:
        return ClassificationFilter(
            risk_class=self.risk_class,
            operator_role=self.operator_role,
            current={"current": True, "past": False, "all": None}[self.state],
            ai_system=self.ai_system,
        )
