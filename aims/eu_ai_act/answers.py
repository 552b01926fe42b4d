"""Checking a set of answers against the questionnaire, and comparing two sets.

`clean_answers` is the one gate every door goes through (form, API, code): unknown question ids, answers
of the wrong shape, unknown options and missing answers are refused with a message per question; answers
to questions that were not asked (their `depends_on` answer is no or empty) are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from aims.eu_ai_act.questions import QUESTION_BY_ID, QUESTIONS, SECTIONS, Kind, Question, answer_label

Answer = bool | list[str]
Answers = dict[str, Answer]


def is_asked(question: Question, answers: Mapping[str, Any]) -> bool:
    """A question is asked when it depends on nothing, or its parent was answered yes or ticked."""
    return not question.depends_on or bool(answers.get(question.depends_on))


def _clean_one(question: Question, value: Any) -> Answer:
    if question.kind == Kind.YES_NO:
        if not isinstance(value, bool):
            raise ValidationError("Answer yes or no (true or false).")
        return value
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError("Give a list of option ids; an empty list means none of them.")
    unknown = sorted({item for item in value if question.option(item) is None})
    if unknown:
        raise ValidationError(f"Unknown option(s): {', '.join(unknown)}.")
    return [option.id for option in question.options if option.id in value]


def clean_answers(raw: Any) -> Answers:
    """The answers, checked and normalised (options in questionnaire order), or a ValidationError."""
    if not isinstance(raw, Mapping):
        raise ValidationError({"answers": "Give the answers as an object of question id to answer."})
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(raw) - set(QUESTION_BY_ID))
    if unknown:
        errors["answers"] = [f"Unknown question id(s): {', '.join(map(str, unknown))}."]
    cleaned: Answers = {}
    for question in QUESTIONS:  # in order, so a parent is cleaned before the questions that depend on it
        if not is_asked(question, cleaned):
            continue
        if raw.get(question.id) is None:
            errors[question.id] = ["Answer this question."]
            continue
        try:
            cleaned[question.id] = _clean_one(question, raw[question.id])
        except ValidationError as exc:
            errors[question.id] = exc.messages
    if errors:
        raise ValidationError(errors)
    return cleaned


@dataclass(frozen=True)
class AnswerChange:
    question: Question
    before: str
    after: str


def diff_answers(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[AnswerChange]:
    """The questions whose answers differ, in questionnaire order, with both answers in words."""
    return [
        AnswerChange(q, answer_label(q, before.get(q.id)), answer_label(q, after.get(q.id)))
        for q in QUESTIONS
        if before.get(q.id) != after.get(q.id)
    ]


@dataclass(frozen=True)
class AnsweredQuestion:
    question: Question
    answer: str


def answered(answers: Mapping[str, Any]) -> list[tuple[str, list[AnsweredQuestion]]]:
    """The answers in words, grouped by section title, for the result page."""
    groups = []
    for section in SECTIONS:
        rows = [
            AnsweredQuestion(q, answer_label(q, answers[q.id])) for q in section.questions if q.id in answers
        ]
        groups.append((section.title, rows))
    return groups
