"""/api/v1/management-reviews: reviews, their gathered inputs, attendees, notes, decisions and actions (9.3).
Writes call the actions; members are named by email, reviews by id, decisions by their number."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.reviews import actions, permissions, queries
from aims.reviews import schemas as s
from aims.reviews.access import get_review_action_for_user, get_review_for_user
from aims.reviews.inputs import compile_inputs
from aims.reviews.minutes_pdf import filename, minutes_pdf
from aims.reviews.models import ManagementReview, ReviewAction, ReviewDecision
from aims.reviews.registry import Period
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["management-reviews"])


def _member(organization: Organization, email: str | None, field: str) -> User | None:
    if not email:
        return None
    found = User.objects.filter(memberships__organization=organization, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError({field: f"No member {email} in {organization.name}."})
    return found


def _fresh(review: ManagementReview) -> ManagementReview:
    related = ("organization", "chair", "minutes_approved_by")
    return ManagementReview.objects.select_related(*related).get(pk=review.pk)


def _fresh_action(action: ReviewAction) -> ReviewAction:
    return ReviewAction.objects.select_related("review", "owner", "decision").get(pk=action.pk)


@router.get("", response=list[s.ReviewOut], summary="The management reviews (9.3), newest first")
@paginate(PagePagination)
def review_list(request: AuthedRequest, filters: Query[s.ReviewQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.reviews_for(organization, filters.status or "").select_related("minutes_approved_by")


@router.post("", response={201: s.ReviewOut}, summary="Plan a management review")
def review_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ReviewIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_reviews
    )
    values = payload.model_dump()
    values["chair"] = _member(organization, values["chair"], "chair")
    created = actions.plan_review(actor=request.user, organization=organization, **values)
    return Status(201, _fresh(created))


@router.get("/inputs", response=s.InputsOut, summary="The inputs aims gathers for any period (9.3.2)")
def inputs_for_period(request: AuthedRequest, period: Query[s.PeriodQuery]) -> Any:
    organization = get_organization_for_user(request.user, period.organization)
    if period.start > period.end:
        raise ValidationError({"end": "The period must end on or after the day it starts."})
    sections = compile_inputs(organization, Period(start=period.start, end=period.end))
    return {
        "frozen": False, "period_start": period.start, "period_end": period.end,
        "sections": [s.SectionOut.of(section) for section in sections],
    }  # fmt: skip


@router.get("/actions", response=list[s.ActionOut], summary="Review actions across reviews")
@paginate(PagePagination)
def action_list(request: AuthedRequest, filters: Query[s.ActionQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    owner = _member(organization, filters.owner, "owner")
    review_id = None
    if filters.review:
        found = ManagementReview.objects.filter(organization=organization, reference__iexact=filters.review)
        review_id = found.values_list("pk", flat=True).first()
        if review_id is None:
            raise ValidationError({"review": f"No review {filters.review} in {organization.name}."})
    wanted = queries.ActionFilter(
        status=filters.status or "", owner_id=owner.pk if owner else None, review_id=review_id
    )
    return queries.actions_for(organization, wanted)


@router.patch("/actions/{action_id}", response=s.ActionOut, summary="Change an open review action")
def action_update(request: AuthedRequest, action_id: int, payload: s.ActionPatch) -> Any:
    action = get_review_action_for_user(request.user, None, action_id, permissions.can_edit_reviews)
    values = payload.model_dump(exclude_unset=True)
    if "owner" in values:
        values["owner"] = _member(action.organization, values["owner"], "owner")
    return _fresh_action(actions.update_review_action(actor=request.user, action=action, changes=values))


@router.post("/actions/{action_id}/complete", response=s.ActionOut, summary="Mark a review action done")
def action_complete(request: AuthedRequest, action_id: int, payload: s.CompleteIn) -> Any:
    action = get_review_action_for_user(request.user, None, action_id, permissions.can_edit_reviews)
    done = actions.complete_review_action(
        actor=request.user, action=action, done_on=payload.done_on, notes=payload.notes
    )
    return _fresh_action(done)


@router.post("/actions/{action_id}/cancel", response=s.ActionOut, summary="Cancel an open review action")
def action_cancel(request: AuthedRequest, action_id: int, payload: s.ReasonIn) -> Any:
    action = get_review_action_for_user(request.user, None, action_id, permissions.can_edit_reviews)
    return _fresh_action(
        actions.cancel_review_action(actor=request.user, action=action, reason=payload.reason)
    )


@router.get("/{review_id}", response=s.ReviewOut, summary="One management review")
def review_detail(request: AuthedRequest, review_id: int) -> Any:
    return get_review_for_user(request.user, None, review_id)


@router.patch("/{review_id}", response=s.ReviewOut, summary="Change the plan of a planned review")
def review_update(request: AuthedRequest, review_id: int, payload: s.ReviewPatch) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_edit_reviews)
    values = payload.model_dump(exclude_unset=True)
    if "chair" in values:
        values["chair"] = _member(review.organization, values["chair"], "chair")
    return _fresh(actions.update_review(actor=request.user, review=review, changes=values))


@router.get("/{review_id}/inputs", response=s.InputsOut, summary="The review's inputs: frozen once held")
def review_inputs(request: AuthedRequest, review_id: int) -> Any:
    review = get_review_for_user(request.user, None, review_id)
    notes = queries.discussions(review)
    return {
        "frozen": review.is_frozen, "sha256": review.inputs_sha256,
        "verifies": queries.inputs_verified(review),
        "period_start": review.period_start, "period_end": review.period_end,
        "sections": [s.SectionOut.of(x, notes.get(x.key, "")) for x in queries.sections(review)],
    }  # fmt: skip


@router.post("/{review_id}/hold", response=s.ReviewOut, summary="Record the meeting as held; freezes inputs")
def review_hold(request: AuthedRequest, review_id: int, payload: s.HoldIn) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_decide_reviews)
    return _fresh(actions.hold_review(actor=request.user, review=review, held_on=payload.held_on))


@router.post("/{review_id}/approve-minutes", response=s.ReviewOut, summary="Approve the minutes")
def review_approve(request: AuthedRequest, review_id: int) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_decide_reviews)
    return _fresh(actions.approve_minutes(actor=request.user, review=review))


@router.post("/{review_id}/cancel", response=s.ReviewOut, summary="Cancel a planned meeting")
def review_cancel(request: AuthedRequest, review_id: int, payload: s.ReasonIn) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_decide_reviews)
    return _fresh(actions.cancel_review(actor=request.user, review=review, reason=payload.reason))


@router.get("/{review_id}/minutes.pdf", summary="The minutes as a PDF")
def review_minutes(request: AuthedRequest, review_id: int) -> HttpResponse:
    review = get_review_for_user(request.user, None, review_id)
    response = HttpResponse(minutes_pdf(queries.minutes(review)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(review, timezone.now())}"'
    return response


@router.get("/{review_id}/attendees", response=list[s.AttendeeOut], summary="Who attended")
def attendee_list(request: AuthedRequest, review_id: int) -> Any:
    review = get_review_for_user(request.user, None, review_id)
    return list(review.attendees.select_related("user").order_by("-is_top_management", "pk"))


@router.post("/{review_id}/attendees", response={201: s.AttendeeOut}, summary="List an attendee")
def attendee_create(request: AuthedRequest, review_id: int, payload: s.AttendeeIn) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_edit_reviews)
    values = payload.model_dump()
    values["user"] = _member(review.organization, values["user"], "user")
    return Status(201, actions.add_attendee(actor=request.user, review=review, **values))


@router.post("/{review_id}/notes", response=s.SectionOut, summary="Write the discussion notes of an input")
def discussion_save(request: AuthedRequest, review_id: int, payload: s.DiscussionIn) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_edit_reviews)
    saved = actions.save_discussion(
        actor=request.user, review=review, section_key=payload.section_key, notes=payload.notes
    )
    section = next(x for x in queries.sections(review) if x.key == saved.section_key)
    return s.SectionOut.of(section, saved.notes)


@router.get("/{review_id}/decisions", response=list[s.DecisionOut], summary="The review's decisions")
def decision_list(request: AuthedRequest, review_id: int) -> Any:
    review = get_review_for_user(request.user, None, review_id)
    return list(review.decisions.order_by("number"))


@router.post("/{review_id}/decisions", response={201: s.DecisionOut}, summary="Record a decision (9.3.3)")
def decision_create(request: AuthedRequest, review_id: int, payload: s.DecisionIn) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_edit_reviews)
    return Status(
        201, actions.record_decision(actor=request.user, review=review, kind=payload.kind, text=payload.text)
    )


@router.get("/{review_id}/actions", response=list[s.ActionOut], summary="The review's actions")
def review_action_list(request: AuthedRequest, review_id: int) -> Any:
    review = get_review_for_user(request.user, None, review_id)
    return list(review.actions.select_related("review", "owner", "decision").order_by("number"))


@router.post("/{review_id}/actions", response={201: s.ActionOut}, summary="Record an action of the review")
def review_action_create(request: AuthedRequest, review_id: int, payload: s.ActionIn) -> Any:
    review = get_review_for_user(request.user, None, review_id, permissions.can_edit_reviews)
    values = payload.model_dump()
    number = values.pop("decision")
    decision = None
    if number is not None:
        decision = ReviewDecision.objects.filter(review=review, number=number).first()
        if decision is None:
            raise ValidationError({"decision": f"{review.reference} has no decision {number}."})
    values["owner"] = _member(review.organization, values["owner"], "owner")
    created = actions.add_review_action(actor=request.user, review=review, decision=decision, **values)
    return Status(201, _fresh_action(created))
