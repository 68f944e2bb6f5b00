"""Interop: verifying a message's inclusion on the destination (budget 10 ms), and the chapter 9 widget (100 ms)."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("MPLBACKEND", "Agg")

from benchmarks.harness import Result, best_time
from zkedu.interop.latency import LatencyParams, compute_interop_latency, compute_settlement_cost_per_chain
from zkedu.interop.network import InteropNetwork, Settlement
from zkedu.rollup.commitment import compute_l2_logs_root
from zkedu.widgets import ch09_interop

VERIFY_BUDGET_SECONDS = 0.010
WIDGET_BUDGET_SECONDS = 0.1


def _busy_network(chains: int = 50, batches: int = 8, messages: int = 64) -> tuple[InteropNetwork, object, int]:
    """A Gateway network with many chains, batches and messages, and one message proven on another chain."""
    ids = list(range(1000, 1000 + chains))
    net = InteropNetwork(ids, Settlement.GATEWAY)
    sent = None
    for b in range(batches):
        for c in ids:
            for m in range(messages if c == ids[0] else 1):
                s = net.send_message(c, bytes(19) + b"\x01", f"{c}:{b}:{m}".encode())
                sent = sent or s
            net.seal_batch(c)
            net.execute_batch(c)
    net.import_roots(ids[1])
    return net, sent, ids[1]


def _rebuild_from_logs(net: InteropNetwork) -> None:
    """Baseline: recompute every batch's local log root (what checking without a proof would start from)."""
    for chain in net.chains.values():
        for batch in chain.batches:
            compute_l2_logs_root(batch.logs)


def _widget_point_by_point() -> None:
    d = ch09_interop.DEFAULTS
    for mode in Settlement:
        for t in ch09_interop.PROVING_TIMES:
            for delay in (d["execution_delay_seconds"], 0.0):
                compute_interop_latency(LatencyParams(proving_seconds=float(t), execution_delay_seconds=delay), mode)
        for n in ch09_interop.CHAIN_COUNTS:
            compute_settlement_cost_per_chain(LatencyParams(chains=int(n)), mode)


def run() -> Iterator[Result]:
    net, sent, dest = _busy_network()
    proof = net.prove_message(sent, on_chain=dest)  # type: ignore[arg-type]
    verify = best_time(lambda: net.verify_message(dest, sent, proof), repeat=50)  # type: ignore[arg-type]
    rebuild = best_time(lambda: _rebuild_from_logs(net), repeat=3)
    yield Result("interop verify", f"verify_message ({len(proof)}-word proof)", verify,
                 "recompute every batch's log root", rebuild, budget_seconds=VERIFY_BUDGET_SECONDS,
                 note="50 chains on Gateway, 8 batches each")
    ch09_interop.update()
    widget = best_time(ch09_interop.update, repeat=20)
    base = best_time(_widget_point_by_point, repeat=3)
    yield Result("widget ch09_interop", "update() (numpy sweep)", widget, "scalar model point by point", base,
                 budget_seconds=WIDGET_BUDGET_SECONDS)
