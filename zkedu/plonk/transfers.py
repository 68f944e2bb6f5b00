"""The transfers circuit: public pre- and post-balances, private transfers, every value range-checked below 2³².

For k accounts and a fixed capacity of transfers, the circuit is the same whatever the batch: shorter batches
are padded with no-op transfers (account 0 to account 0, amount 0), and each transfer selects its accounts
with one-hot vectors, so the indices are private witness and the gates never depend on them. Per transfer:

    s, t        one-hot selectors of the sender and the receiver (each entry boolean, entries sum to 1)
    amount      range-checked: 0 <= amount < 2³²
    debit       from = Σ s_j·bal_j;  from - amount range-checked (no overdraft);  bal'_j = bal_j - s_j·amount
    credit      to = Σ t_j·bal'_j;   to + amount range-checked (no overflow);    bal''_j = bal'_j + t_j·amount

Value is conserved by construction (the same ``amount`` leaves and arrives), and the pre-balances are range-
checked too, so by induction every intermediate balance lies in [0, 2³²): nothing can wrap around the field.
A range check decomposes the value into 32 bits, each with a boolean gate b·b - b = 0, accumulated MSB first
(acc' = 2·acc + b): 63 gates per check.

Source: PLONK (ePrint 2019/953) §6 for the gates; the bit-decomposition range check as in circomlib's
``Num2Bits`` (iden3/circomlib circuits/bitify.circom).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from zkedu.plonk.circuit import Circuit, CircuitBuilder, Var

RANGE_BITS = 32
MAX_VALUE = 2**RANGE_BITS - 1
CAPACITY = 16  # transfers per proof; shorter batches are padded with no-ops
Transfer = tuple[int, int, int]  # (from index, to index, amount)
NOOP: Transfer = (0, 0, 0)


def _require_int(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be an int, got {type(value).__name__}: {value!r}")
    return value


def apply_transfers(pre_balances: Sequence[int], transfers: Sequence[Transfer], capacity: int = CAPACITY) -> list[int]:
    """The balances after applying ``transfers`` in order; ValueError for any batch the circuit cannot prove.

    >>> apply_transfers([10, 0, 5], [(0, 1, 4), (1, 2, 4), (2, 2, 9)])
    [6, 0, 9]
    """
    if not pre_balances:
        raise ValueError("need at least one account")
    balances = []
    for i, b in enumerate(pre_balances):
        if not 0 <= _require_int(b, f"pre_balances[{i}]") <= MAX_VALUE:
            raise ValueError(f"pre_balances[{i}] = {b} is outside [0, 2^{RANGE_BITS})")
        balances.append(b)
    if len(transfers) > capacity:
        raise ValueError(f"{len(transfers)} transfers exceed the circuit's capacity of {capacity}")
    for n, transfer in enumerate(transfers):
        if not isinstance(transfer, tuple | list) or len(transfer) != 3:
            raise TypeError(f"transfers[{n}] must be a (from, to, amount) tuple, got {transfer!r}")
        src, dst, amount = (_require_int(x, f"transfers[{n}][{j}]") for j, x in enumerate(transfer))
        for what, idx in (("from", src), ("to", dst)):
            if not 0 <= idx < len(balances):
                raise ValueError(f"transfers[{n}]: {what} index {idx} is out of range for {len(balances)} accounts")
        if not 0 <= amount <= MAX_VALUE:
            raise ValueError(f"transfers[{n}]: amount {amount} is outside [0, 2^{RANGE_BITS})")
        if amount > balances[src]:
            raise ValueError(f"transfers[{n}]: overdraft, account {src} holds {balances[src]} < amount {amount}")
        balances[src] -= amount
        if balances[dst] + amount > MAX_VALUE:
            raise ValueError(f"transfers[{n}]: account {dst} would hold {balances[dst] + amount} >= 2^{RANGE_BITS}")
        balances[dst] += amount
    return balances


def range_check(cb: CircuitBuilder, x: Var, bits: int = RANGE_BITS) -> None:
    """Constrain 0 <= x < 2^bits: ``bits`` boolean gates and ``bits - 1`` accumulation gates, MSB first."""
    v = cb.value(x)
    if v >= 2**bits:
        raise ValueError(f"value {v} does not fit in {bits} bits")
    acc: Var | None = None
    for i in reversed(range(bits)):
        b = cb.variable((v >> i) & 1)
        cb.assert_bool(b)
        if acc is None:
            acc = b
        elif i == 0:
            cb.gate(acc, b, x, qL=2, qR=1, qO=-1)  # the last step lands on x itself
        else:
            acc = cb.linear(acc, b, 2, 1)


def one_hot(cb: CircuitBuilder, k: int, index: int) -> list[Var]:
    """k boolean variables, exactly one of them (at ``index``) equal to 1: k + (k - 1) gates."""
    s = [cb.variable(int(j == index)) for j in range(k)]
    for v in s:
        cb.assert_bool(v)
    if k == 1:
        cb.gate(s[0], 0, 0, qL=1, qC=-1)
        return s
    acc = s[0]
    for v in s[1:-1]:
        acc = cb.add(acc, v)
    cb.gate(acc, s[-1], 0, qL=1, qR=1, qC=-1)  # Σ s_j = 1
    return s


def dot(cb: CircuitBuilder, xs: Sequence[Var], ys: Sequence[Var]) -> Var:
    """Σ x_j·y_j: k multiplications and k - 1 additions."""
    acc = cb.mul(xs[0], ys[0])
    for x, y in zip(xs[1:], ys[1:], strict=True):
        acc = cb.add(acc, cb.mul(x, y))
    return acc


RangeCheck = Callable[[CircuitBuilder, Var], None]


def transfer_gadget(cb: CircuitBuilder, balances: list[Var], transfer: Transfer,
                    check: RangeCheck = range_check) -> list[Var]:
    """The balances after one transfer, constrained as in the module docstring (``check`` does the range checks)."""
    src, dst, amount = transfer
    k = len(balances)
    amount_v = cb.variable(amount)
    check(cb, amount_v)
    s, t = one_hot(cb, k, src), one_hot(cb, k, dst)
    check(cb, cb.sub(dot(cb, s, balances), amount_v))  # the sender's balance after the debit
    debited = [cb.sub(b, cb.mul(sj, amount_v)) for b, sj in zip(balances, s, strict=True)]
    check(cb, cb.add(dot(cb, t, debited), amount_v))  # the receiver's balance after the credit
    return [cb.add(b, cb.mul(tj, amount_v)) for b, tj in zip(debited, t, strict=True)]


def build_transfers_circuit(
    pre_balances: Sequence[int], transfers: Sequence[Transfer] = (), capacity: int = CAPACITY,
    check: RangeCheck = range_check,
) -> tuple[Circuit, list[int]]:
    """The circuit for len(pre_balances) accounts and ``capacity`` transfers, with the witness of this batch.

    Public inputs, in order: the k pre-balances, then the k post-balances. The circuit (gates and wiring) does
    not depend on the batch: ``build_transfers_circuit([0] * k)[0]`` is the same circuit for every batch.
    ``check`` is the range check (bit decomposition by default; ``zkedu.plonk.custom_gate`` has a cheaper one).
    """
    post = apply_transfers(pre_balances, transfers, capacity)
    cb = CircuitBuilder()
    balances = [cb.public_input(b) for b in pre_balances]
    post_vars = [cb.public_input(b) for b in post]
    for b in balances:
        check(cb, b)
    for transfer in [*transfers, *[NOOP] * (capacity - len(transfers))]:
        balances = transfer_gadget(cb, balances, (transfer[0], transfer[1], transfer[2]), check)
    for b, p in zip(balances, post_vars, strict=True):
        cb.assert_equal(b, p)
    return cb.build()


def count_transfers_gates(n_accounts: int, capacity: int = CAPACITY, range_rows: int = 2 * RANGE_BITS - 1,
                          extra_rows: int = 0) -> int:
    """The transfers circuit's row count in closed form (equal to ``len(build_transfers_circuit(...)[0].gates)``).

    ``range_rows`` is the cost of one range check: 63 by bit decomposition, 32 with the custom gate (which also
    pins one zero variable: ``extra_rows=1``).

    >>> count_transfers_gates(4) == len(build_transfers_circuit([0] * 4)[0].gates)
    True
    """
    k = n_accounts
    one_hot_rows = 2 if k == 1 else 2 * k - 1
    per_transfer = 3 * range_rows + 2 * one_hot_rows + 2 * (2 * k - 1) + 2 + 4 * k
    return 2 * k + k * range_rows + capacity * per_transfer + k + extra_rows
