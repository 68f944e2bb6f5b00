"""zkedu.widgets.ch06_validity: the size sweep equals the built circuits; figures draw; bad controls refused."""

from __future__ import annotations

import pytest

from zkedu.plonk.costs import CostPoint
from zkedu.plonk.custom_gate import build_transfers_circuit_custom
from zkedu.plonk.transfers import build_transfers_circuit
from zkedu.widgets.ch06_validity import CircuitSizes, cost_figure, static_figure, update
from zkedu.widgets.common import legibility_problems, unlabelled_axes


def test_sweep_matches_built_circuits_and_custom_gate_is_cheaper() -> None:
    sizes = update(accounts=3, capacity=4)
    i = list(sizes.capacities).index(2)
    assert sizes.bits_rows[i] == len(build_transfers_circuit([0] * 3, [], 2)[0].gates)
    assert sizes.custom_rows[i] == len(build_transfers_circuit_custom([0] * 3, [], 2)[0].gates)
    assert all(sizes.custom_rows < sizes.bits_rows)
    expected_n = [build_transfers_circuit([0] * 3, [], int(c))[0].size for c in sizes.capacities[:4]]
    assert list(CircuitSizes.domain(sizes.bits_rows)[:4]) == expected_n


def test_figures_draw_with_labelled_axes() -> None:
    assert not unlabelled_axes(static_figure())
    points = [CostPoint(100, 128, 0.5, 0.1, 768), CostPoint(900, 1024, 3.0, 0.1, 768)]
    fig = cost_figure(points, anchor=(1024, 30.0, 6.0))
    assert len(fig.axes) == 3 and not unlabelled_axes(fig)
    assert legibility_problems(fig) == []


@pytest.mark.parametrize(("kwargs", "match"), [({"accounts": 0}, "accounts"), ({"capacity": 65}, "capacity"),
                                               ({"accounts": 2.5}, "accounts")])
def test_bad_controls(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        update(**kwargs)
