"""Chapter 10 exercises: a first year's burn by hand, and the fee that pays a given staking yield.

Source: ``zkedu.economics`` (the model the chapter builds), run without price risk.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.economics import TokenomicsParams, simulate

BURN_SCENARIO = {"messages_per_day": 2_000_000, "fee_per_message_usd": 0.005, "zk_price_usd": 0.05,
                 "circulating_supply": 7e9, "burn_share": 0.5, "ecosystem_share": 0.5}
YIELD_SCENARIO = {"messages_per_day": 1_000_000, "zk_price_usd": 0.05, "circulating_supply": 7e9,
                  "burn_share": 0.7, "staking_share": 0.3, "staked_share": 0.2}
TARGET_YIELD = 0.05


def compute_first_year_burn() -> float:
    """ZK burned in the first year of the burn scenario (no licensing, no growth, no volatility)."""
    r = simulate(TokenomicsParams(**BURN_SCENARIO), 365, 1, seed=0)
    return float(r.yearly("burned_zk")[0, 0])


def compute_fee_for_target_yield() -> float:
    """The USD fee per message at which the yield scenario pays stakers 5% a year."""
    probe = 1.0  # the yield is proportional to the fee: scale a probe
    r = simulate(TokenomicsParams(**YIELD_SCENARIO, fee_per_message_usd=probe), 365, 1, seed=0)
    return probe * TARGET_YIELD / float(r.yearly_staking_yield()[0, 0])


def burn_hint(answer: float) -> str | None:
    """Targeted hints for the two likeliest slips: forgetting the burn share, or the price."""
    expected = compute_first_year_burn()
    if abs(answer - 2 * expected) <= 1e-6 * expected:
        return "that is everything the treasury bought: only the burn share of it is burned."
    if abs(answer - expected * 0.05) <= 1e-6 * expected:
        return "that is a dollar amount: the treasury buys ZK at the ZK price."
    return None


register(Exercise(
    "ch10-first-year-burn",
    how_to_answer="a number of ZK (a float is fine)",
    hint="dollars a day = messages x fee; ZK a day = dollars / price; burned = ZK x burn share; then 365 days.",
    answer_types=(int, float),
    expected=compute_first_year_burn,
    rel_tol=1e-6,
    targeted_hint=burn_hint,
))

register(Exercise(
    "ch10-fee-for-yield",
    how_to_answer="a fee per message in USD (a float)",
    hint="yield = messages x fee / price x staking share x 365 / (staked share x circulating supply); "
         "solve for the fee.",
    answer_types=(int, float),
    expected=compute_fee_for_target_yield,
    rel_tol=1e-3,
))
