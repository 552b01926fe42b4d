"""Forms of the internal audit pages. They parse and explain (help from the models); the actions decide and
write. Clauses, controls, AI systems and evidence are typed as references, not picked from long lists."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.evidence.models import Evidence
from aims.internal_audits.actions import AUDIT_FIELDS, PROGRAMME_FIELDS
from aims.internal_audits.models import HELP, AuditProgramme, InternalAudit, Method, Result
from aims.internal_audits.queries import AuditFilter
from aims.internal_audits.scope import SCOPE_KINDS
from aims.organizations.models import Organization, Role

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def refs(text: str) -> list[str]:
    """The references typed in, separated by commas, semicolons or spaces, without repeats."""
    return list(dict.fromkeys(r for r in re.split(r"[,;\s]+", text or "") if r))


def _tidy(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, forms.Textarea):
            field.widget = forms.Textarea(attrs={"rows": 3})
        elif isinstance(field.widget, forms.DateInput):
            field.widget = _DATE


def auditors(organization: Organization) -> Any:
    """Who can audit: every member but viewers."""
    members = User.objects.filter(memberships__organization=organization).exclude(
        memberships__role=Role.VIEWER
    )
    return members.distinct().order_by("email")


def scope_items(wanted: list[str]) -> list[CatalogItem]:
    found = {i.ref.lower(): i for i in CatalogItem.objects.filter(ref__in=wanted, kind__in=SCOPE_KINDS)}
    missing = [ref for ref in wanted if ref.lower() not in found]
    if missing:
        raise forms.ValidationError(f"No clause or Annex A control has the reference {', '.join(missing)}.")
    return [found[ref.lower()] for ref in wanted]


def ai_systems(organization: Organization, wanted: list[str]) -> list[AISystem]:
    records = AISystem.objects.filter(organization=organization, reference__in=wanted)
    found = {s.reference.lower(): s for s in records}
    missing = [ref for ref in wanted if ref.lower() not in found]
    if missing:
        raise forms.ValidationError(
            f"No AI system of this organisation has the reference {', '.join(missing)}."
        )
    return [found[ref.lower()] for ref in wanted]


def evidence(organization: Organization, wanted: list[str]) -> list[Evidence]:
    numbers: dict[int, str] = {}
    for ref in wanted:
        match = re.fullmatch(r"(?i)EV-?(\d+)", ref)
        if match is None:
            raise forms.ValidationError(f"{ref} is not an evidence reference such as EV-0001.")
        numbers[int(match.group(1))] = ref
    found = {e.number: e for e in Evidence.objects.filter(organization=organization, number__in=numbers)}
    missing = [ref for number, ref in numbers.items() if number not in found]
    if missing:
        raise forms.ValidationError(
            f"No evidence of this organisation has the reference {', '.join(missing)}."
        )
    return [found[n] for n in numbers]


class ProgrammeForm(forms.Form):
    def __init__(self, data: Any = None, *, instance: AuditProgramme | None = None) -> None:
        initial = forms.model_to_dict(instance, fields=PROGRAMME_FIELDS) if instance is not None else {}
        super().__init__(data, initial=initial)
        self.fields.update(forms.fields_for_model(AuditProgramme, fields=PROGRAMME_FIELDS))
        self.fields["methods"] = forms.MultipleChoiceField(
            choices=Method.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=HELP["methods"],
        )
        _tidy(self)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class AuditForm(forms.Form):
    def __init__(
        self, data: Any = None, *, organization: Organization, instance: InternalAudit | None = None
    ) -> None:
        initial: dict[str, Any] = {}
        if instance is not None:
            initial = forms.model_to_dict(instance, fields=AUDIT_FIELDS)
            initial["scope_items"] = ", ".join(i.ref for i in instance.scope_items.order_by("position"))
            initial["ai_systems"] = ", ".join(s.reference for s in instance.ai_systems.order_by("reference"))
            initial["team"] = [u.pk for u in instance.team.all()]
        super().__init__(data, initial=initial)
        self.organization = organization
        self.fields.update(forms.fields_for_model(InternalAudit, fields=AUDIT_FIELDS))
        self.fields["scope_items"] = forms.CharField(
            label="Clauses and controls",
            max_length=2000,
            widget=forms.TextInput(attrs={"placeholder": "6, 7, 8, 9, A.6.2.4"}),
            help_text=f"{HELP['scope_items']} Their references, separated by commas.",
        )
        self.fields["ai_systems"] = forms.CharField(
            label="AI systems",
            required=False,
            max_length=2000,
            widget=forms.TextInput(attrs={"placeholder": "AIS-001"}),
            help_text=f"{HELP['ai_systems']} Their references, separated by commas.",
        )
        people = auditors(organization)
        self.fields["team"] = forms.ModelMultipleChoiceField(
            queryset=people, required=False, widget=forms.CheckboxSelectMultiple, help_text=HELP["team"]
        )
        self.fields["team"].label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]
        lead = self.fields["lead_auditor"]
        lead.queryset = people  # type: ignore[attr-defined]
        lead.label_from_instance = lambda u: u.display_name  # type: ignore[attr-defined]
        programme = self.fields["programme"]
        programme.queryset = AuditProgramme.objects.filter(organization=organization)  # type: ignore[attr-defined]
        _tidy(self)

    def clean_scope_items(self) -> list[CatalogItem]:
        return scope_items(refs(self.cleaned_data["scope_items"]))

    def clean_ai_systems(self) -> list[AISystem]:
        return ai_systems(self.organization, refs(self.cleaned_data["ai_systems"]))

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("scope_items", "ai_systems", "team")}

    def relations(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "scope_items": data["scope_items"],
            "ai_systems": data["ai_systems"],
            "team": list(data["team"]),
        }


class ResultForm(forms.Form):
    result = forms.ChoiceField(choices=Result.choices, help_text=HELP["result"])
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=HELP["notes"])
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"placeholder": "EV-0001, EV-0004"}),
        help_text=f"{HELP['evidence']} Their references, separated by commas.",
    )
    evidence_references = forms.CharField(
        label="Other evidence", required=False, max_length=2000, help_text=HELP["evidence_references"]
    )

    def __init__(
        self, data: Any = None, *, organization: Organization, prefix: str | None = None, **kw: Any
    ) -> None:
        super().__init__(data, prefix=prefix, **kw)
        self.organization = organization

    def clean_evidence(self) -> list[Evidence]:
        return evidence(self.organization, refs(self.cleaned_data["evidence"]))


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), help_text=HELP["conclusion"])
    ended_on = forms.DateField(
        label="Fieldwork ended on", required=False, widget=_DATE, help_text="Today if left empty."
    )


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *InternalAudit.Status.choices]
    )
    programme = forms.ModelChoiceField(
        label="Programme", queryset=AuditProgramme.objects.none(), required=False, empty_label="Any programme"
    )

    def __init__(self, data: Any = None, *, organization: Organization) -> None:
        super().__init__(data)
        field = self.fields["programme"]
        field.queryset = AuditProgramme.objects.filter(organization=organization)  # type: ignore[attr-defined]

    def wanted(self) -> AuditFilter:
        if not self.is_bound:
            return AuditFilter()
        data = self.cleaned_data
        programme = data.get("programme")
        return AuditFilter(
            q=(data.get("q") or "").strip(),
            status=data.get("status") or "",
            programme_id=programme.pk if programme else None,
        )
