"""The EVM harness: Prague rules from block 0, Vyper compiled in-process, BN254 precompiles against zkedu.curves."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves import BN254
from zkedu.evm import (
    ECADD_ADDRESS,
    ECADD_GAS,
    ECMUL_ADDRESS,
    ECMUL_GAS,
    ECPAIRING_ADDRESS,
    ECPAIRING_BASE_GAS,
    ECPAIRING_PER_PAIR_GAS,
    LocalChain,
    compile_vyper,
    compute_calldata_floor_gas,
    compute_calldata_gas,
    decode_g1,
    decode_g2,
    encode_ecadd_input,
    encode_ecmul_input,
    encode_ecpairing_input,
    encode_g1,
    function_selector,
)
from zkedu.evm.meter import TX_BASE_GAS


@pytest.fixture(scope="module")
def chain() -> LocalChain:
    return LocalChain()


def test_chain_runs_push0_which_frontier_lacks(chain: LocalChain) -> None:
    # Vyper targeting Prague emits PUSH0 (EIP-3855); a Frontier VM would reject this code as invalid.
    code = compile_vyper("@external\ndef f() -> uint256:\n    return 0\n")
    address = chain.deploy(code)
    assert 0x5F in chain.code_at(address)
    result = chain.call(address, function_selector("f()"))
    assert result.success and int.from_bytes(result.output, "big") == 0


def test_deploy_rejects_empty_init_code(chain: LocalChain) -> None:
    with pytest.raises(ValueError, match="init code"):
        chain.deploy(b"")


def test_call_gas_is_base_plus_calldata_plus_execution(chain: LocalChain) -> None:
    address = chain.deploy(compile_vyper("@external\ndef f(x: uint256) -> uint256:\n    return x + 1\n"))
    data = function_selector("f(uint256)") + (41).to_bytes(32, "big")
    result = chain.call(address, data)
    assert int.from_bytes(result.output, "big") == 42
    assert result.gas.intrinsic == TX_BASE_GAS and result.gas.calldata == compute_calldata_gas(data)
    assert 0 < result.gas.other < 1_000  # a few dozen opcodes
    assert result.gas.calls == {}


def test_reverting_call_reports_failure(chain: LocalChain) -> None:
    address = chain.deploy(compile_vyper("@external\ndef f(x: uint256) -> uint256:\n    assert x == 1\n    return x\n"))
    result = chain.call(address, function_selector("f(uint256)") + (2).to_bytes(32, "big"))
    assert not result.success


scalars = st.integers(min_value=0, max_value=BN254.r - 1)


@settings(max_examples=5, deadline=None)
@given(a=scalars, b=scalars)
def test_ecadd_precompile_matches_zkedu_curves_and_costs_150(chain: LocalChain, a: int, b: int) -> None:
    P, Q = BN254.mul(BN254.G1, a), BN254.mul(BN254.G1, b)
    data = encode_ecadd_input(P, Q)
    result = chain.call(ECADD_ADDRESS, data)
    assert result.success
    assert BN254.eq(decode_g1(result.output), BN254.add(P, Q))
    assert result.gas.calls == {"ecAdd": (1, ECADD_GAS)}
    # 128 bytes of mostly-zero input: Prague's calldata floor (EIP-7623) may lift the total; nothing else.
    assert result.gas.other == 0
    assert result.gas.total == max(TX_BASE_GAS + result.gas.calldata + ECADD_GAS, compute_calldata_floor_gas(data))


@settings(max_examples=5, deadline=None)
@given(a=scalars, k=st.integers(min_value=0, max_value=2**256 - 1))
def test_ecmul_precompile_matches_zkedu_curves_and_costs_6000(chain: LocalChain, a: int, k: int) -> None:
    P = BN254.mul(BN254.G1, a)
    result = chain.call(ECMUL_ADDRESS, encode_ecmul_input(P, k))
    assert result.success
    assert BN254.eq(decode_g1(result.output), BN254.mul(P, k % BN254.r))
    assert result.gas.calls == {"ecMul": (1, ECMUL_GAS)}


@pytest.mark.parametrize("n_pairs", [1, 2, 3])
def test_ecpairing_precompile_agrees_with_zkedu_pairing_check_and_costs_eip1108(
    chain: LocalChain, n_pairs: int
) -> None:
    # e(aG1, G2) · e(-aG1, G2) · ... = 1 holds; shifting one scalar breaks it.
    pairs = [(BN254.mul(BN254.G1, 5 + i), BN254.G2) for i in range(n_pairs - 1)]
    total = sum(5 + i for i in range(n_pairs - 1))
    pairs.append((BN254.neg(BN254.mul(BN254.G1, total)), BN254.G2))
    for good in (True, False):
        if not good:
            pairs[0] = (BN254.add(pairs[0][0], BN254.G1), BN254.G2)
        result = chain.call(ECPAIRING_ADDRESS, encode_ecpairing_input(pairs))
        assert result.success
        assert int.from_bytes(result.output, "big") == int(BN254.pairing_check(pairs)) == int(good)
        assert result.gas.calls == {"ecPairing": (1, ECPAIRING_BASE_GAS + ECPAIRING_PER_PAIR_GAS * n_pairs)}


def test_ecadd_rejects_a_point_off_the_curve(chain: LocalChain) -> None:
    off_curve = (1).to_bytes(32, "big") + (3).to_bytes(32, "big")  # 3² != 1³ + 3
    result = chain.call(ECADD_ADDRESS, off_curve + encode_g1(BN254.G1))
    assert not result.success


def test_g1_encoding_round_trips_and_names_bad_points() -> None:
    P = BN254.mul(BN254.G1, 12345)
    assert BN254.eq(decode_g1(encode_g1(P)), P)
    assert encode_g1(BN254.Z1) == bytes(64) and BN254.is_inf(decode_g1(bytes(64)))
    with pytest.raises(ValueError, match="not on BN254"):
        decode_g1((1).to_bytes(32, "big") + (3).to_bytes(32, "big"))
    with pytest.raises(ValueError, match="64 bytes"):
        decode_g1(bytes(63))
    with pytest.raises(ValueError, match="scalar"):
        encode_ecmul_input(P, -1)


def _sqrt_fq2(a):
    """A square root in F_p² for p = 3 mod 4 (Adj and Rodríguez-Henríquez, Algorithm 9), or None."""
    from py_ecc.fields import optimized_bn128_FQ2 as FQ2

    p = BN254.p
    a1 = a ** ((p - 3) // 4)
    alpha = a1 * a1 * a
    if alpha**p * alpha == FQ2([p - 1, 0]):
        return None
    x0 = a1 * a
    if alpha == FQ2([p - 1, 0]):
        return FQ2([0, 1]) * x0
    return (FQ2.one() + alpha) ** ((p - 1) // 2) * x0


def _non_subgroup_g2() -> bytes:
    """A point on BN254's twist outside the order-r subgroup (the twist's cofactor is not 1)."""
    from py_ecc.fields import optimized_bn128_FQ2 as FQ2

    for x0 in range(1, 50):
        x = FQ2([x0, 1])
        y = _sqrt_fq2(x**3 + BN254.backend.b2)
        if y is not None and y * y == x**3 + BN254.backend.b2:
            Q = (x, y, FQ2.one())
            if not BN254.backend.is_inf(BN254.backend.multiply(Q, BN254.r)):
                return b"".join(c.to_bytes(32, "big") for c in (x.coeffs[1], x.coeffs[0], y.coeffs[1], y.coeffs[0]))
    raise AssertionError("no non-subgroup twist point found")


@pytest.fixture(scope="module")
def reference_chain() -> LocalChain:
    return LocalChain(fast_pairing=False)


def test_fast_ecpairing_matches_py_evm_on_valid_and_invalid_inputs(chain: LocalChain, reference_chain) -> None:
    good = encode_ecpairing_input([(BN254.mul(BN254.G1, 3), BN254.G2), (BN254.neg(BN254.mul(BN254.G1, 3)), BN254.G2)])
    bad_product = encode_ecpairing_input([(BN254.G1, BN254.G2), (BN254.G1, BN254.G2)])
    g1 = encode_g1(BN254.G1)
    g2 = encode_ecpairing_input([(BN254.G1, BN254.G2)])[64:]
    p = BN254.p.to_bytes(32, "big")
    cases = {
        "valid, product 1": good,
        "valid, product not 1": bad_product,
        "empty": b"",
        "infinity pairs": bytes(192) + g1 + bytes(128),
        "length not a multiple of 192": good[:-1],
        "G1 off the curve": (1).to_bytes(32, "big") + (3).to_bytes(32, "big") + g2,
        "G2 coordinate >= p": g1 + p + g2[32:],
        "G2 off the twist": g1 + g2[:-1] + bytes([g2[-1] ^ 1]),
        "G2 outside the subgroup": g1 + _non_subgroup_g2(),
    }
    for name, data in cases.items():
        ours, theirs = chain.call(ECPAIRING_ADDRESS, data), reference_chain.call(ECPAIRING_ADDRESS, data)
        assert (ours.success, ours.output, ours.gas_used) == (theirs.success, theirs.output, theirs.gas_used), name
    assert decode_g2(g2) is not None and BN254.is_inf(decode_g2(bytes(128)))
