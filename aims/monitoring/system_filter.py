"""Which AI systems a computed metric counts: the filters of the AI system register (EU AI Act class, scope,
life-cycle stage, owner), kept on the metric as a small JSON object such as

    {"risk_class": ["high"], "lifecycle_stage": ["deployment", "operation_monitoring"], "in_scope": true,
     "owner": 12}

`parse` validates what a person or a tool gave (each error names its field, e.g. `computed_filter.owner`);
`SystemFilter.q` turns it into a condition on AI systems, or on records that point to one
(`q("ai_system__")` for risks); `SystemFilter.describe` says it in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q

from aims.ai_systems.models import AISystem, LifecycleStage
from aims.organizations.models import Membership

FIELD = "computed_filter"
KEYS = ("risk_class", "lifecycle_stage", "in_scope", "owner")
CLASS_WORDS = {
    AISystem.RiskClass.PROHIBITED: "prohibited-practice",
    AISystem.RiskClass.HIGH: "high-risk",
    AISystem.RiskClass.LIMITED: "limited-risk",
    AISystem.RiskClass.MINIMAL: "minimal-risk",
    AISystem.RiskClass.UNCLASSIFIED: "unclassified",
}
STAGE_WORDS = {stage.value: stage.label.lower() for stage in LifecycleStage}
NOT_ABOUT_SYSTEMS = "This metric does not concern AI systems; it cannot be filtered by them."
ONLY_COMPUTED = "Only a metric computed by aims can be filtered by AI systems."


@dataclass(frozen=True)
class SystemFilter:
    """The AI systems counted. Empty choices and None mean "not filtered" by that field."""

    risk_class: tuple[str, ...] = ()
    lifecycle_stage: tuple[str, ...] = ()
    in_scope: bool | None = None
    owner: int | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.risk_class or self.lifecycle_stage) and self.in_scope is None and self.owner is None

    def as_json(self) -> dict[str, Any]:
        """The stored form: only the fields that filter, choices in their register order."""
        data: dict[str, Any] = {}
        if self.risk_class:
            data["risk_class"] = list(self.risk_class)
        if self.lifecycle_stage:
            data["lifecycle_stage"] = list(self.lifecycle_stage)
        if self.in_scope is not None:
            data["in_scope"] = self.in_scope
        if self.owner is not None:
            data["owner"] = self.owner
        return data

    def q(self, prefix: str = "", *, in_scope_default: bool | None = None) -> Q:
        """The condition on AI systems, with a path prefix for records pointing to one ("ai_system__").
        Scope follows the filter, else `in_scope_default` (None: either)."""
        condition = Q()
        if self.risk_class:
            condition &= Q(**{f"{prefix}risk_class__in": self.risk_class})
        if self.lifecycle_stage:
            condition &= Q(**{f"{prefix}lifecycle_stage__in": self.lifecycle_stage})
        in_scope = self.in_scope if self.in_scope is not None else in_scope_default
        if in_scope is not None:
            condition &= Q(**{f"{prefix}in_scope": in_scope})
        if self.owner is not None:
            condition &= Q(**{f"{prefix}owner_id": self.owner})
        return condition

    def describe(self, owner_name: str | None = None, *, in_scope_default: bool | None = None) -> str:
        """In words: "high-risk AI systems in scope, in deployment or operation and monitoring, owned by
        Ann"."""
        classes = _either([CLASS_WORDS[AISystem.RiskClass(c)] for c in self.risk_class])
        said = [f"{classes} AI systems" if classes else "AI systems"]
        in_scope = self.in_scope if self.in_scope is not None else in_scope_default
        if in_scope is not None:
            said.append("in scope" if in_scope else "outside the AIMS scope")
        if self.lifecycle_stage:
            said.append(f"in {_either([STAGE_WORDS[s] for s in self.lifecycle_stage])}")
        if self.owner is not None:
            said.append(f"owned by {owner_name or f'member #{self.owner}'}")
        if len(said) == 1:
            return said[0] if classes else "all AI systems"
        return f"{said[0]} {', '.join(said[1:])}"


NO_FILTER = SystemFilter()


def _either(words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _choices(value: object, allowed: list[str], name: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError({f"{FIELD}.{name}": f"Give the {what} as a list of names."})
    unknown = sorted({v for v in values if v not in allowed})
    if unknown:
        known = ", ".join(f"{v!r}" if v else "'' (not classified)" for v in allowed)
        raise ValidationError(
            {f"{FIELD}.{name}": f"Unknown {what}: {', '.join(map(repr, unknown))}. Choose from {known}."}
        )
    return tuple(v for v in allowed if v in values)


def _in_scope(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValidationError(
        {f"{FIELD}.in_scope": "Say true (only systems in scope) or false (only systems outside it)."}
    )


def _owner(value: object, organization_id: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({f"{FIELD}.owner": "Give the owner as the id of a member."})
    if not Membership.objects.filter(organization_id=organization_id, user_id=value).exists():
        raise ValidationError({f"{FIELD}.owner": "The owner must be a member of this organisation."})
    return value


def parse(data: object, organization_id: int) -> SystemFilter:
    """Validate a filter given for a metric of the organisation; a ValidationError names the field."""
    if data is None:
        return NO_FILTER
    if not isinstance(data, dict):
        raise ValidationError({FIELD: 'Give the filter as an object, such as {"risk_class": ["high"]}.'})
    unknown = sorted(set(map(str, data)) - set(KEYS))
    if unknown:
        raise ValidationError(
            {FIELD: f"Unknown filter field(s): {', '.join(unknown)}. Filter by {', '.join(KEYS)}."}
        )
    return SystemFilter(
        risk_class=_choices(
            data.get("risk_class"), AISystem.RiskClass.values, "risk_class", "EU AI Act class"
        ),
        lifecycle_stage=_choices(
            data.get("lifecycle_stage"), LifecycleStage.values, "lifecycle_stage", "life-cycle stage"
        ),
        in_scope=_in_scope(data.get("in_scope")),
        owner=_owner(data.get("owner"), organization_id),
    )


def from_stored(data: object) -> SystemFilter:
    """A filter as stored on a metric (validated when it was written); anything unreadable is ignored."""
    if not isinstance(data, dict) or not data:
        return NO_FILTER
    classes, stages = data.get("risk_class") or [], data.get("lifecycle_stage") or []
    in_scope, owner = data.get("in_scope"), data.get("owner")
    return SystemFilter(
        risk_class=tuple(c for c in AISystem.RiskClass.values if c in classes),
        lifecycle_stage=tuple(s for s in LifecycleStage.values if s in stages),
        in_scope=in_scope if isinstance(in_scope, bool) else None,
        owner=owner if isinstance(owner, int) and not isinstance(owner, bool) else None,
    )
