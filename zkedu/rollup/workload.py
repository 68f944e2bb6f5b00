"""A seeded workload for the sequencer: accounts, transfers to Zipf-popular recipients, Poisson arrivals.

Senders are drawn uniformly; recipients with probability proportional to 1 / rank**s, so a few popular
accounts receive most transfers and their balance slots are written again and again (repeated writes,
which pubdata compresses to an index). Optional deposits (L1->L2), withdrawals (L2->L1), signatures, and
a fraction of faulty transactions (replayed or skipped nonce, overdraft, zero recipient) for the
rejection paths. The same arguments always give the same workload.

Source: the model is the book's own; the transaction kinds are those of ``zkedu.rollup.tx`` (EC bootloader.yul).
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from zkedu._checks import require_int
from zkedu.curves.ecdsa import N, compute_address, private_key_from_int
from zkedu.hashing import keccak256
from zkedu.rollup.tx import Deposit, Transaction, Transfer, Withdrawal, sign_transaction

DEFAULT_INITIAL_BALANCE = 10**18  # 1 ETH


@dataclass(frozen=True)
class Workload:
    """Genesis balances, the transactions in arrival order with their timestamps (seconds), and the accounts."""

    genesis: dict[bytes, int]
    transactions: tuple[Transaction, ...]
    timestamps: tuple[float, ...]
    accounts: tuple[bytes, ...]
    private_keys: tuple[bytes, ...] = ()


@dataclass
class _Ledger:
    """The generator's rough view of each account (fees ignored), to draw plausible amounts and nonces."""

    nonces: list[int]
    balances: list[int]
    next_priority: int = 0


def derive_private_key(seed: int, i: int) -> bytes:
    """A deterministic private key for account ``i`` of workload ``seed`` (for examples, never for real funds)."""
    d = int.from_bytes(keccak256(f"zkedu account {seed} {i}".encode()), "big") % (N - 1) + 1
    return private_key_from_int(d)


def derive_address(seed: int, i: int) -> bytes:
    """A deterministic address with no key behind it (fast, for unsigned bulk simulation)."""
    return keccak256(f"zkedu address {seed} {i}".encode())[-20:]


def generate_workload(
    n_accounts: int,
    n_transactions: int,
    *,
    seed: int = 0,
    zipf_exponent: float = 1.1,
    arrival_rate: float = 100.0,
    deposit_fraction: float = 0.0,
    withdrawal_fraction: float = 0.0,
    faulty_fraction: float = 0.0,
    initial_balance: int = DEFAULT_INITIAL_BALANCE,
    signed: bool = False,
) -> Workload:
    """Generate ``n_transactions`` among ``n_accounts`` accounts, arriving at ``arrival_rate`` per second.

    >>> w = generate_workload(10, 5, seed=1)
    >>> len(w.transactions), len(w.genesis), w.timestamps == tuple(sorted(w.timestamps))
    (5, 10, True)
    """
    _check_options(n_accounts, n_transactions, zipf_exponent, arrival_rate, initial_balance,
                   {"deposit_fraction": deposit_fraction, "withdrawal_fraction": withdrawal_fraction,
                    "faulty_fraction": faulty_fraction})
    rng = random.Random(seed)
    keys = tuple(derive_private_key(seed, i) for i in range(n_accounts)) if signed else ()
    accounts = tuple(compute_address(k) for k in keys) if signed else tuple(
        derive_address(seed, i) for i in range(n_accounts))
    cumulative = _cumulative_popularity(rng, n_accounts, zipf_exponent)
    ledger = _Ledger([0] * n_accounts, [initial_balance] * n_accounts)
    now = 0.0
    txs: list[Transaction] = []
    times: list[float] = []
    for _ in range(n_transactions):
        now += rng.expovariate(arrival_rate)
        kind = rng.random()
        recipient = rng.choices(range(n_accounts), cum_weights=cumulative)[0]
        if kind < deposit_fraction:
            amount = rng.randrange(1, max(2, initial_balance // 10))
            txs.append(Deposit(ledger.next_priority, accounts[recipient], amount))
            ledger.balances[recipient] += amount
            ledger.next_priority += 1
        else:
            withdraw = kind < deposit_fraction + withdrawal_fraction
            sender, tx = _draw_l2_transaction(rng, ledger, accounts, recipient, withdraw, faulty_fraction,
                                              initial_balance)
            destination = tx.recipient if isinstance(tx, Transfer) else tx.l1_receiver
            if signed and destination != bytes(20):  # a malformed transaction cannot be signed; it stays unsigned
                tx = sign_transaction(tx, keys[sender])
            txs.append(tx)
        times.append(now)
    genesis = dict.fromkeys(accounts, initial_balance)
    return Workload(genesis, tuple(txs), tuple(times), accounts, keys)


def _check_options(
    n_accounts: int, n_transactions: int, zipf_exponent: float, arrival_rate: float, initial_balance: int,
    fractions: dict[str, float],
) -> None:
    for name, value in (("n_accounts", n_accounts), ("n_transactions", n_transactions)):
        require_int(value, name)
    if n_accounts < 2:
        raise ValueError(f"n_accounts must be >= 2, got {n_accounts}")
    if n_transactions < 0:
        raise ValueError(f"n_transactions must be >= 0, got {n_transactions}")
    if not arrival_rate > 0:
        raise ValueError(f"arrival_rate must be > 0, got {arrival_rate!r}")
    if not zipf_exponent >= 0:
        raise ValueError(f"zipf_exponent must be >= 0, got {zipf_exponent!r}")
    for name, value in fractions.items():
        if not 0 <= value <= 1:
            raise ValueError(f"{name} must be in [0, 1], got {value!r}")
    if fractions["deposit_fraction"] + fractions["withdrawal_fraction"] > 1:
        raise ValueError(f"deposit_fraction + withdrawal_fraction must be <= 1, got "
                         f"{fractions['deposit_fraction']} + {fractions['withdrawal_fraction']}")
    if not isinstance(initial_balance, int) or initial_balance < 0:
        raise ValueError(f"initial_balance must be an int >= 0, got {initial_balance!r}")


def _cumulative_popularity(rng: random.Random, n_accounts: int, zipf_exponent: float) -> list[float]:
    """Cumulative Zipf weights over the accounts, in a random order of popularity."""
    popularity = list(range(n_accounts))
    rng.shuffle(popularity)  # which accounts are popular is random too
    weights = [0.0] * n_accounts
    for rank, account in enumerate(popularity, start=1):
        weights[account] = rank ** -zipf_exponent
    return list(itertools.accumulate(weights))


def _draw_l2_transaction(
    rng: random.Random, ledger: _Ledger, accounts: tuple[bytes, ...], recipient: int, withdraw: bool,
    faulty_fraction: float, initial_balance: int,
) -> tuple[int, Transfer | Withdrawal]:
    """A uniform sender's index and its transfer or withdrawal; with probability ``faulty_fraction``, a faulty one."""
    sender = rng.randrange(len(accounts))
    amount = rng.randrange(1, max(2, ledger.balances[sender] // 20 + 1))
    nonce = ledger.nonces[sender]
    to = accounts[recipient]
    if rng.random() < faulty_fraction:
        fault = rng.randrange(4)
        if fault == 0 and nonce > 0:
            nonce -= 1  # replay
        elif fault == 1:
            nonce += 1  # gap
        elif fault == 2:
            amount = ledger.balances[sender] + initial_balance + 1  # overdraft
        else:
            to = bytes(20)  # malformed
    else:
        ledger.nonces[sender] += 1
        ledger.balances[sender] -= amount
        ledger.balances[recipient] += amount
    kind = Withdrawal if withdraw else Transfer
    return sender, kind(accounts[sender], to, amount, nonce)
