"""The book helpers: exercises never reveal their answer, tables escape, timings validate."""

from __future__ import annotations

import ast
import math
import random
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zkedu.booktools import Exercise, best_of, check, format_seconds, html_table, register
from zkedu.booktools.exercises import compute_verdict, find_exercise
from zkedu.curves.toy import ToyCurve

BOOK = Path(__file__).resolve().parent.parent / "book"

# The worked solutions' values, computed by hand in each chapter's solution dropdown.
SOLUTIONS = {
    "ch01-data-dominates": 832,
    "ch01-fill-time": 200,
    "ch02-inverse-of-7": 5,
    "ch02-generators-f97": 32,
    "ch02-norm": 6,
    "ch03-interpolate": 26,
    "ch03-schwartz-zippel-bound": 1000 / (2**31 - 1),
    "ch03-code-distance": 25,
    "ch04-point-order": 5,
    "ch05-honest-opening": 86,
    "ch05-blobs-needed": 4,
    "ch05-merkle-proof-bytes": 384,
    "ch06-range-rows": 63,
    "ch06-domain-size": 8192,
    "ch06-proof-bytes": 768,
    "ch07-diff-size": 7,
    "ch08-gas-per-pubdata": 4667,
    "ch08-cap": 1250,
}
WRONG = {name: (value + 1 if isinstance(value, int) else value * 3) for name, value in SOLUTIONS.items()}


def mentions(text: str, value: float) -> bool:
    """Whether ``text`` shows ``value`` as a number of its own (plain, with thousands commas, or as a float)."""
    forms = {str(value), f"{value:,}"}
    if isinstance(value, float) and value.is_integer():
        forms |= {str(int(value)), f"{int(value):,}"}
    return any(re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|\.\d)", text) for form in forms)


def verdict_text(capsys: pytest.CaptureFixture[str], exercise_id: str, answer: object, **given: object) -> str:
    result = check(exercise_id, answer, **given)
    out = capsys.readouterr().out
    assert out.count("\n") == 1, f"the verdict should be one line, got {out!r}"
    return f"{result}|{out}"


@pytest.mark.parametrize("exercise_id", sorted(SOLUTIONS))
def test_the_worked_solution_is_accepted(exercise_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = verdict_text(capsys, exercise_id, SOLUTIONS[exercise_id])
    assert text.startswith("True|") and f"{exercise_id}: correct" in text


@pytest.mark.parametrize("exercise_id", sorted(SOLUTIONS))
@pytest.mark.parametrize("answer", ["wrong", None, ..., "wrong-type", True])
def test_a_wrong_or_missing_answer_is_refused_without_revealing_it(
    exercise_id: str, answer: object, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = {"wrong": WRONG[exercise_id], "wrong-type": [1, 2]}.get(answer, answer)  # type: ignore[call-overload]
    text = verdict_text(capsys, exercise_id, answer)
    assert text.startswith("False|")
    assert "Hint:" in text
    assert not mentions(text, SOLUTIONS[exercise_id]), text
    assert "Traceback" not in text


def test_an_unanswered_exercise_says_how_to_answer(capsys: pytest.CaptureFixture[str]) -> None:
    text = verdict_text(capsys, "ch02-inverse-of-7", None)
    assert "no answer yet" in text and "an integer between 0 and 16" in text


def test_a_wrong_type_names_the_type_expected(capsys: pytest.CaptureFixture[str]) -> None:
    text = verdict_text(capsys, "ch02-norm", "6")
    assert "not a str" in text and "an integer reduced mod 7" in text


def test_a_targeted_hint_answers_the_near_miss(capsys: pytest.CaptureFixture[str]) -> None:
    assert "rounds up" in verdict_text(capsys, "ch08-gas-per-pubdata", SOLUTIONS["ch08-gas-per-pubdata"] - 1)
    assert "modulo 17" in verdict_text(capsys, "ch02-inverse-of-7", 22)


def test_a_float_answer_is_accepted_within_tolerance_only() -> None:
    assert compute_verdict("ch03-schwartz-zippel-bound", 4.657e-7)[0]
    assert not compute_verdict("ch03-schwartz-zippel-bound", 4.7e-7)[0]
    assert compute_verdict("ch01-fill-time", 200.0)[0]


def test_the_discrete_log_accepts_every_valid_k_and_no_other() -> None:
    curve = ToyCurve(97, -1, 1)
    q = curve.mul((3, 5), random.Random(2024).randrange(1, 49))
    valid = [k for k in range(1, 200) if curve.mul((3, 5), k) == q]
    assert valid, "the hidden point must be a multiple of (3, 5)"
    assert all(compute_verdict("ch04-discrete-log", k)[0] for k in valid)
    assert not any(compute_verdict("ch04-discrete-log", k)[0] for k in range(1, 200) if k not in valid)


def test_context_given_by_the_chapter_reaches_the_predicate() -> None:
    chain = SimpleNamespace(total_proven=3)
    assert compute_verdict("ch07-revertible", {1, 2, 3}, chain=chain)[0]
    assert not compute_verdict("ch07-revertible", {1, 2}, chain=chain)[0]
    assert not compute_verdict("ch07-revertible", [1, 2, 3], chain=chain)[0]  # a list is not a set


@given(st.integers())
def test_no_integer_answer_raises_or_leaks(answer: int) -> None:
    for exercise_id in ("ch02-inverse-of-7", "ch04-discrete-log", "ch08-gas-per-pubdata"):
        correct, message = compute_verdict(exercise_id, answer)
        if not correct and exercise_id in SOLUTIONS:
            assert not mentions(message, SOLUTIONS[exercise_id])


def test_every_check_in_the_book_names_a_registered_exercise() -> None:
    ids = {m for path in BOOK.glob("*.md") for m in re.findall(r'check\("(ch\d\d-[a-z0-9-]+)"', path.read_text())}
    assert ids, "the chapters should use check()"
    for exercise_id in sorted(ids):
        assert find_exercise(exercise_id).exercise_id == exercise_id


def test_no_chapter_hand_rolls_an_exercise_checker() -> None:
    for path in sorted(BOOK.glob("[0-9]*.md")):
        text = path.read_text()
        assert "def _check" not in text and "if answer is None" not in text, path.name


@pytest.mark.parametrize(
    ("exercise_id", "error"), [("ch99-nothing", ValueError), ("ch02-no-such-exercise", ValueError),
                               ("Chapter 2", ValueError), (2, TypeError)]
)
def test_an_unknown_exercise_is_an_error_naming_it(exercise_id: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=re.escape(repr(exercise_id))):
        check(exercise_id, 1)  # type: ignore[arg-type]


def test_an_exercise_needs_exactly_one_way_to_judge_and_registers_once() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Exercise("ch98-x", "an int", "think", expected=lambda: 1, is_correct=lambda a: True)
    with pytest.raises(ValueError, match="exactly one"):
        Exercise("ch98-x", "an int", "think")
    with pytest.raises(ValueError, match="'bad id'"):
        Exercise("bad id", "an int", "think", expected=lambda: 1)
    register(Exercise("ch98-registered-once", "an int", "think", expected=lambda: 1))
    with pytest.raises(ValueError, match="already registered"):
        register(Exercise("ch98-registered-once", "an int", "think", expected=lambda: 1))


def test_html_table_escapes_cells_and_keeps_the_caption() -> None:
    table = html_table(["a<b", "n"], [["x & y", 3]], caption="small <table>")
    html = table._repr_html_()
    assert "<th>a&lt;b</th>" in html and "<td>x &amp; y</td>" in html and "<td>3</td>" in html
    assert "<caption>small &lt;table&gt;</caption>" in html
    assert "x & y | 3" in str(table)


def test_html_table_rejects_a_ragged_row_naming_it() -> None:
    with pytest.raises(ValueError, match="row 1 has 1 cells, expected 2"):
        html_table(["a", "b"], [[1, 2], [3]])


def test_best_of_reports_the_fastest_run_per_call() -> None:
    calls = []
    seconds = best_of(lambda: calls.append(1), repeat=3, number=4)
    assert len(calls) == 12 and 0 <= seconds < 1
    with pytest.raises(ValueError, match="repeat must be >= 1, got 0"):
        best_of(lambda: None, repeat=0)
    with pytest.raises(TypeError, match=re.escape("number must be an int, got float: 2.0")):
        best_of(lambda: None, number=2.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(("seconds", "text"), [(5e-6, "5 µs"), (0.0123, "12.3 ms"), (math.pi, "3.14 s")])
def test_format_seconds_picks_a_readable_unit(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text


def test_importing_booktools_loads_nothing_heavy() -> None:
    code = ("import sys, zkedu.booktools; heavy = [m for m in ('matplotlib', 'ipywidgets', 'py_ecc') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_literalinclude_names_an_object_its_file_defines() -> None:
    include = re.compile(r"```\{literalinclude\} (\S+)\n:pyobject: (\S+)")
    missing = []
    for chapter in sorted(BOOK.glob("*.md")):
        for path, name in include.findall(chapter.read_text()):
            source = (BOOK / path).resolve()
            tree = ast.parse(source.read_text()) if source.exists() else ast.Module(body=[], type_ignores=[])
            scope: list[ast.stmt] = tree.body
            for part in name.split("."):
                found = [n for n in scope if isinstance(n, ast.FunctionDef | ast.ClassDef) and n.name == part]
                scope = found[0].body if found else []
                if not found:
                    missing.append(f"{chapter.name}: {path} has no {name}")
                    break
    assert not missing, "\n".join(missing)


def test_glue_writes_what_myst_nb_glue_writes(monkeypatch) -> None:
    import myst_nb.ext.glue as myst_glue

    import zkedu.booktools.glue_values as our_glue

    calls: dict[str, list] = {"ours": [], "myst": []}
    monkeypatch.setattr(our_glue, "ipy_display", lambda *a, **k: calls["ours"].append((a, k)))
    monkeypatch.setattr(myst_glue, "ipy_display", lambda *a, **k: calls["myst"].append((a, k)))
    for value, shown in [(303_390, False), ("3.2 s", True), ([1, 2], False)]:
        our_glue.glue("x", value, display=shown)
        myst_glue.glue("x", value, display=shown)
    assert calls["ours"] == calls["myst"] and len(calls["ours"]) == 3
    assert "application/papermill.record/text/plain" in calls["ours"][0][0][0]
    with pytest.raises(ValueError, match="non-empty string, got ''"):
        our_glue.glue("", 1)
