"""Chapter 9 widget: update() matches the scalar model point by point, the figure is labelled, controls move it."""

from __future__ import annotations

import numpy as np

from zkedu.interop.latency import LatencyParams, compute_interop_latency, compute_settlement_cost_per_chain
from zkedu.interop.network import Settlement
from zkedu.widgets import ch09_interop
from zkedu.widgets.common import legibility_problems, unlabelled_axes


def test_sweeps_match_the_model_point_by_point() -> None:
    data = ch09_interop.update(chains=7, proving_seconds=60.0, execution_delay_seconds=0.0)
    for mode in Settlement:
        for i in (0, 60, 120):
            t = float(ch09_interop.PROVING_TIMES[i])
            expected = compute_interop_latency(LatencyParams(chains=7, proving_seconds=t, execution_delay_seconds=0.0),
                                               mode)
            assert np.isclose(data.of(mode).latency_vs_proving[i], expected)
        for n in (1, 50, 100):
            assert np.isclose(data.of(mode).cost_vs_chains[n - 1],
                              compute_settlement_cost_per_chain(LatencyParams(chains=n), mode))
        assert np.isclose(sum(data.of(mode).stages.values()), compute_interop_latency(data.params, mode))


def test_controls_move_the_result_in_the_expected_direction() -> None:
    slow, fast = ch09_interop.update(proving_seconds=3600.0), ch09_interop.update(proving_seconds=1.0)
    assert fast.l1.levels["proven"] < slow.l1.levels["proven"]
    busy = ch09_interop.update(messages_per_second=1000.0)
    assert busy.l1.stages["sealing"] < ch09_interop.update().l1.stages["sealing"]
    assert "provable on the destination" in ch09_interop.describe(busy)


def test_static_figure_has_three_labelled_legible_panels() -> None:
    fig = ch09_interop.static_figure()
    assert len(fig.axes) == 3 and unlabelled_axes(fig) == [] and legibility_problems(fig) == []


def test_the_delay_only_adds_what_proving_leaves_of_it() -> None:
    data = ch09_interop.update(execution_delay_seconds=3600.0)
    for mode in Settlement:
        gap = data.of(mode).latency_vs_proving - data.of(mode).latency_vs_proving_no_delay
        block = data.of(mode).stages["commit"]  # the prove transaction waits one settlement-layer block
        assert np.allclose(gap, np.maximum(3600.0 - (ch09_interop.PROVING_TIMES + block), 0.0))
        assert gap[0] > 3000.0 and gap[-1] == 0.0  # a fast proof waits out the delay; a slow one outlasts it
