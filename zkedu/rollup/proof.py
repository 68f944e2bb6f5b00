"""A stand-in for the batch validity proof: a re-execution verifier, binding but neither succinct nor zero-knowledge.

On Era, L1 verifies one SNARK per batch whose only public input is

    public_input = uint256(keccak(prev_commitment || new_commitment)) >> 32

so the proof speaks about exactly these two commitments. Until the book's SNARK exists, this module keeps
that public input and replaces the SNARK by what the proof would attest: the verifier takes the batch's
published pubdata as a witness, checks it against what the commitment covers, replays its state diffs on
its own copy of the state (the slot map a full node rebuilds from L1 data) and requires the resulting root
to be the new state root the batch committed to. A forged proof, a wrong public input or a committed root
that the diffs do not produce is rejected. Unlike a SNARK, the verifier does work proportional to the
batch and sees all the data.

Source: EC l1-contracts/contracts/state-transition/chain-deps/facets/Executor.sol (_getBatchProofPublicInput,
proveBatches).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from zkedu.hashing import keccak256
from zkedu.rollup.pubdata import decode_pubdata, update_known_slots
from zkedu.rollup.records import StateDiff
from zkedu.rollup.state import StateTree

PUBLIC_INPUT_SHIFT = 32  # bits dropped so the input fits the BN254 scalar field

Slots = Mapping[int, tuple[bytes, int]]
RootFn = Callable[[Slots], bytes]


def compute_public_input(prev_commitment: bytes, new_commitment: bytes) -> int:
    """The proof's single public input: keccak(prev || new) as a 256-bit integer, shifted right 32 bits.

    >>> compute_public_input(bytes(32), bytes(32)) < 2**224
    True
    """
    for name, c in (("prev_commitment", prev_commitment), ("new_commitment", new_commitment)):
        if not isinstance(c, bytes) or len(c) != 32:
            raise ValueError(f"{name} must be 32 bytes, got {c!r}")
    return int.from_bytes(keccak256(prev_commitment + new_commitment), "big") >> PUBLIC_INPUT_SHIFT


@dataclass(frozen=True)
class StandInValidityProof:
    """What the prover hands L1 for one batch: the public input and, in place of a SNARK, the pubdata witness."""

    public_input: int
    pubdata: bytes


def prove_batch(prev_commitment: bytes, new_commitment: bytes, pubdata: bytes) -> StandInValidityProof:
    """The honest prover's stand-in proof for the batch whose commitment is ``new_commitment``."""
    if not isinstance(pubdata, bytes):
        raise TypeError(f"pubdata must be bytes, got {type(pubdata).__name__}")
    return StandInValidityProof(compute_public_input(prev_commitment, new_commitment), pubdata)


@dataclass(frozen=True)
class ReplayState:
    """A verifier's copy of the rollup state: slots by enumeration index, and the tree root they give."""

    slots: Mapping[int, tuple[bytes, int]]
    root: bytes
    root_fn: RootFn = field(repr=False, compare=False)

    @classmethod
    def genesis(cls, root_fn: RootFn, slots: Slots | None = None) -> ReplayState:
        slots = dict(slots or {})
        return cls(slots, root_fn(slots), root_fn)

    def apply(self, diffs: list[StateDiff]) -> ReplayState:
        new_slots = update_known_slots(self.slots, diffs)
        return ReplayState(new_slots, self.root_fn(new_slots), self.root_fn)


class ProofRejected(ValueError):
    """The stand-in verifier refused a proof; the message names the batch and the failed check."""


def verify_stand_in_proof(
    batch_number: int,
    prev_commitment: bytes,
    new_commitment: bytes,
    committed_pubdata_hash: bytes,
    committed_state_root: bytes,
    proof: StandInValidityProof,
    state: ReplayState,
) -> ReplayState:
    """Check a stand-in proof against the two commitments; return the state after the batch or raise.

    Checks, in order: the public input equals keccak(prev || new) >> 32; the witness pubdata hashes to what
    the commitment covers; it decodes against the verifier's slots; replaying its diffs gives the committed
    state root.
    """
    if not isinstance(proof, StandInValidityProof):
        raise ProofRejected(f"batch {batch_number}: proof check failed: expected a StandInValidityProof, got "
                            f"{type(proof).__name__}")
    expected = compute_public_input(prev_commitment, new_commitment)
    if proof.public_input != expected:
        raise ProofRejected(
            f"batch {batch_number}: public input check failed: proof has {proof.public_input:#x}, "
            f"keccak(prev commitment || new commitment) >> 32 is {expected:#x}"
        )
    if keccak256(proof.pubdata) != committed_pubdata_hash:
        raise ProofRejected(f"batch {batch_number}: pubdata check failed: the witness is not the committed pubdata")
    try:
        diffs = list(decode_pubdata(proof.pubdata, state.slots).state_diffs)
        after = state.apply(diffs)
    except ValueError as err:
        raise ProofRejected(f"batch {batch_number}: pubdata check failed: {err}") from err
    if after.root != committed_state_root:
        raise ProofRejected(
            f"batch {batch_number}: state root check failed: replaying the pubdata gives {after.root.hex()}, "
            f"the batch committed to {committed_state_root.hex()}"
        )
    return after


class TreeRootFn:
    """A ``RootFn`` backed by ZKsync's state tree (``zkedu.rollup.state.StateTree``), updated incrementally.

    The tree gives new slots the next enumeration indices in the order they are written, so a slot map is
    accepted only if its indices run 1, 2, ..., n; each call writes just the slots that changed since the
    previous call (or rebuilds the tree when the map is not an extension of it, e.g. after a revert).
    """

    def __init__(self) -> None:
        self._tree = None
        self._slots: dict[int, tuple[bytes, int]] = {}

    def __call__(self, slots: Slots) -> bytes:
        if sorted(slots) != list(range(1, len(slots) + 1)):
            raise ValueError(f"enumeration indices must run 1..{len(slots)}, got {sorted(slots)[:5]}...")
        prev = self._slots
        extends = self._tree is not None and len(slots) >= len(prev) and all(
            slots[i][0] == k for i, (k, _) in prev.items()
        )
        if not extends:
            self._tree, prev = StateTree(), {}
        tree = self._tree
        assert tree is not None
        tree.update([(k, v) for i, (k, v) in sorted(slots.items()) if prev.get(i) != (k, v)])
        for i in range(len(prev) + 1, len(slots) + 1):
            if tree.leaf_index(slots[i][0]) != i:
                raise ValueError(f"slot {slots[i][0].hex()} has enumeration index {i} in the map but "
                                 f"{tree.leaf_index(slots[i][0])} in the tree")
        self._slots = dict(slots)
        return tree.root
