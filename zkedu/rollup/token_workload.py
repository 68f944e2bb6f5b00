"""A popular-token workload for measuring pubdata: batches of stablecoin transfers as state diffs.

Each transfer moves ``amount`` units of a 6-decimal token (like USDC) from a sender who already holds it to a
recipient, and bumps the sender's nonce. Per transfer that is three slot writes: the sender's balance (a
repeated write, Sub), the sender's nonce (repeated, Add 1) and the recipient's balance, a repeated write
(Add) if the recipient already holds the token, else a first write. Each batch also credits the fees to one
fee-collector balance, a single repeated write however many transfers the batch holds. Senders and
recipients within a batch are distinct, so diffs do not coalesce except for that fee slot.

Two paths give the same sizes: ``token_batch_diffs`` builds the real ``StateDiff`` objects (for the encoder
and the L1), ``token_batch_pubdata_sizes`` computes the byte counts with numpy (for widgets), and the tests
hold them equal.

Source: compression rules of ``zkedu.rollup.pubdata`` (ERA compression.md); the workload is this book's model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zkedu.hashing import blake2s256
from zkedu.rollup.compression import DERIVED_KEY_BYTES, ENUMERATION_INDEX_BYTES, METADATA_BYTES, NAIVE_STATE_DIFF_BYTES
from zkedu.rollup.pubdata import STATE_DIFFS_HEADER_BYTES, state_diff_size
from zkedu.rollup.records import StateDiff

UNITS_PER_TOKEN = 10**6  # 6 decimals
FEE_WEI_RANGE = (10**13, 10**14)  # fee per transfer credited to the fee collector


@dataclass(frozen=True)
class TokenBatch:
    """The random draws of one batch of transfers (arrays of length n_txs unless said otherwise)."""

    sender_balance: np.ndarray  # balance before, in token units
    amount: np.ndarray  # transferred, in units (at most the sender's balance)
    sender_nonce: np.ndarray  # nonce before
    recipient_exists: np.ndarray  # bool: the recipient's balance slot is already in the tree
    recipient_balance: np.ndarray  # balance before (0 for new recipients)
    fees: np.ndarray  # wei per transfer
    fee_collector_balance: int  # wei, before the batch


def sample_token_batch(n_txs: int, repeat_share: float, seed: int = 0) -> TokenBatch:
    """Draw one batch: balances log-uniform in $1-$10M, amounts log-uniform in $1-$10k (capped by balance)."""
    if not isinstance(n_txs, int) or n_txs < 1:
        raise ValueError(f"n_txs must be a positive int, got {n_txs!r}")
    if not 0.0 <= repeat_share <= 1.0:
        raise ValueError(f"repeat_share must be in [0, 1], got {repeat_share!r}")
    rng = np.random.default_rng(seed)
    unit = UNITS_PER_TOKEN
    sender_balance = (10 ** rng.uniform(0, 7, n_txs) * unit).astype(np.int64)
    amount = np.minimum((10 ** rng.uniform(0, 4, n_txs) * unit).astype(np.int64), sender_balance)
    sender_nonce = rng.integers(0, 5000, n_txs)
    recipient_exists = rng.random(n_txs) < repeat_share
    recipient_balance = np.where(recipient_exists, (10 ** rng.uniform(0, 7, n_txs) * unit).astype(np.int64), 0)
    fees = rng.integers(*FEE_WEI_RANGE, n_txs)
    return TokenBatch(sender_balance, amount, sender_nonce, recipient_exists, recipient_balance, fees,
                      int(rng.integers(10**6, 10**9)) * 10**12)


def _key(role: str, i: int) -> bytes:
    return blake2s256(role.encode() + i.to_bytes(8, "big"))


def token_batch_diffs(batch: TokenBatch) -> list[StateDiff]:
    """The batch's net state diffs, with enumeration indices for slots already in the tree."""
    diffs: list[StateDiff] = []
    index = 1
    for i in range(len(batch.amount)):
        bal, amt, nonce = int(batch.sender_balance[i]), int(batch.amount[i]), int(batch.sender_nonce[i])
        diffs.append(StateDiff(_key("sender-balance", i), index, bal, bal - amt))
        diffs.append(StateDiff(_key("sender-nonce", i), index + 1, nonce, nonce + 1))
        index += 2
        rbal = int(batch.recipient_balance[i])
        if batch.recipient_exists[i]:
            diffs.append(StateDiff(_key("recipient-balance", i), index, rbal, rbal + amt))
            index += 1
        else:
            diffs.append(StateDiff(_key("recipient-balance", i), 0, 0, amt))
    fees = int(batch.fees.sum())
    collector = batch.fee_collector_balance
    diffs.append(StateDiff(_key("fee-collector", 0), index, collector, collector + fees))
    return diffs


def _byte_len(x: np.ndarray) -> np.ndarray:
    """Exact big-endian byte length of non-negative int64 values (0 for 0)."""
    return sum((x >= (1 << (8 * k))).astype(np.int64) for k in range(8))


def take_prefix(batch: TokenBatch, n: int) -> TokenBatch:
    """The batch made of the first ``n`` transfers of ``batch`` (the fee collector's balance unchanged)."""
    if not 1 <= n <= len(batch.amount):
        raise ValueError(f"prefix length must be in 1..{len(batch.amount)}, got {n!r}")
    arrays = (batch.sender_balance, batch.amount, batch.sender_nonce, batch.recipient_exists,
              batch.recipient_balance, batch.fees)
    return TokenBatch(*(a[:n] for a in arrays), batch.fee_collector_balance)


def compute_transfer_sizes(batch: TokenBatch) -> np.ndarray:
    """Compressed bytes of each transfer's three diffs, following ZKsync's rules slot by slot.

    Sender balance: min(Sub amount, Transform new balance); nonce: Add 1; recipient: Add amount vs Transform
    new balance, or a first write (32-byte key) of the amount.
    """
    amt, bal = batch.amount, batch.sender_balance
    repeated = ENUMERATION_INDEX_BYTES + METADATA_BYTES
    sender = repeated + np.minimum(_byte_len(amt), _byte_len(bal - amt))
    nonce = repeated + np.minimum(1, _byte_len(batch.sender_nonce + 1))
    recipient = np.where(
        batch.recipient_exists,
        repeated + np.minimum(_byte_len(amt), _byte_len(batch.recipient_balance + amt)),
        DERIVED_KEY_BYTES + METADATA_BYTES + _byte_len(amt),
    )
    return sender + nonce + recipient


def _fee_diff_size(collector: int, fees: int) -> int:
    return state_diff_size(StateDiff(bytes(32), 1, collector, collector + fees))


def token_batch_pubdata_sizes(batch: TokenBatch) -> tuple[int, int]:
    """(compressed, naive) bytes of the batch's state diffs including the 7-byte header, vectorised.

    Naive is 64 bytes per diff (full key, full value), 3 diffs per transfer plus the fee collector's.
    """
    compressed = int(compute_transfer_sizes(batch).sum())
    compressed += _fee_diff_size(batch.fee_collector_balance, int(batch.fees.sum())) + STATE_DIFFS_HEADER_BYTES
    return compressed, NAIVE_STATE_DIFF_BYTES * (3 * len(batch.amount) + 1) + STATE_DIFFS_HEADER_BYTES


def token_prefix_pubdata_sizes(batch: TokenBatch, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``token_batch_pubdata_sizes`` of ``take_prefix(batch, n)`` for every n in ``sizes``, in one pass."""
    sizes = np.asarray(sizes, dtype=np.int64)
    if sizes.size and (sizes.min() < 1 or sizes.max() > len(batch.amount)):
        raise ValueError(f"prefix lengths must be in 1..{len(batch.amount)}, got {sizes.min()}..{sizes.max()}")
    per_tx = np.cumsum(compute_transfer_sizes(batch))
    fees = np.cumsum(batch.fees)
    fee_sizes = np.array([_fee_diff_size(batch.fee_collector_balance, int(fees[n - 1])) for n in sizes], dtype=np.int64)
    compressed = per_tx[sizes - 1] + fee_sizes + STATE_DIFFS_HEADER_BYTES
    naive = NAIVE_STATE_DIFF_BYTES * (3 * sizes + 1) + STATE_DIFFS_HEADER_BYTES
    return compressed, naive
