from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aims.web.requests import AuthedRequest


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", {"tokens": request.user.api_tokens.all()})
