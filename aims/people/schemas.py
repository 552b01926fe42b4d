"""API shapes for roles, assignments and the RACI: separate input, patch and output schemas."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aims.people.models import AIMSRole, CommunicationPlanItem, Concern, RaciEntry, TrainingRecord


class OrganizationParam(Schema):
    organization: str = Field(..., description="The organisation's slug.")


class RoleQuery(OrganizationParam):
    q: str = ""
    area: str = ""
    sort: str = Field("name", description="name, area, holders or updated; prefix - to reverse.")


class RoleIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    area: AIMSRole.Area
    description: str = ""
    responsibilities: str = ""
    authorities: str = ""
    competences: list[int] = Field(default_factory=list, description="Ids of competences the role needs.")


class RolePatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    area: AIMSRole.Area | None = None
    description: str | None = None
    responsibilities: str | None = None
    authorities: str | None = None
    competences: list[int] | None = None


class RoleOut(Schema):
    id: int
    organization: str = Field(..., alias="organization.slug")
    name: str
    area: str
    description: str
    responsibilities: str
    authorities: str
    updated_at: datetime


class AssignmentIn(Schema):
    user: str = Field(..., description="The member's e-mail address.")
    since: date
    until: date | None = None


class AssignmentEnd(Schema):
    until: date


class AssignmentOut(Schema):
    id: int
    role: int = Field(..., alias="role_id")
    user: str = Field(..., alias="user.email")
    since: date
    until: date | None


class RaciQuery(OrganizationParam):
    kind: RaciEntry.Kind | None = None


class RaciIn(Schema):
    kind: RaciEntry.Kind
    role: int = Field(..., description="The role's id.")
    letter: RaciEntry.Letter
    process: str = Field("", max_length=200, description="For kind process: its name.")
    control: str = Field("", description='For kind control: the Annex A ref, such as "A.6.2.4".')
    ai_system: int | None = Field(None, description="For kind system: the AI system's id.")


class RaciOut(Schema):
    id: int
    kind: str
    subject: str = Field(..., alias="subject_label")
    role: int = Field(..., alias="role_id")
    role_name: str = Field(..., alias="role.name")
    letter: str


class ConcernQuery(OrganizationParam):
    q: str = ""
    status: Concern.Status | None = None
    category: Concern.Category | None = None
    sort: str = Field(
        "-received", description="reference, category, status or received; prefix - to reverse."
    )


class AnonymousConcernIn(Schema):
    category: Concern.Category
    description: str = Field(..., min_length=1, max_length=10000)


class ConcernIn(AnonymousConcernIn):
    ai_system: int | None = Field(None, description="The AI system's id, if known.")
    is_confidential: bool = True


class InvestigatorIn(Schema):
    investigator: str = Field(..., description="The investigator's e-mail address.")


class OutcomeIn(Schema):
    outcome: str = Field(..., min_length=1)


class ConcernOut(Schema):
    """The reporter is never part of the API's answer (A.3.3: protection of the reporter)."""

    id: int
    reference: str
    channel: str
    category: str
    description: str
    ai_system: int | None = Field(None, alias="ai_system_id")
    status: str
    outcome: str
    investigator: str | None = Field(None, alias="assigned_investigator.email")
    is_confidential: bool
    received_on: date


class AnonymousReceipt(Schema):
    reference: str


class PublicLinkOut(Schema):
    url: str = Field(..., description="The public link; shown once, only its fingerprint is kept.")


class CompetenceQuery(OrganizationParam):
    q: str = ""
    ai_literacy: bool | None = None


class CompetenceIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    description: str = ""
    is_ai_literacy: bool = False


class CompetencePatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    is_ai_literacy: bool | None = None


class CompetenceOut(Schema):
    id: int
    name: str
    description: str
    is_ai_literacy: bool


class TrainingQuery(OrganizationParam):
    q: str = ""
    competence: int | None = None
    user: str = Field("", description="The person's e-mail address.")
    kind: TrainingRecord.Kind | None = None
    status: Literal["", "valid", "expired"] = ""
    sort: str = Field("-completed", description="person, competence, completed or expires; - reverses.")


class TrainingIn(Schema):
    user: str = Field(..., description="The person's e-mail address.")
    competence: int
    kind: TrainingRecord.Kind = TrainingRecord.Kind.TRAINING
    title: str = Field(..., min_length=1, max_length=200)
    completed_on: date
    expires_on: date | None = None


class TrainingOut(Schema):
    id: int
    user: str = Field(..., alias="user.email")
    competence: int = Field(..., alias="competence_id")
    kind: str
    title: str
    completed_on: date
    expires_on: date | None
    evidence_sha256: str
    evidence_type: str


class PlanQuery(OrganizationParam):
    q: str = ""
    channel: CommunicationPlanItem.Channel | None = None
    sort: str = Field("what", description="what, audience or channel; - reverses.")


class PlanItemIn(Schema):
    what: str = Field(..., min_length=1, max_length=200)
    audience: str = Field(..., min_length=1, max_length=200)
    frequency: str = Field(..., min_length=1, max_length=100, description="When, such as quarterly.")
    channel: CommunicationPlanItem.Channel
    communicator: str | None = Field(None, description="The communicator's e-mail address.")
    purpose: str = ""


class PlanItemPatch(Schema):
    what: str | None = Field(None, min_length=1, max_length=200)
    audience: str | None = Field(None, min_length=1, max_length=200)
    frequency: str | None = Field(None, min_length=1, max_length=100)
    channel: CommunicationPlanItem.Channel | None = None
    communicator: str | None = None
    purpose: str | None = None


class PlanItemOut(Schema):
    id: int
    what: str
    audience: str
    frequency: str
    channel: str
    communicator: str | None = Field(None, alias="communicator.email")
    purpose: str


class LogQuery(OrganizationParam):
    q: str = ""
    plan_item: int | None = None
    sort: str = Field("-date", description="date or audience; - reverses.")


class LogIn(Schema):
    plan_item: int | None = None
    communicated_on: date
    audience: str = Field(..., min_length=1, max_length=200)
    summary: str = Field(..., min_length=1)
    evidence_link: str = ""


class LogOut(Schema):
    id: int
    plan_item: int | None = Field(None, alias="plan_item_id")
    communicated_on: date
    audience: str
    summary: str
    communicated_by: str | None = Field(None, alias="communicated_by.email")
    evidence_link: str
