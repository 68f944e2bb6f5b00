"""The ZK token's economics, as proposed (Nov 2025): fees and licensing -> buy ZK -> burn / stake / fund.

A model for Chapter 10, not a forecast and not financial advice. ``TokenomicsParams`` holds a scenario,
``simulate`` runs it on seeded Monte Carlo price paths (numpy arrays of shape paths x days), ``presets`` holds
dated and cited scenarios and outside comparisons, ``sensitivity`` ranks the inputs by Sobol indices (SALib).
"""

from __future__ import annotations

from zkedu.economics.flows import (
    DailyRevenue,
    Split,
    compute_daily_revenue,
    compute_messages_per_day,
    convert_usd_to_zk,
    split_zk,
)
from zkedu.economics.model import TokenomicsPaths, simulate, simulate_reference
from zkedu.economics.params import MAX_SUPPLY_ZK, TokenomicsParams, compute_licensing_usd_per_year
from zkedu.economics.prices import simulate_gbm_prices

__all__ = [
    "MAX_SUPPLY_ZK",
    "DailyRevenue",
    "Split",
    "TokenomicsParams",
    "TokenomicsPaths",
    "compute_daily_revenue",
    "compute_licensing_usd_per_year",
    "compute_messages_per_day",
    "convert_usd_to_zk",
    "simulate",
    "simulate_gbm_prices",
    "simulate_reference",
    "split_zk",
]
