"""/api/v1/readiness: whether the AIMS would pass certification, per clause and per rule, for any member;
the thresholds it judges by (owners and managers change them); and its daily trend."""

from __future__ import annotations

from typing import Any

from ninja import Query, Router

from aims.organizations.access import get_organization_for_user
from aims.readiness import actions, engine, queries
from aims.readiness import schemas as s
from aims.readiness.permissions import can_change_readiness_settings, can_view_readiness
from aims.web.api import errors
from aims.web.requests import AuthedRequest

router = Router(tags=["readiness"])


@router.get("", response={200: s.ReadinessOut, **errors(404, 422)}, summary="Readiness of an organisation")
def readiness_detail(request: AuthedRequest, filters: Query[s.ReadinessQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization, require=can_view_readiness)
    data = engine.evaluate(organization).as_dict()
    data["rules"] = queries.filter_rules(
        data["rules"], stage=filters.stage, clause=filters.clause, failing=filters.failing
    )
    return data


@router.get(
    "/clauses/{ref}", response={200: s.ClauseOut, **errors(404, 422)}, summary="One clause and its rules"
)
def clause_detail(request: AuthedRequest, ref: str, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_view_readiness)
    return queries.clause_dict(engine.evaluate(organization), ref)


@router.get("/rules/{rule_id}", response={200: s.RuleOut, **errors(404, 422)}, summary="One rule's result")
def rule_detail(request: AuthedRequest, rule_id: str, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_view_readiness)
    return queries.rule_dict(engine.evaluate(organization), rule_id)


@router.get("/settings", response={200: s.SettingsOut, **errors(404, 422)}, summary="The thresholds")
def settings_detail(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_view_readiness)
    return engine.settings_for(organization)


@router.patch(
    "/settings", response={200: s.SettingsOut, **errors(403, 404, 422)}, summary="Change the thresholds"
)
def settings_update(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.SettingsPatch
) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=can_change_readiness_settings
    )
    return actions.update_readiness_settings(
        actor=request.user, organization=organization, **payload.dict(exclude_unset=True)
    )


@router.get(
    "/snapshots",
    response={200: list[s.SnapshotOut], **errors(404, 422)},
    summary="The daily trend, oldest first",
)
def snapshot_list(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_view_readiness)
    return queries.trend(organization)
