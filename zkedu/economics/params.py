"""The inputs of the token-economics model: one immutable, validated parameter set.

Everything is a plain float in natural units: messages per day, US dollars, ZK tokens, fractions (0.25 = 25%)
and rates per year. The fields are validated when a ``TokenomicsParams`` is built (``__post_init__``), so an
invalid set never exists; ``dataclasses.replace`` re-runs the same checks. ``simulate`` checks only its own
arguments (days, paths, seed).

Fields beyond the issue's thirteen default to neutral values: no ZK-denominated fee, no Prividium volume,
zero price drift, no price impact and no auction discount (non-ZK revenue converts at the day's price), and
interop fees flowing to the treasury as proposed (``zkedu.interop.fees.FeeSink.TREASURY``; ``FeeSink.OPERATOR``
is what the v31 code does, and then only licensing reaches the treasury).

Source: the proposal's structure (revenue streams, governance-set splitter) is A. Gluchowski, "ZK token utility
proposal, Part I", forum.zknation.io, 4 Nov 2025; the cap is ZKTokenV3's 21,000,000,000 ZK
(zksync-association/zk-governance, l2-contracts); the launch split of Fee Flow v1.0 (100% burn) is ZK Nation
forum topic 983. No fee level or split percentage has been proposed or set (as of Nov 2026): every other value
is the reader's assumption.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, fields

from zkedu.interop.fees import FeeSink

MAX_SUPPLY_ZK = 21_000_000_000.0  # ZKTokenV3 cap (zk-governance l2-contracts, ZIP-14)
DAYS_PER_YEAR = 365
SHARE_TOLERANCE = 1e-9  # shares must sum to 1 within this (they are floats from sliders)

SHARE_FIELDS = ("burn_share", "staking_share", "ecosystem_share", "retained_share")
NON_NEGATIVE_FIELDS = (
    "messages_per_day", "fee_per_message_usd", "licensing_usd_per_year", "price_volatility",
    "zk_fee_per_message", "prividium_messages_per_day", "price_impact_per_million_usd",
)


@dataclass(frozen=True, kw_only=True)
class TokenomicsParams:
    """One scenario: usage, fees, licensing, the ZK price process, the splitter and the token supply.

    >>> p = TokenomicsParams(messages_per_day=1e6, fee_per_message_usd=0.01, zk_price_usd=0.05,
    ...                      circulating_supply=7e9)
    >>> p.burn_share, p.max_supply
    (1.0, 21000000000.0)
    >>> TokenomicsParams(messages_per_day=-1, fee_per_message_usd=0.01, zk_price_usd=0.05, circulating_supply=7e9)
    Traceback (most recent call last):
    ...
    ValueError: messages_per_day must be >= 0, got -1
    """

    # usage and revenue (public chains)
    messages_per_day: float
    message_growth_per_year: float = 0.0  # 0.5 = volume grows 50% a year, compounded daily
    fee_per_message_usd: float  # the base-token fee form, valued in USD
    licensing_usd_per_year: float = 0.0  # off-chain enterprise licensing (see compute_licensing_usd_per_year)
    # the ZK price: geometric Brownian motion
    zk_price_usd: float
    price_volatility: float = 0.0  # annualised sigma of log returns
    # the splitter (governance-set; Fee Flow v1.0 launched at 100% burn)
    burn_share: float = 1.0
    staking_share: float = 0.0
    ecosystem_share: float = 0.0
    retained_share: float = 0.0
    # the token
    circulating_supply: float
    staked_share: float = 0.0  # share of the circulating supply that is staked
    max_supply: float = MAX_SUPPLY_ZK
    # neutral extensions
    zk_fee_per_message: float = 0.0  # the ZK-denominated fee form (v31's DEFAULT_ZK_INTEROP_FEE is 10 ZK)
    prividium_messages_per_day: float = 0.0  # messages from Prividiums, paying the same fees, same growth
    price_drift_per_year: float = 0.0  # GBM drift mu
    price_impact_per_million_usd: float = 0.0  # conversion premium over the day's price per $1M bought that day
    auction_discount: float = 0.0  # the auction's buyers keep this fraction of the converted value
    interop_fee_sink: FeeSink = FeeSink.TREASURY  # OPERATOR is the v31 code: interop fees never reach the treasury

    def __post_init__(self) -> None:
        for f in fields(self):
            if f.name != "interop_fee_sink":
                _check_real(f.name, getattr(self, f.name))
        if not isinstance(self.interop_fee_sink, FeeSink):
            raise TypeError(f"interop_fee_sink must be a FeeSink, got {self.interop_fee_sink!r}")
        for name in (*NON_NEGATIVE_FIELDS, *SHARE_FIELDS):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)!r}")
        total = sum(getattr(self, name) for name in SHARE_FIELDS)
        if abs(total - 1.0) > SHARE_TOLERANCE:
            shares = ", ".join(f"{name}={getattr(self, name)!r}" for name in SHARE_FIELDS)
            raise ValueError(f"the shares must sum to 1, got {total!r} ({shares})")
        if self.zk_price_usd <= 0:
            raise ValueError(f"zk_price_usd must be > 0, got {self.zk_price_usd!r}")
        if not 0 <= self.staked_share <= 1:
            raise ValueError(f"staked_share must be in [0, 1], got {self.staked_share!r}")
        if self.max_supply <= 0:
            raise ValueError(f"max_supply must be > 0, got {self.max_supply!r}")
        if not 0 < self.circulating_supply <= self.max_supply:
            raise ValueError(f"circulating_supply must be in (0, max_supply={self.max_supply!r}], "
                             f"got {self.circulating_supply!r}")
        if self.message_growth_per_year <= -1:
            raise ValueError(f"message_growth_per_year must be > -1, got {self.message_growth_per_year!r}")
        if not 0 <= self.auction_discount < 1:
            raise ValueError(f"auction_discount must be in [0, 1), got {self.auction_discount!r}")

    @property
    def staked_zk(self) -> float:
        """The amount of ZK staked, the staked share of the circulating supply (an input, held constant)."""
        return self.staked_share * self.circulating_supply


def _check_real(name: str, value: object) -> None:
    """Refuse what is not a finite real number (bools included), naming the field."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")


def compute_licensing_usd_per_year(institutions: float, licence_fee_usd_per_year: float) -> float:
    """Off-chain licensing revenue: institutions x yearly licence fee (both the reader's assumptions).

    Source: the second revenue stream of the Part I proposal (enterprise modules: compliance dashboards, audit
    integrations, reporting tools); no licence price has been published.

    >>> compute_licensing_usd_per_year(40, 250_000)
    10000000.0
    """
    for name, value in (("institutions", institutions), ("licence_fee_usd_per_year", licence_fee_usd_per_year)):
        _check_real(name, value)
        if value < 0:
            raise ValueError(f"{name} must be >= 0, got {value!r}")
    return float(institutions) * float(licence_fee_usd_per_year)
