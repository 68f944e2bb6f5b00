"""What Ethereum charges a rollup for data since Pectra and Fusaka: the calldata floor and the blob fee reserve.

- **EIP-7623** (Pectra, 7 May 2025): a transaction with T calldata *tokens* (a zero byte is one token, a
  non-zero byte four) and execution gas E pays 21,000 + max(4·T + E, 10·T). The floor of
  ``TOTAL_COST_FLOOR_PER_TOKEN`` = 10 gas per token (10 per zero byte, 40 per non-zero byte) binds only when
  6·T > E. A rollup's commit executes a lot (Era plans ~303,000 gas per commit, ~282,000 of it execution), so
  its calldata pays the floor only for batches with more than E / 6 tokens of pubdata; below that it pays the
  standard 4 per token.
- **EIP-4844 / EIP-7918** (Fusaka, 3 Dec 2025): the blob base fee is ``fake_exponential(1, excess, fraction)``
  of the excess blob gas, which grows when blocks carry more than the target and shrinks otherwise.
  EIP-7918 changes one branch: while a blob costs less than ``BLOB_BASE_COST`` = 2^13 gas at the execution
  base fee, the excess is not reduced by the target, so the blob price climbs back toward that reserve
  (1/16 of the execution base fee per blob gas) instead of sinking to 1 wei.
- Blob supply per block (target, maximum): 3/6 at Dencun, 6/9 from Pectra (EIP-7691), then raised by
  blob-parameter-only forks (EIP-7892): 10/15 (BPO1) and 14/21 (BPO2).

Spec: EIP-7623 "Specification"; EIP-4844 "Helpers" (fake_exponential) and "Gas accounting"; EIP-7918
"Specification" (calc_excess_blob_gas); EIP-7691; EIP-7892; EIP-8134 and EIP-8135 (BPO1, BPO2 parameters).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from numbers import Integral

from zkedu.blobpack import blobs_needed
from zkedu.constants import COMMIT_BASE_GAS, COMMIT_GAS_PER_BATCH, GAS_PER_BLOB, L1_GAS_PER_PUBDATA_BYTE

TX_BASE_GAS = 21_000  # Yellow Paper G_transaction
STANDARD_TOKEN_COST = 4  # EIP-7623: 4 gas per token = EIP-2028's 4 per zero byte and 16 per non-zero byte
TOTAL_COST_FLOOR_PER_TOKEN = 10  # EIP-7623
TOKENS_PER_NONZERO_BYTE = 4
BLOB_BASE_COST = 2**13  # EIP-7918: execution gas a blob must at least be worth
MIN_BASE_FEE_PER_BLOB_GAS = 1  # EIP-4844
# Era's planning estimate of one batch's commit transaction (61k + 242k gas), and the execution gas E beside its
# calldata: that estimate less the 21,000 every transaction pays (our reading: the estimate covers the whole
# transaction; Era notes its estimates carry safety margins, so the real E is likely lower still).
COMMIT_PLANNING_GAS = COMMIT_BASE_GAS + COMMIT_GAS_PER_BATCH
COMMIT_EXECUTION_GAS = COMMIT_PLANNING_GAS - TX_BASE_GAS


@dataclass(frozen=True)
class BlobSchedule:
    """One fork's blob parameters: target and maximum blobs per block and the base fee update fraction."""

    name: str
    target_blobs: int
    max_blobs: int
    update_fraction: int

    @property
    def target_blob_gas(self) -> int:
        return self.target_blobs * GAS_PER_BLOB

    @property
    def max_blob_gas(self) -> int:
        return self.max_blobs * GAS_PER_BLOB


CANCUN = BlobSchedule("Cancun (EIP-4844, Mar 2024)", 3, 6, 3_338_477)
PRAGUE = BlobSchedule("Prague (EIP-7691, May 2025)", 6, 9, 5_007_716)
BPO1 = BlobSchedule("BPO1 (EIP-8134, Dec 2025)", 10, 15, 8_346_193)
BPO2 = BlobSchedule("BPO2 (EIP-8135, Jan 2026)", 14, 21, 11_684_671)
BLOB_SCHEDULES = (CANCUN, PRAGUE, BPO1, BPO2)


def _require_whole(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral) or value < 0:
        raise ValueError(f"{name} must be a non-negative int, got {value!r}")
    return int(value)


def _require_amount(name: str, value: object) -> int | Fraction:
    if isinstance(value, bool) or not isinstance(value, Integral | Fraction) or value < 0:
        raise ValueError(f"{name} must be a non-negative int or Fraction, got {value!r}")
    return value if isinstance(value, Fraction) else int(value)


def compute_calldata_tokens(data: bytes) -> int:
    """EIP-7623's token count: one per zero byte, four per non-zero byte.

    >>> compute_calldata_tokens(b"\\x00\\x01\\x02")
    9
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    zeros = data.count(0)
    return zeros + TOKENS_PER_NONZERO_BYTE * (len(data) - zeros)


def compute_transaction_gas_eip7623(data: bytes, execution_gas: int = 0) -> int:
    """Gas used by a (non-creating) transaction with this calldata since Pectra.

    Spec: EIP-7623, tx.gasUsed = 21000 + max(4·tokens + execution_gas, 10·tokens).

    >>> compute_transaction_gas_eip7623(bytes(range(1, 101)))   # 100 non-zero bytes, no execution
    25000
    >>> compute_transaction_gas_eip7623(bytes(range(1, 101)), execution_gas=10_000)   # computation dominates
    32600
    """
    tokens = compute_calldata_tokens(data)
    execution_gas = _require_whole("execution_gas", execution_gas)
    standard = STANDARD_TOKEN_COST * tokens + execution_gas
    return TX_BASE_GAS + max(standard, TOTAL_COST_FLOOR_PER_TOKEN * tokens)


def compute_calldata_gas_at_floor(data: bytes) -> int:
    """EIP-7623's floor for this calldata: 10 gas per zero byte, 40 per non-zero byte (paid only if it binds)."""
    return TOTAL_COST_FLOOR_PER_TOKEN * compute_calldata_tokens(data)


def does_calldata_floor_bind(tokens: int | Fraction, execution_gas: int = COMMIT_EXECUTION_GAS) -> bool:
    """Whether EIP-7623's floor exceeds the standard cost: 10·T > 4·T + E, that is 6·T > E.

    >>> does_calldata_floor_bind(47_000), does_calldata_floor_bind(47_001)   # E = 282,000: the line is 47,000
    (False, True)
    """
    tokens = _require_amount("tokens", tokens)
    return (TOTAL_COST_FLOOR_PER_TOKEN - STANDARD_TOKEN_COST) * tokens > _require_whole("execution_gas", execution_gas)


def compute_calldata_gas_for_tokens(
    tokens: int | Fraction, execution_gas: int = COMMIT_EXECUTION_GAS,
) -> int | Fraction:
    """Gas that T calldata tokens add to a transaction executing ``execution_gas``: max(4·T + E, 10·T) − E.

    At least the standard 4·T; the floor's 10·T − E once 6·T > E; continuous in T and E. ``tokens`` may be a
    Fraction (a mean over transactions).

    >>> compute_calldata_gas_for_tokens(40_000), compute_calldata_gas_for_tokens(100_000)
    (160000, 718000)
    """
    tokens = _require_amount("tokens", tokens)
    execution_gas = _require_whole("execution_gas", execution_gas)
    return max(STANDARD_TOKEN_COST * tokens + execution_gas, TOTAL_COST_FLOOR_PER_TOKEN * tokens) - execution_gas


def compute_calldata_gas_eip7623(data: bytes, execution_gas: int = COMMIT_EXECUTION_GAS) -> int:
    """Gas that carrying ``data`` adds to a transaction executing ``execution_gas`` since Pectra.

    Default: a commit executing Era's planning gas less the intrinsic 21,000 (282,000). Spec: EIP-7623.
    """
    return int(compute_calldata_gas_for_tokens(compute_calldata_tokens(data), execution_gas))


def compute_underpricing_ratio(data: bytes, execution_gas: int = COMMIT_EXECUTION_GAS) -> float:
    """What ``data`` adds to a commit executing ``execution_gas``, over ZKsync's 17 gas per byte.

    Above 1, 17 gas per byte underprices the data; below 1 (the floor not binding, or many zero bytes) it
    overprices it.
    """
    if not data:
        raise ValueError("data must not be empty")
    return compute_calldata_gas_eip7623(data, execution_gas) / (L1_GAS_PER_PUBDATA_BYTE * len(data))


def compute_blob_calldata_break_even(
    l1_gas_price: int, blob_base_fee: int, nonzero_fraction: float = 1.0, execution_gas: int = COMMIT_EXECUTION_GAS,
) -> float:
    """Bytes of pubdata at which one blob costs as much as the same bytes as calldata of a commit.

    Below it calldata is cheaper; above it (up to a blob's 126,976 usable bytes) the blob is. A byte is
    t = 1 + 3f tokens for a fraction f of non-zero bytes; the calldata adds max(4·t·n, 10·t·n − E) gas to a
    commit executing E gas (``compute_calldata_gas_for_tokens``); a blob costs 131,072 blob gas.

    >>> round(compute_blob_calldata_break_even(10 * 10**9, 1 * 10**9))   # standard cost: 16 gas per byte
    819
    >>> round(compute_blob_calldata_break_even(10 * 10**9, 1 * 10**9, execution_gas=0))   # floor: 40 per byte
    328
    """
    l1_gas_price = _require_whole("l1_gas_price", l1_gas_price)
    blob_base_fee = _require_whole("blob_base_fee", blob_base_fee)
    execution_gas = _require_whole("execution_gas", execution_gas)
    if not 0 <= nonzero_fraction <= 1:
        raise ValueError(f"nonzero_fraction must be in [0, 1], got {nonzero_fraction!r}")
    if l1_gas_price == 0:
        raise ValueError("l1_gas_price must be > 0 for a break-even to exist")
    tokens_per_byte = 1 + (TOKENS_PER_NONZERO_BYTE - 1) * nonzero_fraction
    blob_as_gas = GAS_PER_BLOB * blob_base_fee / l1_gas_price
    standard_tokens = blob_as_gas / STANDARD_TOKEN_COST
    if not does_calldata_floor_bind(Fraction(standard_tokens), execution_gas):
        return standard_tokens / tokens_per_byte
    return (blob_as_gas + execution_gas) / (TOTAL_COST_FLOOR_PER_TOKEN * tokens_per_byte)


def compute_da_cost_after_pectra(
    pubdata: bytes, l1_gas_price: int, blob_base_fee: int, execution_gas: int = COMMIT_EXECUTION_GAS,
) -> tuple[int, int]:
    """(calldata wei, blob wei) for publishing ``pubdata``: what it adds to a commit executing ``execution_gas``."""
    l1_gas_price = _require_whole("l1_gas_price", l1_gas_price)
    blob_base_fee = _require_whole("blob_base_fee", blob_base_fee)
    return (compute_calldata_gas_eip7623(pubdata, execution_gas) * l1_gas_price,
            blobs_needed(len(pubdata)) * GAS_PER_BLOB * blob_base_fee)


def fake_exponential(factor: int, numerator: int, denominator: int) -> int:
    """factor · e^(numerator/denominator), in integers, by the Taylor series (EIP-4844's helper).

    >>> fake_exponential(1, 0, 3_338_477), fake_exponential(1, 3_338_477 * 10, 3_338_477)
    (1, 22026)
    """
    if denominator <= 0:
        raise ValueError(f"denominator must be > 0, got {denominator!r}")
    i, output, numerator_accum = 1, 0, factor * denominator
    while numerator_accum > 0:
        output += numerator_accum
        numerator_accum = (numerator_accum * numerator) // (denominator * i)
        i += 1
    return output // denominator


def compute_blob_base_fee(excess_blob_gas: int, schedule: BlobSchedule = BPO2) -> int:
    """The blob base fee (wei per blob gas) for a given excess blob gas."""
    excess = _require_whole("excess_blob_gas", excess_blob_gas)
    return fake_exponential(MIN_BASE_FEE_PER_BLOB_GAS, excess, schedule.update_fraction)


def compute_next_excess_blob_gas(
    excess_blob_gas: int, blob_gas_used: int, base_fee_per_gas: int, schedule: BlobSchedule = BPO2,
    *, eip7918: bool = True,
) -> int:
    """The next block's excess blob gas, by EIP-4844's rule with EIP-7918's reserve branch.

    Spec: EIP-7918 calc_excess_blob_gas: if BLOB_BASE_COST·base_fee > GAS_PER_BLOB·blob_base_fee, the excess
    grows by blob_gas_used·(max - target)/max instead of moving by blob_gas_used - target.
    """
    excess = _require_whole("excess_blob_gas", excess_blob_gas)
    used = _require_whole("blob_gas_used", blob_gas_used)
    base_fee = _require_whole("base_fee_per_gas", base_fee_per_gas)
    if used > schedule.max_blob_gas:
        raise ValueError(f"blob_gas_used {used} exceeds the block maximum {schedule.max_blob_gas}")
    if excess + used < schedule.target_blob_gas:
        return 0
    if eip7918 and BLOB_BASE_COST * base_fee > GAS_PER_BLOB * compute_blob_base_fee(excess, schedule):
        return excess + used * (schedule.max_blobs - schedule.target_blobs) // schedule.max_blobs
    return excess + used - schedule.target_blob_gas


def compute_blob_base_fee_reserve(base_fee_per_gas: int) -> int:
    """EIP-7918's reserve in wei per blob gas: a blob must cost at least BLOB_BASE_COST gas at the base fee.

    >>> compute_blob_base_fee_reserve(20 * 10**9)   # 20 gwei -> 1.25 gwei per blob gas
    1250000000
    """
    return BLOB_BASE_COST * _require_whole("base_fee_per_gas", base_fee_per_gas) // GAS_PER_BLOB


def simulate_blob_base_fee(
    blocks: int, blobs_per_block: int, base_fee_per_gas: int, schedule: BlobSchedule = BPO2,
    *, start_excess: int = 0, eip7918: bool = True,
) -> list[int]:
    """The blob base fee block by block when every block carries ``blobs_per_block`` blobs."""
    blocks = _require_whole("blocks", blocks)
    excess, fees = _require_whole("start_excess", start_excess), []
    for _ in range(blocks):
        fees.append(compute_blob_base_fee(excess, schedule))
        excess = compute_next_excess_blob_gas(excess, blobs_per_block * GAS_PER_BLOB, base_fee_per_gas, schedule,
                                              eip7918=eip7918)
    return fees


def compute_effective_blob_base_fee(blob_base_fee: int, base_fee_per_gas: int) -> int:
    """A price model for widgets: the blob base fee, held at least at EIP-7918's reserve.

    The protocol does not clamp the fee; it stops lowering it while it is under the reserve, so with blobs
    in demand the fee settles at or above the reserve. ``simulate_blob_base_fee`` shows the dynamics.
    """
    return max(_require_whole("blob_base_fee", blob_base_fee), compute_blob_base_fee_reserve(base_fee_per_gas))
