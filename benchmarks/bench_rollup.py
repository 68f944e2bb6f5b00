"""Rollup core: sequencer + depth-256 state tree throughput, batch vs one-write-at-a-time tree updates, ECDSA cost."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from benchmarks.harness import Result, best_time
from zkedu.rollup.seal import Batch
from zkedu.rollup.sequencer import Sequencer
from zkedu.rollup.state import StateTree, compute_root_from_scratch
from zkedu.rollup.tx import compute_balance_key
from zkedu.rollup.workload import Workload, generate_workload

N_ACCOUNTS = 2_000
N_TRANSFERS = 10_000
TARGET_TPS = 2_000
N_SIGNED = 100


class OneWriteAtATimeTree(StateTree):
    """The baseline: every write walks its own path to the root, shared nodes are rehashed once per write."""

    def update(self, writes: Mapping[bytes, int] | Iterable[tuple[bytes, int]]) -> None:
        items = list(writes.items() if isinstance(writes, Mapping) else writes)
        for key, value in items:
            super().update({key: value})


def run_workload(w: Workload, tree: StateTree, verify_signatures: bool = False) -> list[Batch]:
    StateTree.update(tree, {compute_balance_key(a): v for a, v in w.genesis.items()})  # genesis: one batch
    seq = Sequencer(tree, verify_signatures=verify_signatures)
    batches = []
    for tx, t in zip(w.transactions, w.timestamps, strict=True):
        batches.extend(seq.submit(tx, t))
    last = seq.flush()
    return [*batches, last] if last is not None else batches


def run() -> Iterator[Result]:
    w = generate_workload(N_ACCOUNTS, N_TRANSFERS, seed=1, arrival_rate=1_000.0)
    fast, slow = StateTree(), OneWriteAtATimeTree()
    batches = run_workload(w, fast)
    assert run_workload(w, slow)[-1].root_after == batches[-1].root_after == fast.root
    subject = best_time(lambda: run_workload(w, StateTree()), repeat=2)
    baseline = best_time(lambda: run_workload(w, OneWriteAtATimeTree()), repeat=1)
    diffs = sum(len(b.state_diffs) for b in batches)
    yield Result(
        f"sequencer + state tree, {N_TRANSFERS:,} unsigned transfers, {N_ACCOUNTS:,} accounts, {len(batches)} batches",
        "batch tree updates", subject, "one write at a time", baseline,
        budget_seconds=N_TRANSFERS / TARGET_TPS,
        note=f"{N_TRANSFERS / subject:,.0f} tx/s vs {N_TRANSFERS / baseline:,.0f} tx/s; target >= {TARGET_TPS:,} tx/s; "
             f"{diffs:,} net slot writes",
    )

    # The tree alone: apply the first batch's net writes to the genesis state.
    genesis = {compute_balance_key(a): v for a, v in w.genesis.items()}
    writes = {d.derived_key: d.final_value for d in batches[0].state_diffs}

    def tree_with_genesis(cls: type[StateTree]) -> StateTree:
        tree = cls()
        StateTree.update(tree, genesis)
        return tree

    def batch_update() -> None:
        tree_with_genesis(StateTree).update(writes)

    def one_at_a_time() -> None:
        tree_with_genesis(OneWriteAtATimeTree).update(writes)

    setup = best_time(lambda: tree_with_genesis(StateTree), repeat=3)
    subject = best_time(batch_update, repeat=3) - setup
    baseline = best_time(one_at_a_time, repeat=2) - setup
    hashes = []
    for cls in (StateTree, OneWriteAtATimeTree):
        tree = tree_with_genesis(cls)
        before = tree.hash_count
        tree.update(writes)
        hashes.append(tree.hash_count - before)
    yield Result(f"state tree, one batch of {len(writes):,} writes onto {len(genesis):,} leaves",
                 "batch update", subject, "one write at a time", baseline,
                 note=f"{hashes[0]:,} vs {hashes[1]:,} node hashes")

    tree = tree_with_genesis(StateTree)
    tree.update(writes)
    entries = tree.entries()
    scratch = best_time(lambda: compute_root_from_scratch(entries), repeat=2)
    yield Result(f"state tree, root of {len(entries):,} leaves", "batch update of the batch's writes", subject,
                 "recompute from scratch", scratch)

    signed = generate_workload(20, N_SIGNED, seed=2, signed=True)
    verified = best_time(lambda: run_workload(signed, StateTree(), verify_signatures=True), repeat=1)
    bulk = best_time(lambda: run_workload(signed, StateTree(), verify_signatures=False), repeat=2)
    yield Result(f"sequencer, {N_SIGNED} signed transfers", "signatures off (bulk simulation)", bulk,
                 "ECDSA recovery on (py_ecc)", verified,
                 note=f"{(verified - bulk) / N_SIGNED * 1e3:.1f} ms per signature check")
