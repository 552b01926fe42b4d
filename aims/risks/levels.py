"""Risk criteria as plain data, and the level calculation: a pure function of criteria and a rating (6.1.1).

`CriteriaSpec` is what a criteria version says: two scales, the levels with their acceptance rules, and the
matrix from (likelihood, consequence) to a level. It is built from the database rows (`RiskCriteria.spec()`)
or from a form or API payload, and checked by `check_spec` before any version is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

MIN_LEVELS, MAX_LEVELS = 3, 6
COLOURS = ("green", "yellow", "orange", "red", "purple", "blue", "grey")
ACCEPTING_ROLES = ("owner", "manager", "contributor")  # auditors stay independent; viewers only read


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str
    description: str = ""


@dataclass(frozen=True)
class LevelSpec:
    key: str
    label: str
    colour: str
    rank: int  # 1 = lowest
    acceptable_by: tuple[str, ...] = ()  # empty: never acceptable

    @property
    def is_acceptable(self) -> bool:
        return bool(self.acceptable_by)

    def rule(self) -> str:
        """The acceptance rule in words: "High residual risk can only be accepted by an owner."."""
        if not self.acceptable_by:
            return f"{self.label} residual risk is not acceptable: it must be treated further."
        names = [_ROLE_NOUNS.get(role, role) for role in self.acceptable_by]
        people = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        return f"{self.label} residual risk can only be accepted by {people}."


_ROLE_NOUNS = {"owner": "an owner", "manager": "a manager", "contributor": "a contributor"}


@dataclass(frozen=True)
class CriteriaSpec:
    likelihood: tuple[ScalePoint, ...]
    consequence: tuple[ScalePoint, ...]
    levels: tuple[LevelSpec, ...]
    # matrix[likelihood - 1][consequence - 1] is a level key
    matrix: tuple[tuple[str, ...], ...]
    _by_key: dict[str, LevelSpec] = field(default_factory=dict, compare=False, repr=False)

    def level(self, key: str) -> LevelSpec:
        if not self._by_key:
            self._by_key.update({level.key: level for level in self.levels})
        return self._by_key[key]

    def to_json(self) -> dict[str, Any]:
        """The JSON shape the API takes and gives (and `spec_from_json` reads)."""
        return {
            "likelihood": [vars(point) for point in self.likelihood],
            "consequence": [vars(point) for point in self.consequence],
            "levels": [vars(level) | {"acceptable_by": list(level.acceptable_by)} for level in self.levels],
            "matrix": [list(row) for row in self.matrix],
        }


def level_for(spec: CriteriaSpec, likelihood: int, consequence: int) -> LevelSpec:
    """The level the criteria give a (likelihood, consequence) pair; ValidationError if off the scales."""
    errors = {}
    if not 1 <= likelihood <= len(spec.likelihood):
        errors["likelihood"] = f"Choose a likelihood from 1 to {len(spec.likelihood)}."
    if not 1 <= consequence <= len(spec.consequence):
        errors["consequence"] = f"Choose a consequence from 1 to {len(spec.consequence)}."
    if errors:
        raise ValidationError(errors)
    return spec.level(spec.matrix[likelihood - 1][consequence - 1])


def _check_scale(name: str, points: tuple[ScalePoint, ...]) -> list[str]:
    problems = []
    if not MIN_LEVELS <= len(points) <= MAX_LEVELS:
        problems.append(f"The {name} scale needs {MIN_LEVELS} to {MAX_LEVELS} levels, not {len(points)}.")
    if [point.value for point in points] != list(range(1, len(points) + 1)):
        problems.append(f"The {name} scale's levels are numbered 1, 2, 3, … from the lowest.")
    if any(not point.label.strip() for point in points):
        problems.append(f"Every level of the {name} scale needs a label.")
    return problems


def _check_levels(levels: tuple[LevelSpec, ...]) -> list[str]:
    problems = []
    keys = [level.key for level in levels]
    if not 2 <= len(levels) <= MAX_LEVELS:
        problems.append(f"Give 2 to {MAX_LEVELS} risk levels.")
    if len(set(keys)) != len(keys):
        problems.append("Each risk level needs its own key.")
    if any(not key or not key.replace("_", "").isalnum() or key != key.lower() for key in keys):
        problems.append("Level keys are short lower-case words (low, medium, high).")
    if [level.rank for level in levels] != list(range(1, len(levels) + 1)):
        problems.append("Levels are listed from the lowest to the highest.")
    for level in levels:
        if level.colour not in COLOURS:
            problems.append(f"{level.label}: choose a colour from {', '.join(COLOURS)}.")
        if not level.label.strip():
            problems.append("Every level needs a label.")
        unknown = set(level.acceptable_by) - set(ACCEPTING_ROLES)
        if unknown:
            problems.append(
                f"{level.label}: only owners, managers and contributors can accept risk, "
                f"not {', '.join(sorted(unknown))}."
            )
    return problems


def _check_matrix(spec: CriteriaSpec) -> list[str]:
    keys = {level.key for level in spec.levels}
    rows = len(spec.likelihood)
    columns = len(spec.consequence)
    if len(spec.matrix) != rows or any(len(row) != columns for row in spec.matrix):
        return [f"The matrix needs {rows} rows (likelihood) of {columns} levels (consequence)."]
    unknown = sorted({cell for row in spec.matrix for cell in row} - keys)
    if unknown:
        return [f"The matrix uses undefined levels: {', '.join(unknown)}."]
    return []


def check_spec(spec: CriteriaSpec) -> None:
    """Raise ValidationError naming every problem with the criteria, or return quietly."""
    problems = {
        "likelihood": _check_scale("likelihood", spec.likelihood),
        "consequence": _check_scale("consequence", spec.consequence),
        "levels": _check_levels(spec.levels),
    }
    if not any(problems.values()):
        problems["matrix"] = _check_matrix(spec)
    found = {name: messages for name, messages in problems.items() if messages}
    if found:
        raise ValidationError(found)


def spec_from_json(data: dict[str, Any]) -> CriteriaSpec:
    """Build a spec from the JSON shape of `to_json` (API payloads, forms); ValidationError if malformed."""
    try:
        return CriteriaSpec(
            likelihood=tuple(
                ScalePoint(int(p["value"]), str(p["label"]), str(p.get("description", "")))
                for p in data["likelihood"]
            ),
            consequence=tuple(
                ScalePoint(int(p["value"]), str(p["label"]), str(p.get("description", "")))
                for p in data["consequence"]
            ),
            levels=tuple(
                LevelSpec(
                    key=str(level["key"]).strip(),
                    label=str(level["label"]).strip(),
                    colour=str(level["colour"]).strip(),
                    rank=int(level["rank"]),
                    acceptable_by=tuple(str(role) for role in level.get("acceptable_by", ())),
                )
                for level in data["levels"]
            ),
            matrix=tuple(tuple(str(cell).strip() for cell in row) for row in data["matrix"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError({"criteria": f"The criteria are incomplete or malformed ({exc})."}) from exc


_LIKELIHOOD = (
    ("Rare", "Could happen only in exceptional circumstances; not expected in the next five years."),
    ("Unlikely", "Could happen, but is not expected; less than once in two to five years."),
    ("Possible", "Might happen about once in one to two years."),
    ("Likely", "Will probably happen within a year."),
    ("Almost certain", "Expected to happen several times a year, or is happening now."),
)
_CONSEQUENCE = (
    ("Negligible", "No noticeable harm to people, society or the organisation."),
    ("Minor", "Small, quickly reversed harm to a few people, or a small cost or complaint."),
    (
        "Moderate",
        "Harm to a group of people or a noticeable cost, reversible with effort; may draw a "
        "regulator's attention.",
    ),
    (
        "Major",
        "Serious or lasting harm to people or their rights, a large cost, a regulator's action or "
        "public criticism.",
    ),
    (
        "Severe",
        "Irreversible harm to people or society, breach of law with penalties, or a threat to the "
        "organisation's existence.",
    ),
)
# Rows: likelihood 1 (rare) to 5 (almost certain); columns: consequence 1 (negligible) to 5 (severe).
_DEFAULT_MATRIX = (
    ("low", "low", "low", "medium", "medium"),
    ("low", "low", "medium", "medium", "high"),
    ("low", "medium", "medium", "high", "high"),
    ("medium", "medium", "high", "high", "critical"),
    ("medium", "high", "high", "critical", "critical"),
)

DEFAULT_SPEC = CriteriaSpec(
    likelihood=tuple(ScalePoint(n, label, text) for n, (label, text) in enumerate(_LIKELIHOOD, start=1)),
    consequence=tuple(ScalePoint(n, label, text) for n, (label, text) in enumerate(_CONSEQUENCE, start=1)),
    levels=(
        LevelSpec("low", "Low", "green", 1, ("owner", "manager")),
        LevelSpec("medium", "Medium", "yellow", 2, ("owner", "manager")),
        LevelSpec("high", "High", "orange", 3, ("owner",)),
        LevelSpec("critical", "Critical", "red", 4, ()),
    ),
    matrix=_DEFAULT_MATRIX,
)
