"""One checklist item: record its result inline (htmx answers with the row), raise a nonconformity."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.internal_audits import actions, permissions
from aims.internal_audits.access import get_item_for_user
from aims.internal_audits.forms import ResultForm
from aims.internal_audits.models import ChecklistItem, Result
from aims.internal_audits.views._common import error_text, run
from aims.lib.errors import ActionError
from aims.web.htmx import is_partial
from aims.web.requests import AuthedRequest


def _row(request: AuthedRequest, item: ChecklistItem, error: str = "", status: int = 200) -> HttpResponse:
    fresh = (
        ChecklistItem.objects.select_related("audit__organization", "nonconformity", "assessed_by")
        .prefetch_related("evidence")
        .get(pk=item.pk)
    )
    context = {
        "organization": fresh.audit.organization,
        "audit": fresh.audit,
        "item": fresh,
        "results": Result.choices,
        "can_conduct": permissions.can_conduct_audit(request.user, fresh.audit),
        "error": error,
    }
    return render(request, "internal_audits/audit_detail.html#item", context, status=status)


@login_required
@require_POST
def item_result(request: AuthedRequest, org: str, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, org, pk, item_pk, permissions.can_work_on_audits)
    form = ResultForm(request.POST, organization=item.audit.organization)
    error, status = "", 200
    if not form.is_valid():
        error, status = " ".join(str(m) for ms in form.errors.values() for m in ms), 422
    else:
        try:
            actions.set_result(actor=request.user, item=item, **form.cleaned_data)
        except (ActionError, ValidationError) as exc:
            error, status = error_text(exc), 422
        except PermissionDenied as exc:
            error, status = str(exc), 403
    if is_partial(request):
        return _row(request, item, error, status)
    if status == 403:
        raise PermissionDenied(error)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"The result of {item.ref} is saved.")
    return redirect(f"{actions.item_url(item)}")


@login_required
@require_POST
def item_nonconformity(request: AuthedRequest, org: str, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, org, pk, item_pk, permissions.can_work_on_audits)
    raised: list[str] = []
    response = run(
        request,
        lambda: raised.append(actions.raise_finding_nonconformity(actor=request.user, item=item).reference),
        f"A nonconformity is raised from {item.ref}.",
        "internal_audits:audit_detail",
        org=org,
        pk=pk,
    )
    if not raised:
        return response
    return redirect(actions.item_url(item))
