from django.http import HttpRequest
from ninja import Router, Schema

router = Router(tags=["accounts"])


class MeOut(Schema):
    id: int
    email: str
    full_name: str


@router.get("/me", response=MeOut, summary="The signed-in user")
def me(request: HttpRequest) -> object:
    return request.user
