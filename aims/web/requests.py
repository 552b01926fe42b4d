"""Request types: views behind login_required (and API endpoints behind auth) see a real User."""

from django.http import HttpRequest

from aims.accounts.models import User


class AuthedRequest(HttpRequest):
    user: User
