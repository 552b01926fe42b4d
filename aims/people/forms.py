"""Forms of the people pages; each field says in plain words what it is for and which clause it serves."""

from __future__ import annotations

from typing import Any

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.organizations.models import Organization
from aims.people import queries
from aims.people.models import AIMSRole, Competence, Concern, RaciEntry


class RoleFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    area = forms.ChoiceField(
        label="Area", required=False, choices=[("", "All areas"), *AIMSRole.Area.choices]
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(k, v) for key, v in queries.ROLE_SORTS.items() for k in (key, f"-{key}")],
        widget=forms.HiddenInput,
    )

    def role_filter(self) -> queries.RoleFilter:
        data = self.cleaned_data if self.is_bound else {}
        return queries.RoleFilter(
            q=(data.get("q") or "").strip(),
            area=data.get("area") or "",
            sort=data.get("sort") or queries.DEFAULT_ROLE_SORT,
        )


class RoleForm(forms.Form):
    name = forms.CharField(max_length=200, help_text=AIMSRole._meta.get_field("name").help_text)
    area = forms.ChoiceField(
        choices=AIMSRole.Area.choices, help_text=AIMSRole._meta.get_field("area").help_text
    )
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="Why the role exists."
    )
    responsibilities = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the holder must do and answer for: clause 5.3 asks top management to assign them.",
    )
    authorities = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the holder may decide or approve on their own (5.3, A.3.2).",
    )
    competences = forms.ModelMultipleChoiceField(
        queryset=Competence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Competences the holder needs (7.2 a); the competence matrix shows who lacks them.",
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competences"].queryset = Competence.objects.filter(organization=organization)  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(role: AIMSRole) -> dict[str, Any]:
        return {
            "name": role.name,
            "area": role.area,
            "description": role.description,
            "responsibilities": role.responsibilities,
            "authorities": role.authorities,
            "competences": list(role.competences.all()),
        }


class MemberChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.email)


class AssignmentForm(forms.Form):
    user = MemberChoiceField(
        queryset=User.objects.none(), label="Person", help_text="The member who takes on the role (5.3)."
    )
    since = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), help_text="The day they took it on."
    )
    until = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty while they hold it.",
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = User.objects.filter(memberships__organization=organization).order_by("email")
        self.fields["user"].queryset = members  # type: ignore[attr-defined]


class EndAssignmentForm(forms.Form):
    until = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), help_text="The last day they held the role."
    )


class RaciForm(forms.Form):
    role = forms.ModelChoiceField(queryset=AIMSRole.objects.none(), help_text="The AIMS role (A.3.2).")
    letter = forms.ChoiceField(
        choices=RaciEntry.Letter.choices,
        help_text="R does the work, A answers for it (exactly one per subject), C is asked, I is told.",
    )
    process = forms.CharField(
        required=False, max_length=200, help_text='For a process: its name, such as "AI risk assessment".'
    )
    control = forms.ModelChoiceField(
        queryset=CatalogItem.objects.filter(kind=CatalogItem.Kind.CONTROL),
        required=False,
        help_text="For a control: the Annex A control.",
    )
    ai_system = forms.ModelChoiceField(
        queryset=AISystem.objects.none(), required=False, label="AI system", help_text="For an AI system."
    )

    def __init__(self, *args: Any, organization: Organization, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        subject_field = {"process": "process", "control": "control", "system": "ai_system"}[kind]
        for name in {"process", "control", "ai_system"} - {subject_field}:
            del self.fields[name]
        self.fields[subject_field].required = True
        self.fields["role"].queryset = AIMSRole.objects.filter(organization=organization)  # type: ignore[attr-defined]
        if "ai_system" in self.fields:
            systems = AISystem.objects.filter(organization=organization)
            self.fields["ai_system"].queryset = systems  # type: ignore[attr-defined]


class ConcernFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Concern.Status.choices]
    )
    category = forms.ChoiceField(
        label="Category", required=False, choices=[("", "Any category"), *Concern.Category.choices]
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(k, v) for key, v in queries.CONCERN_SORTS.items() for k in (key, f"-{key}")],
        widget=forms.HiddenInput,
    )

    def concern_filter(self) -> queries.ConcernFilter:
        data = self.cleaned_data if self.is_bound else {}
        return queries.ConcernFilter(
            q=(data.get("q") or "").strip(),
            status=data.get("status") or "",
            category=data.get("category") or "",
            sort=data.get("sort") or queries.DEFAULT_CONCERN_SORT,
        )


class AnonymousConcernForm(forms.Form):
    category = forms.ChoiceField(
        choices=Concern.Category.choices,
        help_text="Pick the closest; the investigator can change nothing you wrote.",
    )
    description = forms.CharField(
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What happened or what worries you: which AI system, when, who was affected. "
        "Leave out anything that would identify you if you want to stay anonymous (A.3.3).",
    )


class ConcernForm(AnonymousConcernForm):
    ai_system = forms.ModelChoiceField(
        queryset=AISystem.objects.none(),
        required=False,
        label="AI system",
        help_text="The system it is about, if you know it.",
    )
    is_confidential = forms.BooleanField(
        required=False,
        initial=True,
        label="Keep my name confidential",
        help_text="Only owners and managers will see that you reported it (A.3.3 asks to protect reporters).",
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        systems = AISystem.objects.filter(organization=organization)
        self.fields["ai_system"].queryset = systems  # type: ignore[attr-defined]


class AssignInvestigatorForm(forms.Form):
    investigator = MemberChoiceField(
        queryset=User.objects.none(),
        help_text="The member who looks into it; they will see the concern (A.3.3).",
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = User.objects.filter(memberships__organization=organization).order_by("email")
        self.fields["investigator"].queryset = members  # type: ignore[attr-defined]


class CloseConcernForm(forms.Form):
    outcome = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the investigation found and what was done about it (A.3.3).",
    )
