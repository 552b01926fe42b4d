"""The pages that move a risk on: assess, treat, accept, close, reopen, and the treatment plan's actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.controls.models import ensure_annex_a_controls
from aims.lib.errors import ActionError
from aims.organizations.access import Predicate
from aims.risks import actions, permissions
from aims.risks.access import get_action_for_user, get_risk_for_user
from aims.risks.forms import AcceptForm, ActionForm, AssessForm, CloseForm, CompleteForm, TreatForm
from aims.risks.models import Risk
from aims.web.forms import attempt
from aims.web.requests import AuthedRequest, posted


@dataclass(frozen=True)
class Step:
    title: str
    intro: str
    button: str
    done: str
    perm: Predicate
    form: Callable[[Any, Risk], forms.Form]
    run: Callable[[AuthedRequest, Risk, forms.Form], Risk]


def _spec(risk: Risk) -> Any:
    return actions.ensure_default_criteria(risk.organization).spec()


def _treat_form(data: Any, risk: Risk) -> forms.Form:
    ensure_annex_a_controls(risk.organization)
    initial: dict[str, Any] = {
        "option": risk.treatment_option,
        "plan": risk.treatment_plan,
        "controls": list(risk.controls.all()),
        "residual_likelihood": risk.residual_likelihood,
        "residual_consequence": risk.residual_consequence,
    }
    return TreatForm(data, spec=_spec(risk), organization=risk.organization, initial=initial)


def _treat(request: AuthedRequest, risk: Risk, form: forms.Form) -> Risk:
    data = form.cleaned_data
    return actions.plan_treatment(
        actor=request.user,
        risk=risk,
        option=data["option"],
        plan=data["plan"],
        controls=list(data["controls"]),
        residual_likelihood=data["residual_likelihood"],
        residual_consequence=data["residual_consequence"],
        note=data["note"],
    )


STEPS = {
    "assess": Step(
        title="Assess",
        button="Save the assessment",
        done="is assessed",
        intro="Rate the inherent risk on the scales of the criteria in force: the level follows from the "
        "matrix and is kept with the version of the criteria used (6.1.2, 8.2).",
        perm=permissions.can_edit_risks,
        form=lambda data, risk: AssessForm(
            data, spec=_spec(risk), initial={"likelihood": risk.likelihood, "consequence": risk.consequence}
        ),
        run=lambda request, risk, form: actions.assess_risk(
            actor=request.user,
            risk=risk,
            likelihood=form.cleaned_data["likelihood"],
            consequence=form.cleaned_data["consequence"],
            note=form.cleaned_data["note"],
        ),
    ),
    "treat": Step(
        title="Plan the treatment of",
        button="Save the treatment plan",
        done="has a treatment plan",
        intro="Choose how to treat the risk and the controls that do it (Annex A or your own), then rate the "
        "risk that remains once they work (6.1.3). A new plan must be accepted again.",
        perm=permissions.can_edit_risks,
        form=_treat_form,
        run=_treat,
    ),
    "accept": Step(
        title="Accept the residual risk of",
        button="Accept the residual risk",
        done="is accepted",
        intro="Accept the residual risk on the record, if the criteria allow your role at its level (6.1.3).",
        perm=permissions.can_edit_risks,
        form=lambda data, risk: AcceptForm(data),
        run=lambda request, risk, form: actions.accept_risk(
            actor=request.user,
            risk=risk,
            rationale=form.cleaned_data["rationale"],
            expires_on=form.cleaned_data["expires_on"],
        ),
    ),
    "close": Step(
        title="Close",
        button="Close the risk",
        done="is closed",
        intro="Closing takes the risk off the working register; it stays on the record and can be reopened.",
        perm=permissions.can_close_risks,
        form=lambda data, risk: CloseForm(data),
        run=lambda request, risk, form: actions.close_risk(
            actor=request.user, risk=risk, reason=form.cleaned_data["reason"]
        ),
    ),
}


def _step_view(key: str) -> Callable[..., HttpResponse]:
    step = STEPS[key]

    @login_required
    def view(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
        risk = get_risk_for_user(request.user, org, pk, step.perm)
        form = step.form(posted(request), risk)
        status = 200
        if request.method == "POST":
            status = 422
            if form.is_valid():
                done, status = attempt(form, lambda: step.run(request, risk, form))
                if done is not None:
                    messages.success(request, f"{risk.reference} {step.done}.")
                    return redirect("risks:risk_detail", org=org, pk=pk)
        context = {"organization": risk.organization, "risk": risk, "form": form, "step": step}
        return render(request, "risks/risk_step.html", context, status=status)

    view.__name__ = f"risk_{key}"
    return view


risk_assess = _step_view("assess")
risk_treat = _step_view("treat")
risk_accept = _step_view("accept")
risk_close = _step_view("close")


@login_required
@require_POST
def risk_reopen(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    risk = get_risk_for_user(request.user, org, pk, permissions.can_edit_risks)
    try:
        actions.reopen_risk(actor=request.user, risk=risk, reason=request.POST.get("reason", ""))
    except ActionError as exc:
        messages.error(request, exc.message)
        return redirect("risks:risk_detail", org=org, pk=pk)
    messages.success(request, f"{risk.reference} is reopened.")
    return redirect("risks:risk_detail", org=org, pk=pk)


@login_required
@require_POST
def action_create(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    risk = get_risk_for_user(request.user, org, pk, permissions.can_edit_risks)
    form = ActionForm(request.POST, organization=risk.organization)
    if form.is_valid():
        added, _status = attempt(
            form, lambda: actions.add_treatment_action(actor=request.user, risk=risk, **form.cleaned_data)
        )
        if added is not None:
            messages.success(request, f"The action “{added.title}” is added.")
            return redirect("risks:risk_detail", org=org, pk=pk)
    errors = [str(e) for errors in form.errors.values() for e in errors]
    messages.error(request, "The action is not added: " + " ".join(errors))
    return redirect("risks:risk_detail", org=org, pk=pk)


@login_required
@require_POST
def action_complete(request: AuthedRequest, org: str, pk: int, action_id: int) -> HttpResponse:
    action = get_action_for_user(request.user, org, action_id, permissions.can_edit_risks)
    if action.risk_id != pk:
        raise PermissionDenied("This action belongs to another risk.")
    form = CompleteForm(request.POST)
    form.is_valid()
    try:
        actions.complete_treatment_action(
            actor=request.user, action=action, outcome=form.cleaned_data.get("outcome", "")
        )
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"“{action.title}” is done.")
    return redirect("risks:risk_detail", org=org, pk=pk)
