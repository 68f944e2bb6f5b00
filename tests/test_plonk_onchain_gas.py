"""zkedu.plonk.gas: the EIP-1108 price list, and a measured verification's gas laid out as rows that add up."""

from __future__ import annotations

import pytest

from zkedu.evm import GasBreakdown
from zkedu.plonk.gas import compute_gas_table, compute_precompile_gas, measure_verification_gas


def test_precompile_gas_is_the_eip1108_price_list() -> None:
    assert compute_precompile_gas(1, 0, 0) == 6_000
    assert compute_precompile_gas(0, 1, 0) == 150
    assert compute_precompile_gas(0, 0, 2) == 45_000 + 2 * 34_000
    assert compute_precompile_gas(0, 0, 0) == 0  # no pairing call, no base cost
    with pytest.raises(ValueError, match="n_ecmul"):
        compute_precompile_gas(-1, 0, 0)


def test_gas_table_rows_add_up_to_the_total_including_a_floor_top_up() -> None:
    g = GasBreakdown(total=30_000, intrinsic=21_000, calldata=400, calls={"keccak": (2, 80)}, floor_topup=8_000)
    rows = compute_gas_table(g, 100)
    assert sum(r.gas for r in rows) == g.total
    assert any("floor" in r.part for r in rows)


@pytest.fixture(scope="module")
def measured() -> GasBreakdown:
    return measure_verification_gas()


def test_measured_verification_matches_the_price_list_for_its_precompile_calls(measured: GasBreakdown) -> None:
    predicted = compute_precompile_gas(measured.count("ecMul"), measured.count("ecAdd"), 2)
    assert measured.gas("ecMul") + measured.gas("ecAdd") + measured.gas("ecPairing") == predicted
    assert sum(r.gas for r in compute_gas_table(measured, 4 + 768 + 4 * 32)) == measured.total
    # the precompiles are most of it: the rest (calldata, base cost, arithmetic) is under a third
    assert predicted > 0.66 * measured.total
