"""zkedu.plonk.circuit and zkedu.plonk.transfers: the builder checks every gate; the transfers circuit is fixed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import BN254_FR
from zkedu.plonk.circuit import CircuitBuilder
from zkedu.plonk.transfers import (
    CAPACITY,
    MAX_VALUE,
    apply_transfers,
    build_transfers_circuit,
    range_check,
)

R = BN254_FR.modulus


def test_builder_puts_public_inputs_first_with_ql_one() -> None:
    cb = CircuitBuilder()
    x, y = cb.public_input(3), cb.public_input(4)
    cb.mul(x, y)
    circuit, witness = cb.build()
    assert circuit.n_public == 2
    assert [(g.a, g.qL, g.qM) for g in circuit.gates[:2]] == [(x, 1, 0), (y, 1, 0)]
    assert circuit.public_values(witness) == [3, 4]
    assert circuit.is_satisfied(witness)


def test_builder_rejects_a_gate_its_values_break() -> None:
    cb = CircuitBuilder()
    x = cb.variable(2)
    with pytest.raises(ValueError, match="not satisfied"):
        cb.gate(x, x, 0, qM=1, qC=-5)  # 2·2 - 5 != 0


def test_public_input_after_a_gate_is_refused() -> None:
    cb = CircuitBuilder()
    cb.constant(7)
    with pytest.raises(ValueError, match="before the first gate"):
        cb.public_input(1)


def test_constants_are_shared_and_pinned() -> None:
    cb = CircuitBuilder()
    c1, c2 = cb.constant(7), cb.constant(7)
    circuit, witness = cb.build()
    assert c1 == c2 and len(circuit.gates) == 1 and witness[c1] == 7
    witness[c1] = 8
    assert not circuit.is_satisfied(witness)


def test_domain_size_is_a_power_of_two_at_least_eight() -> None:
    cb = CircuitBuilder()
    cb.constant(1)
    assert cb.build()[0].size == 8
    circuit, _ = build_transfers_circuit([0] * 4)
    assert circuit.size == 4096 and len(circuit.gates) <= 4096


@pytest.mark.parametrize("value", [0, 1, 12345, MAX_VALUE])
def test_range_check_accepts_32_bit_values(value: int) -> None:
    cb = CircuitBuilder()
    range_check(cb, cb.variable(value))
    circuit, witness = cb.build()
    assert circuit.is_satisfied(witness) and len(circuit.gates) == 63


@pytest.mark.parametrize("value", [MAX_VALUE + 1, R - 1])
def test_range_check_refuses_values_of_33_bits_or_negative(value: int) -> None:
    cb = CircuitBuilder()
    with pytest.raises(ValueError, match="does not fit in 32 bits"):
        range_check(cb, cb.variable(value))


def test_range_check_cannot_be_fooled_by_a_non_boolean_bit() -> None:
    cb = CircuitBuilder()
    x = cb.variable(5)
    range_check(cb, x)
    circuit, witness = cb.build()
    # Wrap-around attempt: x = 2^32 + 5 (too big), bits chosen as for 5 except a "bit" of value 2^31 + ... fails.
    witness[x] = 5 + 2**32
    assert not circuit.is_satisfied(witness)
    witness[x] = 5
    witness[x + 1] = 2  # the top bit set to 2 breaks its boolean gate
    assert not circuit.is_satisfied(witness)


def test_apply_transfers_in_order_with_self_and_zero_transfers() -> None:
    assert apply_transfers([10, 0], [(0, 1, 10), (1, 1, 3), (1, 0, 0)]) == [0, 10]


@pytest.mark.parametrize(
    ("pre", "transfers", "match"),
    [
        ([5, 0], [(0, 1, 6)], "overdraft"),
        ([5, 0], [(0, 2, 1)], "out of range"),
        ([5, 0], [(-1, 0, 1)], "out of range"),
        ([5, 0], [(0, 1, -1)], "amount -1"),
        ([5, 0], [(0, 1, 2**32)], "amount 4294967296"),
        ([2**32, 0], [], "pre_balances\\[0\\]"),
        ([MAX_VALUE, 1], [(1, 0, 1)], "would hold 4294967296"),
        ([5, 0], [(0, 1, 0)] * (CAPACITY + 1), "capacity"),
        ([], [], "at least one account"),
    ],
)
def test_impossible_batches_raise_value_error_naming_the_problem(pre: list[int], transfers: list, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        apply_transfers(pre, transfers)


def test_non_int_values_raise_type_error() -> None:
    with pytest.raises(TypeError):
        apply_transfers([5, 0], [(0, 1, 1.5)])
    with pytest.raises(TypeError):
        apply_transfers([True, 0], [])


EMPTY = {k: build_transfers_circuit([0] * k)[0] for k in (1, 3)}


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[int], list[tuple[int, int, int]]]:
    k = draw(st.sampled_from([1, 3]))
    balances = draw(st.lists(st.integers(0, 1000), min_size=k, max_size=k))
    pre, transfers = list(balances), []
    for _ in range(draw(st.integers(0, 5))):
        src, dst = draw(st.integers(0, k - 1)), draw(st.integers(0, k - 1))
        amount = draw(st.integers(0, balances[src]))
        balances[src] -= amount
        balances[dst] += amount
        transfers.append((src, dst, amount))
    return pre, transfers


@settings(max_examples=15)
@given(batches())
def test_any_valid_batch_satisfies_the_same_fixed_circuit_and_conserves_value(batch: tuple) -> None:
    pre, transfers = batch
    circuit, witness = build_transfers_circuit(pre, transfers)
    assert circuit == EMPTY[len(pre)]
    assert circuit.is_satisfied(witness)
    public = circuit.public_values(witness)
    assert public[: len(pre)] == pre and sum(public[len(pre) :]) == sum(pre)
    assert public[len(pre) :] == apply_transfers(pre, transfers)


def test_a_wrong_post_balance_breaks_the_circuit() -> None:
    circuit, witness = build_transfers_circuit([7, 3], [(0, 1, 2)])
    post_var = circuit.gates[2].a  # first post-balance's public row
    witness[post_var] += 1
    assert not circuit.is_satisfied(witness)


@settings(max_examples=10)
@given(st.integers(1, 6), st.integers(1, 4))
def test_gate_count_formula_matches_the_built_circuits(k: int, capacity: int) -> None:
    from zkedu.plonk.custom_gate import build_transfers_circuit_custom
    from zkedu.plonk.transfers import count_transfers_gates

    assert count_transfers_gates(k, capacity) == len(build_transfers_circuit([0] * k, [], capacity)[0].gates)
    custom = build_transfers_circuit_custom([0] * k, [], capacity)[0]
    assert count_transfers_gates(k, capacity, range_rows=32, extra_rows=1) == len(custom.gates)
