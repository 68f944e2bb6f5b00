"""Invariants of the token-economics model over random scenarios (hypothesis): conservation, supply, seeds."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.economics import TokenomicsParams, simulate


@st.composite
def scenarios(draw: st.DrawFn) -> TokenomicsParams:
    """Random valid scenarios; volumes and prices bounded so that no path buys the whole supply."""
    cuts = sorted(draw(st.lists(st.floats(0, 1), min_size=3, max_size=3)))
    shares = [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 1 - cuts[2]]
    return TokenomicsParams(
        messages_per_day=draw(st.floats(0, 1e7)),
        message_growth_per_year=draw(st.floats(-0.5, 2.0)),
        fee_per_message_usd=draw(st.floats(0, 0.05)),
        licensing_usd_per_year=draw(st.floats(0, 1e8)),
        zk_price_usd=draw(st.floats(0.01, 10.0)),
        price_volatility=draw(st.floats(0, 1.0)),
        burn_share=shares[0], staking_share=shares[1], ecosystem_share=shares[2], retained_share=shares[3],
        circulating_supply=draw(st.floats(1e8, 21e9)),
        staked_share=draw(st.floats(0.01, 1.0)),
        zk_fee_per_message=draw(st.floats(0, 1.0)),
        prividium_messages_per_day=draw(st.floats(0, 1e6)),
        price_drift_per_year=draw(st.floats(-0.5, 0.5)),
        price_impact_per_million_usd=draw(st.floats(0, 1.0)),
        auction_discount=draw(st.floats(0, 0.5)),
    )


RUNS = {"days": st.integers(1, 400), "paths": st.integers(1, 6), "seed": st.integers(0, 2**32 - 1)}


@settings(max_examples=60)
@given(p=scenarios(), **RUNS)
def test_every_day_revenue_equals_burned_plus_staking_plus_ecosystem_plus_retained(
        p: TokenomicsParams, days: int, paths: int, seed: int) -> None:
    r = simulate(p, days, paths, seed)
    parts = r.burned_zk + r.staking_zk + r.ecosystem_zk + r.retained_zk
    # four products of one float by shares summing to 1 (within 1e-9): relative error below 1e-8
    np.testing.assert_allclose(parts, r.revenue_zk, rtol=1e-8, atol=0)
    assert np.all(r.burned_zk >= 0) and np.all(r.retained_zk >= 0)


@settings(max_examples=60)
@given(p=scenarios(), **RUNS)
def test_supply_never_exceeds_the_cap_and_falls_exactly_by_the_burn(
        p: TokenomicsParams, days: int, paths: int, seed: int) -> None:
    r = simulate(p, days, paths, seed)
    assert np.all(r.supply_zk <= p.max_supply)
    before = np.concatenate([np.full((paths, 1), p.max_supply), r.supply_zk[:, :-1]], axis=1)
    # supply is max_supply - cumsum(burned): each day's fall equals that day's burn up to the rounding of
    # numbers of the supply's size (a few ulps of 2.1e10, i.e. ~1e-5 ZK) and of the running sum
    tolerance = 8 * np.spacing(p.max_supply) + 1e-12 * np.cumsum(r.burned_zk, axis=1)
    assert np.all(np.abs((before - r.supply_zk) - r.burned_zk) <= tolerance)
    assert np.all(np.diff(r.supply_zk, axis=1) <= 0)


@settings(max_examples=25)
@given(p=scenarios(), **RUNS)
def test_same_seed_gives_the_same_result_and_another_seed_other_prices(
        p: TokenomicsParams, days: int, paths: int, seed: int) -> None:
    a, b = simulate(p, days, paths, seed), simulate(p, days, paths, seed)
    for name in ("revenue_usd", "revenue_zk", "price_usd", "burned_zk", "supply_zk", "staking_yield"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    if days > 1 and p.price_volatility > 0.01:  # a denormal volatility leaves prices unchanged in floats
        other = simulate(p, days, paths, seed + 1)
        assert not np.array_equal(other.price_usd, a.price_usd)


@settings(max_examples=30)
@given(p=scenarios(), fee_zk=st.floats(1e3, 1e5), **RUNS)
def test_when_burns_would_exceed_the_supply_it_stops_at_zero_and_value_is_still_conserved(
        p: TokenomicsParams, fee_zk: float, days: int, paths: int, seed: int) -> None:
    from dataclasses import replace

    p = replace(p, zk_fee_per_message=fee_zk, messages_per_day=p.messages_per_day + 1e6, burn_share=0.5,
                staking_share=0.2, ecosystem_share=0.2, retained_share=0.1)  # >= 5e8 ZK burned a day
    r = simulate(p, days, paths, seed)
    assert np.all(r.supply_zk >= 0) and np.all(r.supply_zk <= p.max_supply)
    assert np.all(r.burned_zk.sum(axis=1) <= p.max_supply * (1 + 1e-12))
    np.testing.assert_allclose(r.burned_zk + r.staking_zk + r.ecosystem_zk + r.retained_zk, r.revenue_zk, rtol=1e-8)
    assert np.array_equal(r.supply_exhausted, r.supply_zk[:, -1] <= 0)
    if days >= 60:  # >= 5e8 x 0.5 ** (60 / 365) ZK a day for 60 days > 2.1e10: every path runs out
        assert r.supply_exhausted.all()
