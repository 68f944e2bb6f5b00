"""Self-checking exercises: ``check(exercise_id, answer)`` says "correct" or "not yet" with a hint.

Each chapter's exercises live in ``zkedu.booktools.answers.chNN`` (one module per chapter), which
computes the expected answer with the package's own code and registers it here. ``check`` imports that
module on demand. It never prints, returns or contains the expected answer, and it never raises on a
reader's answer: a missing answer says how to answer, a wrong type or a wrong value gets a hint.

Source: the STARK 101 tutorials' self-checking cells (starkware-industries/stark101), in this book's shape.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

EXERCISE_ID = re.compile(r"^ch(\d\d)-[a-z0-9]+(-[a-z0-9]+)*$")
_REGISTRY: dict[str, Exercise] = {}


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to answer, what counts as right, and what to say when it is not.

    Give exactly one of ``expected`` (a function of the chapter's context computing the answer; a float
    answer may be within ``rel_tol`` of it) and ``is_correct`` (a predicate of the answer and context).
    ``targeted_hint`` may return a hint for a particular wrong answer, or None to fall back to ``hint``.
    ``note`` is said after a correct answer and must not restate it.
    """

    exercise_id: str
    how_to_answer: str
    hint: str
    answer_types: tuple[type, ...] = (int,)
    expected: Callable[..., Any] | None = None
    is_correct: Callable[..., bool] | None = None
    rel_tol: float = 0.0
    targeted_hint: Callable[[Any], str | None] | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.exercise_id, str) or not EXERCISE_ID.match(self.exercise_id):
            raise ValueError(f"exercise ids look like 'ch02-roots-of-unity', got {self.exercise_id!r}")
        if (self.expected is None) == (self.is_correct is None):
            raise ValueError(f"{self.exercise_id}: give exactly one of expected and is_correct")
        if not self.hint or not self.how_to_answer:
            raise ValueError(f"{self.exercise_id}: hint and how_to_answer must be non-empty")
        if not self.answer_types or not all(isinstance(t, type) for t in self.answer_types):
            raise TypeError(f"{self.exercise_id}: answer_types must be a non-empty tuple of types")

    def accepts(self, answer: Any) -> bool:
        """Whether ``answer`` has an accepted type (a bool is not an int here unless bool is listed)."""
        if isinstance(answer, bool) and bool not in self.answer_types:
            return False
        return isinstance(answer, self.answer_types)

    def judge(self, answer: Any, **given: Any) -> bool:
        """Whether ``answer`` is right, given the chapter's context; never raises on a wrong answer."""
        if not self.accepts(answer):
            return False
        try:
            if self.is_correct is not None:
                return bool(self.is_correct(answer, **given))
            expected = self.expected(**given)  # type: ignore[misc]
            if self.rel_tol and isinstance(answer, int | float):
                return math.isclose(answer, expected, rel_tol=self.rel_tol)
            return bool(answer == expected)
        except (ArithmeticError, TypeError, ValueError):
            return False

    def hint_for(self, answer: Any) -> str:
        """The targeted hint for this wrong answer if there is one, else the general hint."""
        if self.targeted_hint is not None:
            try:
                targeted = self.targeted_hint(answer)
            except (ArithmeticError, TypeError, ValueError):
                targeted = None
            if targeted:
                return targeted
        return self.hint


def register(exercise: Exercise) -> Exercise:
    """Add ``exercise`` to the registry that ``check`` reads; an id may be registered once."""
    if not isinstance(exercise, Exercise):
        raise TypeError(f"register takes an Exercise, got {type(exercise).__name__}")
    if exercise.exercise_id in _REGISTRY:
        raise ValueError(f"exercise {exercise.exercise_id!r} is already registered")
    _REGISTRY[exercise.exercise_id] = exercise
    return exercise


def find_exercise(exercise_id: str) -> Exercise:
    """The registered exercise ``exercise_id``, importing its chapter's answers module on first use."""
    if not isinstance(exercise_id, str):
        raise TypeError(f"exercise_id must be a str, got {type(exercise_id).__name__} {exercise_id!r}")
    match = EXERCISE_ID.match(exercise_id)
    if match is None:
        raise ValueError(f"exercise ids look like 'ch02-roots-of-unity', got {exercise_id!r}")
    if exercise_id not in _REGISTRY:
        module = f"zkedu.booktools.answers.ch{match.group(1)}"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as err:
            raise ValueError(f"no answers module {module} for exercise {exercise_id!r}") from err
    if exercise_id not in _REGISTRY:
        raise ValueError(f"no exercise {exercise_id!r} is registered")
    return _REGISTRY[exercise_id]


def compute_verdict(exercise_id: str, answer: Any, **given: Any) -> tuple[bool, str]:
    """Whether ``answer`` is right and the one-line message ``check`` prints for it."""
    exercise = find_exercise(exercise_id)
    if answer is None or answer is Ellipsis:
        return False, (f"{exercise_id}: no answer yet. Set `answer` to {exercise.how_to_answer} in the cell "
                       f"above and run both cells again. Hint: {exercise.hint}")
    if not exercise.accepts(answer):
        return False, (f"{exercise_id}: not yet. The answer should be {exercise.how_to_answer}, "
                       f"not a {type(answer).__name__}. Hint: {exercise.hint}")
    if exercise.judge(answer, **given):
        return True, f"{exercise_id}: correct. {exercise.note}".rstrip()
    return False, f"{exercise_id}: not yet. Hint: {exercise.hint_for(answer)}"


def check(exercise_id: str, answer: Any, **given: Any) -> bool:
    """Print a one-line verdict on ``answer`` to exercise ``exercise_id`` and return whether it is right.

    ``given`` passes context the chapter computed (a simulated chain, say), never the answer itself.
    The expected answer is never printed or returned.
    """
    correct, message = compute_verdict(exercise_id, answer, **given)
    print(message)
    return correct
