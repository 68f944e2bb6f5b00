"""zkedu.widgets.ch02_fields: the widget's numbers against sympy, and its bad-input paths."""

from __future__ import annotations

import pytest
from sympy import totient
from sympy.ntheory.residue_ntheory import n_order, primitive_root

from zkedu.widgets.ch02_fields import PRIMES, compute_cycle, compute_order_counts, compute_roots_of_unity, update


@pytest.mark.parametrize("p", [3, 17, 97, 193, 199])
def test_update_matches_sympy(p: int) -> None:
    for element in (1, 2, p - 1):
        view = update(p, element, 2)
        assert view.order == n_order(element, p) == len(view.powers) == len(set(view.powers))
        assert view.is_generator == (view.order == p - 1) and view.generator == primitive_root(p)
        assert all(pow(element, k, p) == x for k, x in enumerate(view.powers))
    assert compute_order_counts(p) == tuple((d, int(totient(d))) for d, _ in compute_order_counts(p))
    roots, primitive = compute_roots_of_unity(p, p - 1)
    assert roots == tuple(range(1, p)) and len(primitive) == totient(p - 1)


def test_prime_dropdown_and_cycles() -> None:
    assert PRIMES[0] == 3 and PRIMES[-1] == 199 and 91 not in PRIMES
    assert compute_cycle(17, 16) == (1, 16)
    assert compute_roots_of_unity(17, 8)[1] == (2, 8, 9, 15)


@pytest.mark.parametrize(
    ("args", "exc", "match"),
    [((17, 0, 2), ValueError, "got 0"), ((17, 17, 2), ValueError, "got 17"), ((15, 2, 2), ValueError, "got 15"),
     ((2, 1, 1), ValueError, "got 2"), ((17, 3, 3), ValueError, "3"), ((17.0, 3, 2), TypeError, r"17\.0"),
     ((17, "3", 2), TypeError, "'3'"), ((17, True, 2), TypeError, "True")],
)
def test_bad_settings_are_rejected_naming_the_value(args: tuple, exc: type[Exception], match: str) -> None:
    with pytest.raises(exc, match=match):
        update(*args)
