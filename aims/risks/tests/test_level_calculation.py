"""The level is a pure function of the criteria and the rating, under default and custom criteria."""

import pytest
from django.core.exceptions import ValidationError

from aims.risks.levels import DEFAULT_SPEC, CriteriaSpec, LevelSpec, ScalePoint, check_spec, level_for


def _scale(size: int) -> tuple[ScalePoint, ...]:
    return tuple(ScalePoint(n, f"L{n}") for n in range(1, size + 1))


THREE = CriteriaSpec(
    likelihood=_scale(3),
    consequence=_scale(3),
    levels=(LevelSpec("low", "Low", "green", 1, ("contributor",)), LevelSpec("high", "High", "red", 2)),
    matrix=(("low", "low", "high"), ("low", "high", "high"), ("high", "high", "high")),
)
SIX_BY_FOUR = CriteriaSpec(
    likelihood=_scale(6),
    consequence=_scale(4),
    levels=(
        LevelSpec("minor", "Minor", "blue", 1, ("owner", "manager", "contributor")),
        LevelSpec("notable", "Notable", "yellow", 2, ("manager",)),
        LevelSpec("grave", "Grave", "purple", 3),
    ),
    matrix=tuple(
        tuple("minor" if l + c < 5 else "notable" if l + c < 8 else "grave" for c in range(1, 5))
        for l in range(1, 7)  # noqa: E741
    ),
)


def test_the_default_criteria_are_five_by_five_with_four_levels():
    check_spec(DEFAULT_SPEC)
    assert level_for(DEFAULT_SPEC, 1, 1).key == "low"
    assert level_for(DEFAULT_SPEC, 3, 3).key == "medium"
    assert level_for(DEFAULT_SPEC, 4, 4).key == "high"
    assert level_for(DEFAULT_SPEC, 5, 5).key == "critical"
    assert level_for(DEFAULT_SPEC, 5, 1).key == "medium"
    assert [lv.acceptable_by for lv in DEFAULT_SPEC.levels] == [
        ("owner", "manager"),
        ("owner", "manager"),
        ("owner",),
        (),
    ]


def test_a_custom_three_by_three_matrix_gives_its_own_levels():
    check_spec(THREE)
    assert level_for(THREE, 1, 2).key == "low"
    assert level_for(THREE, 2, 2).key == "high"
    assert level_for(THREE, 3, 1).label == "High"


def test_a_six_by_four_matrix_reads_rows_as_likelihood_and_columns_as_consequence():
    check_spec(SIX_BY_FOUR)
    assert level_for(SIX_BY_FOUR, 6, 1).key == "notable"
    assert level_for(SIX_BY_FOUR, 1, 4).key == "notable"
    assert level_for(SIX_BY_FOUR, 6, 4).key == "grave"
    assert level_for(SIX_BY_FOUR, 2, 2).key == "minor"
    with pytest.raises(ValidationError) as error:
        level_for(SIX_BY_FOUR, 2, 5)
    assert error.value.message_dict == {"consequence": ["Choose a consequence from 1 to 4."]}


def test_ratings_off_the_scales_are_refused():
    with pytest.raises(ValidationError) as error:
        level_for(DEFAULT_SPEC, 0, 6)
    assert set(error.value.message_dict) == {"likelihood", "consequence"}


def test_the_acceptance_rule_reads_as_a_sentence():
    assert DEFAULT_SPEC.level("high").rule() == "High residual risk can only be accepted by an owner."
    assert (
        DEFAULT_SPEC.level("low").rule() == "Low residual risk can only be accepted by an owner or a manager."
    )
    assert "not acceptable" in DEFAULT_SPEC.level("critical").rule()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"likelihood": _scale(2)}, "likelihood"),
        ({"consequence": _scale(7)}, "consequence"),
        ({"matrix": (("low", "low", "high"),)}, "matrix"),
        ({"matrix": (("low", "low", "nope"),) * 3}, "matrix"),
        ({"levels": (LevelSpec("low", "Low", "pink", 1), LevelSpec("high", "High", "red", 2))}, "levels"),
        (
            {"levels": (LevelSpec("low", "Low", "green", 1, ("viewer",)), LevelSpec("hi", "Hi", "red", 2))},
            "levels",
        ),
        ({"levels": (LevelSpec("low", "Low", "green", 2), LevelSpec("high", "High", "red", 1))}, "levels"),
    ],
)
def test_malformed_criteria_are_refused_with_the_reason(change, field):
    fields = {k: getattr(THREE, k) for k in ("likelihood", "consequence", "levels", "matrix")}
    spec = CriteriaSpec(**{**fields, **change})
    with pytest.raises(ValidationError) as error:
        check_spec(spec)
    assert field in error.value.message_dict
