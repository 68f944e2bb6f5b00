"""Chapter 9 exercises: the length of an interop proof, and the latency of a message with no execution delay.

Source: ``zkedu.interop.network`` (proofs built as the contracts read them) and ``zkedu.interop.latency``.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.interop.latency import LatencyParams, compute_interop_latency
from zkedu.interop.network import InteropNetwork, Settlement


def compute_proof_words() -> int:
    """Words of the proof for a message in batch 5 of a chain on Gateway, with 6 chains registered there."""
    net = InteropNetwork([324, 325, 326, 327, 328], Settlement.GATEWAY)
    for _ in range(4):
        net.seal_batch(324)
        net.execute_batch(324)
    sent = net.send_message(324, bytes(19) + b"\x01", b"the message")
    net.seal_batch(324)
    net.execute_batch(324)
    net.import_roots(325)
    return len(net.prove_message(sent, on_chain=325))


def compute_fast_latency_seconds() -> float:
    """Send to provable on Gateway: 60 s batches, 10 s proving, no execution delay, the model's other defaults."""
    params = LatencyParams(batch_interval_seconds=60.0, proving_seconds=10.0, execution_delay_seconds=0.0)
    return float(compute_interop_latency(params, Settlement.GATEWAY))


def proof_words_hint(answer: int) -> str | None:
    """Targeted hints for the usual slips."""
    if answer == compute_proof_words() - 2:
        return "close: did you count the two metadata words, one at the start of each node?"
    if answer == compute_proof_words() - 1:
        return "close: the log path ends with one more sibling, the batch's aggregated root."
    return None


register(Exercise(
    "ch09-proof-words",
    how_to_answer="an integer number of 32-byte words",
    hint="count per node: a metadata word, the log path (14 levels plus the aggregated root), the batch-leaf "
         "mask and path (the chain's tree of 5 batches), the packed block-and-mask word and the settlement "
         "chain id; then the final node's metadata and its path in the tree over 6 chains.",
    expected=compute_proof_words,
    targeted_hint=proof_words_hint,
))

register(Exercise(
    "ch09-fast-latency",
    how_to_answer="a number of seconds",
    hint="add the stages: half a batch interval of sealing, a Gateway block to commit, the proving time plus "
         "a block for the prove transaction (or the execution delay, if longer: it runs from the commit), a "
         "block to execute, and one block to import the root.",
    answer_types=(int, float),
    expected=compute_fast_latency_seconds,
    rel_tol=1e-9,
))
