"""Puts the current organisation (from the URL) and the user's organisations into every template."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

import aims
from aims.organizations import permissions
from aims.organizations.models import Organization

# The navigation follows the standard's clauses (titles are the official ones).
CLAUSE_NAV = [
    ("4", "Context"),
    ("5", "Leadership"),
    ("6", "Planning"),
    ("7", "Support"),
    ("8", "Operation"),
    ("9", "Performance evaluation"),
    ("10", "Improvement"),
]


def organizations(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"aims_version": aims.__version__}
    match = request.resolver_match
    slug = match.kwargs.get("org") if match else None
    current = None
    my_organizations = list(Organization.objects.visible_to(user).only("name", "slug"))
    if slug:
        current = next((org for org in my_organizations if org.slug == slug), None)
    return {
        "aims_version": aims.__version__,
        "clause_nav": CLAUSE_NAV,
        "my_organizations": my_organizations,
        "current_organization": current,
        "current_role": permissions.role_in(user, current) if current else None,
        "can_view_audit_log": bool(current and permissions.can_view_audit_log(user, current)),
        "can_manage_members": bool(current and permissions.can_manage_members(user, current)),
    }
