"""Token-economics model: worked examples, every bad-input path, and the vectorised model against the loop."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from zkedu.economics import (
    MAX_SUPPLY_ZK,
    TokenomicsParams,
    compute_daily_revenue,
    compute_licensing_usd_per_year,
    compute_messages_per_day,
    simulate,
    simulate_gbm_prices,
    simulate_reference,
)

BASE = {
    "messages_per_day": 1e6, "message_growth_per_year": 0.2, "fee_per_message_usd": 0.01,
    "licensing_usd_per_year": 3.65e6, "zk_price_usd": 0.05, "price_volatility": 0.6,
    "burn_share": 0.4, "staking_share": 0.3, "ecosystem_share": 0.2, "retained_share": 0.1,
    "circulating_supply": 7e9, "staked_share": 0.2, "max_supply": 21e9,
}
ARRAYS = ("revenue_usd", "revenue_zk", "price_usd", "burned_zk", "staking_zk", "ecosystem_zk", "retained_zk",
          "supply_zk", "staking_yield")


def params(**changes: float) -> TokenomicsParams:
    return TokenomicsParams(**{**BASE, **changes})


# --- the issue's thirteen fields, the result's nine arrays ------------------------------------------------

def test_thirteen_issue_fields_build_a_model_with_neutral_extensions() -> None:
    p = params()
    assert (p.zk_fee_per_message, p.prividium_messages_per_day, p.price_drift_per_year,
            p.price_impact_per_million_usd, p.auction_discount) == (0.0, 0.0, 0.0, 0.0, 0.0)
    assert MAX_SUPPLY_ZK == 21_000_000_000


def test_every_result_array_has_shape_paths_by_days() -> None:
    r = simulate(params(), days=400, paths=3, seed=1)
    for name in ARRAYS:
        assert getattr(r, name).shape == (3, 400), name


def test_worked_example_without_volatility() -> None:
    # day 0: 1e6 messages x $0.01 + $3.65e6 / 365 = $20,000 -> 400,000 ZK at $0.05
    r = simulate(params(price_volatility=0.0), days=2, paths=1, seed=0)
    assert r.revenue_usd[0, 0] == pytest.approx(20_000.0)
    assert r.revenue_zk[0, 0] == pytest.approx(400_000.0)
    assert (r.burned_zk[0, 0], r.staking_zk[0, 0], r.ecosystem_zk[0, 0], r.retained_zk[0, 0]) == pytest.approx(
        (160_000.0, 120_000.0, 80_000.0, 40_000.0))
    assert r.supply_zk[0, 0] == pytest.approx(21e9 - 160_000.0)
    # 120,000 ZK a day for a year over 0.2 x 7e9 staked
    assert r.staking_yield[0, 0] == pytest.approx(120_000 * 365 / 1.4e9)


def test_growth_compounds_to_the_yearly_rate() -> None:
    m = compute_messages_per_day(params(message_growth_per_year=0.5, prividium_messages_per_day=1e5), 731)
    assert m[0] == pytest.approx(1.1e6)
    assert m[365] == pytest.approx(1.65e6)
    assert m[730] == pytest.approx(2.475e6)


def test_zk_denominated_fee_is_not_converted() -> None:
    p = params(fee_per_message_usd=0.0, licensing_usd_per_year=0.0, zk_fee_per_message=10.0, price_volatility=0.5)
    r = simulate(p, days=50, paths=4, seed=3)
    np.testing.assert_allclose(r.revenue_zk, 1e7 * (1.2 ** (np.arange(50) / 365))[None, :].repeat(4, 0))
    np.testing.assert_allclose(r.revenue_usd, r.revenue_zk * r.price_usd)


def test_price_impact_and_auction_discount_lower_the_zk_bought() -> None:
    plain = simulate(params(), days=30, paths=2, seed=5)
    impact = simulate(params(price_impact_per_million_usd=0.5), days=30, paths=2, seed=5)
    discount = simulate(params(auction_discount=0.1), days=30, paths=2, seed=5)
    # $20,000 a day is 2% of $1M: the clearing price is 1% higher, so ZK bought is 1/1.01 of plain
    np.testing.assert_allclose(impact.revenue_zk[:, 0], plain.revenue_zk[:, 0] / 1.01)
    np.testing.assert_allclose(discount.revenue_zk, plain.revenue_zk * 0.9)
    np.testing.assert_array_equal(impact.price_usd, plain.price_usd)  # the impact is temporary


def test_licensing_is_institutions_times_fee() -> None:
    assert compute_licensing_usd_per_year(12, 500_000) == 6e6
    rev = compute_daily_revenue(params(licensing_usd_per_year=compute_licensing_usd_per_year(10, 36_500)), 3)
    np.testing.assert_allclose(rev.licensing_usd, [1000.0] * 3)
    with pytest.raises(ValueError, match="institutions"):
        compute_licensing_usd_per_year(-1, 10)
    with pytest.raises(TypeError, match="licence_fee_usd_per_year"):
        compute_licensing_usd_per_year(1, "10")  # type: ignore[arg-type]


def test_yearly_burn_share_and_yield_sum_full_years() -> None:
    r = simulate(params(), days=800, paths=2, seed=2)
    burn = r.yearly_burn_share()
    assert burn.shape == (2, 2)
    assert burn[0, 0] == pytest.approx(r.burned_zk[0, :365].sum() / 21e9)
    assert burn[0, 1] == pytest.approx(r.burned_zk[0, 365:730].sum() / r.supply_zk[0, 364])
    assert r.yearly_staking_yield()[1, 1] == pytest.approx(r.staking_zk[1, 365:730].sum() / 1.4e9)
    with pytest.raises(ValueError, match="no full year"):
        simulate(params(), days=364, paths=1, seed=0).yearly("burned_zk")
    with pytest.raises(ValueError, match="supply_zk"):
        r.yearly("supply_zk")


def test_yield_without_stake_is_inf_when_rewards_are_paid_and_nan_when_not() -> None:
    r = simulate(params(staked_share=0.0), days=3, paths=1, seed=0)
    assert np.all(np.isinf(r.staking_yield))
    r0 = simulate(params(staked_share=0.0, staking_share=0.0, burn_share=0.7), days=3, paths=1, seed=0)
    assert np.all(np.isnan(r0.staking_yield))
    ref = simulate_reference(params(staked_share=0.0), days=3, paths=1, seed=0)
    assert np.all(np.isinf(ref.staking_yield))


def test_gbm_has_the_lognormal_mean_and_volatility() -> None:
    p = simulate_gbm_prices(1.0, 0.8, 0.1, days=366, paths=20_000, seed=11)
    log_end = np.log(p[:, -1])
    # 20,000 paths: the standard error of the mean log is 0.8 / sqrt(20,000) = 0.0057; allow 4 of them
    assert log_end.mean() == pytest.approx(0.1 - 0.32, abs=0.023)
    assert log_end.std() == pytest.approx(0.8, rel=0.03)


# --- the vectorised model against the plain loop --------------------------------------------------------

@pytest.mark.parametrize("extra", [{}, {"zk_fee_per_message": 0.01, "prividium_messages_per_day": 2e5,
                                        "price_impact_per_million_usd": 0.3, "auction_discount": 0.05,
                                        "price_drift_per_year": -0.2}])
def test_vectorised_simulation_matches_the_python_loop(extra: dict[str, float]) -> None:
    p = params(**extra)
    fast, slow = simulate(p, 500, 5, seed=9), simulate_reference(p, 500, 5, seed=9)
    for name in ARRAYS:
        np.testing.assert_allclose(getattr(fast, name), getattr(slow, name), rtol=1e-12, err_msg=name)


# --- bad input: ValueError naming the parameter ---------------------------------------------------------

@pytest.mark.parametrize(("change", "name"), [
    ({"burn_share": -0.1, "staking_share": 0.8}, "burn_share"),
    ({"burn_share": 0.5}, "sum to 1"),
    ({"retained_share": 0.2}, "sum to 1"),
    ({"messages_per_day": -1.0}, "messages_per_day"),
    ({"prividium_messages_per_day": -1.0}, "prividium_messages_per_day"),
    ({"fee_per_message_usd": -0.01}, "fee_per_message_usd"),
    ({"zk_fee_per_message": -10.0}, "zk_fee_per_message"),
    ({"licensing_usd_per_year": -5.0}, "licensing_usd_per_year"),
    ({"zk_price_usd": 0.0}, "zk_price_usd"),
    ({"zk_price_usd": -0.05}, "zk_price_usd"),
    ({"staked_share": 1.01}, "staked_share"),
    ({"staked_share": -0.01}, "staked_share"),
    ({"price_volatility": -0.1}, "price_volatility"),
    ({"circulating_supply": 22e9}, "circulating_supply"),
    ({"max_supply": 0.0}, "max_supply"),
    ({"message_growth_per_year": -1.0}, "message_growth_per_year"),
    ({"auction_discount": 1.0}, "auction_discount"),
    ({"messages_per_day": math.nan}, "messages_per_day"),
    ({"zk_price_usd": math.inf}, "zk_price_usd"),
])
def test_bad_parameter_is_rejected_at_construction_naming_it(change: dict[str, float], name: str) -> None:
    with pytest.raises(ValueError, match=name):
        params(**change)
    with pytest.raises(ValueError, match=name):
        dataclasses.replace(params(), **change)  # replace re-validates


def test_non_numbers_are_type_errors() -> None:
    with pytest.raises(TypeError, match="fee_per_message_usd"):
        params(fee_per_message_usd="0.01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="staked_share"):
        params(staked_share=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="TokenomicsParams"):
        simulate(BASE, 10, 1, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(("days", "paths", "name"), [(0, 1, "days"), (1, 0, "paths"), (-5, 3, "days")])
def test_days_and_paths_below_one_are_rejected(days: int, paths: int, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        simulate(params(), days, paths, 0)
    with pytest.raises(ValueError, match=name):
        simulate_reference(params(), days, paths, 0)
    with pytest.raises(TypeError, match="days"):
        simulate(params(), 10.0, 1, 0)  # type: ignore[arg-type]


def test_the_burn_stops_at_zero_supply_and_flags_the_path() -> None:
    p = params(zk_fee_per_message=10.0, messages_per_day=1e8, price_volatility=0.0)  # 4e8 ZK burned a day
    within = simulate(p, 50, 1, 0)  # 2e10 < 2.1e10
    assert not within.supply_exhausted.any() and within.supply_zk[0, -1] > 0
    for r in (simulate(p, 60, 2, 0), simulate_reference(p, 60, 2, 0)):
        assert r.supply_exhausted.tolist() == [True, True]
        assert r.supply_zk[0, -1] == 0.0 and np.all(r.supply_zk >= 0)
        assert r.burned_zk.sum(axis=1) == pytest.approx([21e9, 21e9])
        assert np.all(r.burned_zk[:, -5:] == 0.0)
        # what could not be burned is retained: value is still conserved
        parts = r.burned_zk + r.staking_zk + r.ecosystem_zk + r.retained_zk
        np.testing.assert_allclose(parts, r.revenue_zk, rtol=1e-12)
    fast, slow = simulate(p, 60, 2, 0), simulate_reference(p, 60, 2, 0)
    for name in ARRAYS:
        np.testing.assert_allclose(getattr(fast, name), getattr(slow, name), rtol=1e-9, atol=1e-3, err_msg=name)


# --- presets ----------------------------------------------------------------------------------------------

def test_every_preset_is_dated_cited_and_keeps_most_supply_for_five_years() -> None:
    from tests.notebooks import ROOT
    from zkedu.economics.presets import PRESETS

    bib = (ROOT / "book" / "references.bib").read_text()
    for name, preset in PRESETS.items():
        assert preset.as_of and preset.sources and preset.note, name
        for key in preset.sources:
            assert "{" + key + "," in bib, f"{name}: {key} is not in references.bib"
        r = simulate(preset.params, 5 * 365, 200, seed=1)
        assert np.median(r.supply_zk[:, -1]) > 0.5 * preset.params.max_supply, name
        assert r.supply_exhausted.mean() < 0.25, name
        assert np.all(np.isfinite(r.yearly_burn_share())), name
    assert not simulate(PRESETS["today-like volume"].params, 5 * 365, 200, seed=1).supply_exhausted.any()


def test_swift_presets_show_the_claim_beside_swifts_own_figures() -> None:
    from zkedu.economics.presets import (
        PRESETS,
        SWIFT_2018_MESSAGES_PER_DAY,
        SWIFT_2018_PEAK_MESSAGES_PER_DAY,
        SWIFT_CLAIM_MESSAGES_PER_DAY,
    )

    claim, measured = PRESETS["SWIFT-scale, source's claim"], PRESETS["SWIFT-scale, SWIFT 2018 average"]
    assert claim.unverified and not measured.unverified
    assert claim.params.messages_per_day == 50e6 == SWIFT_CLAIM_MESSAGES_PER_DAY
    assert measured.params.messages_per_day == 31.31e6
    assert SWIFT_2018_MESSAGES_PER_DAY < SWIFT_2018_PEAK_MESSAGES_PER_DAY < SWIFT_CLAIM_MESSAGES_PER_DAY


def test_outside_comparisons_are_marked_secondary_and_shares_follow_them() -> None:
    from zkedu.economics.presets import ETH_NET_SUPPLY_CHANGE_APR_2024_APR_2025, ETH_SUPPLY_AT_MERGE, PRESETS

    eth, uni = PRESETS["EIP-1559-like burn"], PRESETS["Uniswap fee-switch-like split"]
    assert eth.secondary and uni.secondary and not PRESETS["Fee Flow v1.0 at launch"].secondary
    assert eth.params.burn_share == 1.0 == PRESETS["Fee Flow v1.0 at launch"].params.burn_share
    assert uni.params.burn_share == pytest.approx(1 / 6)
    # +0.62M on ~121M is about half a percent, as the secondary source says
    assert ETH_NET_SUPPLY_CHANGE_APR_2024_APR_2025 / ETH_SUPPLY_AT_MERGE == pytest.approx(0.0051, abs=0.0002)


# --- interop fees from zkedu.interop.fees: both forms and the sink ----------------------------------------

def test_operator_sink_keeps_interop_fees_from_the_treasury_but_not_licensing() -> None:
    from zkedu.interop.fees import FeeSink

    to_operator = params(interop_fee_sink=FeeSink.OPERATOR, zk_fee_per_message=1.0, price_volatility=0.0)
    for r in (simulate(to_operator, 3, 1, 0), simulate_reference(to_operator, 3, 1, 0)):
        assert r.revenue_usd[0, 0] == pytest.approx(10_000.0)  # licensing only: $3.65M / 365
    assert params().interop_fee_sink is FeeSink.TREASURY
    with pytest.raises(TypeError, match="interop_fee_sink"):
        params(interop_fee_sink="treasury")  # type: ignore[arg-type]


def test_interop_fee_policy_maps_to_the_models_two_fee_forms() -> None:
    from zkedu.economics.presets import V31_DEFAULT_ZK_INTEROP_FEE, interop_fee_fields
    from zkedu.interop.fees import DEFAULT_ZK_INTEROP_FEE, FeeSink, InteropFeePolicy

    assert V31_DEFAULT_ZK_INTEROP_FEE == 10.0 and DEFAULT_ZK_INTEROP_FEE == 10 * 10**18
    policy = InteropFeePolicy(base_token_fee=10**14, sink=FeeSink.OPERATOR)  # 0.0001 ETH per call
    base = interop_fee_fields(policy, use_fixed_fee=False, base_token_price_usd=3000.0)
    assert base == {"fee_per_message_usd": pytest.approx(0.3), "zk_fee_per_message": 0.0,
                    "interop_fee_sink": FeeSink.OPERATOR}
    fixed = interop_fee_fields(policy, use_fixed_fee=True, base_token_price_usd=3000.0)
    assert (fixed["fee_per_message_usd"], fixed["zk_fee_per_message"]) == (0.0, 10.0)
    with pytest.raises(ValueError, match="base_token_price_usd"):
        interop_fee_fields(policy, False, -1.0)


def test_numpy_scalars_are_accepted_like_python_numbers() -> None:
    p = params(messages_per_day=np.int64(1_000_000), zk_price_usd=np.float64(0.05))
    assert simulate(p, 2, 1, 0).revenue_zk[0, 0] == pytest.approx(400_000.0)
