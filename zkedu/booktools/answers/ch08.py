"""Chapter 8 exercises: gas per pubdata by hand, and where the 50,000 gas-per-byte cap starts to bind.

Source: ``zkedu.rollup.fees``, fee model V2 as the chapter computes it.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.rollup.fees import derive_base_fee_and_gas_per_pubdata, fee_model_v2
from zkedu.rollup.units import GWEI, gwei_to_wei

L2_GAS_PRICE = 25_000_000


def compute_gas_per_pubdata() -> int:
    """Gas per pubdata byte at 20 gwei L1 gas, 50 gwei per pubdata byte and the minimal L2 gas price."""
    return fee_model_v2(gwei_to_wei(20), gwei_to_wei(50), L2_GAS_PRICE).gas_per_pubdata


def compute_largest_uncapped_pubdata_price_gwei() -> float:
    """The largest fair pubdata price (gwei per byte) at which the base fee still equals the L2 gas price."""
    lo, hi = 0, 10**15
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if derive_base_fee_and_gas_per_pubdata(mid, L2_GAS_PRICE)[0] == L2_GAS_PRICE:
            lo = mid
        else:
            hi = mid - 1
    return lo / GWEI


def gas_per_pubdata_hint(answer: int) -> str | None:
    """A targeted hint when the answer was rounded the wrong way."""
    return "close: the bootloader rounds up, not down." if answer == compute_gas_per_pubdata() - 1 else None


register(Exercise(
    "ch08-gas-per-pubdata",
    how_to_answer="an integer number of gas per pubdata byte",
    hint="check the overhead per byte (ceil(L1 gas price × overhead gas / pubdata bytes per batch)), which of "
         "the two prices is the base fee, and round up.",
    expected=compute_gas_per_pubdata,
    targeted_hint=gas_per_pubdata_hint,
))

register(Exercise(
    "ch08-cap",
    how_to_answer="a number of gwei per byte",
    hint="the base fee rises when ceil(fair pubdata price / 50,000) exceeds the L2 gas price: multiply the cap "
         "by the L2 gas price.",
    answer_types=(int, float),
    expected=compute_largest_uncapped_pubdata_price_gwei,
    rel_tol=1e-9,
))
