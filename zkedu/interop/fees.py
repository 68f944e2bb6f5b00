"""Interop fees: what a sender pays per interop call, in which token, and where the fee goes.

The v31 contracts give a sender two ways to pay for each call of an interop bundle:

- the **base-token fee** ``interopProtocolFee``, set by the chain's operator (through the bootloader), paid in
  the chain's base token together with the bundle's value;
- the **fixed ZK fee** ``ZK_INTEROP_FEE``, initialised to ``DEFAULT_ZK_INTEROP_FEE`` = 10 ZK and paid in
  the ZK token, which the operator cannot change (the contract's "Stage 1" protection). A bundle that pays
  in ZK pays no base-token fee.

In that code both kinds accrue to ``block.coinbase``, the operator, who claims them later. The token
utility proposal (Part I, 4 Nov 2025) would send interop fees to a governance-controlled treasury instead;
that is a proposal, modelled here as a second :class:`FeeSink`.

Amounts are ints in a token's smallest unit (18 decimals for ZK and for ETH): ``1 ZK == 10**18``.

Source: EC branch draft-v31, l1-contracts/contracts/interop/InteropCenter.sol (DEFAULT_ZK_INTEROP_FEE,
interopProtocolFee, _ensureCorrectTotalValue, _sendBundle, accumulatedProtocolFees, accumulatedZKFees,
setInteropFee); ZK Nation forum, "ZK token utility" Part I (4 Nov 2025).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction

TOKEN_DECIMALS = 18
UNITS_PER_TOKEN = 10**TOKEN_DECIMALS
DEFAULT_ZK_INTEROP_FEE = 10 * UNITS_PER_TOKEN  # InteropCenter.sol: uint256 constant DEFAULT_ZK_INTEROP_FEE = 10e18
UINT256_MAX = 2**256 - 1


class FeeToken(Enum):
    """The token a fee is paid in: the source chain's base token, or ZK (the fixed-fee path)."""

    BASE = "base token"
    ZK = "ZK"


class FeeSink(Enum):
    """Where interop fees accrue.

    ``OPERATOR`` is the v31 code: ``accumulatedProtocolFees[block.coinbase]`` and
    ``accumulatedZKFees[block.coinbase]``. ``TREASURY`` is the proposal: a governance-controlled treasury.
    """

    OPERATOR = "operator (block.coinbase)"
    TREASURY = "governance treasury (proposed)"


def _check_amount(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int in the token's smallest unit, got {type(value).__name__}: {value!r}")
    if not 0 <= value <= UINT256_MAX:
        raise ValueError(f"{name} must be in [0, 2**256), got {value!r}")
    return value


def tokens_to_units(tokens: int | str | Decimal | Fraction, decimals: int = TOKEN_DECIMALS) -> int:
    """Whole tokens (an int, a decimal string, a Decimal or a Fraction) to the token's smallest unit, exactly.

    Floats are refused: ``0.1`` is not exactly a tenth. A value finer than one unit is a ValueError.

    >>> tokens_to_units(10) == DEFAULT_ZK_INTEROP_FEE
    True
    >>> tokens_to_units("0.5")
    500000000000000000
    """
    if isinstance(tokens, bool) or not isinstance(tokens, int | str | Decimal | Fraction):
        raise TypeError(f"tokens must be an int, str, Decimal or Fraction, got {type(tokens).__name__}: {tokens!r}")
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 77:
        raise ValueError(f"decimals must be an int in [0, 77], got {decimals!r}")
    try:
        exact = Fraction(Decimal(tokens)) if isinstance(tokens, str) else Fraction(tokens)
    except (InvalidOperation, ValueError, OverflowError) as exc:
        raise ValueError(f"not a token amount: {tokens!r}") from exc
    units = exact * 10**decimals
    if units.denominator != 1:
        raise ValueError(f"{tokens!r} tokens is not a whole number of units at {decimals} decimals")
    return _check_amount("amount", int(units))


def units_to_tokens(units: int, decimals: int = TOKEN_DECIMALS) -> Fraction:
    """The token's smallest unit to whole tokens, exactly, as a Fraction.

    >>> units_to_tokens(DEFAULT_ZK_INTEROP_FEE)
    Fraction(10, 1)
    """
    _check_amount("units", units)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 77:
        raise ValueError(f"decimals must be an int in [0, 77], got {decimals!r}")
    return Fraction(units, 10**decimals)


@dataclass(frozen=True)
class InteropFeePolicy:
    """A source chain's interop fee settings and where its fees go.

    ``base_token_fee`` is the operator's ``interopProtocolFee`` per call (0 until the operator sets it);
    ``zk_fee`` is ``ZK_INTEROP_FEE`` per call (``DEFAULT_ZK_INTEROP_FEE`` unless changed); ``sink`` is
    ``FeeSink.OPERATOR`` as in the code or ``FeeSink.TREASURY`` as proposed.

    Source: EC draft-v31 InteropCenter.sol (interopProtocolFee, ZK_INTEROP_FEE, initL2, setInteropFee).
    """

    base_token_fee: int = 0
    zk_fee: int = DEFAULT_ZK_INTEROP_FEE
    sink: FeeSink = FeeSink.OPERATOR

    def __post_init__(self) -> None:
        _check_amount("base_token_fee", self.base_token_fee)
        _check_amount("zk_fee", self.zk_fee)
        if not isinstance(self.sink, FeeSink):
            raise TypeError(f"sink must be a FeeSink, got {type(self.sink).__name__}: {self.sink!r}")


@dataclass(frozen=True)
class FeeCharge:
    """One charged fee: ``amount`` units of ``token`` into ``sink``."""

    sink: FeeSink
    token: FeeToken
    amount: int


def compute_interop_fee(policy: InteropFeePolicy, call_count: int = 1, use_fixed_fee: bool = False) -> FeeCharge:
    """The fee of one bundle of ``call_count`` calls: ZK_INTEROP_FEE or interopProtocolFee, times the calls.

    Source: EC draft-v31 InteropCenter.sol, _sendBundle (``ZK_INTEROP_FEE * callStartersLength``) and
    _ensureCorrectTotalValue (``_useFixedFee ? 0 : interopProtocolFee * _callCount``).

    >>> compute_interop_fee(InteropFeePolicy(base_token_fee=5), call_count=3).amount
    15
    >>> compute_interop_fee(InteropFeePolicy(), use_fixed_fee=True).token
    <FeeToken.ZK: 'ZK'>
    """
    if not isinstance(policy, InteropFeePolicy):
        raise TypeError(f"policy must be an InteropFeePolicy, got {type(policy).__name__}: {policy!r}")
    if not isinstance(call_count, int) or isinstance(call_count, bool) or call_count < 1:
        raise ValueError(f"call_count must be an int >= 1, got {call_count!r}")
    if not isinstance(use_fixed_fee, bool):
        raise TypeError(f"use_fixed_fee must be a bool, got {type(use_fixed_fee).__name__}: {use_fixed_fee!r}")
    if use_fixed_fee:
        return FeeCharge(policy.sink, FeeToken.ZK, _check_amount("fee", policy.zk_fee * call_count))
    return FeeCharge(policy.sink, FeeToken.BASE, _check_amount("fee", policy.base_token_fee * call_count))


@dataclass
class FeeLedger:
    """Fees accrued so far, per sink and token, like the contract's ``accumulated*Fees`` mappings.

    Source: EC draft-v31 InteropCenter.sol (accumulatedProtocolFees, accumulatedZKFees, claimProtocolFees,
    claimZKFees).
    """

    _accrued: dict[tuple[FeeSink, FeeToken], int] = field(default_factory=dict)

    def accrued(self, sink: FeeSink, token: FeeToken) -> int:
        """What ``sink`` has accrued in ``token`` and not yet claimed."""
        if not isinstance(sink, FeeSink) or not isinstance(token, FeeToken):
            raise TypeError(f"expected a FeeSink and a FeeToken, got {sink!r} and {token!r}")
        return self._accrued.get((sink, token), 0)

    def totals(self) -> dict[FeeSink, dict[FeeToken, int]]:
        """Every sink's accrued amounts per token (zeros included), as a fresh dict."""
        return {s: {t: self.accrued(s, t) for t in FeeToken} for s in FeeSink}

    def record(self, charge: FeeCharge) -> None:
        """Add one charge to its sink."""
        if not isinstance(charge, FeeCharge):
            raise TypeError(f"charge must be a FeeCharge, got {type(charge).__name__}: {charge!r}")
        key = (charge.sink, charge.token)
        self._accrued[key] = _check_amount("accrued", self._accrued.get(key, 0) + charge.amount)

    def claim(self, sink: FeeSink, token: FeeToken) -> int:
        """Pay out and zero what ``sink`` has accrued in ``token`` (claimProtocolFees / claimZKFees)."""
        amount = self.accrued(sink, token)
        self._accrued[(sink, token)] = 0
        return amount


def charge_interop_fee(
    ledger: FeeLedger, policy: InteropFeePolicy, call_count: int = 1, use_fixed_fee: bool = False
) -> dict[FeeSink, dict[FeeToken, int]]:
    """Charge one message's (bundle's) fee into the policy's sink; return this charge's amounts per sink and token.

    >>> ledger = FeeLedger()
    >>> paid = charge_interop_fee(ledger, InteropFeePolicy(sink=FeeSink.TREASURY), use_fixed_fee=True)
    >>> paid[FeeSink.TREASURY][FeeToken.ZK] == DEFAULT_ZK_INTEROP_FEE == ledger.accrued(FeeSink.TREASURY, FeeToken.ZK)
    True
    """
    if not isinstance(ledger, FeeLedger):
        raise TypeError(f"ledger must be a FeeLedger, got {type(ledger).__name__}: {ledger!r}")
    charge = compute_interop_fee(policy, call_count, use_fixed_fee)
    ledger.record(charge)
    amounts = {s: {t: 0 for t in FeeToken} for s in FeeSink}
    amounts[charge.sink][charge.token] = charge.amount
    return amounts
