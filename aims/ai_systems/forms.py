"""Forms of the AI system pages. They parse and explain; the actions decide and write."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import EDITABLE_FIELDS, HELP, AISystem, LifecycleStage
from aims.ai_systems.queries import ALL_STATUSES, ANY_CURRENT, SORTS, UNCLASSIFIED, SystemFilter
from aims.organizations.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_SHORT_TEXT = forms.Textarea(attrs={"rows": 3})

FIELDSETS = (
    ("What it is", ("reference", "name", "purpose", "description")),
    (
        "How it is used and who it affects",
        ("intended_use", "foreseeable_misuse", "affected_parties", "automation_level", "human_oversight"),
    ),
    (
        "Where it stands",
        ("ai_roles", "lifecycle_stage", "deployment_environment", "in_scope", "business_unit"),
    ),
    ("Accountability", ("owner", "status", "next_review_on")),
)


def _blank(label: str, choices: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", label), *choices]


class AISystemForm(forms.Form):
    """Registering (with a starting stage) or editing (stage changes have their own form) a system."""

    reference = forms.CharField(max_length=40, required=False, help_text=HELP["reference"])
    name = forms.CharField(max_length=200, help_text=HELP["name"])
    purpose = forms.CharField(widget=_SHORT_TEXT, help_text=HELP["purpose"])
    description = forms.CharField(widget=_SHORT_TEXT, required=False, help_text=HELP["description"])
    intended_use = forms.CharField(widget=_SHORT_TEXT, required=False, help_text=HELP["intended_use"])
    foreseeable_misuse = forms.CharField(
        widget=_SHORT_TEXT,
        required=False,
        label="Reasonably foreseeable misuse",
        help_text=HELP["foreseeable_misuse"],
    )
    affected_parties = forms.CharField(
        widget=_SHORT_TEXT,
        required=False,
        label="Affected people and groups",
        help_text=HELP["affected_parties"],
    )
    automation_level = forms.ChoiceField(
        choices=_blank("Not stated yet", AISystem.Automation.choices),
        required=False,
        label="Level of automation",
        help_text=HELP["automation_level"],
    )
    human_oversight = forms.CharField(
        widget=_SHORT_TEXT,
        required=False,
        label="Human oversight in place",
        help_text=HELP["human_oversight"],
    )
    ai_roles = forms.MultipleChoiceField(
        choices=Organization.AIRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Your roles for this system",
        help_text=HELP["ai_roles"],
    )
    lifecycle_stage = forms.ChoiceField(
        choices=LifecycleStage.choices,
        initial=LifecycleStage.INCEPTION,
        label="Life-cycle stage",
        help_text=HELP["lifecycle_stage"],
    )
    deployment_environment = forms.ChoiceField(
        choices=_blank("Not stated yet", AISystem.Environment.choices),
        required=False,
        help_text=HELP["deployment_environment"],
    )
    in_scope = forms.BooleanField(
        required=False, initial=True, label="Inside the AIMS scope", help_text=HELP["in_scope"]
    )
    business_unit = forms.CharField(max_length=120, required=False, help_text=HELP["business_unit"])
    owner = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="No owner yet", help_text=HELP["owner"]
    )
    status = forms.ChoiceField(
        choices=[(AISystem.Status.DRAFT, "Draft"), (AISystem.Status.ACTIVE, "Active")],
        initial=AISystem.Status.ACTIVE,
        help_text=HELP["status"],
    )
    next_review_on = forms.DateField(
        required=False, widget=_DATE, label="Next review", help_text=HELP["next_review_on"]
    )

    def __init__(self, *args: Any, organization: Organization, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            memberships__organization=organization
        ).order_by("full_name", "email")
        if editing:
            del self.fields["lifecycle_stage"]
            self.fields["reference"].required = True
            self.fields["reference"].help_text = (
                "Your identifier for the system, unique in the organisation, so that risks, assessments and "
                "audits can refer to it (A.4.2: the inventory)."
            )

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names if name in self.fields]) for title, names in FIELDSETS]

    @staticmethod
    def initial_for(system: AISystem) -> dict[str, Any]:
        return {name: getattr(system, name) for name in EDITABLE_FIELDS}


class StageChangeForm(forms.Form):
    stage = forms.ChoiceField(
        choices=LifecycleStage.choices,
        label="New stage",
        help_text=(
            "The stage the system moves to (A.6.2). Deployment and retirement need an owner or manager, who "
            "is recorded as approving the move (A.6.2.5)."
        ),
    )
    note = forms.CharField(
        widget=_SHORT_TEXT,
        required=False,
        help_text="Why it moves now: the test results, the release decision, the reason for retiring it.",
    )


class ArchiveForm(forms.Form):
    reason = forms.CharField(
        max_length=500,
        required=False,
        help_text="Why the system leaves the inventory (kept in the audit trail).",
    )


class SystemFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Reference, name or purpose"}),
    )
    stage = forms.ChoiceField(required=False, choices=_blank("Any stage", LifecycleStage.choices))
    risk_class = forms.ChoiceField(
        required=False,
        label="EU AI Act class",
        choices=_blank(
            "Any class",
            [(UNCLASSIFIED, "Not classified"), *(c for c in AISystem.RiskClass.choices if c[0])],
        ),
    )
    in_scope = forms.ChoiceField(
        required=False,
        label="AIMS scope",
        choices=[("", "In or out of scope"), ("yes", "In scope"), ("no", "Out of scope")],
    )
    owner = forms.ChoiceField(required=False)
    status = forms.ChoiceField(
        required=False,
        choices=[
            (ANY_CURRENT, "Draft and active"),
            (AISystem.Status.DRAFT, "Draft"),
            (AISystem.Status.ACTIVE, "Active"),
            (AISystem.Status.ARCHIVED, "Archived"),
            (ALL_STATUSES, "Any status"),
        ],
    )
    due = forms.BooleanField(required=False, label="Due for review")
    sort = forms.ChoiceField(
        required=False,
        label="Sort by",
        choices=[
            choice
            for key, label in SORTS.items()
            for choice in ((key, label), (f"-{key}", f"{label}, reversed"))
        ],
    )

    def __init__(self, *args: Any, members: Iterable[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _blank(  # type: ignore[attr-defined]
            "Anyone", ((str(user.pk), user.display_name) for user in members)
        )

    def system_filter(self) -> SystemFilter:
        data = self.cleaned_data if self.is_bound else {}
        scope = data.get("in_scope") or ""
        owner = data.get("owner") or ""
        return SystemFilter(
            q=(data.get("q") or "").strip(),
            stage=data.get("stage") or "",
            risk_class=data.get("risk_class") or "",
            in_scope={"yes": True, "no": False}.get(scope),
            owner_id=int(owner) if owner else None,
            status=data.get("status") or ANY_CURRENT,
            due_for_review=bool(data.get("due")),
            sort=data.get("sort") or "name",
        )
