"""What every API router shares: authentication, and the one error body shape.

Errors always answer `{"error": {"code": "...", "message": "...", "fields": {...}}}`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, SessionAuth

from aims.accounts.actions import user_for_token
from aims.lib.errors import ActionError


class TokenAuth(HttpBearer):
    """`Authorization: Bearer aims_…`, a personal API token."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class ActiveSessionAuth(SessionAuth):
    """The browser session, with Django's CSRF check on unsafe methods."""


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def _ninja_fields(exc: NinjaValidationError) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", []) if part not in ("body", "query", "path", "payload")]
        fields.setdefault(".".join(loc) or "__all__", []).append(str(error.get("msg", "invalid")))
    return fields


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return respond(request, 422, error_body("invalid", "The input is not valid.", _ninja_fields(exc)))

    @api.exception_handler(DjangoValidationError)
    def invalid_record(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        fields = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return respond(request, 422, error_body("invalid", "The input is not valid.", fields))

    @api.exception_handler(ActionError)
    def invalid_state(request: HttpRequest, exc: ActionError) -> HttpResponse:
        return respond(request, 409, error_body(exc.code, exc.message))

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, 403, error_body("forbidden", str(exc) or "You may not do this."))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, error_body("not_found", str(exc) or "Not found."))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(request, 401, error_body("unauthenticated", "Sign in, or send a valid API token."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, exc.status_code, error_body("error", str(exc)))


class ErrorDetail(Schema):
    code: str = Field(
        ..., description='What went wrong, for programs: "not_found", "forbidden", "invalid", …'
    )
    message: str = Field(..., description="What went wrong, for people.")
    fields: dict[str, list[str]] | None = Field(None, description="Per-field messages of invalid input.")


class ErrorOut(Schema):
    """Every error answers this one shape."""

    error: ErrorDetail


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """The error statuses an endpoint can answer, for its `response=` (401 is always possible)."""
    return {status: ErrorOut for status in sorted({401, *statuses})}
