"""ZKsync's fee model V2: from L1 prices to a batch's base fee, gas per pubdata and the fee of one transaction.

All amounts are integers: prices in wei (per L2 gas, per L1 gas or per pubdata byte), gas in gas units.
Every division rounds the way the server does (``ceil_div``), so results match the Rust code exactly.

The module has three layers:

1. ``fee_model_v2``: the batch fee input (fair L2 gas price, fair pubdata price) and the two numbers the
   bootloader derives from it (base fee, gas per pubdata byte).
2. ``compute_tx_fee``: the fee of one transaction, split into L2 execution, pubdata, amortised batch
   overhead and rounding.
3. ``compute_amortised_cost``: the operator's own L1 cost per transaction, a fixed cost per batch shared by
   the batch's transactions plus a per-byte data cost that does not shrink with batch size (Chapter 1).

Source: ERA core/lib/types/src/fee_model.rs, core/node/fee_model/src/lib.rs (compute_batch_fee_model_input_v2),
core/lib/multivm/src/versions/vm_latest/utils/fee.rs and utils/overhead.rs; EC bootloader.yul getFeeParams;
EIP-1559 (base fee update); zksync-facts.md §1b-1c.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from numbers import Real

from zkedu.constants import (
    COMMIT_BASE_GAS,
    COMMIT_GAS_PER_BATCH,
    EXECUTE_BASE_GAS,
    EXECUTE_GAS_PER_BATCH,
    L1_GAS_PER_PUBDATA_BYTE,
    PROVE_GAS,
)

GWEI = 10**9
MAX_L2_GAS_PER_PUBDATA = 50_000  # bootloader cap on gas per pubdata byte (MAX_GAS_PER_PUBDATA_BYTE)
BLOB_GAS_PER_BYTE = 1
TX_SLOT_OVERHEAD_GAS = 10_000  # for occupying one of the batch's transaction slots
TX_MEMORY_OVERHEAD_GAS = 10  # per byte of the transaction's encoding in bootloader memory
L1_TO_L2_GAS_PER_PUBDATA = 800  # REQUIRED_L2_GAS_PRICE_PER_PUBDATA for priority (L1->L2) transactions
L1_TX_INTRINSIC_L2_GAS = 167_157
L1_TX_INTRINSIC_PUBDATA = 88

# eth_sender planning constants (publish_criterion.rs): estimates used to plan L1 transactions, not measurements.
COMMIT_L1_GAS = COMMIT_BASE_GAS + COMMIT_GAS_PER_BATCH
PROVE_L1_GAS = PROVE_GAS
EXECUTE_L1_GAS = EXECUTE_BASE_GAS + EXECUTE_GAS_PER_BATCH
BATCH_FIXED_L1_GAS = COMMIT_L1_GAS + PROVE_L1_GAS + EXECUTE_L1_GAS


def _as_int(name: str, value: object, *, positive: bool = False) -> int:
    """A whole, non-negative (or positive) number as an int; floats are accepted when integral."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}: {value!r}")
    if not isinstance(value, int):
        if not math.isfinite(value) or value != int(value):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        value = int(value)
    if value < 0 or (positive and value == 0):
        raise ValueError(f"{name} must be {'positive' if positive else 'non-negative'}, got {value!r}")
    return value


def _as_fraction(name: str, value: object) -> Fraction:
    """A finite, non-negative real number, exactly (a float keeps its exact binary value)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}: {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be non-negative, got {value!r}")
    return Fraction(value)


def ceil_div(a: int, b: int) -> int:
    """Exact integer ceiling of a / b for a >= 0, b > 0 (the server's ``ceil_div``).

    >>> ceil_div(7, 2), ceil_div(8, 2), ceil_div(0, 5)
    (4, 4, 0)
    """
    if b <= 0:
        raise ZeroDivisionError(f"ceil_div needs a positive divisor, got b={b!r}")
    return -(-a // b)


def gwei_to_wei(gwei: int | float | str | Decimal) -> int:
    """An amount in gwei, read as the decimal it is written as, in whole wei.

    >>> gwei_to_wei(46.23), gwei_to_wei("0.025")
    (46230000000, 25000000)
    """
    if isinstance(gwei, bool) or not isinstance(gwei, int | float | str | Decimal):
        raise TypeError(f"gwei must be a number or a decimal string, got {type(gwei).__name__}: {gwei!r}")
    try:
        exact = Decimal(str(gwei)) * GWEI
    except InvalidOperation:
        raise ValueError(f"gwei must be a decimal number, got {gwei!r}") from None
    if not exact.is_finite() or exact < 0 or exact != exact.to_integral_value():
        raise ValueError(f"gwei must be a non-negative amount with at most 9 decimals, got {gwei!r}")
    return int(exact)


def wei_to_gwei(wei: int) -> float:
    """Wei as gwei, a float for display only (the model itself never rounds through floats)."""
    return _as_int("wei", wei) / GWEI


@dataclass(frozen=True)
class BatchFeeInput:
    """The fee parameters of one batch, all ints: prices in wei, ``gas_per_pubdata`` in L2 gas per byte."""

    l1_gas_price: int
    l1_pubdata_price: int
    fair_l2_gas_price: int
    fair_pubdata_price: int
    base_fee: int
    gas_per_pubdata: int


def derive_base_fee_and_gas_per_pubdata(fair_pubdata_price: int, fair_l2_gas_price: int) -> tuple[int, int]:
    """The batch's base fee (wei per L2 gas) and gas per pubdata byte, as the bootloader derives them.

    The base fee is raised above the fair L2 gas price when needed so that one pubdata byte never costs
    more than ``MAX_L2_GAS_PER_PUBDATA`` gas.

    Source: ERA vm_latest/utils/fee.rs derive_base_fee_and_gas_per_pubdata; EC bootloader.yul getFeeParams.

    >>> derive_base_fee_and_gas_per_pubdata(fair_pubdata_price=1_000, fair_l2_gas_price=3)
    (3, 334)
    """
    fair_pubdata_price = _as_int("fair_pubdata_price", fair_pubdata_price)
    fair_l2_gas_price = _as_int("fair_l2_gas_price", fair_l2_gas_price)
    base_fee = max(fair_l2_gas_price, ceil_div(fair_pubdata_price, MAX_L2_GAS_PER_PUBDATA))
    if base_fee == 0:  # gas per pubdata would be 0 / 0
        raise ValueError("fair_l2_gas_price and fair_pubdata_price are both 0: the base fee would be 0")
    return base_fee, ceil_div(fair_pubdata_price, base_fee)


def fee_model_v2(
    l1_gas_price: int,
    l1_pubdata_price: int,
    minimal_l2_gas_price: int,
    *,
    batch_overhead_l1_gas: int = 800_000,
    max_gas_per_batch: int = 200_000_000,
    max_pubdata_per_batch: int = 240_000,
    compute_overhead_part: float = 0.0,
    pubdata_overhead_part: float = 1.0,
) -> BatchFeeInput:
    """ZKsync's fee model V2: fair L2 gas price, fair pubdata price, base fee and gas per pubdata (all ints).

    The L1 cost of closing a batch (``l1_gas_price * batch_overhead_l1_gas``) is spread over the batch's
    gas limit and its pubdata limit; the two overhead parts say which share each resource carries.
    Rounding follows the server: the per-unit overhead is a ceiling, then the part is applied and the
    product truncated. The Rust code does ``(per_unit as f64 * part) as u64``; we floor the exact product
    of the part's binary value instead, keeping floats out of the arithmetic. The two agree for the
    default parts 0 and 1 (and any part that is an integer or a power-of-two fraction, while the per-unit
    overhead is below 2**53 wei); otherwise they can differ by 1 wei, when the f64 product rounds up to a
    whole number (3 x 0.1-style cases). The server's comment gives parts the range [0, 1], yet its own
    tests use 5.0 ("in extreme cases"), so any finite part >= 0 is accepted here.

    Source: ERA core/node/fee_model/src/lib.rs compute_batch_fee_model_input_v2; core/lib/types/src/fee_model.rs
    FeeModelConfigV2; vm_latest/utils/fee.rs (zksync-facts.md §1b).

    >>> f = fee_model_v2(10 * GWEI, 5 * GWEI, 25_000_000)
    >>> f.fair_pubdata_price, f.base_fee, f.gas_per_pubdata
    (38333333334, 25000000, 1534)
    """
    l1_gas_price = _as_int("l1_gas_price", l1_gas_price)
    l1_pubdata_price = _as_int("l1_pubdata_price", l1_pubdata_price)
    minimal_l2_gas_price = _as_int("minimal_l2_gas_price", minimal_l2_gas_price)
    batch_overhead_l1_gas = _as_int("batch_overhead_l1_gas", batch_overhead_l1_gas)
    max_gas_per_batch = _as_int("max_gas_per_batch", max_gas_per_batch, positive=True)
    max_pubdata_per_batch = _as_int("max_pubdata_per_batch", max_pubdata_per_batch, positive=True)
    compute_part = _as_fraction("compute_overhead_part", compute_overhead_part)
    pubdata_part = _as_fraction("pubdata_overhead_part", pubdata_overhead_part)

    overhead_wei = l1_gas_price * batch_overhead_l1_gas  # the L1 cost of closing one batch
    overhead_per_gas = ceil_div(overhead_wei, max_gas_per_batch)
    overhead_per_pubdata = ceil_div(overhead_wei, max_pubdata_per_batch)
    fair_l2_gas_price = minimal_l2_gas_price + math.floor(compute_part * overhead_per_gas)
    fair_pubdata_price = l1_pubdata_price + math.floor(pubdata_part * overhead_per_pubdata)
    if fair_l2_gas_price == 0 and fair_pubdata_price == 0:
        raise ValueError("minimal_l2_gas_price is 0 and pubdata is free: the base fee would be 0 wei")
    base_fee, gas_per_pubdata = derive_base_fee_and_gas_per_pubdata(fair_pubdata_price, fair_l2_gas_price)
    return BatchFeeInput(
        l1_gas_price, l1_pubdata_price, fair_l2_gas_price, fair_pubdata_price, base_fee, gas_per_pubdata
    )


def compute_blob_pubdata_price(blob_base_fee: int, multiplier: float = 1.0) -> int:
    """L1 pubdata price (wei per byte) when data goes to blobs: blob base fee x 1 blob gas per byte x multiplier.

    The server's default multiplier is 1.0; Era mainnet configures 1.5. The product is truncated to wei.

    Source: ERA core/node/fee_model/src/l1_gas_price/gas_adjuster (internal_pubdata_pricing_multiplier);
    zksync-facts.md §1b.

    >>> compute_blob_pubdata_price(2 * GWEI, multiplier=1.5)
    3000000000
    """
    blob_base_fee = _as_int("blob_base_fee", blob_base_fee)
    return math.floor(blob_base_fee * BLOB_GAS_PER_BYTE * _as_fraction("multiplier", multiplier))


def compute_calldata_pubdata_price(l1_gas_price: int) -> int:
    """L1 pubdata price (wei per byte) when data goes to calldata: 17 L1 gas per byte.

    Source: ERA zksync_system_constants L1_GAS_PER_PUBDATA_BYTE; zksync-facts.md §1b.

    >>> compute_calldata_pubdata_price(10 * GWEI)
    170000000000
    """
    return _as_int("l1_gas_price", l1_gas_price) * L1_GAS_PER_PUBDATA_BYTE


def compute_tx_overhead_gas(encoded_length: int) -> int:
    """Gas a transaction pays for its batch slot and bootloader memory: max(10,000, 10 x encoded bytes).

    Source: ERA core/lib/multivm/src/versions/vm_latest/utils/overhead.rs derive_overhead.

    >>> compute_tx_overhead_gas(300), compute_tx_overhead_gas(2_000)
    (10000, 20000)
    """
    encoded_length = _as_int("encoded_length", encoded_length)
    return max(TX_SLOT_OVERHEAD_GAS, TX_MEMORY_OVERHEAD_GAS * encoded_length)


@dataclass(frozen=True)
class TxFee:
    """One transaction's fee: the gas it is charged and the wei split that sums to ``total_wei``.

    ``execution_wei`` pays L2 execution at the base fee; ``pubdata_wei`` the raw L1 price of its bytes;
    ``batch_overhead_wei`` its share of closing the batch (the overhead folded into the fair pubdata
    price, plus the slot/memory overhead gas); ``rounding_wei`` what the ceilings add.
    """

    execution_gas: int
    pubdata_gas: int
    overhead_gas: int
    base_fee: int
    execution_wei: int
    pubdata_wei: int
    batch_overhead_wei: int
    rounding_wei: int

    @property
    def total_gas(self) -> int:
        return self.execution_gas + self.pubdata_gas + self.overhead_gas

    @property
    def total_wei(self) -> int:
        return self.execution_wei + self.pubdata_wei + self.batch_overhead_wei + self.rounding_wei


def compute_tx_fee(fees: BatchFeeInput, execution_gas: int, pubdata_bytes: int, encoded_length: int = 0) -> TxFee:
    """The fee of an L2 transaction that uses ``execution_gas`` and publishes ``pubdata_bytes``.

    Charged gas = execution gas + gas_per_pubdata x pubdata bytes + slot/memory overhead gas; the fee is
    that gas times the base fee (for a fully used gas limit; a real transaction is refunded what it did
    not use).

    Source: EC bootloader.yul (pubdata charged as gasPerPubdata per byte, overhead); ERA vm_latest/utils.

    >>> fee = compute_tx_fee(fee_model_v2(10 * GWEI, 5 * GWEI, 25_000_000), 100_000, 100, 200)
    >>> fee.total_gas, fee.total_wei == fee.total_gas * fee.base_fee
    (263400, True)
    """
    if not isinstance(fees, BatchFeeInput):
        raise TypeError(f"fees must be a BatchFeeInput, got {type(fees).__name__}: {fees!r}")
    execution_gas = _as_int("execution_gas", execution_gas)
    pubdata_bytes = _as_int("pubdata_bytes", pubdata_bytes)
    overhead_gas = compute_tx_overhead_gas(encoded_length)
    pubdata_gas = fees.gas_per_pubdata * pubdata_bytes
    fee = TxFee(
        execution_gas=execution_gas,
        pubdata_gas=pubdata_gas,
        overhead_gas=overhead_gas,
        base_fee=fees.base_fee,
        execution_wei=execution_gas * fees.base_fee,
        pubdata_wei=pubdata_bytes * fees.l1_pubdata_price,
        batch_overhead_wei=overhead_gas * fees.base_fee
        + pubdata_bytes * (fees.fair_pubdata_price - fees.l1_pubdata_price),
        rounding_wei=pubdata_bytes * (fees.base_fee * fees.gas_per_pubdata - fees.fair_pubdata_price),
    )
    assert fee.total_wei == fee.total_gas * fees.base_fee and fee.rounding_wei >= 0
    return fee


def compute_l1_to_l2_gas(execution_gas: int = 0, pubdata_bytes: int = 0) -> int:
    """L2 gas a priority (L1->L2) transaction must provide: intrinsic cost plus 800 gas per pubdata byte.

    Simplified from TransactionValidator.getMinimalPriorityTransactionGasLimit: the intrinsic 167,157 L2 gas
    and 88 pubdata bytes, plus the caller's execution gas and extra pubdata (the encoding-length and
    factory-dependency terms are left out).

    Source: EC l1-contracts/contracts/common/Config.sol (L1_TX_INTRINSIC_L2_GAS, L1_TX_INTRINSIC_PUBDATA,
    REQUIRED_L2_GAS_PRICE_PER_PUBDATA); zksync-facts.md §1b.

    >>> compute_l1_to_l2_gas()
    237557
    """
    execution_gas = _as_int("execution_gas", execution_gas)
    pubdata_bytes = _as_int("pubdata_bytes", pubdata_bytes)
    return L1_TX_INTRINSIC_L2_GAS + execution_gas + L1_TO_L2_GAS_PER_PUBDATA * (L1_TX_INTRINSIC_PUBDATA + pubdata_bytes)


@dataclass(frozen=True)
class AmortisedCost:
    """The operator's L1 cost per transaction (wei): a fixed per-batch part shared by ``batch_size`` txs
    (rounded up to whole wei) and a per-byte data part that every transaction pays in full."""

    batch_size: int
    fixed_wei: int
    data_wei: int

    @property
    def total_wei(self) -> int:
        return self.fixed_wei + self.data_wei


def compute_amortised_cost(
    batch_size: int,
    l1_gas_price: int,
    pubdata_bytes_per_tx: int,
    l1_pubdata_price: int | None = None,
    fixed_l1_gas_per_batch: int = BATCH_FIXED_L1_GAS,
) -> AmortisedCost:
    """L1 cost per transaction for a batch of ``batch_size`` txs: ceil(fixed gas x gas price / size) + data.

    The data is priced per byte at ``l1_pubdata_price`` (default: calldata, 17 L1 gas per byte).

    Source: fixed gas per batch from ERA core/node/eth_sender/src/publish_criterion.rs planning constants
    (commit ~61k + 242k, prove ~800k, execute ~210k + 100k; zksync-facts.md §1c).

    >>> c = compute_amortised_cost(1_000, 10 * GWEI, 100)
    >>> c.fixed_wei, c.data_wei
    (14130000000000, 17000000000000)
    """
    batch_size = _as_int("batch_size", batch_size, positive=True)
    l1_gas_price = _as_int("l1_gas_price", l1_gas_price)
    pubdata_bytes_per_tx = _as_int("pubdata_bytes_per_tx", pubdata_bytes_per_tx)
    fixed_l1_gas_per_batch = _as_int("fixed_l1_gas_per_batch", fixed_l1_gas_per_batch)
    if l1_pubdata_price is None:
        l1_pubdata_price = compute_calldata_pubdata_price(l1_gas_price)
    l1_pubdata_price = _as_int("l1_pubdata_price", l1_pubdata_price)
    fixed = ceil_div(fixed_l1_gas_per_batch * l1_gas_price, batch_size)
    return AmortisedCost(batch_size, fixed, pubdata_bytes_per_tx * l1_pubdata_price)


def compute_fill_seconds(batch_size: int, arrival_rate: float) -> float:
    """Seconds until ``batch_size`` transactions arrive at ``arrival_rate`` transactions per second.

    >>> compute_fill_seconds(1_000, 20.0)
    50.0
    """
    batch_size = _as_int("batch_size", batch_size, positive=True)
    rate = _as_fraction("arrival_rate", arrival_rate)
    if rate == 0:
        raise ValueError(f"arrival_rate must be positive, got {arrival_rate!r}")
    return float(batch_size / rate)


def next_base_fee(base_fee: int, gas_used: int, gas_target: int) -> int:
    """Ethereum's next block base fee under EIP-1559: up to +-12.5% per block, toward the gas target.

    Source: EIP-1559 (BASE_FEE_MAX_CHANGE_DENOMINATOR = 8; an increase is at least 1 wei).

    >>> next_base_fee(8 * GWEI, 30_000_000, 15_000_000) / GWEI   # a full block: +12.5%
    9.0
    """
    base_fee = _as_int("base_fee", base_fee)
    gas_used = _as_int("gas_used", gas_used)
    gas_target = _as_int("gas_target", gas_target, positive=True)
    if gas_used > 2 * gas_target:
        raise ValueError(f"gas_used must be at most the block gas limit 2 x gas_target, got {gas_used!r}")
    if gas_used > gas_target:
        return base_fee + max(base_fee * (gas_used - gas_target) // gas_target // 8, 1)
    return base_fee - base_fee * (gas_target - gas_used) // gas_target // 8


def simulate_base_fee(base_fee: int, gas_used: list[int] | tuple[int, ...], gas_target: int) -> list[int]:
    """Base fees block by block for a sequence of blocks' gas used (the first entry is ``base_fee``).

    >>> [f // GWEI for f in simulate_base_fee(8 * GWEI, [30_000_000] * 3, 15_000_000)]
    [8, 9, 10, 11]
    """
    fees = [_as_int("base_fee", base_fee)]
    for used in gas_used:
        fees.append(next_base_fee(fees[-1], used, gas_target))
    return fees
