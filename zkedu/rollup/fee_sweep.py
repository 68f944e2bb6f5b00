"""An analytic batch model for Chapter 8: batch size, cost split per transaction and latency, vectorised.

Transactions arrive at ``arrival_rate`` per second, a mix of two profiles (ETH transfers and token swaps).
A batch seals at 95% of its slot, proof-circuit or pubdata limit, or when ``timeout`` seconds have passed
since it opened (at its first transaction), as the sequencer of ``zkedu.rollup.sequencer`` does. Circuits
are estimated from execution gas alone: the per-transaction slot overhead is a fee charge, not work the
prover does. With constant per-transaction use the batch size is therefore

    N = min( ceil(0.95 x limit / use) over slots, circuits, pubdata ,  1 + arrival_rate x timeout )

and the operator's cost per transaction is: L2 execution (execution gas x minimal L2 gas price), pubdata
(whole blobs of blob gas shared by the batch, or what the batch's calldata adds to its commit under
EIP-7623, shared by the batch) and the fixed L1 gas per batch shared by N. Latency: the mean wait until the
batch seals, then L1 inclusion of the commit; finality when the batch is executed, after the larger of the
proving time and the execution delay (counted from the commit).

The model ignores what a simulator sees: random arrivals, and that a batch's state diffs are net, so a
slot written twice in one batch is published once (pubdata per transaction falls slightly as batches grow).
``tests/test_fee_sweep.py`` measures that gap against the sequencer and pubdata encoder.

``compute_batch_economics`` is the vectorised model (numpy floats, for the widget);
``compute_batch_economics_exact`` the same model for one setting in exact integers and fractions.

Source: seal rule ERA core/node/state_keeper/src/seal_criteria; fixed gas per batch
ERA publish_criterion.rs planning constants (§1c); blob and calldata pricing §1b, §1e; execution delay
ERA/DOCS finality (§2). Transaction profiles are the book's illustrative assumptions, not Era measurements.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from zkedu.constants import ERA_EXECUTION_DELAY_SECONDS, GAS_PER_BLOB, USABLE_BYTES_PER_BLOB
from zkedu.rollup.amortisation import BATCH_FIXED_L1_GAS
from zkedu.rollup.compression import ENUMERATION_INDEX_BYTES, METADATA_BYTES, NAIVE_STATE_DIFF_BYTES
from zkedu.rollup.l1_data_pricing import (
    COMMIT_EXECUTION_GAS,
    STANDARD_TOKEN_COST,
    TOKENS_PER_NONZERO_BYTE,
    TOTAL_COST_FLOOR_PER_TOKEN,
    compute_calldata_gas_for_tokens,
)
from zkedu.rollup.seal import L2_GAS_PER_CIRCUIT_ESTIMATE, MAX_CIRCUITS_PER_BATCH

L1_SLOT_SECONDS = 12  # an L1 block: the assumed wait for the commit transaction to be included
ASSUMED_PROVE_SECONDS = 3600  # an assumption: proving time is not published; it only matters if > the delay
MAINNET_BATCH_TIMEOUT_SECONDS = 8 * 3600  # ~8 h: Era mainnet override (ERA etc/env/.../mainnet.yaml)


@dataclass(frozen=True)
class TxProfile:
    """A kind of transaction: execution gas, encoded length, and the storage slots it changes.

    ``value_bytes`` lists, for each slot written (all repeated writes of existing slots), how many bytes
    the compressed value change takes (e.g. a balance moved by ~0.01 ETH: 7 bytes; a nonce + 1: 1 byte).
    """

    name: str
    execution_gas: int
    encoded_length: int
    value_bytes: tuple[int, ...]

    @property
    def compressed_bytes(self) -> int:
        """Pubdata with Era's compression (4-byte enumeration index, metadata byte, packed value per slot)."""
        return sum(ENUMERATION_INDEX_BYTES + METADATA_BYTES + k for k in self.value_bytes)

    @property
    def naive_bytes(self) -> int:
        """Pubdata without compression (the full 32-byte key and 32-byte value per slot)."""
        return NAIVE_STATE_DIFF_BYTES * len(self.value_bytes)


# Illustrative profiles (assumptions of this book): a transfer changes sender balance, sender nonce and
# recipient balance; a swap also moves two token balances of the sender and two pool reserves.
TRANSFER = TxProfile("ETH transfer", execution_gas=21_000, encoded_length=200, value_bytes=(7, 1, 7))
SWAP = TxProfile("token swap", execution_gas=150_000, encoded_length=500, value_bytes=(7, 1, 10, 10, 10, 10, 4))


@dataclass(frozen=True)
class ChainSettings:
    """A chain's limits and prices that the sweep holds fixed (Era's values where it has them)."""

    max_transactions: int = 8_192
    max_circuits_per_batch: int = MAX_CIRCUITS_PER_BATCH
    l2_gas_per_circuit: int = L2_GAS_PER_CIRCUIT_ESTIMATE  # an estimate: see zkedu.rollup.seal
    max_pubdata_per_batch: int = 240_000
    close_fraction: Fraction = Fraction(95, 100)
    fixed_l1_gas_per_batch: int = BATCH_FIXED_L1_GAS
    commit_execution_gas: int = COMMIT_EXECUTION_GAS  # what a calldata commit executes beside its data (EIP-7623)
    minimal_l2_gas_price: int = 25_000_000
    l1_inclusion_seconds: float = L1_SLOT_SECONDS
    prove_seconds: float = ASSUMED_PROVE_SECONDS
    execution_delay_seconds: float = ERA_EXECUTION_DELAY_SECONDS

    def __post_init__(self) -> None:
        limits = ("max_transactions", "max_circuits_per_batch", "l2_gas_per_circuit", "max_pubdata_per_batch")
        for name in (*limits, "commit_execution_gas"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int, got {type(value).__name__}: {value!r}")
        for name in limits:
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)!r}")
        if not 0 < self.close_fraction <= 1:
            raise ValueError(f"close_fraction must be in (0, 1], got {self.close_fraction!r}")
        for name in ("fixed_l1_gas_per_batch", "commit_execution_gas", "minimal_l2_gas_price", "l1_inclusion_seconds",
                     "prove_seconds", "execution_delay_seconds"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"{name} must be non-negative, got {getattr(self, name)!r}")


@dataclass(frozen=True)
class MixUse:
    """Mean use per transaction of a mix (exact fractions): execution gas, from which proof circuits are
    estimated, and pubdata bytes, of which a share ``zero_byte_share`` are zero bytes.

    A zero byte is one EIP-7623 token, a non-zero byte four; the default share 0 counts every byte as
    non-zero, the most a calldata commit can pay for its data.
    """

    execution_gas: Fraction
    pubdata_bytes: Fraction
    zero_byte_share: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        for name in ("execution_gas", "pubdata_bytes", "zero_byte_share"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | Fraction):
                raise TypeError(f"{name} must be an int or Fraction, got {type(value).__name__}: {value!r}")
            if value < 0:
                raise ValueError(f"{name} must be non-negative, got {value!r}")
        if self.zero_byte_share > 1:
            raise ValueError(f"zero_byte_share must be at most 1, got {self.zero_byte_share!r}")

    @property
    def calldata_tokens(self) -> Fraction:
        """The EIP-7623 tokens of the pubdata per transaction (one per zero byte, four per non-zero byte)."""
        share = Fraction(self.zero_byte_share)
        return self.pubdata_bytes * (share + TOKENS_PER_NONZERO_BYTE * (1 - share))


def compute_mix_use(transfer_share: float, compression: bool = True,
                    transfer: TxProfile = TRANSFER, swap: TxProfile = SWAP) -> MixUse:
    """Mean execution gas and pubdata per transaction when a share ``transfer_share`` are transfers, the rest
    swaps (every pubdata byte counted as non-zero)."""
    if isinstance(transfer_share, bool) or not isinstance(transfer_share, int | float | Fraction):
        raise TypeError(f"transfer_share must be a number, got {type(transfer_share).__name__}: {transfer_share!r}")
    if not 0 <= transfer_share <= 1:
        raise ValueError(f"transfer_share must be in [0, 1], got {transfer_share!r}")
    s = Fraction(transfer_share)

    def mean(a: int, b: int) -> Fraction:
        return s * a + (1 - s) * b

    size = (lambda p: p.compressed_bytes) if compression else (lambda p: p.naive_bytes)
    return MixUse(mean(transfer.execution_gas, swap.execution_gas), mean(size(transfer), size(swap)))


def _check_inputs(arrival_rate: object, timeout: float, da: str) -> None:
    if not np.all(np.asarray(arrival_rate, dtype=float) > 0):
        raise ValueError(f"arrival_rate must be positive, got {arrival_rate!r}")
    if not timeout > 0:
        raise ValueError(f"timeout must be positive, got {timeout!r}")
    if da not in ("blobs", "calldata"):
        raise ValueError(f"da must be 'blobs' or 'calldata', got {da!r}")


@dataclass(frozen=True)
class BatchEconomics:
    """The model's outputs (arrays broadcast over the inputs): batch size, cost split (wei), latency (s)."""

    batch_size: np.ndarray
    resource_bound: np.ndarray  # True where a limit, not the timeout, seals the batch
    execution_wei: np.ndarray
    pubdata_wei: np.ndarray
    overhead_wei: np.ndarray
    commit_seconds: np.ndarray
    finality_seconds: np.ndarray

    @property
    def total_wei(self) -> np.ndarray:
        return self.execution_wei + self.pubdata_wei + self.overhead_wei


def _calldata_gas_vectorised(tokens: np.ndarray, execution_gas: int) -> np.ndarray:
    """``compute_calldata_gas_for_tokens`` over an array of token counts (floats), for the sweep."""
    return np.maximum(STANDARD_TOKEN_COST * tokens,
                      TOTAL_COST_FLOOR_PER_TOKEN * tokens - execution_gas)


def compute_batch_size_cap(use: MixUse, chain: ChainSettings = ChainSettings()) -> int:
    """The largest batch the limits allow: the first size at which some resource reaches 95% of its limit."""
    caps = [math.ceil(chain.close_fraction * chain.max_transactions)]
    if use.execution_gas > 0:
        circuits_as_gas = chain.max_circuits_per_batch * chain.l2_gas_per_circuit  # estimated from execution gas
        caps.append(math.ceil(chain.close_fraction * circuits_as_gas / use.execution_gas))
    if use.pubdata_bytes > 0:
        caps.append(math.ceil(chain.close_fraction * chain.max_pubdata_per_batch / use.pubdata_bytes))
    return max(1, min(caps))


def compute_batch_economics(
    arrival_rate: np.ndarray | float,
    *,
    use: MixUse,
    l1_gas_price: float,
    blob_base_fee: float,
    da: str = "blobs",
    timeout: float = MAINNET_BATCH_TIMEOUT_SECONDS,
    chain: ChainSettings = ChainSettings(),
) -> BatchEconomics:
    """The analytic model over an array of arrival rates (tx/s), vectorised; prices in wei (floats)."""
    _check_inputs(arrival_rate, timeout, da)
    rate = np.asarray(arrival_rate, dtype=float)
    cap = compute_batch_size_cap(use, chain)
    by_time = 1.0 + rate * timeout  # the first transaction opens the batch, the rest arrive within timeout
    resource_bound = cap <= by_time
    n = np.where(resource_bound, float(cap), by_time)
    bytes_per_tx = float(use.pubdata_bytes)
    if da == "blobs":
        blobs = np.maximum(np.ceil(n * bytes_per_tx / USABLE_BYTES_PER_BLOB), 1.0)
        pubdata = blobs * GAS_PER_BLOB * blob_base_fee / n
    else:
        tokens = n * float(use.calldata_tokens)
        pubdata = _calldata_gas_vectorised(tokens, chain.commit_execution_gas) * l1_gas_price / n
    execution = np.full_like(n, float(use.execution_gas) * chain.minimal_l2_gas_price)
    overhead = chain.fixed_l1_gas_per_batch * l1_gas_price / n
    # mean wait to seal: resource-bound, arrivals spread over (n - 1) / rate; timeout-bound, the first
    # transaction waits the whole timeout and the others half of it on average
    wait = np.where(resource_bound, (n - 1) / (2 * rate), (timeout + (n - 1) * timeout / 2) / n)
    commit = wait + chain.l1_inclusion_seconds
    finality = commit + max(chain.prove_seconds, chain.execution_delay_seconds)
    return BatchEconomics(n, resource_bound, execution, pubdata, overhead, commit, finality)


@dataclass(frozen=True)
class ExactPoint:
    """``compute_batch_economics`` for one setting, in exact fractions (wei and seconds)."""

    batch_size: Fraction
    execution_wei: Fraction
    pubdata_wei: Fraction
    overhead_wei: Fraction
    commit_seconds: Fraction
    finality_seconds: Fraction


def compute_batch_economics_exact(
    arrival_rate: Fraction | int,
    *,
    use: MixUse,
    l1_gas_price: int,
    blob_base_fee: int,
    da: str = "blobs",
    timeout: Fraction | int = MAINNET_BATCH_TIMEOUT_SECONDS,
    chain: ChainSettings = ChainSettings(),
) -> ExactPoint:
    """The same model for one arrival rate, step by step in exact arithmetic (the scalar reference)."""
    _check_inputs(arrival_rate, timeout, da)
    rate, timeout = Fraction(arrival_rate), Fraction(timeout)
    cap = compute_batch_size_cap(use, chain)
    by_time = 1 + rate * timeout
    n = Fraction(cap) if cap <= by_time else by_time
    if da == "blobs":
        blobs = max(math.ceil(n * use.pubdata_bytes / USABLE_BYTES_PER_BLOB), 1)
        pubdata = Fraction(blobs * GAS_PER_BLOB * blob_base_fee) / n
    else:
        data_gas = compute_calldata_gas_for_tokens(n * use.calldata_tokens, chain.commit_execution_gas)
        pubdata = data_gas * l1_gas_price / n
    overhead = Fraction(chain.fixed_l1_gas_per_batch * l1_gas_price) / n
    wait = (n - 1) / (2 * rate) if cap <= by_time else (timeout + (n - 1) * timeout / 2) / n
    commit = wait + Fraction(chain.l1_inclusion_seconds)
    finality = commit + Fraction(max(chain.prove_seconds, chain.execution_delay_seconds))
    return ExactPoint(n, use.execution_gas * chain.minimal_l2_gas_price, pubdata, overhead, commit, finality)
