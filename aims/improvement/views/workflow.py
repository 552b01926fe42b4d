"""The steps of a nonconformity (10.2): correction, root cause, corrective actions, verification of
effectiveness, closing and reopening. Each calls one action."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from aims.improvement import actions, permissions
from aims.improvement.access import get_corrective_action, get_nonconformity_for_user
from aims.improvement.forms import (
    CancelActionForm,
    CompleteActionForm,
    CorrectionForm,
    CorrectiveActionForm,
    ReasonForm,
    RootCauseForm,
    VerifyForm,
)
from aims.improvement.models import Nonconformity
from aims.improvement.views._common import button, form_page
from aims.improvement.views.nonconformities import detail_url
from aims.web.requests import AuthedRequest, posted


def _context(nc: Nonconformity, heading: str, intro: str, submit: str) -> dict[str, Any]:
    return {
        "organization": nc.organization,
        "record": nc,
        "heading": heading,
        "intro": intro,
        "submit": submit,
        "cancel_url": detail_url(nc),
    }


def _editable(request: AuthedRequest, org: str, pk: int) -> Nonconformity:
    return get_nonconformity_for_user(request.user, org, pk, permissions.can_edit_nonconformities)


def _decidable(request: AuthedRequest, org: str, pk: int) -> Nonconformity:
    return get_nonconformity_for_user(request.user, org, pk, permissions.can_decide_nonconformities)


def _back(_: Any, nc: Nonconformity) -> str:
    return detail_url(nc)


@login_required
def nonconformity_correction(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = _editable(request, org, pk)
    initial = {
        "correction": nc.correction,
        "corrected_on": nc.corrected_on,
        "corrected_by": nc.corrected_by_id,
    }
    form = CorrectionForm(posted(request), organization=nc.organization, initial=initial)

    def run() -> Nonconformity:
        data = form.cleaned_data
        return actions.record_correction(
            actor=request.user,
            nonconformity=nc,
            correction=data["correction"],
            corrected_on=data["corrected_on"],
            corrected_by=data["corrected_by"],
        )

    context = _context(
        nc,
        f"Immediate correction of {nc.reference}",
        "What was done at once to control and correct the nonconformity and deal with its "
        "consequences (10.2 a)).",
        "Save the correction",
    )
    return form_page(
        request, form, run, done=lambda _: "The correction is recorded.", next_url=detail_url, context=context
    )


@login_required
def nonconformity_cause(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = _editable(request, org, pk)
    form = RootCauseForm(posted(request), initial=RootCauseForm.initial_for(nc))

    def run() -> Nonconformity:
        return actions.record_root_cause(actor=request.user, nonconformity=nc, **form.values())

    context = _context(
        nc,
        f"Root cause of {nc.reference}",
        "Ask why it happened, and why again, until you reach a cause that, removed, stops it happening again "
        "(10.2 b)). Then say whether it could occur elsewhere, and what the AI management system "
        "needs to change.",
        "Save the root cause",
    )
    return form_page(
        request, form, run, done=lambda _: "The root cause is recorded.", next_url=detail_url, context=context
    )


@login_required
def action_add(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = _editable(request, org, pk)
    form = CorrectiveActionForm(posted(request), organization=nc.organization)

    def run() -> Any:
        return actions.add_corrective_action(actor=request.user, nonconformity=nc, **form.values())

    context = _context(
        nc,
        f"Add a corrective action to {nc.reference}",
        "An action that removes the cause (10.2 c)).",
        "Add the action",
    )
    return form_page(
        request,
        form,
        run,
        done=lambda _: "The corrective action is added.",
        next_url=lambda _: detail_url(nc),
        context=context,
    )


@login_required
def action_edit(request: AuthedRequest, org: str, pk: int, action_pk: int) -> HttpResponse:
    nc = _editable(request, org, pk)
    action = get_corrective_action(nc, action_pk)
    form = CorrectiveActionForm(posted(request), organization=nc.organization, instance=action)

    def run() -> Any:
        return actions.update_corrective_action(actor=request.user, action=action, changes=form.values())

    context = _context(nc, f"Change a corrective action of {nc.reference}", "", "Save changes")
    return form_page(
        request,
        form,
        run,
        done=lambda _: "The corrective action is saved.",
        next_url=lambda _: detail_url(nc),
        context=context,
    )


@login_required
def action_complete(request: AuthedRequest, org: str, pk: int, action_pk: int) -> HttpResponse:
    nc = _editable(request, org, pk)
    action = get_corrective_action(nc, action_pk)
    form = CompleteActionForm(posted(request), initial={"notes": action.notes})

    def run() -> Any:
        data = form.cleaned_data
        return actions.complete_corrective_action(
            actor=request.user, action=action, done_on=data["done_on"], notes=data["notes"]
        )

    context = _context(
        nc, f"Complete a corrective action of {nc.reference}", action.description, "Mark it done"
    )
    return form_page(
        request,
        form,
        run,
        done=lambda _: "The corrective action is done.",
        next_url=lambda _: detail_url(nc),
        context=context,
    )


@login_required
def action_cancel(request: AuthedRequest, org: str, pk: int, action_pk: int) -> HttpResponse:
    nc = _editable(request, org, pk)
    action = get_corrective_action(nc, action_pk)
    form = CancelActionForm(posted(request))

    def run() -> Any:
        return actions.cancel_corrective_action(
            actor=request.user, action=action, reason=form.cleaned_data["reason"]
        )

    context = _context(
        nc, f"Cancel a corrective action of {nc.reference}", action.description, "Cancel the action"
    )
    return form_page(
        request,
        form,
        run,
        done=lambda _: "The corrective action is cancelled.",
        next_url=lambda _: detail_url(nc),
        context=context,
    )


@login_required
@require_POST
def nonconformity_request_verification(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = _editable(request, org, pk)
    run = lambda: actions.request_verification(actor=request.user, nonconformity=nc)  # noqa: E731
    return button(request, run, f"{nc.reference} awaits verification of effectiveness.", detail_url(nc))


@login_required
def nonconformity_verify(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = _decidable(request, org, pk)
    form = VerifyForm(posted(request))

    def run() -> Any:
        data = form.cleaned_data
        return actions.verify_effectiveness(
            actor=request.user,
            nonconformity=nc,
            outcome=data["outcome"],
            notes=data["notes"],
            checked_on=data["checked_on"],
        )

    def said(check: Any) -> str:
        if check.is_effective:
            return f"Verified effective: {nc.reference} can be closed."
        return f"Verified not effective: {nc.reference} is back under corrective action."

    context = _context(
        nc,
        f"Verify the effectiveness of {nc.reference}",
        "Check that the corrective actions removed the cause (10.2 d)): look at the records since, "
        "and whether the nonconformity came back. You must not own the nonconformity or any of its "
        "corrective actions.",
        "Record the verification",
    )
    return form_page(request, form, run, done=said, next_url=lambda _: detail_url(nc), context=context)


@login_required
@require_POST
def nonconformity_close(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = _decidable(request, org, pk)
    run = lambda: actions.close_nonconformity(actor=request.user, nonconformity=nc)  # noqa: E731
    return button(request, run, f"{nc.reference} is closed.", detail_url(nc))


@login_required
@require_POST
def nonconformity_reopen(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    nc = _decidable(request, org, pk)
    form = ReasonForm(request.POST, prefix="reopen")
    reason = form.data.get("reopen-reason", "")
    run = lambda: actions.reopen_nonconformity(actor=request.user, nonconformity=nc, reason=reason)  # noqa: E731
    return button(request, run, f"{nc.reference} is reopened.", detail_url(nc))
