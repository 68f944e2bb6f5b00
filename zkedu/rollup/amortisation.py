"""What the operator pays on L1 per transaction, and how long a batch takes to fill (Chapter 1).

A batch costs a fixed amount of L1 gas to commit, prove and execute, shared by its transactions, plus a
per-byte data cost that every transaction pays in full; a bigger batch is cheaper per transaction but
takes longer to fill.

Source: ERA core/node/eth_sender/src/publish_criterion.rs (L1 gas planning constants per batch).
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.constants import EXECUTE_BASE_GAS, EXECUTE_GAS_PER_BATCH, PROVE_GAS
from zkedu.rollup.fees import compute_calldata_pubdata_price
from zkedu.rollup.l1_data_pricing import COMMIT_PLANNING_GAS
from zkedu.rollup.units import as_exact_fraction, as_whole_number, ceil_div

# Era's planning constants (estimates used to plan L1 transactions, not measurements), one batch per call.
COMMIT_L1_GAS = COMMIT_PLANNING_GAS
PROVE_L1_GAS = PROVE_GAS
EXECUTE_L1_GAS = EXECUTE_BASE_GAS + EXECUTE_GAS_PER_BATCH
BATCH_FIXED_L1_GAS = COMMIT_L1_GAS + PROVE_L1_GAS + EXECUTE_L1_GAS


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
    (commit ~61k + 242k, prove ~800k, execute ~210k + 100k).

    >>> c = compute_amortised_cost(1_000, 10 * 10**9, 100)
    >>> c.fixed_wei, c.data_wei
    (14130000000000, 17000000000000)
    """
    batch_size = as_whole_number("batch_size", batch_size, positive=True)
    l1_gas_price = as_whole_number("l1_gas_price", l1_gas_price)
    pubdata_bytes_per_tx = as_whole_number("pubdata_bytes_per_tx", pubdata_bytes_per_tx)
    fixed_l1_gas_per_batch = as_whole_number("fixed_l1_gas_per_batch", fixed_l1_gas_per_batch)
    if l1_pubdata_price is None:
        l1_pubdata_price = compute_calldata_pubdata_price(l1_gas_price)
    l1_pubdata_price = as_whole_number("l1_pubdata_price", l1_pubdata_price)
    fixed = ceil_div(fixed_l1_gas_per_batch * l1_gas_price, batch_size)
    return AmortisedCost(batch_size, fixed, pubdata_bytes_per_tx * l1_pubdata_price)


def compute_fill_seconds(batch_size: int, arrival_rate: float) -> float:
    """Seconds until ``batch_size`` transactions arrive at ``arrival_rate`` transactions per second.

    >>> compute_fill_seconds(1_000, 20.0)
    50.0
    """
    batch_size = as_whole_number("batch_size", batch_size, positive=True)
    rate = as_exact_fraction("arrival_rate", arrival_rate)
    if rate == 0:
        raise ValueError(f"arrival_rate must be positive, got {arrival_rate!r}")
    return float(batch_size / rate)
