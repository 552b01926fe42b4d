"""The questionnaire form (built from the questions' data) and the list's filter form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from aims.eu_ai_act.answers import Answers
from aims.eu_ai_act.models import OPERATOR_ROLE_HELP, RISK_CLASS_CHOICES, Classification, OperatorRole
from aims.eu_ai_act.queries import SYSTEM_SORT_LABELS, UNCLASSIFIED, SystemFilter
from aims.eu_ai_act.questions import QUESTIONS, SECTIONS, Kind, Question, Section

YES, NO, NONE = "yes", "no", "none"
ANSWER_THIS = "Answer this question."


def _help(question: Question) -> str:
    articles = ", ".join(f"Art. {a}" if a[0].isdigit() else a for a in question.articles)
    return f"{question.help} (EU AI Act {articles})"


def _option_label(label: str, article: str, help_text: str) -> str:
    text = f"{label} ({article})"
    return f"{text}. {help_text}" if help_text else text


def question_field(question: Question) -> forms.Field:
    """A form field for one question; questions asked only after another answer are optional here (the
    action checks them against the answers they depend on)."""
    required = not question.depends_on
    errors = {"required": ANSWER_THIS}
    if question.kind == Kind.YES_NO:
        return forms.ChoiceField(
            label=question.text,
            help_text=_help(question),
            choices=[(YES, "Yes"), (NO, "No")],
            widget=forms.RadioSelect,
            required=required,
            error_messages=errors,
        )
    choices = [(o.id, _option_label(o.label, o.article, o.help)) for o in question.options]
    return forms.MultipleChoiceField(
        label=question.text,
        help_text=_help(question),
        choices=[*choices, (NONE, "None of these")],
        widget=forms.CheckboxSelectMultiple,
        required=required,
        error_messages={"required": "Tick what applies, or 'None of these'."},
    )


@dataclass(frozen=True)
class FormSection:
    section: Section
    number: int
    questions: list[tuple[Question, forms.BoundField]]


class QuestionnaireForm(forms.Form):
    operator_role = forms.ChoiceField(
        label="Your role for this system",
        choices=[(role, f"{OperatorRole(role).label}: {text}") for role, text in OPERATOR_ROLE_HELP.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose your role for this system."},
        help_text="The Act puts different duties on each role (EU AI Act: Article 3(3)-(7); ISO/IEC 42001 "
        "clause 4.1 and control A.10.2).",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question.id] = question_field(question)

    def sections(self) -> list[FormSection]:
        return [
            FormSection(section, number, [(question, self[question.id]) for question in section.questions])
            for number, section in enumerate(SECTIONS, start=1)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for question in QUESTIONS:
            ticked = cleaned.get(question.id) or []
            if question.kind == Kind.MULTI and NONE in ticked and len(ticked) > 1:
                self.add_error(question.id, "You ticked 'None of these' together with other answers.")
        return cleaned

    def answers(self) -> Answers:
        """The answers as the action takes them: unanswered questions are left out."""
        answers: Answers = {}
        for question in QUESTIONS:
            value = self.cleaned_data.get(question.id)
            if question.kind == Kind.YES_NO and value in (YES, NO):
                answers[question.id] = value == YES
            elif question.kind == Kind.MULTI and value:
                answers[question.id] = [item for item in value if item != NONE]
        return answers


def initial_from(classification: Classification | None) -> dict[str, Any]:
    """The form's starting values: the current classification's answers, to change what has changed."""
    if classification is None:
        return {}
    initial: dict[str, Any] = {"operator_role": classification.declared_role}
    for question in QUESTIONS:
        value = classification.answers.get(question.id)
        if value is None:
            continue
        if question.kind == Kind.YES_NO:
            initial[question.id] = YES if value else NO
        else:
            initial[question.id] = list(value) or [NONE]
    return initial


class SystemFilterForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Name or reference"}),
    )
    risk_class = forms.ChoiceField(
        label="Class",
        required=False,
        choices=[("", "Any class"), (UNCLASSIFIED, "Not classified yet"), *RISK_CLASS_CHOICES],
    )
    operator_role = forms.ChoiceField(
        label="Your role", required=False, choices=[("", "Any role"), *OperatorRole.choices]
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=list(SYSTEM_SORT_LABELS.items()))

    def system_filter(self) -> SystemFilter:
        data = self.cleaned_data
        return SystemFilter(
            q=data.get("q", "").strip(),
            risk_class=data.get("risk_class", ""),
            operator_role=data.get("operator_role", ""),
            sort=data.get("sort") or "name",
        )
