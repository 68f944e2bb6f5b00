"""A balance rollup on the simulated L1: each batch's PLONK proof is checked against its committed balances.

A handful of accounts with public balances. The operator commits a batch (its pre- and post-balance vectors;
L1 stores only their keccak hash), proves it (L1 recomputes the hash from the vectors it is given, so they
must be exactly the committed ones, then runs the PLONK verifier with them as public inputs) and executes it.
A proof made for any other balances fails, and so does a commit that does not start where the last one ended.

How Era differs: its proof has ONE public input, keccak(previous batch commitment ‖ new batch commitment)
>> 32 (``zkedu.rollup.proof.compute_public_input``), and the circuit itself hashes everything it needs, so
the statement stays 32 bytes whatever the batch. This teaching circuit takes the balances directly as public
inputs instead: a keccak computed inside the circuit would cost far more rows than the whole transfers circuit.

The verifier is pluggable: any callable (pre, post, proof) -> (accepted, gas). The default sends the proof to
the PLONK verifier contract (Vyper, run in py-evm: ``zkedu.plonk.verify_transfers_onchain``) and charges the gas
that call measured; ``python_plonk_verifier`` runs the Python verifier and charges Era's planning constant.

Source: EC l1-contracts/contracts/state-transition/chain-deps/facets/Executor.sol (commit / prove / execute,
the stored batch hash); snarkjs src/plonk_verify.js (the statement: public signals and proof).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from zkedu.constants import COMMIT_BASE_GAS, COMMIT_GAS_PER_BATCH, EXECUTE_BASE_GAS, PROVE_GAS
from zkedu.hashing import keccak256

Verifier = Callable[[list[int], list[int], bytes], tuple[bool, int]]


class BalanceRollupRejection(ValueError):
    """The simulated L1 refused a call; the message names the batch and the failed check."""


def compute_balances_hash(pre_balances: list[int], post_balances: list[int]) -> bytes:
    """keccak256 of the pre- then post-balances, each a 32-byte big-endian word (what L1 stores per batch).

    >>> compute_balances_hash([1], [1]).hex()[:8] == keccak256((1).to_bytes(32, "big") * 2).hex()[:8]
    True
    """
    words = [*pre_balances, *post_balances]
    for i, x in enumerate(words):
        if not isinstance(x, int) or isinstance(x, bool) or not 0 <= x < 2**256:
            raise ValueError(f"balance {i} must be an int in [0, 2^256), got {x!r}")
    return keccak256(b"".join(x.to_bytes(32, "big") for x in words))


def python_plonk_verifier(pre_balances: list[int], post_balances: list[int], proof: bytes) -> tuple[bool, int]:
    """The default verifier: ``zkedu.plonk.verify_transfers``, charged at Era's planning constant PROVE_GAS."""
    from zkedu.plonk import verify_transfers  # deferred: PLONK keys are built on first use

    return verify_transfers(pre_balances, post_balances, proof), PROVE_GAS


def evm_plonk_verifier(pre_balances: list[int], post_balances: list[int], proof: bytes) -> tuple[bool, int]:
    """The default verifier: the L1 verifier contract run in py-evm, charged the gas its call measured."""
    from zkedu.plonk import verify_transfers_onchain  # deferred: the contract is compiled on first use

    return verify_transfers_onchain(pre_balances, post_balances, proof)


@dataclass
class BalanceBatch:
    """One committed batch as L1 stores it: number, the hash of its balances, and its status."""

    number: int
    balances_hash: bytes
    status: str = "committed"  # committed -> proven -> executed
    post_balances: list[int] | None = None  # known to L1 once proven (they came with the proof)


@dataclass
class BalanceRollupL1:
    """commit / prove / execute for a balance rollup, with a gas ledger."""

    genesis_balances: list[int]
    verifier: Verifier = evm_plonk_verifier
    batches: list[BalanceBatch] = field(default_factory=list)
    gas_ledger: list[tuple[str, int, int]] = field(default_factory=list)  # (step, batch, gas)
    _last_post: list[int] = field(default_factory=list, repr=False)
    finalized_balances: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        compute_balances_hash(self.genesis_balances, [])
        self._last_post = list(self.genesis_balances)
        self.finalized_balances = list(self.genesis_balances)

    def _batch(self, number: int) -> BalanceBatch:
        if not isinstance(number, int) or not 1 <= number <= len(self.batches):
            raise BalanceRollupRejection(f"batch {number!r} is not committed")
        return self.batches[number - 1]

    def commit_batch(self, pre_balances: list[int], post_balances: list[int]) -> int:
        """Store the hash of a batch's balances; it must start from the last committed post-balances."""
        number = len(self.batches) + 1
        if list(pre_balances) != self._last_post:
            raise BalanceRollupRejection(f"batch {number}: pre-balances {pre_balances} are not the last "
                                         f"committed post-balances {self._last_post}")
        if len(post_balances) != len(pre_balances):
            raise BalanceRollupRejection(f"batch {number}: {len(post_balances)} post-balances for "
                                         f"{len(pre_balances)} accounts")
        self.batches.append(BalanceBatch(number, compute_balances_hash(list(pre_balances), list(post_balances))))
        self._last_post = list(post_balances)
        self.gas_ledger.append(("commit", number, COMMIT_BASE_GAS + COMMIT_GAS_PER_BATCH))
        return number

    def prove_batch(self, number: int, pre_balances: list[int], post_balances: list[int], proof: bytes) -> int:
        """Accept ``proof`` for batch ``number`` if the balances are the committed ones and the verifier agrees.

        Returns the gas the verifier reported. Batches are proven in order.
        """
        batch = self._batch(number)
        if batch.status != "committed":
            raise BalanceRollupRejection(f"batch {number} is already {batch.status}")
        if number > 1 and self.batches[number - 2].status == "committed":
            raise BalanceRollupRejection(f"batch {number}: batch {number - 1} must be proven first")
        if compute_balances_hash(list(pre_balances), list(post_balances)) != batch.balances_hash:
            raise BalanceRollupRejection(f"batch {number}: these balances are not the committed ones")
        accepted, gas = self.verifier(list(pre_balances), list(post_balances), proof)
        if not accepted:
            raise BalanceRollupRejection(f"batch {number}: the validity proof was rejected")
        batch.status, batch.post_balances = "proven", list(post_balances)
        self.gas_ledger.append(("prove", number, gas))
        return gas

    def execute_batch(self, number: int) -> None:
        """Finalise a proven batch: its post-balances become the finalized state."""
        batch = self._batch(number)
        if batch.status != "proven":
            raise BalanceRollupRejection(f"batch {number} is {batch.status}, not proven")
        if number > 1 and self.batches[number - 2].status != "executed":
            raise BalanceRollupRejection(f"batch {number}: batch {number - 1} must be executed first")
        batch.status = "executed"
        self.finalized_balances = list(batch.post_balances or [])
        self.gas_ledger.append(("execute", number, EXECUTE_BASE_GAS))

    def gas_used(self, step: str | None = None) -> int:
        """Total gas charged, optionally for one step ("commit", "prove", "execute")."""
        return sum(g for s, _, g in self.gas_ledger if step is None or s == step)
