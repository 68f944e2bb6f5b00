"""A simulated L1 settlement contract: commit, prove, execute and revert batches, with a clock and a gas ledger.

The lifecycle of Executor.sol, one batch per proof as on Era:

- **commit** checks the batch number is next, the batch's own record of its predecessor matches the last
  committed batch, timestamps move forward and the data are available (calldata hashed, or each blob's
  KZG opening checked by the point-evaluation precompile). It does not check that the state transition is
  correct: a committed batch can still be wrong.
- **prove** checks a proof whose public input is keccak(prev commitment || new commitment) >> 32 (here the
  re-execution stand-in of ``zkedu.rollup.proof``).
- **execute** finalises a proven batch once a delay has passed since its commit.
- **revert** drops committed batches that are not executed; executed batches are final.

Gas per step uses the server's planning constants (publish_criterion.rs), which are estimates the
operator plans with, not measurements of these calls; a calldata commit adds its data's gas by EIP-7623
(no calldata in blob mode).

Source: EC l1-contracts/contracts/state-transition/chain-deps/facets/Executor.sol; ValidatorTimelock.sol;
ERA core/node/eth_sender/src/publish_criterion.rs; DOCS 20.zksync-protocol/00.rollup/60.finality.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from zkedu import kzg
from zkedu.blobpack import pack_into_blobs
from zkedu.constants import (
    ERA_EXECUTION_DELAY_SECONDS,
    EXECUTE_BASE_GAS,
    EXECUTE_GAS_PER_BATCH,
    EXECUTE_GAS_PER_L1_TX,
    MAX_BLOBS_PER_BATCH,
    PROVE_GAS,
)
from zkedu.hashing import keccak256
from zkedu.rollup.commitment import (
    BlobOpening,
    CommitBatchInfo,
    StoredBatchInfo,
    compute_batch_commitment,
    compute_l2_logs_root,
    genesis_batch,
)
from zkedu.rollup.da import blob_gas, blob_linear_hash, blob_opening_point
from zkedu.rollup.l1_data_pricing import COMMIT_EXECUTION_GAS, COMMIT_PLANNING_GAS, compute_calldata_gas_eip7623
from zkedu.rollup.proof import ReplayState, StandInValidityProof, verify_stand_in_proof
from zkedu.rollup.pubdata import BatchPubdata, encode_pubdata

COMMIT_TIMESTAMP_APPROXIMATION_DELTA = 3600  # a batch may be stamped up to 1 h ahead of L1 time (Config.sol)


class L1Rejection(ValueError):
    """The simulated L1 refused a call; the message names the batch number and the check that failed."""


@dataclass(frozen=True)
class BatchSubmission:
    """What the operator sends to commit one batch: the commit input and, in blob mode, the blobs."""

    info: CommitBatchInfo
    pubdata: bytes
    blobs: tuple[bytes, ...] = ()


def open_blob(blob: bytes) -> BlobOpening:
    """Commit to a blob with KZG and open it at ZKsync's point z (about 1-3 s of pure-Python KZG per blob)."""
    commitment = kzg.blob_to_kzg_commitment(blob)
    versioned_hash = kzg.kzg_to_versioned_hash(commitment)
    z = blob_opening_point(blob_linear_hash(blob), versioned_hash)
    proof, y = kzg.compute_kzg_proof(blob, z.to_bytes(32, "big"))
    return BlobOpening(versioned_hash, z, y, commitment, proof)


def prepare_commit(
    batch_number: int,
    timestamp: int,
    prev_state_root: bytes,
    new_state_root: bytes,
    slots_after: int,
    content: BatchPubdata,
    number_of_l1_txs: int = 0,
    da_mode: str = "blobs",
    open_blobs: bool = True,
) -> BatchSubmission:
    """Operator side: encode the batch's pubdata and build its commit input.

    ``open_blobs=False`` skips the KZG commitment and opening of each blob (for bulk simulation); an L1
    accepts such a batch only if it was created with ``skip_blob_kzg_checks=True``.
    """
    if da_mode not in ("calldata", "blobs"):
        raise ValueError(f"da_mode must be 'calldata' or 'blobs', got {da_mode!r}")
    pubdata = encode_pubdata(content)
    blobs = tuple(pack_into_blobs(pubdata)) if da_mode == "blobs" else ()
    info = CommitBatchInfo(
        batch_number=batch_number,
        timestamp=timestamp,
        prev_batch_hash=prev_state_root,
        new_state_root=new_state_root,
        index_repeated_storage_changes=slots_after,
        number_of_l1_txs=number_of_l1_txs,
        l2_logs_root=compute_l2_logs_root(content.l2_to_l1_logs),
        pubdata_hash=keccak256(pubdata),
        pubdata_bytes=len(pubdata),
        da_mode=da_mode,
        pubdata=pubdata if da_mode == "calldata" else b"",
        blob_linear_hashes=tuple(blob_linear_hash(b) for b in blobs),
        blob_openings=tuple(open_blob(b) if open_blobs else None for b in blobs),
    )
    return BatchSubmission(info, pubdata, blobs)


@dataclass(frozen=True)
class L1Event:
    """One batch's part of an accepted L1 call: when, which step, which batch, and the L1 gas charged.

    ``gas`` includes ``calldata_gas``, what a calldata commit's pubdata adds (EIP-7623); ``blob_gas`` is
    apart. An execute call over several batches is one event per batch, its gas split between them.
    """

    time: float
    step: str  # "commit", "prove", "execute" or "revert"
    batch_number: int
    gas: int
    blob_gas: int = 0
    calldata_gas: int = 0


@dataclass
class SimulatedL1:
    """The settlement contract's state for one chain, with a simulated clock in seconds.

    ``replay`` is the stand-in verifier's copy of the state at the last proven batch. Set
    ``skip_blob_kzg_checks=True`` only for bulk simulations that cannot afford KZG: those batches are
    recorded as unchecked (``kzg_checked``), never silently accepted as checked.
    """

    replay: ReplayState
    execution_delay: float = ERA_EXECUTION_DELAY_SECONDS
    skip_blob_kzg_checks: bool = False
    max_blobs: int = MAX_BLOBS_PER_BATCH
    now: float = 0.0
    batches: list[StoredBatchInfo] = field(default_factory=list)
    committed: dict[int, CommitBatchInfo] = field(default_factory=dict)
    committed_at: dict[int, float] = field(default_factory=dict)
    kzg_checked: dict[int, bool] = field(default_factory=dict)
    proven_states: dict[int, ReplayState] = field(default_factory=dict)
    total_proven: int = 0
    total_executed: int = 0
    events: list[L1Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.execution_delay < 0:
            raise ValueError(f"execution_delay must be >= 0 seconds, got {self.execution_delay!r}")
        if not self.batches:
            self.batches.append(genesis_batch(self.replay.root, len(self.replay.slots)))
        self.proven_states[0] = self.replay

    # ---- views ----
    @property
    def total_committed(self) -> int:
        return len(self.batches) - 1

    def stored(self, batch_number: int) -> StoredBatchInfo:
        if not 0 <= batch_number <= self.total_committed:
            raise L1Rejection(f"batch {batch_number}: not committed (last committed is {self.total_committed})")
        return self.batches[batch_number]

    def status(self, batch_number: int) -> str:
        """'executed', 'proven', 'committed' or 'unknown': how far the batch has come on L1."""
        if batch_number <= self.total_executed:
            return "executed"
        if batch_number <= self.total_proven:
            return "proven"
        return "committed" if batch_number <= self.total_committed else "unknown"

    def gas_used(self, step: str | None = None) -> int:
        return sum(e.gas for e in self.events if step is None or e.step == step)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"time only moves forward, got {seconds!r} seconds")
        self.now += seconds

    # ---- commit ----
    def _check_da(self, info: CommitBatchInfo) -> bool:
        n = info.batch_number
        if info.da_mode == "calldata":
            if info.blob_linear_hashes or keccak256(info.pubdata) != info.pubdata_hash:
                raise L1Rejection(f"batch {n}: calldata DA check failed: calldata does not hash to the pubdata hash")
            return True
        if info.da_mode != "blobs":
            raise L1Rejection(f"batch {n}: DA mode check failed: unknown mode {info.da_mode!r}")
        blobs = len(info.blob_linear_hashes)
        if blobs == 0 or blobs > self.max_blobs or len(info.blob_openings) != blobs:
            raise L1Rejection(f"batch {n}: blob count check failed: {blobs} blobs, {len(info.blob_openings)} "
                              f"openings (1 to {self.max_blobs} allowed)")
        if all(o is None for o in info.blob_openings):
            if not self.skip_blob_kzg_checks:
                raise L1Rejection(f"batch {n}: blob KZG check failed: no openings, and this L1 was not created "
                                  "with skip_blob_kzg_checks=True")
            return False
        for i, (linear_hash, opening) in enumerate(zip(info.blob_linear_hashes, info.blob_openings, strict=True)):
            if opening is None:
                raise L1Rejection(f"batch {n}: blob KZG check failed: blob {i} has no opening")
            if opening.opening_point != blob_opening_point(linear_hash, opening.versioned_hash):
                raise L1Rejection(f"batch {n}: blob opening point check failed for blob {i}")
            try:
                kzg.point_evaluation_precompile(opening.precompile_input())
            except ValueError as err:
                raise L1Rejection(f"batch {n}: blob KZG check failed for blob {i}: {err}") from err
        return True

    def commit_batch(self, info: CommitBatchInfo) -> StoredBatchInfo:
        """Commit one batch (61k + 242k planning gas plus what its calldata adds, EIP-7623); returns what L1 stores."""
        last = self.batches[-1]
        n = info.batch_number
        if n != last.batch_number + 1:
            raise L1Rejection(f"batch {n}: batch number check failed: expected {last.batch_number + 1}, "
                              f"the next after {last.batch_number}")
        if info.prev_batch_hash != last.batch_hash:
            raise L1Rejection(f"batch {n}: previous batch hash check failed: the batch builds on "
                              f"{info.prev_batch_hash.hex()[:16]}..., batch {last.batch_number} is "
                              f"{last.batch_hash.hex()[:16]}...")
        if not last.timestamp <= info.timestamp <= self.now + COMMIT_TIMESTAMP_APPROXIMATION_DELTA:
            raise L1Rejection(f"batch {n}: timestamp check failed: {info.timestamp} must lie between the previous "
                              f"batch's {last.timestamp} and L1 time {self.now:.0f} + 3600 s")
        checked = self._check_da(info)
        stored = StoredBatchInfo(n, info.new_state_root, info.index_repeated_storage_changes, info.number_of_l1_txs,
                                 info.l2_logs_root, info.timestamp, compute_batch_commitment(info, self.max_blobs))
        self.batches.append(stored)
        self.committed[n], self.committed_at[n], self.kzg_checked[n] = info, self.now, checked
        data_gas = compute_calldata_gas_eip7623(info.pubdata, COMMIT_EXECUTION_GAS)
        self.events.append(L1Event(self.now, "commit", n, COMMIT_PLANNING_GAS + data_gas,
                                   blob_gas(len(info.blob_linear_hashes)), data_gas))
        return stored

    # ---- prove ----
    def prove_batch(self, batch_number: int, proof: StandInValidityProof) -> None:
        """Verify the stand-in proof of the next unproven batch (800k planning gas)."""
        n = batch_number
        if n != self.total_proven + 1:
            raise L1Rejection(f"batch {n}: proof order check failed: next to prove is {self.total_proven + 1}")
        stored = self.stored(n)
        info = self.committed[n]
        after = verify_stand_in_proof(
            n, self.batches[n - 1].commitment, stored.commitment, info.pubdata_hash, stored.batch_hash,
            proof, self.proven_states[n - 1],
        )
        if info.blob_linear_hashes:
            self._check_blob_content(n, info, proof.pubdata)
        self.proven_states[n] = after
        self.total_proven = n
        self.events.append(L1Event(self.now, "prove", n, PROVE_GAS))

    def _check_blob_content(self, n: int, info: CommitBatchInfo, pubdata: bytes) -> None:
        """What Era's proof attests about blobs: they hold the pubdata, and each opening's y is p(z) of that blob.

        Together with the commit's KZG check (the versioned hash's polynomial takes y at z, z derived from the
        content), this binds the posted blobs to the proven pubdata.
        """
        witness_blobs = pack_into_blobs(pubdata, self.max_blobs)
        if tuple(blob_linear_hash(b) for b in witness_blobs) != info.blob_linear_hashes:
            raise L1Rejection(f"batch {n}: blob linear hash check failed: the witness is not what the blobs hold")
        if not self.kzg_checked[n]:
            return
        for i, (blob, opening) in enumerate(zip(witness_blobs, info.blob_openings, strict=True)):
            assert opening is not None  # kzg_checked means every blob had an opening
            y = kzg.evaluate_polynomial_in_evaluation_form(kzg.blob_to_polynomial(blob), opening.opening_point)
            if int(y).to_bytes(32, "big") != opening.claimed_value:
                raise L1Rejection(f"batch {n}: blob evaluation check failed for blob {i}: p(z) of the witness is not "
                                  "the opened value")

    # ---- execute ----
    def execute_batches(self, batch_numbers: Sequence[int]) -> None:
        """Execute proven batches in order once each commit is ``execution_delay`` seconds old."""
        if not batch_numbers:
            raise ValueError("execute_batches needs at least one batch number")
        for i, n in enumerate(batch_numbers):
            if n != self.total_executed + 1 + i:
                raise L1Rejection(f"batch {n}: execution order check failed: expected {self.total_executed + 1 + i}")
            if n > self.total_proven:
                raise L1Rejection(f"batch {n}: proof check failed: the batch is {self.status(n)}, not proven")
            ready = self.committed_at[n] + self.execution_delay
            if self.now < ready:
                raise L1Rejection(f"batch {n}: execution delay check failed: executable at t={ready:.0f} s, "
                                  f"now t={self.now:.0f} s")
        l1_txs = sum(self.batches[n].number_of_l1_txs for n in batch_numbers)
        gas = EXECUTE_BASE_GAS + EXECUTE_GAS_PER_BATCH * len(batch_numbers) + EXECUTE_GAS_PER_L1_TX * l1_txs
        share, rest = divmod(gas, len(batch_numbers))  # one call, its gas spread over the batches it executes
        for i, n in enumerate(batch_numbers):
            self.events.append(L1Event(self.now, "execute", n, share + (rest if i == 0 else 0)))
        self.total_executed = batch_numbers[-1]

    # ---- revert ----
    def revert_batches(self, new_last_committed: int) -> None:
        """Drop every committed batch above ``new_last_committed``; executed batches cannot be reverted."""
        n = new_last_committed
        if n < self.total_executed:
            raise L1Rejection(f"batch {n + 1}: revert check failed: batches up to {self.total_executed} are executed "
                              "and final")
        if n > self.total_committed:
            raise L1Rejection(f"batch {n}: revert check failed: only {self.total_committed} batches are committed")
        for m in range(n + 1, self.total_committed + 1):
            for table in (self.committed, self.committed_at, self.kzg_checked, self.proven_states):
                table.pop(m, None)
            self.events.append(L1Event(self.now, "revert", m, 0))
        del self.batches[n + 1 :]
        self.total_proven = min(self.total_proven, n)
