from datetime import date, datetime

from ninja import Field, Schema


class OrganizationIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    slug: str = Field("", max_length=60, description="Made from the name when empty.")
    ai_roles: list[str] = Field(default_factory=list, description="provider, producer, customer, partner, …")


class OrganizationOut(Schema):
    id: int
    name: str
    slug: str
    ai_roles: list[str]
    created_at: datetime


class MemberOut(Schema):
    id: int
    email: str = Field(..., alias="user.email")
    full_name: str = Field(..., alias="user.full_name")
    role: str
    created_at: datetime
    expires_at: datetime | None = Field(None, description="When an external auditor's access ends.")


class InvitationIn(Schema):
    email: str = Field(..., max_length=254)
    role: str = "viewer"
    expires_on: date | None = Field(
        None, description="External auditors only, and required for them: the last day of their access."
    )


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    status: str
    expires_at: datetime = Field(..., description="When the link stops working.")
    access_expires_at: datetime | None = Field(None, description="When an external auditor's access ends.")
    link: str | None = Field(None, description="The acceptance link; returned once, when created.")


class RolePatch(Schema):
    role: str


class ExternalAuditorIn(Schema):
    email: str = Field(..., max_length=254, description="Someone with an account; invite anyone else.")
    expires_on: date | None = Field(None, description="The last day of their access (required).")


class AccessEndIn(Schema):
    expires_on: date | None = Field(None, description="The new last day of access (required).")
