"""Treasury flows of the proposed ZK token utility: revenue, conversion into ZK, and the splitter.

1. **Revenue.** Interop messages (public chains plus Prividiums) pay a fee per message in one of the two forms
   the interop chapter models: a base-token fee (valued here in USD) and/or a fixed ZK-denominated fee; volume
   grows at a yearly rate, compounded daily. Licensing adds a yearly USD figure, spread evenly over days.
2. **Conversion.** Non-ZK revenue is sold for ZK in a fixed-price auction. The model's auction clears at the
   day's price, optionally raised by a price impact proportional to the dollars converted that day and reduced
   by a discount the buyers keep. The impact is temporary: it changes what the treasury pays, not the price path.
3. **The splitter.** The ZK is divided by governance-set shares into burn, staking rewards, ecosystem funding
   and a retained remainder.

Source: A. Gluchowski, "ZK token utility proposal, Part I", forum.zknation.io (4 Nov 2025: revenue streams,
buy ZK, burn / staking / ecosystem); Fee Flow v1.0, forum.zknation.io topic 983 (fixed-price auction, splitter
at 100% burn at launch); era-contracts branch draft-v31, InteropCenter (base-token fee set by the operator, or
DEFAULT_ZK_INTEROP_FEE = 10 ZK). Fee levels were never proposed: they are inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zkedu.economics.params import DAYS_PER_YEAR, TokenomicsParams
from zkedu.interop.fees import FeeSink


@dataclass(frozen=True)
class DailyRevenue:
    """What the network earns each day before conversion, shape (days,): messages, USD, and native ZK."""

    messages: np.ndarray  # interop messages that day, public chains plus Prividiums
    fee_usd: np.ndarray  # base-token fees, in USD
    licensing_usd: np.ndarray  # licensing, in USD
    fee_zk: np.ndarray  # ZK-denominated fees: already ZK, no conversion

    @property
    def non_zk_usd(self) -> np.ndarray:
        """The revenue that must be converted into ZK (USD per day)."""
        return self.fee_usd + self.licensing_usd


def compute_messages_per_day(params: TokenomicsParams, days: int) -> np.ndarray:
    """Messages on each day: (public + Prividium volume) x (1 + growth) ** (day / 365), shape (days,).

    >>> p = TokenomicsParams(messages_per_day=1000, message_growth_per_year=1.0, fee_per_message_usd=0,
    ...                      zk_price_usd=1, circulating_supply=1e9)
    >>> [round(float(m)) for m in compute_messages_per_day(p, 366)[[0, 365]]]
    [1000, 2000]
    """
    day = np.arange(days, dtype=float)
    volume = params.messages_per_day + params.prividium_messages_per_day
    return volume * (1.0 + params.message_growth_per_year) ** (day / DAYS_PER_YEAR)


def compute_daily_revenue(params: TokenomicsParams, days: int) -> DailyRevenue:
    """Fees in both forms and licensing, day by day (deterministic: the price enters at conversion).

    Interop fees reach the treasury only if their sink is ``FeeSink.TREASURY`` (the proposal); with
    ``FeeSink.OPERATOR`` (the v31 code) they accrue to the operator and the treasury sees licensing alone.
    """
    messages = compute_messages_per_day(params, days)
    licensing = np.full(days, params.licensing_usd_per_year / DAYS_PER_YEAR)
    to_treasury = 1.0 if params.interop_fee_sink is FeeSink.TREASURY else 0.0
    return DailyRevenue(messages, messages * (params.fee_per_message_usd * to_treasury), licensing,
                        messages * (params.zk_fee_per_message * to_treasury))


def convert_usd_to_zk(usd: np.ndarray, price_usd: np.ndarray, params: TokenomicsParams) -> np.ndarray:
    """ZK bought with ``usd`` at the auction: usd x (1 - discount) / (price x (1 + impact x usd / 1e6)).

    With the neutral defaults this is usd / price. Broadcasts: ``usd`` (days,) against prices (paths, days).
    Source: Fee Flow v1.0's fixed-price auction (forum.zknation.io topic 983); the impact and discount are the
    book's optional assumptions.

    >>> p = TokenomicsParams(messages_per_day=0, fee_per_message_usd=0, zk_price_usd=0.05, circulating_supply=1e9)
    >>> float(convert_usd_to_zk(np.array(100.0), np.array(0.05), p))
    2000.0
    """
    clearing_price = price_usd * (1.0 + params.price_impact_per_million_usd * usd / 1e6)
    return usd * (1.0 - params.auction_discount) / clearing_price


@dataclass(frozen=True)
class Split:
    """ZK directed by the splitter: four arrays of the same shape, summing to the input."""

    burned: np.ndarray
    staking: np.ndarray
    ecosystem: np.ndarray
    retained: np.ndarray


def split_zk(zk: np.ndarray, params: TokenomicsParams) -> Split:
    """Divide ZK by the governance-set shares (which sum to 1, so value is conserved up to float rounding).

    Source: Part I proposal (burn, staking rewards, ecosystem); Fee Flow v1.0's splitter (forum topic 983).

    >>> p = TokenomicsParams(messages_per_day=0, fee_per_message_usd=0, zk_price_usd=1, circulating_supply=1e9,
    ...                      burn_share=0.5, staking_share=0.25, ecosystem_share=0.25)
    >>> s = split_zk(np.array([100.0]), p)
    >>> [float(x[0]) for x in (s.burned, s.staking, s.ecosystem, s.retained)]
    [50.0, 25.0, 25.0, 0.0]
    """
    return Split(zk * params.burn_share, zk * params.staking_share, zk * params.ecosystem_share,
                 zk * params.retained_share)
