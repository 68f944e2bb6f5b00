"""How long a message takes from send to provable on the destination, and what settlement costs per chain.

Proof-based interop needs the source batch sealed, committed, proven and executed on the settlement layer,
and the new root imported by the destination. The execution delay runs from the commit (Era's
ValidatorTimelock refuses to execute before commit time + delay), so proving happens inside it:

    latency = sealing + commit + max(proving + prove tx, execution delay) + execute tx + root import

``sealing`` is the mean wait for the batch to close (half the batch interval, or less when the messages
alone fill the batch's L2->L1 log slots). Each transaction on the settlement layer (commit, prove, execute)
waits one of its blocks: Gateway's blocks on Gateway, 12-second slots on L1. The commit transaction is sent
as soon as the batch is sealed. The stages are listed one after another; in fact proving starts at sealing,
alongside the commit's block, so "proven" (sealing + proving) does not include that block. Three
confirmation levels are compared: the sequencer's (a block), proven (a proof exists: what "one-second ZK
finality" refers to) and executed on L1 (for a chain on Gateway, only after Gateway's own batch settles on
L1 too).

Settlement cost per chain: directly on L1 each chain pays a batch's commit, prove and execute gas (the
planning constants of ``zkedu.rollup.fees``) for each of its batches; on Gateway the chains' batches are
settled on Gateway and one Gateway batch per interval is settled on L1, its gas shared by all chains (data
availability, which does not aggregate, and Gateway's own fees are left out).

Every function takes floats or numpy arrays (broadcast), so a sweep is one call.

Source: DOCS content/20.zksync-protocol/00.rollup/60.finality.md (a batch in a few minutes, a proof in about
an hour, ~3 h execution delay; zksync-docs @b16cbee, Jul 2026) and the Gateway FAQ ("finalization through
Gateway is sufficient" for interop between its chains); ERA core/node/eth_sender/src/publish_criterion.rs
(gas planning constants); ERA docs/src/specs/contracts/interop/ (what a message needs); EC
l1-contracts/contracts/state-transition/ValidatorTimelock.sol (the delay counts from the commit timestamp).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from zkedu.constants import ERA_EXECUTION_DELAY_SECONDS
from zkedu.interop.network import Settlement
from zkedu.rollup.amortisation import BATCH_FIXED_L1_GAS
from zkedu.rollup.commitment import L2_TO_L1_LOGS_TREE_DEPTH

L1_SLOT_SECONDS = 12.0
LOG_SLOTS_PER_BATCH = 1 << L2_TO_L1_LOGS_TREE_DEPTH
STAGES = ("sealing", "commit", "proving", "rest of the execution delay", "execute", "root import")


@dataclass(frozen=True)
class LatencyParams:
    """The inputs of the latency and cost model. Defaults: Era's documented figures, or marked assumptions.

    ``gateway_block_seconds`` and ``l2_block_seconds`` (1 s each: the sequencer's confirmation, and the
    destination importing a root in its next block) are assumptions, not sourced figures.
    ``execution_delay_seconds`` applies on whichever layer executes.
    """

    chains: int = 10
    batch_interval_seconds: float = 180.0  # "a few minutes" (DOCS finality page)
    proving_seconds: float = 3600.0  # "about an hour" (DOCS finality page)
    execution_delay_seconds: float = float(ERA_EXECUTION_DELAY_SECONDS)
    messages_per_second: float = 1.0  # per chain
    gateway_block_seconds: float = 1.0  # assumption
    l2_block_seconds: float = 1.0  # assumption
    l1_gas_price_gwei: float = 10.0

    def __post_init__(self) -> None:
        for name in ("batch_interval_seconds", "proving_seconds", "execution_delay_seconds", "messages_per_second",
                     "gateway_block_seconds", "l2_block_seconds", "l1_gas_price_gwei"):
            value = np.asarray(getattr(self, name), dtype=float)
            if not np.all(np.isfinite(value)) or np.any(value < 0):
                raise ValueError(f"{name} must be finite and >= 0, got {getattr(self, name)!r}")
        if np.any(np.asarray(self.batch_interval_seconds) <= 0):
            raise ValueError(f"batch_interval_seconds must be > 0, got {self.batch_interval_seconds!r}")
        if np.any(np.asarray(self.chains) < 1):
            raise ValueError(f"chains must be >= 1, got {self.chains!r}")


def compute_batch_seconds(params: LatencyParams) -> np.ndarray:
    """A batch's effective length: the interval, or less if the messages fill its 16,384 log slots first."""
    rate = np.asarray(params.messages_per_second, dtype=float)
    with np.errstate(divide="ignore"):
        fill = np.where(rate > 0, LOG_SLOTS_PER_BATCH / np.maximum(rate, 1e-300), np.inf)
    return np.minimum(np.asarray(params.batch_interval_seconds, dtype=float), fill)


def _block_seconds(params: LatencyParams, settlement: Settlement) -> float:
    return params.gateway_block_seconds if settlement is Settlement.GATEWAY else L1_SLOT_SECONDS


def compute_latency_breakdown(params: LatencyParams, settlement: Settlement) -> dict[str, np.ndarray]:
    """Mean seconds of each stage from send to provable on the destination (keys: ``STAGES``).

    "proving" includes the prove transaction's block; "rest of the execution delay" is what remains of the
    delay (counted from the commit) once the proof has landed, zero when proving takes longer.
    """
    if not isinstance(settlement, Settlement):
        raise TypeError(f"settlement must be a Settlement, got {settlement!r}")
    one = np.ones_like(compute_batch_seconds(params))
    block = _block_seconds(params, settlement) * one
    proving = np.asarray(params.proving_seconds, dtype=float) * one + block
    return {
        "sealing": compute_batch_seconds(params) / 2,
        "commit": block,
        "proving": proving,
        "rest of the execution delay": np.maximum(np.asarray(params.execution_delay_seconds, dtype=float) - proving, 0),
        "execute": block,
        "root import": np.asarray(params.l2_block_seconds, dtype=float) * one,
    }


def compute_interop_latency(params: LatencyParams, settlement: Settlement) -> np.ndarray:
    """Mean seconds from send to provable on the destination: the sum of the stages."""
    return sum(compute_latency_breakdown(params, settlement).values())  # type: ignore[return-value]


def compute_confirmation_levels(params: LatencyParams, settlement: Settlement) -> dict[str, np.ndarray]:
    """Mean seconds to three confirmations: the sequencer's, proven, and executed on L1."""
    stages = compute_latency_breakdown(params, settlement)
    proven = stages["sealing"] + np.asarray(params.proving_seconds, dtype=float)
    executed = compute_interop_latency(params, settlement) - stages["root import"]
    if settlement is Settlement.GATEWAY:  # then Gateway's own batch must settle on L1
        l1 = replace(params, messages_per_second=0.0)
        executed = executed + compute_interop_latency(l1, Settlement.L1) - params.l2_block_seconds
    sequencer = np.asarray(params.l2_block_seconds, dtype=float) * np.ones_like(proven)
    return {"sequencer": sequencer, "proven": proven, "executed on L1": executed}


def compute_settlement_cost_per_chain(params: LatencyParams, settlement: Settlement) -> np.ndarray:
    """L1 gas cost of settlement per chain per day, in ETH (DA and Gateway's own fees left out)."""
    batches_per_day = 86_400.0 / compute_batch_seconds(params)
    eth_per_batch = BATCH_FIXED_L1_GAS * np.asarray(params.l1_gas_price_gwei, dtype=float) * 1e-9
    if settlement is Settlement.L1:
        return batches_per_day * eth_per_batch * np.ones_like(np.asarray(params.chains, dtype=float))
    gateway_batches_per_day = 86_400.0 / np.asarray(params.batch_interval_seconds, dtype=float)
    return gateway_batches_per_day * eth_per_batch / np.asarray(params.chains, dtype=float)
