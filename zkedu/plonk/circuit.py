"""A PLONK circuit builder: arithmetic gates with selectors qM, qL, qR, qO, qC, copy constraints, public inputs.

Every row (gate) i of the circuit constrains three wires a_i, b_i, c_i:

    qM_i·a_i·b_i + qL_i·a_i + qR_i·b_i + qO_i·c_i + qC_i = 0

A *variable* is a wire value with a name (an int id); using the same variable in several wire slots is a
copy constraint, enforced later by the permutation argument. Public inputs come first, one row each with
qL = 1 and the public variable on wire a, so that ``a_i - x_i = 0`` once the prover subtracts the public
polynomial, the layout snarkjs uses. Variable 0 is a dummy fixed to 0 that fills unused wire slots.

The builder traces values as it goes: every gate is checked against the values the moment it is added, so an
unsatisfiable witness fails at the gate that breaks (ValueError naming the row), never later in the prover.

Source: Gabizon, Williamson, Ciobotaru, PLONK (ePrint 2019/953), §6 (constraint system); snarkjs
src/plonk_setup.js (public-input rows, qL = 1).
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.field import BN254_FR, FieldElement, PrimeField

Var = int


@dataclass(frozen=True)
class Gate:
    """One row: wire variables (a, b, c) and selectors (qM, qL, qR, qO, qC) as ints mod r."""

    a: Var
    b: Var
    c: Var
    qM: int = 0
    qL: int = 0
    qR: int = 0
    qO: int = 0
    qC: int = 0
    qK: int = 0  # the custom bit-accumulation gate (teaching variant only; snarkjs knows no custom gates)


@dataclass(frozen=True)
class Circuit:
    """The fixed part of a circuit: its gates (public-input rows first) and the number of public inputs.

    Two circuits are equal exactly when their gates and wiring are, so a verification key computed from one
    fits the other. ``size`` is the domain size n (a power of two, at least 8 as in snarkjs).
    """

    gates: tuple[Gate, ...]
    n_public: int
    n_vars: int
    field: PrimeField = BN254_FR

    @property
    def size(self) -> int:
        """The evaluation-domain size n, the smallest power of two holding every row (at least 8)."""
        n = 8
        while n < len(self.gates):
            n *= 2
        return n

    @property
    def power(self) -> int:
        """log2(n), snarkjs's ``power``."""
        return self.size.bit_length() - 1

    def wires(self) -> tuple[list[Var], list[Var], list[Var]]:
        """The variables on columns a, b, c, padded with the dummy variable 0 to n rows."""
        pad = [0] * (self.size - len(self.gates))
        return (
            [g.a for g in self.gates] + pad,
            [g.b for g in self.gates] + pad,
            [g.c for g in self.gates] + pad,
        )

    def selectors(self) -> dict[str, list[int]]:
        """The selector columns qM, qL, qR, qO, qC (and qK if a custom gate is used), padded with zero rows to n."""
        pad = [0] * (self.size - len(self.gates))
        names = ("qM", "qL", "qR", "qO", "qC") + (("qK",) if self.has_custom_gate else ())
        return {name: [getattr(g, name) for g in self.gates] + pad for name in names}

    @property
    def has_custom_gate(self) -> bool:
        """Does any row use the custom gate qK·(c - 2a)·(c - 2a - 1) = 0?"""
        return any(g.qK for g in self.gates)

    def is_satisfied(self, witness: list[int]) -> bool:
        """Does ``witness`` (one value per variable) satisfy every gate, public rows included?

        Row i < n_public also carries PI_i = -x_i (x_i the public value on its wire a). Copy constraints hold by
        construction here: each variable has one value.
        """
        r = self.field.modulus
        w = witness
        return all(
            (gate_value(g, w[g.a], w[g.b], w[g.c]) - (w[g.a] if i < self.n_public else 0)) % r == 0
            for i, g in enumerate(self.gates)
        )

    def public_values(self, witness: list[int]) -> list[int]:
        """The public inputs x_0, ..., x_(l-1): the values on wire a of the first l rows."""
        return [witness[g.a] for g in self.gates[: self.n_public]]


def gate_value(g: Gate, a: int, b: int, c: int) -> int:
    """qM·a·b + qL·a + qR·b + qO·c + qC + qK·(c - 2a)·(c - 2a - 1), not reduced."""
    custom = g.qK * (c - 2 * a) * (c - 2 * a - 1) if g.qK else 0
    return g.qM * a * b + g.qL * a + g.qR * b + g.qO * c + g.qC + custom


class CircuitBuilder:
    """Builds a ``Circuit`` and its witness together, checking each gate as it is added.

    >>> cb = CircuitBuilder()
    >>> x = cb.public_input(3)
    >>> y = cb.mul(x, x)             # y = x²
    >>> z = cb.add(y, cb.constant(1))
    >>> circuit, witness = cb.build()
    >>> witness[z], circuit.n_public, circuit.is_satisfied(witness)
    (10, 1, True)
    """

    def __init__(self, field: PrimeField = BN254_FR) -> None:
        self.field = field
        self.values: list[int] = [0]  # variable 0: the dummy, always 0
        self.public: list[Var] = []
        self.gates: list[Gate] = []
        self._constants: dict[int, Var] = {}

    # -- variables ------------------------------------------------------------------------------
    def variable(self, value: int | FieldElement) -> Var:
        """A new private variable holding ``value`` (reduced mod r)."""
        self.values.append(int(value) % self.field.modulus)
        return len(self.values) - 1

    def public_input(self, value: int | FieldElement) -> Var:
        """A new public variable; it gets its own row (qL = 1) at the front of the circuit."""
        if self.gates:
            raise ValueError("declare every public input before the first gate (snarkjs puts them in rows 0..l-1)")
        v = self.variable(value)
        self.public.append(v)
        return v

    def value(self, v: Var) -> int:
        """The traced value of variable ``v``."""
        return self.values[v]

    # -- gates ----------------------------------------------------------------------------------
    def gate(self, a: Var, b: Var, c: Var, *, qM: int = 0, qL: int = 0, qR: int = 0, qO: int = 0, qC: int = 0,
             qK: int = 0) -> None:
        """Add the row qM·a·b + qL·a + qR·b + qO·c + qC (+ qK·(c - 2a)(c - 2a - 1)) = 0; ValueError if broken."""
        r = self.field.modulus
        g = Gate(a, b, c, qM % r, qL % r, qR % r, qO % r, qC % r, qK % r)
        w = self.values
        if gate_value(g, w[a], w[b], w[c]) % r:
            row = len(self.public) + len(self.gates)
            raise ValueError(f"gate {row} {g} is not satisfied by a={w[a]}, b={w[b]}, c={w[c]}")
        self.gates.append(g)

    def add(self, x: Var, y: Var) -> Var:
        """z = x + y (one gate: x + y - z = 0)."""
        z = self.variable(self.values[x] + self.values[y])
        self.gate(x, y, z, qL=1, qR=1, qO=-1)
        return z

    def sub(self, x: Var, y: Var) -> Var:
        """z = x - y (one gate: x - y - z = 0)."""
        z = self.variable(self.values[x] - self.values[y])
        self.gate(x, y, z, qL=1, qR=-1, qO=-1)
        return z

    def mul(self, x: Var, y: Var) -> Var:
        """z = x·y (one gate: x·y - z = 0)."""
        z = self.variable(self.values[x] * self.values[y])
        self.gate(x, y, z, qM=1, qO=-1)
        return z

    def linear(self, x: Var, y: Var, kx: int, ky: int) -> Var:
        """z = kx·x + ky·y (one gate)."""
        z = self.variable(kx * self.values[x] + ky * self.values[y])
        self.gate(x, y, z, qL=kx, qR=ky, qO=-1)
        return z

    def constant(self, value: int) -> Var:
        """A variable fixed to ``value`` by one gate (x - value = 0), shared by every later use."""
        value %= self.field.modulus
        if value not in self._constants:
            v = self.variable(value)
            self.gate(v, 0, 0, qL=1, qC=-value)
            self._constants[value] = v
        return self._constants[value]

    def assert_bool(self, x: Var) -> None:
        """x ∈ {0, 1}: x·x - x = 0."""
        self.gate(x, x, 0, qM=1, qL=-1)

    def assert_equal(self, x: Var, y: Var) -> None:
        """x = y: x - y = 0 (a gate; sharing one variable instead is the free copy constraint)."""
        self.gate(x, y, 0, qL=1, qR=-1)

    def assert_sum(self, x: Var, y: Var, z: Var) -> None:
        """x + y = z for existing variables."""
        self.gate(x, y, z, qL=1, qR=1, qO=-1)

    # -- result ---------------------------------------------------------------------------------
    def build(self) -> tuple[Circuit, list[int]]:
        """The circuit (public-input rows first) and the witness: one value per variable, dummy first."""
        rows = [Gate(v, 0, 0, qL=1) for v in self.public] + self.gates
        return Circuit(tuple(rows), len(self.public), len(self.values), self.field), list(self.values)
