from datetime import datetime

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


class InvitationIn(Schema):
    email: str = Field(..., max_length=254)
    role: str = "viewer"


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    status: str
    expires_at: datetime
    link: str | None = Field(None, description="The acceptance link; returned once, when created.")


class RolePatch(Schema):
    role: str
