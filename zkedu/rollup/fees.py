"""ZKsync's fee model V2: from L1 prices to a batch's base fee, gas per pubdata and the fee of one transaction.

All amounts are integers: prices in wei (per L2 gas, per L1 gas or per pubdata byte), gas in gas units.
Every division rounds the way the server does (``ceil_div``), so results match the Rust code exactly.

The module has three parts:

1. ``fee_model_v2``: the batch fee input (fair L2 gas price, fair pubdata price) and the two numbers the
   bootloader derives from it (base fee, gas per pubdata byte).
2. ``compute_tx_fee``: the fee of one transaction, split into L2 execution, pubdata, amortised batch
   overhead and rounding.
3. ``compute_l1_to_l2_gas``: the L2 gas a priority (L1->L2) transaction must provide.

Units and input checks are ``zkedu.rollup.units``; the operator's own L1 cost per transaction is
``zkedu.rollup.amortisation``; Ethereum's base fee rule is ``zkedu.rollup.eip1559``.

Source: ERA core/lib/types/src/fee_model.rs, core/node/fee_model/src/lib.rs (compute_batch_fee_model_input_v2),
core/lib/multivm/src/versions/vm_latest/utils/fee.rs and utils/overhead.rs; EC bootloader.yul getFeeParams.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zkedu.constants import L1_GAS_PER_PUBDATA_BYTE
from zkedu.rollup.units import as_exact_fraction, as_whole_number, ceil_div

MAX_L2_GAS_PER_PUBDATA = 50_000  # bootloader cap on gas per pubdata byte (MAX_GAS_PER_PUBDATA_BYTE)
BLOB_GAS_PER_BYTE = 1
TX_SLOT_OVERHEAD_GAS = 10_000  # for occupying one of the batch's transaction slots
TX_MEMORY_OVERHEAD_GAS = 10  # per byte of the transaction's encoding in bootloader memory
L1_TO_L2_GAS_PER_PUBDATA = 800  # REQUIRED_L2_GAS_PRICE_PER_PUBDATA for priority (L1->L2) transactions
L1_TX_INTRINSIC_L2_GAS = 167_157
L1_TX_INTRINSIC_PUBDATA = 88


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
    fair_pubdata_price = as_whole_number("fair_pubdata_price", fair_pubdata_price)
    fair_l2_gas_price = as_whole_number("fair_l2_gas_price", fair_l2_gas_price)
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
    FeeModelConfigV2; vm_latest/utils/fee.rs.

    >>> f = fee_model_v2(10 * 10**9, 5 * 10**9, 25_000_000)
    >>> f.fair_pubdata_price, f.base_fee, f.gas_per_pubdata
    (38333333334, 25000000, 1534)
    """
    l1_gas_price = as_whole_number("l1_gas_price", l1_gas_price)
    l1_pubdata_price = as_whole_number("l1_pubdata_price", l1_pubdata_price)
    minimal_l2_gas_price = as_whole_number("minimal_l2_gas_price", minimal_l2_gas_price)
    batch_overhead_l1_gas = as_whole_number("batch_overhead_l1_gas", batch_overhead_l1_gas)
    max_gas_per_batch = as_whole_number("max_gas_per_batch", max_gas_per_batch, positive=True)
    max_pubdata_per_batch = as_whole_number("max_pubdata_per_batch", max_pubdata_per_batch, positive=True)
    compute_part = as_exact_fraction("compute_overhead_part", compute_overhead_part)
    pubdata_part = as_exact_fraction("pubdata_overhead_part", pubdata_overhead_part)

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

    Source: ERA core/node/fee_model/src/l1_gas_price/gas_adjuster (internal_pubdata_pricing_multiplier).

    >>> compute_blob_pubdata_price(2 * 10**9, multiplier=1.5)
    3000000000
    """
    blob_base_fee = as_whole_number("blob_base_fee", blob_base_fee)
    return math.floor(blob_base_fee * BLOB_GAS_PER_BYTE * as_exact_fraction("multiplier", multiplier))


def compute_calldata_pubdata_price(l1_gas_price: int) -> int:
    """L1 pubdata price (wei per byte) when data goes to calldata: 17 L1 gas per byte.

    Source: ERA zksync_system_constants L1_GAS_PER_PUBDATA_BYTE.

    >>> compute_calldata_pubdata_price(10 * 10**9)
    170000000000
    """
    return as_whole_number("l1_gas_price", l1_gas_price) * L1_GAS_PER_PUBDATA_BYTE


def compute_tx_overhead_gas(encoded_length: int) -> int:
    """Gas a transaction pays for its batch slot and bootloader memory: max(10,000, 10 x encoded bytes).

    Source: ERA core/lib/multivm/src/versions/vm_latest/utils/overhead.rs derive_overhead.

    >>> compute_tx_overhead_gas(300), compute_tx_overhead_gas(2_000)
    (10000, 20000)
    """
    encoded_length = as_whole_number("encoded_length", encoded_length)
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

    >>> fee = compute_tx_fee(fee_model_v2(10 * 10**9, 5 * 10**9, 25_000_000), 100_000, 100, 200)
    >>> fee.total_gas, fee.total_wei == fee.total_gas * fee.base_fee
    (263400, True)
    """
    if not isinstance(fees, BatchFeeInput):
        raise TypeError(f"fees must be a BatchFeeInput, got {type(fees).__name__}: {fees!r}")
    execution_gas = as_whole_number("execution_gas", execution_gas)
    pubdata_bytes = as_whole_number("pubdata_bytes", pubdata_bytes)
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
    REQUIRED_L2_GAS_PRICE_PER_PUBDATA).

    >>> compute_l1_to_l2_gas()
    237557
    """
    execution_gas = as_whole_number("execution_gas", execution_gas)
    pubdata_bytes = as_whole_number("pubdata_bytes", pubdata_bytes)
    return L1_TX_INTRINSIC_L2_GAS + execution_gas + L1_TO_L2_GAS_PER_PUBDATA * (L1_TX_INTRINSIC_PUBDATA + pubdata_bytes)
