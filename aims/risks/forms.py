"""Forms of the risk pages. They parse and explain (help from the models); the actions decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from aims.ai_systems.models import AISystem
from aims.controls.models import Control
from aims.organizations.models import Organization
from aims.risks import queries
from aims.risks.levels import COLOURS, CriteriaSpec, LevelSpec, ScalePoint
from aims.risks.models import HELP, Risk, TreatmentAction

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TEXT = forms.Textarea(attrs={"rows": 3})
FORM_FIELDS = (
    "kind",
    "title",
    "description",
    "risk_source",
    "custom_source",
    "objectives",
    "consequence_organization",
    "consequence_individuals",
    "consequence_society",
    "existing_controls",
    "owner",
    "next_review_on",
)
SYSTEM_HELP = (
    "The reference of the AI system the risk concerns (e.g. AIS-001); leave empty for a risk of the whole "
    "organisation."
)


def system_by_reference(organization: Organization, reference: str) -> AISystem | None:
    if not reference.strip():
        return None
    system = AISystem.objects.filter(organization=organization, reference__iexact=reference.strip()).first()
    if system is None:
        raise ValidationError(f"No AI system {reference.strip()} in {organization.name}.")
    return system


class RiskForm(forms.Form):
    """The description of a risk, with the model's labels and help; ratings change through their own forms."""

    ai_system = forms.CharField(label="AI system", required=False, max_length=40, help_text=SYSTEM_HELP)

    def __init__(self, data: Any = None, *, organization: Organization, instance: Risk | None = None) -> None:
        initial = forms.model_to_dict(instance, fields=FORM_FIELDS) if instance is not None else {}
        if instance is not None and instance.ai_system is not None:
            initial["ai_system"] = instance.ai_system.reference
        super().__init__(data, initial=initial)
        self.organization = organization
        self.fields.update(forms.fields_for_model(Risk, fields=FORM_FIELDS))
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget = _TEXT
            if isinstance(field.widget, forms.DateInput):
                field.widget = _DATE
        self.fields["owner"].queryset = queries.members_of(organization)  # type: ignore[attr-defined]
        self.fields["risk_source"].queryset = queries.risk_sources()  # type: ignore[attr-defined]
        objectives = self.fields["objectives"]
        objectives.queryset = queries.objectives()  # type: ignore[attr-defined]
        objectives.widget = forms.CheckboxSelectMultiple(choices=objectives.choices)  # type: ignore[attr-defined]

    def clean_ai_system(self) -> AISystem | None:
        return system_by_reference(self.organization, self.cleaned_data["ai_system"])

    def values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "objectives"}

    def objectives(self) -> list[Any]:
        return list(self.cleaned_data["objectives"])


def _scale_choices(points: tuple[ScalePoint, ...]) -> list[tuple[int, str]]:
    return [
        (p.value, f"{p.value} · {p.label}: {p.description}" if p.description else p.label) for p in points
    ]


class RatingForm(forms.Form):
    """Likelihood and consequence on the scales of the criteria in force."""

    prefix_name = ""

    def __init__(self, data: Any = None, *, spec: CriteriaSpec, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields[f"{self.prefix_name}likelihood"] = forms.TypedChoiceField(
            label="Likelihood",
            coerce=int,
            choices=_scale_choices(spec.likelihood),
            widget=forms.RadioSelect,
            help_text="How likely the risk is to happen, on the scale of the criteria in force (6.1.2).",
        )
        self.fields[f"{self.prefix_name}consequence"] = forms.TypedChoiceField(
            label="Consequence",
            coerce=int,
            choices=_scale_choices(spec.consequence),
            widget=forms.RadioSelect,
            help_text="How bad it would be for the organisation, individuals or society, at worst (6.1.2).",
        )
        self.fields["note"] = forms.CharField(
            required=False, widget=_TEXT, help_text="Why you rate it so: the evidence or reasoning (8.2)."
        )


class AssessForm(RatingForm):
    pass


class TreatForm(RatingForm):
    prefix_name = "residual_"
    option = forms.ChoiceField(choices=Risk.Option.choices, help_text=HELP["treatment_option"])
    plan = forms.CharField(widget=_TEXT, help_text=HELP["treatment_plan"])

    def __init__(
        self, data: Any = None, *, spec: CriteriaSpec, organization: Organization, **kw: Any
    ) -> None:
        super().__init__(data, spec=spec, **kw)
        self.fields["controls"] = forms.ModelMultipleChoiceField(
            queryset=Control.objects.filter(organization=organization).order_by("position", "reference"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=HELP["controls"],
        )
        self.fields["residual_likelihood"].label = "Residual likelihood"
        self.fields["residual_consequence"].label = "Residual consequence"
        self.fields["residual_likelihood"].help_text = "How likely it is once the treatment works (6.1.3)."
        self.fields["residual_consequence"].help_text = "How bad it would be once the treatment works."
        self.order_fields(["option", "plan", "controls"])


class AcceptForm(forms.Form):
    rationale = forms.CharField(
        widget=_TEXT, help_text="Why the residual risk is acceptable to the organisation (6.1.3)."
    )
    expires_on = forms.DateField(
        label="Acceptance expires on",
        widget=_DATE,
        help_text="When the acceptance lapses and the risk must be looked at again.",
    )


class CloseForm(forms.Form):
    reason = forms.CharField(
        widget=_TEXT,
        help_text="Why the risk is closed: it no longer exists, the system "
        "is retired, it duplicates another risk…",
    )


class ActionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = TreatmentAction
        fields = ("title", "owner", "due_on")
        widgets = {"due_on": _DATE}

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        self.fields["owner"].queryset = queries.members_of(organization)  # type: ignore[attr-defined]


class CompleteForm(forms.Form):
    outcome = forms.CharField(
        required=False, widget=_TEXT, help_text=TreatmentAction._meta.get_field("outcome").help_text
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _scale(text: str) -> tuple[ScalePoint, ...]:
    points = []
    for number, line in enumerate(_lines(text), start=1):
        label, _, description = line.partition(":")
        points.append(ScalePoint(number, label.strip(), description.strip()))
    return tuple(points)


def _levels(text: str) -> tuple[LevelSpec, ...]:
    levels = []
    for rank, line in enumerate(_lines(text), start=1):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 4:
            raise ValidationError(f"Line {rank}: write “key | Label | colour | roles”.")
        roles = tuple(role.strip().lower() for role in parts[3].split(",") if role.strip() not in ("", "-"))
        levels.append(LevelSpec(parts[0].lower(), parts[1], parts[2].lower(), rank, roles))
    return tuple(levels)


class CriteriaForm(forms.Form):
    """A new draft of the criteria, written as lines (the API takes the same as JSON)."""

    likelihood = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6, "class": "criteria"}),
        help_text="One level per line, lowest first, as “Label: what it means”. 3 to 6 levels.",
    )
    consequence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6, "class": "criteria"}),
        help_text="One level per line, lowest first, as “Label: what it means”, for the organisation, "
        "individuals and society. 3 to 6 levels.",
    )
    levels = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5, "class": "criteria"}),
        help_text=f"One risk level per line, lowest first, as “key | Label | colour | roles that may accept "
        f"it”; roles are owner, manager, contributor, or - for never. Colours: {', '.join(COLOURS)}.",
    )
    matrix = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6, "class": "criteria"}),
        help_text="One line per likelihood, from the lowest; on each line the level key for each "
        "consequence, lowest first, separated by spaces.",
    )
    notes = forms.CharField(required=False, widget=_TEXT, help_text="Why these criteria, or what changed.")

    def clean_levels(self) -> tuple[LevelSpec, ...]:
        return _levels(self.cleaned_data["levels"])

    def spec(self) -> CriteriaSpec:
        data = self.cleaned_data
        return CriteriaSpec(
            likelihood=_scale(data["likelihood"]),
            consequence=_scale(data["consequence"]),
            levels=data["levels"],
            matrix=tuple(tuple(line.lower().split()) for line in _lines(data["matrix"])),
        )

    @staticmethod
    def initial_for(spec: CriteriaSpec) -> dict[str, str]:
        def scale(points: tuple[ScalePoint, ...]) -> str:
            return "\n".join(f"{p.label}: {p.description}" if p.description else p.label for p in points)

        return {
            "likelihood": scale(spec.likelihood),
            "consequence": scale(spec.consequence),
            "levels": "\n".join(
                f"{lv.key} | {lv.label} | {lv.colour} | {', '.join(lv.acceptable_by) or '-'}"
                for lv in spec.levels
            ),
            "matrix": "\n".join(" ".join(row) for row in spec.matrix),
        }


def _blank(label: str, choices: Any) -> list[tuple[Any, str]]:
    return [("", label), *choices]


class FilterForm(forms.Form):
    q = forms.CharField(
        required=False, label="Search", max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    status = forms.ChoiceField(
        required=False,
        initial=queries.OPEN,
        choices=[(queries.OPEN, "Open"), *Risk.Status.choices, (queries.ALL, "All")],
    )
    kind = forms.ChoiceField(required=False, choices=_blank("Risks and opportunities", Risk.Kind.choices))
    ai_system = forms.CharField(
        required=False,
        label="AI system",
        max_length=40,
        help_text="Its reference; “-” for organisation-wide risks.",
    )
    level = forms.ChoiceField(required=False, label="Inherent level")
    residual_level = forms.ChoiceField(required=False, label="Residual level")
    owner = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    source = forms.TypedChoiceField(required=False, label="Risk source", coerce=int, empty_value=None)
    due = forms.BooleanField(required=False, label="Due for review")
    likelihood = forms.IntegerField(required=False, min_value=1, max_value=6, widget=forms.HiddenInput)
    consequence = forms.IntegerField(required=False, min_value=1, max_value=6, widget=forms.HiddenInput)
    residual = forms.BooleanField(required=False, widget=forms.HiddenInput)
    sort = forms.ChoiceField(
        required=False,
        choices=[
            c
            for key, label in queries.SORTS.items()
            for c in ((key, label), (f"-{key}", f"{label}, reversed"))
        ],
    )

    def __init__(self, data: Any = None, *, organization: Organization, spec: CriteriaSpec | None) -> None:
        super().__init__(data)
        self.organization = organization
        levels = [(lv.key, lv.label) for lv in spec.levels] if spec else []
        self.fields["level"].choices = _blank("Any", levels)  # type: ignore[attr-defined]
        self.fields["residual_level"].choices = _blank("Any", levels)  # type: ignore[attr-defined]
        owners = [(u.pk, u.display_name) for u in queries.members_of(organization)]
        self.fields["owner"].choices = _blank("Anyone", owners)  # type: ignore[attr-defined]
        sources = [(s.pk, f"{s.ref} {s.title}") for s in queries.risk_sources()]
        self.fields["source"].choices = _blank("Any", sources)  # type: ignore[attr-defined]

    def clean_ai_system(self) -> AISystem | str | None:
        text = self.cleaned_data["ai_system"].strip()
        return "-" if text == "-" else system_by_reference(self.organization, text)

    def risk_filter(self) -> queries.RiskFilter:
        data = self.cleaned_data if self.is_bound else {}
        system = data.get("ai_system")
        return queries.RiskFilter(
            q=(data.get("q") or "").strip(),
            status=data.get("status") or queries.OPEN,
            kind=data.get("kind") or "",
            ai_system_id=system.pk if isinstance(system, AISystem) else None,
            organisation_wide=system == "-",
            level=data.get("level") or "",
            residual_level=data.get("residual_level") or "",
            owner_id=data.get("owner"),
            source_id=data.get("source"),
            due=bool(data.get("due")),
            likelihood=data.get("likelihood"),
            consequence=data.get("consequence"),
            residual=bool(data.get("residual")),
            sort=data.get("sort") or "reference",
        )
