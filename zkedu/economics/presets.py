"""Dated, cited scenarios for the token model, and the outside figures they are compared with.

No fee level or licence price has been proposed or set for the ZK token, and the only split described (Fee
Flow v1.0's 100% burn at launch) was confirmed on the forum without a token vote (as of Nov 2026): the
volumes, fees, price and supply below are the book's assumptions unless a source is given, and each preset
says which.
Figures from secondary sources (press, dashboards) are marked ``secondary=True``; claims that could not be
checked are marked ``unverified=True``. Bibliography keys refer to ``book/references.bib``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from zkedu.economics.params import TokenomicsParams
from zkedu.interop.fees import DEFAULT_ZK_INTEROP_FEE, FeeSink, InteropFeePolicy, units_to_tokens

V31_DEFAULT_ZK_INTEROP_FEE = float(units_to_tokens(DEFAULT_ZK_INTEROP_FEE))  # 10 ZK per interop call (draft-v31)


def interop_fee_fields(policy: InteropFeePolicy, use_fixed_fee: bool, base_token_price_usd: float) -> dict:
    """The model's fee fields for messages paid under an interop fee ``policy`` (one call per message).

    The ZK form pays ``policy.zk_fee`` in ZK; the base-token form pays ``policy.base_token_fee``, valued at
    ``base_token_price_usd`` per whole base token. The sink travels with the fees.

    >>> f = interop_fee_fields(InteropFeePolicy(sink=FeeSink.TREASURY), True, 3000.0)
    >>> f["zk_fee_per_message"], f["fee_per_message_usd"]
    (10.0, 0.0)
    """
    if not isinstance(policy, InteropFeePolicy):
        raise TypeError(f"policy must be an InteropFeePolicy, got {type(policy).__name__}")
    if not base_token_price_usd >= 0:
        raise ValueError(f"base_token_price_usd must be >= 0, got {base_token_price_usd!r}")
    if use_fixed_fee:
        return {"fee_per_message_usd": 0.0, "zk_fee_per_message": float(units_to_tokens(policy.zk_fee)),
                "interop_fee_sink": policy.sink}
    return {"fee_per_message_usd": float(units_to_tokens(policy.base_token_fee)) * base_token_price_usd,
            "zk_fee_per_message": 0.0, "interop_fee_sink": policy.sink}

# --- outside figures ------------------------------------------------------------------------------------
SWIFT_CLAIM_MESSAGES_PER_DAY = 50_000_000  # the source article's "over 50 million a day" (unverified)
SWIFT_2017_MESSAGES_PER_DAY = 28_140_000  # SWIFT FIN traffic, 2017 daily average (SWIFT)
SWIFT_2018_MESSAGES_PER_DAY = 31_310_000  # SWIFT FIN traffic, 2018 daily average (SWIFT)
SWIFT_2018_PEAK_MESSAGES_PER_DAY = 35_220_000  # SWIFT FIN traffic, 2018 peak day (SWIFT)
ETH_SUPPLY_AT_MERGE = 120_520_000  # ETH, Sep 2022 (secondary: supply dashboards)
ETH_BURNED_BY_APR_2025 = 4_500_000  # ETH burned under EIP-1559 from Aug 2021 to Apr 2025 (secondary)
ETH_NET_SUPPLY_CHANGE_APR_2024_APR_2025 = 620_000  # ETH, +0.51% in the year despite burning (secondary)
ETH_NET_SUPPLY_GROWTH_APR_2024_APR_2025 = 0.0051
UNISWAP_V2_FEE = 0.003  # a v2 swap's fee: 0.25% to liquidity providers, 0.05% to buy-and-burn (secondary)
UNISWAP_V2_BURN_PART = 0.0005
UNISWAP_ONE_OFF_BURN_UNI = 100_000_000  # UNI burned once under "UNIfication" (Nov-Dec 2025, secondary)
TPP12_PILOT_REWARDS_ZK = 37_500_000  # ZK for the 6-month staking pilot, reward rate up to 10% (forum)
TPP12_VOTES_IN_FAVOUR_ZK = 905_630_000  # ZK voted for TPP-12 (secondary)


@dataclass(frozen=True)
class Preset:
    """A named scenario: its parameters, the date it describes, its sources, and how sure its figures are."""

    name: str
    params: TokenomicsParams
    as_of: str
    sources: tuple[str, ...]
    note: str
    secondary: bool = False
    unverified: bool = False


# The book's illustrative baseline (every figure an assumption: see the chapter's assumptions table).
BASELINE = TokenomicsParams(
    messages_per_day=1_000_000, message_growth_per_year=0.3, fee_per_message_usd=0.002,
    licensing_usd_per_year=5_000_000, zk_price_usd=0.05, price_volatility=0.8,
    burn_share=0.4, staking_share=0.3, ecosystem_share=0.2, retained_share=0.1,
    circulating_supply=7_000_000_000, staked_share=0.2,
)

PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("baseline (illustrative)", BASELINE, "Nov 2026", ("gluchowski2025part1",),
           "Every number is an assumption: the proposal sets no fee level and no split."),
    Preset("Fee Flow v1.0 at launch", replace(BASELINE, burn_share=1.0, staking_share=0.0, ecosystem_share=0.0,
                                             retained_share=0.0),
           "Nov 2026", ("zknation_fee_flow",),
           "The splitter as confirmed for launch on the forum (no token vote found): 100% burn; volumes as "
           "the baseline."),
    Preset("today-like volume", replace(BASELINE, messages_per_day=100_000, message_growth_per_year=0.0,
                                        licensing_usd_per_year=0.0, interop_fee_sink=FeeSink.OPERATOR),
           "Nov 2026", ("zksync_docs", "era_contracts_v31"),
           "An order-of-magnitude assumption: no count of interop messages is published. Bundles are not live "
           "and in the v31 code sending fees accrue to the operator (the sink here), so the treasury's interop "
           "revenue is zero."),
    Preset("ZK-denominated fee (v31 default)",
           replace(BASELINE, messages_per_day=100_000,
                   **interop_fee_fields(InteropFeePolicy(sink=FeeSink.TREASURY), True, 0.0)),
           "May 2026", ("era_contracts_v31",),
           "10 ZK per interop call, the draft-v31 default, if it went to the treasury (in that code it goes to "
           "the operator)."),
    Preset("SWIFT-scale, source's claim", replace(BASELINE, messages_per_day=SWIFT_CLAIM_MESSAGES_PER_DAY,
                                                  message_growth_per_year=0.0),
           "Nov 2025", ("gluchowski2025part2",), "'Over 50 million messages a day': not supported by SWIFT's "
           "published figures.", unverified=True),
    Preset("SWIFT-scale, SWIFT 2018 average", replace(BASELINE, messages_per_day=SWIFT_2018_MESSAGES_PER_DAY,
                                                      message_growth_per_year=0.0),
           "2018", ("swift_2018",), "31.31 million FIN messages a day on average in 2018 (peak 35.22 million)."),
    Preset("EIP-1559-like burn", replace(BASELINE, burn_share=1.0, staking_share=0.0, ecosystem_share=0.0,
                                         retained_share=0.0),
           "Apr 2025", ("eip1559", "ultrasound_money"),
           "All fee revenue burned, as Ethereum burns the base fee. ETH's supply still grew about 0.5% in the "
           "year to Apr 2025 because issuance to stakers exceeded the burn; this model has no issuance.",
           secondary=True),
    Preset("Uniswap fee-switch-like split", replace(BASELINE, burn_share=UNISWAP_V2_BURN_PART / UNISWAP_V2_FEE,
                                                    staking_share=1 - UNISWAP_V2_BURN_PART / UNISWAP_V2_FEE,
                                                    ecosystem_share=0.0, retained_share=0.0),
           "Dec 2025", ("uniswap_unification",),
           "v2's 0.3% fee: 0.05 points to buy-and-burn (1/6), 0.25 points to liquidity providers, mapped here to "
           "staking rewards (an analogy, not a like-for-like role).", secondary=True),
)}
