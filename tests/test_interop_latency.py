"""The latency and settlement-cost model: stage sums, the log-slot cap, aggregation, vectorised sweeps."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zkedu.interop.latency import (
    L1_SLOT_SECONDS,
    LOG_SLOTS_PER_BATCH,
    STAGES,
    LatencyParams,
    compute_batch_seconds,
    compute_confirmation_levels,
    compute_interop_latency,
    compute_latency_breakdown,
    compute_settlement_cost_per_chain,
)
from zkedu.interop.network import Settlement
from zkedu.rollup.amortisation import BATCH_FIXED_L1_GAS

seconds = st.floats(min_value=0.0, max_value=1e6)


@given(interval=st.floats(1.0, 1e5), proving=seconds, delay=seconds, rate=st.floats(0.0, 1e4))
def test_latency_is_the_sum_of_its_stages_and_gateway_includes_faster(
    interval: float, proving: float, delay: float, rate: float
) -> None:
    p = LatencyParams(batch_interval_seconds=interval, proving_seconds=proving, execution_delay_seconds=delay,
                      messages_per_second=rate)
    for mode in Settlement:
        stages = compute_latency_breakdown(p, mode)
        assert tuple(stages) == STAGES
        assert np.isclose(compute_interop_latency(p, mode), sum(stages.values()))
        # the delay counts from the commit: proving (with its transaction) and the delay overlap
        assert np.isclose(stages["proving"] + stages["rest of the execution delay"],
                          max(proving + stages["commit"], delay))
    l1, gw = compute_latency_breakdown(p, Settlement.L1), compute_latency_breakdown(p, Settlement.GATEWAY)
    assert l1["commit"] == l1["execute"] == L1_SLOT_SECONDS and gw["execute"] < l1["execute"]


def test_proving_inside_the_delay_adds_nothing_and_beyond_it_everything() -> None:
    base = LatencyParams(proving_seconds=3600.0, execution_delay_seconds=10_800.0)
    longer = LatencyParams(proving_seconds=7200.0, execution_delay_seconds=10_800.0)
    beyond = LatencyParams(proving_seconds=14_400.0, execution_delay_seconds=10_800.0)
    for mode in Settlement:
        assert np.isclose(compute_interop_latency(longer, mode), compute_interop_latency(base, mode))
        assert compute_interop_latency(beyond, mode) > compute_interop_latency(base, mode) + 3600.0


def test_defaults_give_hours_to_provable_and_the_three_levels_in_order() -> None:
    p = LatencyParams()
    hours = compute_interop_latency(p, Settlement.L1) / 3600
    assert np.isclose(hours, (90 + 12 + 10_800 + 12 + 1) / 3600)  # sealing, commit, 3 h delay, execute, import
    for mode in Settlement:
        levels = compute_confirmation_levels(p, mode)
        assert levels["sequencer"] < levels["proven"] < levels["executed on L1"]
    gw, l1 = compute_confirmation_levels(p, Settlement.GATEWAY), compute_confirmation_levels(p, Settlement.L1)
    assert gw["executed on L1"] > l1["executed on L1"]  # Gateway's own batch must settle on L1 too


def test_one_second_proving_and_no_delay_is_what_seconds_scale_interop_requires() -> None:
    p = LatencyParams(batch_interval_seconds=1.0, proving_seconds=1.0, execution_delay_seconds=0.0)
    assert compute_interop_latency(p, Settlement.GATEWAY) < 6.0  # 0.5 + commit, proof, execute blocks + import
    assert compute_interop_latency(p, Settlement.L1) > 3 * L1_SLOT_SECONDS


def test_message_volume_seals_batches_early_when_log_slots_fill() -> None:
    p = LatencyParams(batch_interval_seconds=600.0, messages_per_second=np.array([0.0, 1.0, 100.0]))
    assert np.allclose(compute_batch_seconds(p), [600.0, 600.0, LOG_SLOTS_PER_BATCH / 100.0])


def test_aggregation_divides_the_l1_cost_by_the_number_of_chains() -> None:
    p = LatencyParams(chains=np.arange(1, 101), batch_interval_seconds=180.0, l1_gas_price_gwei=10.0)
    direct = compute_settlement_cost_per_chain(p, Settlement.L1)
    shared = compute_settlement_cost_per_chain(p, Settlement.GATEWAY)
    assert np.allclose(direct, 480 * BATCH_FIXED_L1_GAS * 10e-9)  # 480 batches a day, same for every chain count
    assert np.allclose(shared * p.chains, direct)


@pytest.mark.parametrize(("field", "value"), [("proving_seconds", -1.0), ("batch_interval_seconds", 0.0),
                                              ("execution_delay_seconds", float("nan")), ("chains", 0)])
def test_bad_parameters_are_rejected_naming_them(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        LatencyParams(**{field: value})


def test_settlement_must_be_a_settlement() -> None:
    with pytest.raises(TypeError, match="gateway"):
        compute_latency_breakdown(LatencyParams(), "gateway")  # type: ignore[arg-type]
