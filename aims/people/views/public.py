"""The public form for anonymous concerns (A.3.3), outside any organisation's pages.

It never reads who is asking: not the signed-in user, not the address, not the browser. The rate limit
counts reports per link in the cache, so it too stores nothing about the reporter.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from aims.lib.hashing import sha256_hex
from aims.people import actions
from aims.people.forms import AnonymousConcernForm
from aims.people.models import PublicConcernLink
from aims.web.forms import attempt

WINDOW_SECONDS = 3600


def rate_limited(token: str) -> bool:
    """True once a link has taken more reports this hour than AIMS_CONCERN_REPORTS_PER_HOUR (default 20)."""
    limit = getattr(settings, "AIMS_CONCERN_REPORTS_PER_HOUR", 20)
    key = f"people:concern-reports:{sha256_hex(token)}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > limit


def link_for(token: str) -> PublicConcernLink:
    link = actions.find_public_link(token)
    if link is None:
        raise Http404("This reporting link is not in use.")
    return link


@never_cache
@csrf_protect
def report(request: HttpRequest, token: str) -> HttpResponse:
    link = link_for(token)
    form = AnonymousConcernForm(request.POST if request.method == "POST" else None)
    context = {"organization_name": link.organization.name, "form": form, "reference": ""}
    status = 200
    if request.method == "POST":
        if rate_limited(token):
            form.add_error(None, "Too many reports through this link just now; please try again in an hour.")
            return render(request, "people/public_report.html", context, status=429)
        status = 422
        if form.is_valid():
            concern, status = attempt(
                form, lambda: actions.report_anonymous_concern(link=link, **form.cleaned_data)
            )
            if concern is not None:
                context["reference"] = concern.reference
                status = 201
    return render(request, "people/public_report.html", context, status=status)
