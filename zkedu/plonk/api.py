"""The transfers proof as bytes: prove a batch, verify it against public balances, export it for snarkjs.

The verifier is given only the balances and the proof; the circuit (and so the key) follows from the number of
accounts, because the capacity is fixed (``CAPACITY`` transfers, padded with no-ops). Public inputs: the
pre-balances, then the post-balances.

Source: snarkjs src/plonk_verify.js (the statement: vk, public signals, proof).
"""

from __future__ import annotations

import random
from functools import lru_cache

from zkedu.plonk.encoding import proof_from_bytes, proof_to_bytes, proof_to_json, vk_to_json
from zkedu.plonk.keys import ProvingKey, compute_proving_key
from zkedu.plonk.prover import prove
from zkedu.plonk.transfers import CAPACITY, MAX_VALUE, build_transfers_circuit
from zkedu.plonk.verifier import verify

MAX_ACCOUNTS = 16  # keys for more accounts would take minutes to build; no proof for them exists here


@lru_cache(maxsize=8)
def transfers_proving_key(n_accounts: int, capacity: int = CAPACITY) -> ProvingKey:
    """The proving key (and with it the verification key) of the transfers circuit for ``n_accounts`` (cached)."""
    if not isinstance(n_accounts, int) or isinstance(n_accounts, bool) or not 1 <= n_accounts <= MAX_ACCOUNTS:
        raise ValueError(f"n_accounts must be an int in [1, {MAX_ACCOUNTS}], got {n_accounts!r}")
    circuit, _ = build_transfers_circuit([0] * n_accounts, [], capacity)
    return compute_proving_key(circuit)


def prove_transfers(pre_balances: list[int], transfers: list[tuple[int, int, int]],
                    rng: random.Random | None = None) -> bytes:
    """A 768-byte PLONK proof that ``transfers`` applied in order to ``pre_balances`` give the post-balances.

    ValueError for an impossible batch: an overdraft, an index out of range, a negative amount, a value of
    2³² or more, more than CAPACITY transfers. ``rng`` seeds the blinding (default: the OS's randomness).
    """
    if not isinstance(pre_balances, list | tuple) or not isinstance(transfers, list | tuple):
        raise TypeError(f"pre_balances and transfers must be lists, got {type(pre_balances).__name__} and "
                        f"{type(transfers).__name__}")
    if len(pre_balances) > MAX_ACCOUNTS:
        raise ValueError(f"{len(pre_balances)} accounts exceed the teaching rollup's limit of {MAX_ACCOUNTS}")
    circuit, witness = build_transfers_circuit(pre_balances, transfers, CAPACITY)
    pk = transfers_proving_key(len(pre_balances))
    if circuit != pk.circuit:  # internal invariant: the circuit must not depend on the batch
        raise RuntimeError("the transfers circuit changed with the batch")
    return proof_to_bytes(prove(pk, witness, rng))


def _public_inputs(pre_balances: list[int], post_balances: list[int]) -> list[int] | None:
    """pre ‖ post if both are equally long lists of ints in [0, 2³²), else None."""
    if not isinstance(pre_balances, list | tuple) or not isinstance(post_balances, list | tuple):
        return None
    values = [*pre_balances, *post_balances]
    if not pre_balances or len(pre_balances) != len(post_balances) or len(pre_balances) > MAX_ACCOUNTS:
        return None
    if any(not isinstance(x, int) or isinstance(x, bool) or not 0 <= x <= MAX_VALUE for x in values):
        return None
    return values


def verify_transfers(pre_balances: list[int], post_balances: list[int], proof: bytes) -> bool:
    """Does ``proof`` show that some valid batch turns ``pre_balances`` into ``post_balances``?

    Total: any malformed, truncated, non-canonical or tampered input returns False; it never raises.
    """
    public = _public_inputs(pre_balances, post_balances)
    if public is None or not isinstance(proof, bytes | bytearray):
        return False
    try:
        parsed = proof_from_bytes(bytes(proof))
    except ValueError:
        return False
    return verify(transfers_proving_key(len(pre_balances)).vk, public, parsed)


def to_snarkjs(pre_balances: list[int], post_balances: list[int], proof: bytes) -> tuple[dict, dict, list[str]]:
    """(vk.json, proof.json, public.json) as ``snarkjs plonk verify vk.json public.json proof.json`` reads them."""
    public = _public_inputs(pre_balances, post_balances)
    if public is None:
        raise ValueError(f"balances must be two equally long lists of ints in [0, 2^32): {pre_balances!r}, "
                         f"{post_balances!r}")
    vk = transfers_proving_key(len(pre_balances)).vk
    return vk_to_json(vk), proof_to_json(proof_from_bytes(proof)), [str(x) for x in public]
