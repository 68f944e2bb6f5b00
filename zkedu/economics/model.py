"""The token-economics simulation: daily treasury flows, supply and staking yield over Monte Carlo price paths.

``simulate`` is vectorised with numpy over paths x days; ``simulate_reference`` is the same model as a plain
Python loop over paths and days, from the same random draws (tests check the two agree; the benchmark times
them side by side).

Per day ``d`` and path ``k``, with ``p`` the GBM price::

    revenue_zk   = (fee_usd + licensing_usd) converted at the auction + fee_zk
    revenue_usd  = fee_usd + licensing_usd + fee_zk x p
    burned, staking, ecosystem, retained = revenue_zk x (the four shares)
    supply_zk    = supply the day before - burned            (day -1: max_supply; no issuance)
    staking_yield = staking x 365 / staked_zk                (annualised; staked ZK is an input)

With nothing staked the yield is +inf if rewards are paid and nan if none are.

A fixed dollar budget buys ever more ZK as the price falls, and a GBM path can fall a long way: on such a path
the cumulative burn could exceed the supply. The model never burns what does not exist: the burn stops when the
supply reaches zero, the ZK it could not burn counts as retained (so value is still conserved), and
``supply_exhausted`` flags the path. Nothing is clipped silently: the chapter reports how many paths did this.

Source: see ``zkedu.economics.flows`` (Part I proposal, Fee Flow v1.0, era-contracts draft-v31 interop fees)
and ``zkedu.economics.prices`` (GBM).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from zkedu.economics.flows import compute_daily_revenue, convert_usd_to_zk, split_zk
from zkedu.economics.params import DAYS_PER_YEAR, TokenomicsParams
from zkedu.economics.prices import draw_normals, simulate_gbm_prices
from zkedu.interop.fees import FeeSink

FLOW_NAMES = ("burned_zk", "staking_zk", "ecosystem_zk", "retained_zk")


@dataclass(frozen=True)
class TokenomicsPaths:
    """A simulation's result: every array has shape (paths, days); amounts per day in ZK or USD."""

    params: TokenomicsParams
    seed: int
    revenue_usd: np.ndarray
    revenue_zk: np.ndarray
    price_usd: np.ndarray
    burned_zk: np.ndarray
    staking_zk: np.ndarray
    ecosystem_zk: np.ndarray
    retained_zk: np.ndarray
    supply_zk: np.ndarray
    staking_yield: np.ndarray
    supply_exhausted: np.ndarray  # shape (paths,): the burn hit the whole supply on this path

    @property
    def paths(self) -> int:
        return self.price_usd.shape[0]

    @property
    def days(self) -> int:
        return self.price_usd.shape[1]

    def yearly(self, name: str) -> np.ndarray:
        """Sum a daily flow over each full year: shape (paths, days // 365)."""
        if name not in (*FLOW_NAMES, "revenue_usd", "revenue_zk"):
            raise ValueError(f"not a daily flow: {name!r}")
        years = self.days // DAYS_PER_YEAR
        if years < 1:
            raise ValueError(f"a simulation of {self.days} days has no full year")
        flow = getattr(self, name)[:, : years * DAYS_PER_YEAR]
        return flow.reshape(self.paths, years, DAYS_PER_YEAR).sum(axis=2)

    def yearly_burn_share(self) -> np.ndarray:
        """ZK burned in each full year as a share of the supply at that year's start: (paths, years).

        A path whose supply is already gone burns nothing more and counts 0.
        """
        burned = self.yearly("burned_zk")
        starts = np.concatenate([np.full((self.paths, 1), self.params.max_supply),
                                 self.supply_zk[:, DAYS_PER_YEAR - 1 : burned.shape[1] * DAYS_PER_YEAR - 1
                                                : DAYS_PER_YEAR]], axis=1)
        return np.divide(burned, starts, out=np.zeros_like(burned), where=starts > 0)

    def yearly_staking_yield(self) -> np.ndarray:
        """Staking rewards paid in each full year over the ZK staked: (paths, years)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.yearly("staking_zk") / self.params.staked_zk


def simulate(params: TokenomicsParams, days: int, paths: int, seed: int) -> TokenomicsPaths:
    """Simulate ``days`` days of treasury flows on ``paths`` seeded GBM price paths (numpy, paths x days).

    Source: the flow of the Part I proposal (forum.zknation.io, 4 Nov 2025) with Fee Flow v1.0's auction and
    splitter (forum.zknation.io topic 983); supply capped by ZKTokenV3 (zk-governance l2-contracts).

    >>> p = TokenomicsParams(messages_per_day=1e6, fee_per_message_usd=0.01, zk_price_usd=0.05,
    ...                      circulating_supply=7e9)
    >>> r = simulate(p, days=365, paths=4, seed=0)
    >>> r.burned_zk.shape, float(r.burned_zk[0, 0])     # 1e6 x $0.01 / $0.05, all burned
    ((4, 365), 200000.0)
    """
    if not isinstance(params, TokenomicsParams):
        raise TypeError(f"params must be a TokenomicsParams, got {type(params).__name__}")
    price = simulate_gbm_prices(params.zk_price_usd, params.price_volatility, params.price_drift_per_year,
                                days, paths, seed)
    revenue = compute_daily_revenue(params, days)
    non_zk = revenue.non_zk_usd
    revenue_zk = convert_usd_to_zk(non_zk, price, params) + revenue.fee_zk
    revenue_usd = non_zk + revenue.fee_zk * price
    split = split_zk(revenue_zk, params)
    wanted = np.cumsum(split.burned, axis=1)
    exhausted = wanted[:, -1] >= params.max_supply
    burned, retained = split.burned, split.retained
    if exhausted.any():  # burn only what exists; what could not be burned stays with the treasury
        cumulative = np.minimum(wanted, params.max_supply)
        burned = np.diff(cumulative, axis=1, prepend=0.0)
        retained = retained + (split.burned - burned)
        supply = params.max_supply - cumulative
    else:
        supply = params.max_supply - wanted
    with np.errstate(divide="ignore", invalid="ignore"):
        staking_yield = split.staking * DAYS_PER_YEAR / params.staked_zk
    return TokenomicsPaths(params, seed, revenue_usd, revenue_zk, price, burned, split.staking,
                           split.ecosystem, retained, supply, staking_yield, exhausted)


def simulate_reference(params: TokenomicsParams, days: int, paths: int, seed: int) -> TokenomicsPaths:
    """The same model as a plain Python loop over paths and days, from the same normal draws (the oracle)."""
    z = draw_normals(days, paths, seed).tolist()
    dt, sigma, mu = 1.0 / DAYS_PER_YEAR, params.price_volatility, params.price_drift_per_year
    names = ("revenue_usd", "revenue_zk", "price_usd", *FLOW_NAMES, "supply_zk", "staking_yield")
    out = {name: [[0.0] * days for _ in range(paths)] for name in names}
    shares = (params.burn_share, params.staking_share, params.ecosystem_share, params.retained_share)
    volume = params.messages_per_day + params.prividium_messages_per_day
    to_treasury = 1.0 if params.interop_fee_sink is FeeSink.TREASURY else 0.0
    fee_usd, fee_zk = params.fee_per_message_usd * to_treasury, params.zk_fee_per_message * to_treasury
    for k in range(paths):
        log_price, supply = 0.0, params.max_supply
        for d in range(days):
            if d > 0:
                log_price += (mu - 0.5 * sigma**2) * dt + sigma * math.sqrt(dt) * z[k][d - 1]
            price = params.zk_price_usd * math.exp(log_price)
            messages = volume * (1.0 + params.message_growth_per_year) ** (d / DAYS_PER_YEAR)
            usd = messages * fee_usd + params.licensing_usd_per_year / DAYS_PER_YEAR
            clearing = price * (1.0 + params.price_impact_per_million_usd * usd / 1e6)
            zk = usd * (1.0 - params.auction_discount) / clearing + messages * fee_zk
            flows = [zk * share for share in shares]
            if flows[0] > supply:  # burn only what exists; the rest is retained
                flows[0], flows[3] = supply, flows[3] + flows[0] - supply
            supply -= flows[0]
            row = (usd + messages * fee_zk * price, zk, price, *flows, supply,
                   _annualise(flows[1], params.staked_zk))
            for name, value in zip(names, row, strict=True):
                out[name][k][d] = value
    arrays = {name: np.array(rows, dtype=float) for name, rows in out.items()}
    return TokenomicsPaths(params, seed, **arrays, supply_exhausted=arrays["supply_zk"][:, -1] <= 0)


def _annualise(daily_reward: float, staked: float) -> float:
    if staked > 0:
        return daily_reward * DAYS_PER_YEAR / staked
    return math.inf if daily_reward > 0 else math.nan
