from datetime import datetime

from ninja import Field, Schema

from aims.accounts.actions import MAX_TOKEN_DAYS


class MeOut(Schema):
    id: int
    email: str
    full_name: str


class MePatch(Schema):
    full_name: str = Field(..., max_length=200)


class TokenIn(Schema):
    name: str = Field(..., max_length=100, description="What the token is for, such as the tool using it.")
    days: int | None = Field(
        None,
        ge=1,
        le=MAX_TOKEN_DAYS,
        description="Days the token lives; AIMS_TOKEN_DEFAULT_DAYS when left out.",
    )


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(..., description="The first characters of the secret, to recognise the token.")
    status: str = Field(..., description="active, expired or revoked.")
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreatedOut(TokenOut):
    secret: str = Field(
        ...,
        description="Send as `Authorization: Bearer <secret>`. Returned only now; only its digest is kept.",
    )
