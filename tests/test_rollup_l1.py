"""The simulated L1: the batch lifecycle, every refusal (naming batch and check), KZG blob checks, replay."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.blobpack import pack_into_blobs
from zkedu.constants import GAS_PER_BLOB
from zkedu.hashing import keccak256
from zkedu.rollup.commitment import (
    EMPTY_LOG_LEAF,
    BlobOpening,
    StoredBatchInfo,
    compute_batch_commitment,
    compute_l2_logs_root,
    genesis_batch,
)
from zkedu.rollup.da import blob_linear_hash, blob_opening_point, calldata_gas
from zkedu.rollup.l1 import (
    COMMIT_EXECUTION_GAS,
    COMMIT_PLANNING_GAS,
    ERA_EXECUTION_DELAY_SECONDS,
    EXECUTE_BASE_GAS,
    EXECUTE_GAS_PER_BATCH,
    EXECUTE_GAS_PER_L1_TX,
    PROVE_GAS,
    BatchSubmission,
    L1Rejection,
    SimulatedL1,
    prepare_commit,
)
from zkedu.rollup.proof import (
    ProofRejected,
    ReplayState,
    compute_public_input,
    prove_batch,
    verify_stand_in_proof,
)
from zkedu.rollup.pubdata import BatchPubdata, decode_pubdata
from zkedu.rollup.records import L2ToL1Log, StateDiff


def toy_root(slots) -> bytes:
    """A stand-in state root for these tests: keccak over the sorted slot map (the real tree is tested below)."""
    return keccak256(b"".join(i.to_bytes(8, "big") + k + v.to_bytes(32, "big") for i, (k, v) in sorted(slots.items())))


def key(i: int) -> bytes:
    return hashlib.blake2s(i.to_bytes(8, "big"), digest_size=32).digest()


class Chain:
    """A tiny honest operator: builds batches of diffs, commits them, proves them."""

    def __init__(self, da_mode: str = "calldata", **l1_options) -> None:
        self.state = ReplayState.genesis(toy_root)
        self.l1 = SimulatedL1(ReplayState.genesis(toy_root), **l1_options)
        self.da_mode = da_mode
        self.submissions: dict[int, BatchSubmission] = {}

    def diffs(self, seed: int) -> list[StateDiff]:
        """A first write of a new slot and, if there is one, a repeated write to slot 1."""
        out = [StateDiff(key(1000 + seed), 0, 0, seed + 1)]
        if 1 in self.state.slots:
            k, v = self.state.slots[1]
            out.append(StateDiff(k, 1, v, v + 5))
        return out

    def build(self, n: int, diffs: list[StateDiff] | None = None, **kw) -> BatchSubmission:
        diffs = self.diffs(n) if diffs is None else diffs
        after = self.state.apply(diffs)
        content = BatchPubdata(state_diffs=tuple(diffs))
        options = {"da_mode": self.da_mode, "open_blobs": False, **kw}
        sub = prepare_commit(n, n, self.state.root, after.root, len(after.slots), content, **options)
        self.submissions[n] = sub
        self.pending = after
        return sub

    def commit(self, n: int, **kw) -> StoredBatchInfo:
        stored = self.l1.commit_batch(self.build(n, **kw).info)
        self.state = self.pending
        return stored

    def prove(self, n: int) -> None:
        prev, new = self.l1.stored(n - 1).commitment, self.l1.stored(n).commitment
        self.l1.prove_batch(n, prove_batch(prev, new, self.submissions[n].pubdata))


# ---- the happy path ----
def test_lifecycle_and_gas() -> None:
    c = Chain()
    for n in (1, 2, 3):
        c.l1.advance(10)
        c.commit(n)
    assert [c.l1.status(n) for n in range(5)] == ["executed", "committed", "committed", "committed", "unknown"]
    c.prove(1)
    c.prove(2)
    assert c.l1.status(2) == "proven"
    c.l1.advance(ERA_EXECUTION_DELAY_SECONDS)
    c.l1.execute_batches([1, 2])
    assert [c.l1.status(n) for n in (1, 2, 3)] == ["executed", "executed", "committed"]
    commit_gas = [e.gas for e in c.l1.events if e.step == "commit"]
    # small batches: EIP-7623's floor does not bind, so the calldata costs its standard 4 gas per token
    expected = [COMMIT_PLANNING_GAS + calldata_gas(c.submissions[n].info.pubdata) for n in (1, 2, 3)]
    assert commit_gas == expected and all(g > COMMIT_PLANNING_GAS for g in commit_gas)
    assert [e.calldata_gas for e in c.l1.events if e.step == "commit"] == [g - COMMIT_PLANNING_GAS for g in expected]
    assert c.l1.gas_used("prove") == 2 * PROVE_GAS
    assert c.l1.gas_used("execute") == EXECUTE_BASE_GAS + 2 * EXECUTE_GAS_PER_BATCH


def test_execute_gas_counts_l1_transactions() -> None:
    c = Chain()
    c.l1.advance(5)
    c.commit(1, number_of_l1_txs=3)
    c.prove(1)
    c.l1.advance(ERA_EXECUTION_DELAY_SECONDS)
    c.l1.execute_batches([1])
    assert c.l1.gas_used("execute") == EXECUTE_BASE_GAS + EXECUTE_GAS_PER_BATCH + 3 * EXECUTE_GAS_PER_L1_TX


def test_batches_chain_by_stored_hash_and_commitment() -> None:
    c = Chain()
    c.l1.advance(5)
    stored = c.commit(1)
    assert stored.batch_hash == c.state.root
    assert stored.commitment == compute_batch_commitment(c.submissions[1].info)
    assert stored.hash() != replace(stored, timestamp=stored.timestamp + 1).hash()
    assert c.l1.stored(0) == genesis_batch(toy_root({}))


# ---- commit refusals ----
def test_commit_refuses_out_of_order_batch() -> None:
    c = Chain()
    c.l1.advance(5)
    with pytest.raises(L1Rejection, match="batch 2: batch number check failed: expected 1, the next after 0"):
        c.l1.commit_batch(c.build(2).info)
    c.commit(1)
    with pytest.raises(L1Rejection, match="batch 1: batch number check failed: expected 2"):
        c.l1.commit_batch(c.submissions[1].info)


def test_commit_refuses_wrong_previous_hash() -> None:
    c = Chain()
    c.l1.advance(5)
    info = replace(c.build(1).info, prev_batch_hash=bytes(32))
    with pytest.raises(L1Rejection, match="batch 1: previous batch hash check failed"):
        c.l1.commit_batch(info)


def test_commit_refuses_bad_timestamps() -> None:
    c = Chain()
    with pytest.raises(L1Rejection, match="batch 1: timestamp check failed: 4000 must lie between"):
        c.l1.commit_batch(replace(c.build(1).info, timestamp=4000))
    c.l1.advance(10)
    c.commit(1)
    with pytest.raises(L1Rejection, match="batch 2: timestamp check failed: 0 must lie between"):
        c.l1.commit_batch(replace(c.build(2).info, timestamp=0))


def test_commit_refuses_calldata_that_does_not_match() -> None:
    c = Chain()
    info = c.build(1).info
    with pytest.raises(L1Rejection, match="batch 1: calldata DA check failed"):
        c.l1.commit_batch(replace(info, pubdata=info.pubdata + b"\x00"))
    with pytest.raises(L1Rejection, match="batch 1: DA mode check failed: unknown mode 'carrier pigeon'"):
        c.l1.commit_batch(replace(info, da_mode="carrier pigeon"))
    with pytest.raises(ValueError, match="da_mode must be 'calldata' or 'blobs', got 'ipfs'"):
        prepare_commit(1, 0, bytes(32), bytes(32), 0, BatchPubdata(), da_mode="ipfs")


def test_unchecked_blobs_need_the_explicit_option() -> None:
    strict = Chain("blobs")
    with pytest.raises(L1Rejection, match="batch 1: blob KZG check failed: no openings, and this L1 was not created "
                                          "with skip_blob_kzg_checks=True"):
        strict.l1.commit_batch(strict.build(1).info)
    bulk = Chain("blobs", skip_blob_kzg_checks=True)
    bulk.commit(1)
    assert bulk.l1.kzg_checked == {1: False}
    assert bulk.l1.events[-1].blob_gas == GAS_PER_BLOB
    assert (bulk.l1.events[-1].gas, bulk.l1.events[-1].calldata_gas) == (COMMIT_PLANNING_GAS, 0)  # blob mode


def test_a_calldata_commit_pays_eip7623s_floor_once_its_data_outweighs_the_commit() -> None:
    c = Chain()
    many = [StateDiff(key(i), 0, 0, 2**255 + i) for i in range(1, 1_000)]  # 65 B each, all first writes
    c.commit(1, diffs=many)
    pubdata = c.submissions[1].info.pubdata
    tokens = pubdata.count(0) + 4 * (len(pubdata) - pubdata.count(0))
    assert 6 * tokens > COMMIT_EXECUTION_GAS
    assert c.l1.events[-1].gas == 21_000 + 10 * tokens  # 21,000 + max(4T + E, 10T) with the floor binding


def test_commit_refuses_too_many_blobs() -> None:
    c = Chain("blobs", skip_blob_kzg_checks=True, max_blobs=1)
    info = c.build(1).info
    two = replace(info, blob_linear_hashes=info.blob_linear_hashes * 2, blob_openings=(None, None))
    with pytest.raises(L1Rejection, match=r"batch 1: blob count check failed: 2 blobs, 2 openings \(1 to 1 allowed\)"):
        c.l1.commit_batch(two)


# ---- real KZG on one blob (about 3 s to open, 0.3 s per precompile call) ----
@pytest.fixture(scope="module")
def blob_submission() -> tuple[Chain, BatchSubmission]:
    c = Chain("blobs")
    c.l1.advance(5)
    sub = c.build(1, open_blobs=True)
    return c, sub


def test_blob_commit_is_checked_with_the_precompile(blob_submission: tuple[Chain, BatchSubmission]) -> None:
    c, sub = blob_submission
    (opening,) = sub.info.blob_openings
    assert opening is not None and opening.versioned_hash[:1] == b"\x01"
    forged_y = replace(opening, claimed_value=(int.from_bytes(opening.claimed_value, "big") + 1).to_bytes(32, "big"))
    with pytest.raises(L1Rejection, match="batch 1: blob KZG check failed for blob 0"):
        c.l1.commit_batch(replace(sub.info, blob_openings=(forged_y,)))
    wrong_z = replace(opening, opening_point=opening.opening_point + 1)
    with pytest.raises(L1Rejection, match="batch 1: blob opening point check failed for blob 0"):
        c.l1.commit_batch(replace(sub.info, blob_openings=(wrong_z,)))
    c.l1.commit_batch(sub.info)
    assert c.l1.kzg_checked == {1: True}
    c.state = c.pending
    c.prove(1)  # the proof step evaluates the witness blob at z and finds the opened y
    assert c.l1.status(1) == "proven"


def test_blob_whose_commitment_does_not_match_is_refused(blob_submission: tuple[Chain, BatchSubmission]) -> None:
    _, sub = blob_submission
    (opening,) = sub.info.blob_openings
    other = BlobOpening(opening.versioned_hash, opening.opening_point, opening.claimed_value, bytes([0xC0]) + bytes(47),
                        opening.proof)  # the commitment to the zero polynomial, not this blob's
    fresh = SimulatedL1(ReplayState.genesis(toy_root), now=5)
    with pytest.raises(L1Rejection, match="batch 1: blob KZG check failed for blob 0"):
        fresh.commit_batch(replace(sub.info, blob_openings=(other,)))
    assert blob_linear_hash(sub.blobs[0]) == sub.info.blob_linear_hashes[0]


def test_an_opening_of_another_blob_passes_commit_but_fails_the_proof(
    blob_submission: tuple[Chain, BatchSubmission],
) -> None:
    """An operator posts blob B but claims its pubdata is A: the KZG opening of B is valid, the proof is not."""
    _, sub_a = blob_submission
    c = Chain("blobs")
    c.l1.advance(5)
    sub_b = c.build(1, diffs=[StateDiff(key(99), 0, 0, 1)], open_blobs=False)
    (blob_b,) = pack_into_blobs(sub_b.pubdata)
    from zkedu import kzg

    commitment_b = kzg.blob_to_kzg_commitment(blob_b)
    vh_b = kzg.kzg_to_versioned_hash(commitment_b)
    (linear_a,) = sub_a.info.blob_linear_hashes
    z = blob_opening_point(linear_a, vh_b)
    proof_b, y_b = kzg.compute_kzg_proof(blob_b, z.to_bytes(32, "big"))
    lying = replace(sub_a.info, blob_openings=(BlobOpening(vh_b, z, y_b, commitment_b, proof_b),))
    stored = c.l1.commit_batch(lying)  # the precompile accepts: B really takes y_b at z
    proof = prove_batch(c.l1.stored(0).commitment, stored.commitment, sub_a.pubdata)
    with pytest.raises(L1Rejection, match="batch 1: blob evaluation check failed for blob 0"):
        c.l1.prove_batch(1, proof)


# ---- prove ----
def test_prove_rejects_forgeries() -> None:
    c = Chain()
    c.l1.advance(5)
    c.commit(1)
    prev, new = c.l1.stored(0).commitment, c.l1.stored(1).commitment
    honest = prove_batch(prev, new, c.submissions[1].pubdata)
    assert honest.public_input == int.from_bytes(keccak256(prev + new), "big") >> 32
    with pytest.raises(ProofRejected, match="batch 1: public input check failed"):
        c.l1.prove_batch(1, replace(honest, public_input=honest.public_input ^ 1))
    with pytest.raises(ProofRejected, match="batch 1: public input check failed"):
        c.l1.prove_batch(1, prove_batch(new, prev, c.submissions[1].pubdata))  # commitments swapped
    with pytest.raises(ProofRejected, match="batch 1: pubdata check failed: the witness is not the committed"):
        c.l1.prove_batch(1, replace(honest, pubdata=honest.pubdata + b"\x00"))
    with pytest.raises(ProofRejected, match="batch 1: proof check failed: expected a StandInValidityProof, got str"):
        c.l1.prove_batch(1, "trust me")  # type: ignore[arg-type]
    with pytest.raises(L1Rejection, match="batch 2: proof order check failed: next to prove is 1"):
        c.l1.prove_batch(2, honest)
    c.l1.prove_batch(1, honest)
    assert c.l1.status(1) == "proven"


def test_a_wrong_state_root_commits_but_cannot_be_proven_and_is_reverted() -> None:
    c = Chain()
    c.l1.advance(5)
    c.commit(1)
    bad = c.build(2)
    lying = replace(bad.info, new_state_root=keccak256(b"a root the diffs do not produce"))
    stored = c.l1.commit_batch(lying)  # commit does not check the state transition
    assert c.l1.status(2) == "committed"
    c.prove(1)
    proof = prove_batch(c.l1.stored(1).commitment, stored.commitment, bad.pubdata)
    with pytest.raises(ProofRejected, match="batch 2: state root check failed: replaying the pubdata gives"):
        c.l1.prove_batch(2, proof)
    c.l1.revert_batches(1)
    assert c.l1.total_committed == 1 and c.l1.events[-1].step == "revert"
    c.l1.commit_batch(bad.info)  # the honest version of batch 2
    c.state = c.pending
    c.prove(2)
    assert c.l1.status(2) == "proven"


def test_prove_rejects_pubdata_that_does_not_decode() -> None:
    state = ReplayState.genesis(toy_root)
    junk = b"\x00\x00\x00\x01"  # says one log follows, then ends
    prev, new = bytes(32), keccak256(b"new")
    with pytest.raises(ProofRejected, match="batch 7: pubdata check failed: pubdata truncated at offset 4"):
        verify_stand_in_proof(7, prev, new, keccak256(junk), state.root, prove_batch(prev, new, junk), state)
    with pytest.raises(TypeError, match="pubdata must be bytes, got str"):
        prove_batch(prev, new, "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="prev_commitment must be 32 bytes"):
        compute_public_input(b"x", new)


def test_prove_checks_blob_linear_hashes() -> None:
    c = Chain("blobs", skip_blob_kzg_checks=True)
    c.l1.advance(5)
    sub = c.build(1)
    forged = replace(sub.info, blob_linear_hashes=(keccak256(b"other"),))
    stored = c.l1.commit_batch(forged)
    proof = prove_batch(c.l1.stored(0).commitment, stored.commitment, sub.pubdata)
    with pytest.raises(L1Rejection, match="batch 1: blob linear hash check failed"):
        c.l1.prove_batch(1, proof)


# ---- execute and revert ----
def test_execute_refusals() -> None:
    c = Chain()
    c.l1.advance(5)
    c.commit(1)
    c.commit(2)
    with pytest.raises(L1Rejection, match="batch 1: proof check failed: the batch is committed, not proven"):
        c.l1.execute_batches([1])
    c.prove(1)
    with pytest.raises(L1Rejection, match=r"batch 1: execution delay check failed: executable at t=10805 s, now t=5 s"):
        c.l1.execute_batches([1])
    c.l1.advance(ERA_EXECUTION_DELAY_SECONDS)
    with pytest.raises(L1Rejection, match="batch 2: execution order check failed: expected 1"):
        c.l1.execute_batches([2])
    with pytest.raises(ValueError, match="needs at least one batch number"):
        c.l1.execute_batches([])
    c.l1.execute_batches([1])
    assert c.l1.status(1) == "executed"


def test_executed_batches_cannot_be_reverted() -> None:
    c = Chain(execution_delay=0)
    c.l1.advance(5)
    c.commit(1)
    c.commit(2)
    c.prove(1)
    c.prove(2)
    c.l1.execute_batches([1])
    with pytest.raises(L1Rejection, match="batch 1: revert check failed: batches up to 1 are executed and final"):
        c.l1.revert_batches(0)
    with pytest.raises(L1Rejection, match="batch 5: revert check failed: only 2 batches are committed"):
        c.l1.revert_batches(5)
    c.l1.revert_batches(1)  # batch 2 was proven but not executed: it can still go
    assert (c.l1.total_committed, c.l1.total_proven, c.l1.status(2)) == (1, 1, "unknown")


def test_l1_option_and_clock_validation() -> None:
    with pytest.raises(ValueError, match="execution_delay must be >= 0 seconds, got -1"):
        SimulatedL1(ReplayState.genesis(toy_root), execution_delay=-1)
    l1 = SimulatedL1(ReplayState.genesis(toy_root))
    with pytest.raises(ValueError, match="time only moves forward, got -3 seconds"):
        l1.advance(-3)
    with pytest.raises(L1Rejection, match=r"batch 4: not committed \(last committed is 0\)"):
        l1.stored(4)
    with pytest.raises(ValueError, match="state_root must be 32 bytes"):
        genesis_batch(b"short")


# ---- the L2->L1 logs tree ----
def naive_logs_root(logs: list[L2ToL1Log]) -> bytes:
    level = [keccak256(log.to_bytes()) for log in logs] + [EMPTY_LOG_LEAF] * (16384 - len(logs))
    while len(level) > 1:
        level = [keccak256(level[i] + level[i + 1]) for i in range(0, len(level), 2)]
    return level[0]


@pytest.mark.parametrize("n", [0, 1, 3])
def test_logs_root_matches_the_full_tree(n: int) -> None:
    logs = [L2ToL1Log(0, True, i, bytes(20), key(i), key(i + 1)) for i in range(n)]
    assert compute_l2_logs_root(logs) == naive_logs_root(logs)


def test_logs_root_refuses_too_many_logs() -> None:
    log = L2ToL1Log(0, True, 0, bytes(20), key(0), key(1))
    with pytest.raises(ValueError, match="at most 16384 L2->L1 logs per batch, got 16385"):
        compute_l2_logs_root([log] * 16385)


# ---- replay from pubdata alone ----
@settings(max_examples=20)
@given(st.lists(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 2**70)), max_size=8), min_size=1, max_size=5))
def test_replay_from_pubdata_reconstructs_every_root(batches: list[list[tuple[int, int]]]) -> None:
    """Writes to random slots, batch by batch: a node that only reads the pubdata ends at the same roots."""
    c = Chain(execution_delay=0)
    node: dict[int, tuple[bytes, int]] = {}
    for n, writes in enumerate(batches, start=1):
        net = {key(slot): value for slot, value in writes}
        index = {k: i for i, (k, _) in c.state.slots.items()}
        diffs = [
            StateDiff(k, index[k], c.state.slots[index[k]][1], v) if k in index else StateDiff(k, 0, 0, v)
            for k, v in net.items()
        ]
        c.l1.advance(1)
        c.commit(n, diffs=diffs)
        c.prove(n)
        decoded = decode_pubdata(c.submissions[n].pubdata, node).state_diffs
        node = dict(ReplayState(node, b"", toy_root).apply(list(decoded)).slots)
        assert toy_root(node) == c.l1.stored(n).batch_hash


# ---- with the rollup core: sequencer batches settle, and a replay from pubdata gives the same roots ----
@pytest.fixture(scope="module")
def sequenced():
    from zkedu.rollup.seal import SealLimits
    from zkedu.rollup.sequencer import create_genesis_tree, run_sequencer
    from zkedu.rollup.workload import generate_workload

    w = generate_workload(60, 600, seed=3, deposit_fraction=0.05, withdrawal_fraction=0.05, faulty_fraction=0.02)
    batches, _ = run_sequencer(w.genesis, w.transactions, w.timestamps, verify_signatures=False,
                               limits=SealLimits(max_pubdata_bytes=6_000, batch_timeout_seconds=2.0))
    return create_genesis_tree(w.genesis), batches


def test_sequencer_batches_settle_and_replay(sequenced) -> None:
    from zkedu.rollup.proof import TreeRootFn
    from zkedu.rollup.settlement import (
        encode_batch_pubdata,
        replay_pubdata,
        replay_state_from_tree,
        submit_batch,
    )

    genesis, batches = sequenced
    assert len(batches) >= 3
    l1 = SimulatedL1(replay_state_from_tree(genesis), skip_blob_kzg_checks=True, execution_delay=60)
    slots = genesis.leaf_count
    for b in batches:
        sub = submit_batch(b, slots, open_blobs=False)
        assert len(sub.pubdata) == b.pubdata_bytes == len(encode_batch_pubdata(b))  # the seal criterion's count
        slots = sub.info.index_repeated_storage_changes
        l1.now = max(l1.now, b.closed_at)
        stored = l1.commit_batch(sub.info)
        l1.prove_batch(b.number, prove_batch(l1.stored(b.number - 1).commitment, stored.commitment, sub.pubdata))
    l1.advance(60)
    l1.execute_batches([b.number for b in batches])
    assert l1.status(batches[-1].number) == "executed"
    # a node that reads only the published pubdata rebuilds every state root
    known = {i: (k, v) for k, (i, v) in genesis.entries().items()}
    roots = TreeRootFn()
    maps = replay_pubdata(known, [encode_batch_pubdata(b) for b in batches])
    assert [roots(m) for m in maps] == [b.root_after for b in batches]


def test_tree_root_fn_refuses_inconsistent_indices() -> None:
    from zkedu.rollup.proof import TreeRootFn

    roots = TreeRootFn()
    with pytest.raises(ValueError, match=r"enumeration indices must run 1\.\.1, got \[2\]"):
        roots({2: (key(1), 5)})
    roots({1: (key(1), 5)})
    assert roots({1: (key(1), 6)}) != roots({1: (key(1), 5)})  # rebuilds when the map goes back
    with pytest.raises(ValueError, match="has enumeration index 2 in the map but 1 in the tree"):
        TreeRootFn()({1: (key(1), 5), 2: (key(1), 6)})  # one slot under two indices


def test_commit_refuses_a_blob_without_opening_among_opened_ones() -> None:
    c = Chain("blobs", skip_blob_kzg_checks=True)
    info = c.build(1).info
    fake = BlobOpening(bytes(32), 0, bytes(32), bytes(48), bytes(48))  # never reached: blob 0 fails first
    two = replace(info, blob_linear_hashes=info.blob_linear_hashes * 2, blob_openings=(None, fake))
    with pytest.raises(L1Rejection, match="batch 1: blob KZG check failed: blob 0 has no opening"):
        c.l1.commit_batch(two)


@settings(max_examples=30)
@given(st.integers(-5, 50), st.binary(min_size=32, max_size=32))
def test_any_wrong_number_or_previous_hash_is_refused(number: int, prev_hash: bytes) -> None:
    c = Chain()
    c.l1.advance(5)
    c.commit(1)
    info = c.build(2).info
    if number != 2:
        with pytest.raises(L1Rejection, match=f"batch {number}: batch number check failed: expected 2"):
            c.l1.commit_batch(replace(info, batch_number=number))
    if prev_hash != info.prev_batch_hash:
        with pytest.raises(L1Rejection, match="batch 2: previous batch hash check failed"):
            c.l1.commit_batch(replace(info, prev_batch_hash=prev_hash))
    assert c.l1.total_committed == 1
