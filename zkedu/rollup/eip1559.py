"""Ethereum's base fee under EIP-1559: how the price of L1 gas moves block by block with demand.

Source: EIP-1559 (BASE_FEE_MAX_CHANGE_DENOMINATOR = 8, ELASTICITY_MULTIPLIER = 2).
"""

from __future__ import annotations

from zkedu.rollup.units import as_whole_number


def next_base_fee(base_fee: int, gas_used: int, gas_target: int) -> int:
    """Ethereum's next block base fee under EIP-1559: up to +-12.5% per block, toward the gas target.

    Source: EIP-1559 (BASE_FEE_MAX_CHANGE_DENOMINATOR = 8; an increase is at least 1 wei).

    >>> next_base_fee(8 * 10**9, 30_000_000, 15_000_000) / 10**9   # a full block: +12.5%
    9.0
    """
    base_fee = as_whole_number("base_fee", base_fee)
    gas_used = as_whole_number("gas_used", gas_used)
    gas_target = as_whole_number("gas_target", gas_target, positive=True)
    if gas_used > 2 * gas_target:
        raise ValueError(f"gas_used must be at most the block gas limit 2 x gas_target, got {gas_used!r}")
    if gas_used > gas_target:
        return base_fee + max(base_fee * (gas_used - gas_target) // gas_target // 8, 1)
    return base_fee - base_fee * (gas_target - gas_used) // gas_target // 8


def simulate_base_fee(base_fee: int, gas_used: list[int] | tuple[int, ...], gas_target: int) -> list[int]:
    """Base fees block by block for a sequence of blocks' gas used (the first entry is ``base_fee``).

    >>> [f // 10**9 for f in simulate_base_fee(8 * 10**9, [30_000_000] * 3, 15_000_000)]
    [8, 9, 10, 11]
    """
    fees = [as_whole_number("base_fee", base_fee)]
    for used in gas_used:
        fees.append(next_base_fee(fees[-1], used, gas_target))
    return fees
