"""The inputs of a management review (9.3.2) gathered by aims, one module per register this app reads
(previous actions, context, risks, incidents, AI policy); other registers register their own providers.

`compile_inputs` asks every registered provider, in agenda order, for its section of the period. Sections are
frozen on a review as JSON (`sections_to_json`) and read back for the page and the minutes
(`sections_from_json`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aims.reviews.registry import Period, ReviewRow, ReviewSection, providers, register_input

if TYPE_CHECKING:
    from aims.organizations.models import Organization

MAX_ROWS = 20


def register_builtin_inputs() -> None:
    """The sections this app answers for (called from ReviewsConfig.ready())."""
    from aims.reviews.inputs import context, incidents, policy, previous_actions, risks

    register_input("previous_actions", previous_actions.section, order=10)
    register_input("context", context.section, order=20)
    register_input("risks", risks.section, order=60)
    register_input("incidents", incidents.section, order=70)
    register_input("policy", policy.section, order=80)


def compile_inputs(organization: Organization, period: Period) -> list[ReviewSection]:
    """Every registered input for the period, in agenda order."""
    return [provider(organization, period) for _key, provider in providers()]


def section_to_json(section: ReviewSection) -> dict[str, Any]:
    return {
        "key": section.key,
        "title": section.title,
        "clause": section.clause,
        "figures": [[label, value] for label, value in section.figures],
        "rows": [
            {"reference": r.reference, "title": r.title, "status": r.status, "url": r.url, "note": r.note}
            for r in section.rows[:MAX_ROWS]
        ],
        "empty": section.empty,
    }


def sections_to_json(sections: list[ReviewSection]) -> list[dict[str, Any]]:
    return [section_to_json(section) for section in sections]


def sections_from_json(data: list[dict[str, Any]]) -> list[ReviewSection]:
    return [
        ReviewSection(
            key=item["key"],
            title=item["title"],
            clause=item["clause"],
            figures=tuple((label, value) for label, value in item.get("figures", [])),
            rows=tuple(ReviewRow(**row) for row in item.get("rows", [])),
            empty=item.get("empty", "Nothing to report for the period."),
        )
        for item in data
    ]
