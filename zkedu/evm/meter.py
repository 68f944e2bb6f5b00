"""Gas accounting: which part of a transaction's gas went to the BN254 precompiles, keccak and calldata.

A ``GasMeter`` wraps py-evm's precompile functions and its KECCAK256 opcode, and records the gas each
invocation consumed; ``GasBreakdown`` is the result of one transaction, with the remainder (arithmetic,
memory, control flow, call overhead) kept as ``other`` so the parts add up to the measured total.

Spec: EIP-1108 (ecAdd 150, ecMul 6,000, ecPairing 45,000 + 34,000 per pair); Yellow Paper appendix G
(KECCAK256 30 + 6 per word); EIP-2028 (calldata 16 gas per non-zero byte, 4 per zero byte); EIP-7623
(Prague's calldata floor, 10 per zero byte and 40 per non-zero byte, applied when calldata dominates).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zkedu.rollup.l1_data_pricing import (  # the one definition of the calldata token rule (light module)
    STANDARD_TOKEN_COST,
    TX_BASE_GAS,
    compute_calldata_gas_at_floor,
    compute_calldata_tokens,
)

ECADD_GAS = 150  # EIP-1108
ECMUL_GAS = 6_000  # EIP-1108
ECPAIRING_BASE_GAS = 45_000  # EIP-1108
ECPAIRING_PER_PAIR_GAS = 34_000  # EIP-1108
CALLDATA_ZERO_GAS = 4  # EIP-2028
CALLDATA_NONZERO_GAS = 16  # EIP-2028

PRECOMPILE_NAMES: dict[int, str] = {5: "modexp", 6: "ecAdd", 7: "ecMul", 8: "ecPairing"}


def compute_calldata_gas(data: bytes) -> int:
    """Calldata gas of a transaction's input: 16 per non-zero byte, 4 per zero byte.

    Spec: EIP-2028.

    >>> compute_calldata_gas(bytes([0, 1, 2]))
    36
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"calldata must be bytes, got {type(data).__name__}")
    return STANDARD_TOKEN_COST * compute_calldata_tokens(data)  # 4 gas per token = 4 per zero byte, 16 per other


def compute_calldata_floor_gas(data: bytes) -> int:
    """Prague's least gas for a transaction with input ``data``: 21,000 + 10 per token (a non-zero byte is 4 tokens).

    Spec: EIP-7623 (TOTAL_COST_FLOOR_PER_TOKEN = 10, STANDARD_TOKEN_COST = 4).

    >>> compute_calldata_floor_gas(bytes([0, 1]))
    21050
    """
    return TX_BASE_GAS + compute_calldata_gas_at_floor(data)


@dataclass(frozen=True)
class GasBreakdown:
    """The gas of one transaction, taken apart; ``other`` is what no named part explains.

    ``floor_topup`` is what Prague adds when calldata dominates: the transaction pays at least
    21,000 + 10 per zero byte + 40 per non-zero byte (EIP-7623). ``calls`` maps a part's name
    ("ecMul", "ecAdd", "ecPairing", "modexp", "keccak") to (number of invocations, gas they consumed).
    """

    total: int
    intrinsic: int
    calldata: int
    calls: dict[str, tuple[int, int]] = field(default_factory=dict)
    floor_topup: int = 0

    @property
    def named(self) -> int:
        """Gas of the base cost, calldata, the EIP-7623 top-up and every metered call together."""
        return self.intrinsic + self.calldata + self.floor_topup + sum(gas for _, gas in self.calls.values())

    @property
    def other(self) -> int:
        """Execution gas outside precompiles and keccak (arithmetic, memory, jumps, call overhead)."""
        return self.total - self.named

    def count(self, name: str) -> int:
        """How many times ``name`` was invoked (0 if never)."""
        return self.calls.get(name, (0, 0))[0]

    def gas(self, name: str) -> int:
        """Gas consumed by all invocations of ``name`` (0 if never)."""
        return self.calls.get(name, (0, 0))[1]


class GasMeter:
    """Records the gas of each precompile call and each KECCAK256 during one transaction."""

    def __init__(self) -> None:
        self.records: list[tuple[str, int]] = []

    def reset(self) -> None:
        self.records = []

    def totals(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for name, gas in self.records:
            n, g = out.get(name, (0, 0))
            out[name] = (n + 1, g + gas)
        return out

    def wrap_precompile(self, name: str, fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """``fn`` recording the gas its child computation was charged."""

        def metered(computation: Any) -> Any:
            try:
                return fn(computation)
            finally:
                self.records.append((name, computation.get_gas_used()))

        return metered

    def wrap_opcode(self, name: str, opcode: Any) -> Callable[..., Any]:
        """An opcode function that records the gas ``opcode`` consumed (including its memory expansion)."""

        def metered(computation: Any) -> Any:
            before = computation.get_gas_remaining()
            try:
                return opcode(computation=computation)
            finally:
                self.records.append((name, before - computation.get_gas_remaining()))

        metered.mnemonic = getattr(opcode, "mnemonic", name)  # type: ignore[attr-defined]
        return metered
