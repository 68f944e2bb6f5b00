"""Chapter 9 exercises: solutions accepted; wrong, missing or mistyped answers get hints, never the answer."""

from __future__ import annotations

import pytest

from tests.test_booktools import mentions, verdict_text

SOLUTIONS = {"ch09-proof-words": 26, "ch09-fast-latency": 44.0}


@pytest.mark.parametrize("exercise_id", sorted(SOLUTIONS))
def test_the_worked_solution_is_accepted(exercise_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert verdict_text(capsys, exercise_id, SOLUTIONS[exercise_id]).startswith("True|")


@pytest.mark.parametrize("exercise_id", sorted(SOLUTIONS))
@pytest.mark.parametrize("kind", ["off by one", "off by two", "none", "ellipsis", "wrong type", "bool"])
def test_wrong_answers_are_refused_without_revealing_the_answer(
    exercise_id: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    right = SOLUTIONS[exercise_id]
    answer = {"off by one": right - 1, "off by two": right - 2, "none": None, "ellipsis": ...,
              "wrong type": [1], "bool": True}[kind]
    text = verdict_text(capsys, exercise_id, answer)
    assert text.startswith("False|") and "Hint:" in text
    assert not mentions(text, right)


def test_near_misses_on_the_proof_get_targeted_hints(capsys: pytest.CaptureFixture[str]) -> None:
    assert "metadata" in verdict_text(capsys, "ch09-proof-words", 24)
    assert "aggregated root" in verdict_text(capsys, "ch09-proof-words", 25)
