"""Prime fields F_p: immutable elements with ``+ - * / **``, inverses, roots of unity, and the fields ZKsync uses.

``PrimeField(p)`` returns the field (one shared object per modulus); calling it makes elements (``FieldElement``,
defined in ``zkedu.field_element`` and importable from here):

>>> F = PrimeField(17)
>>> a = F(5)
>>> a + 13, a * 7, 1 / a, a ** -2
(PrimeField(17)(1), PrimeField(17)(1), PrimeField(17)(7), PrimeField(17)(15))
>>> F.root_of_unity(4) ** 4 == 1
True

Source: Lidl and Niederreiter, *Finite Fields* (1997), ch. 1-2; Moody, *Anatomy of a STARK* (2021), "Basic tools".
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from zkedu._checks import require_int
from zkedu.field_element import FieldElement, as_int
from zkedu.ntheory import divisors_from_factors, factor_int, is_prime


class PrimeField:
    """The field of integers modulo a prime ``p``; ``PrimeField(p)`` is cached, so equal moduli give one field.

    Source: Lidl and Niederreiter, *Finite Fields*, Theorem 1.27 (Z/pZ is a field iff p is prime).

    >>> PrimeField(97) is PrimeField(97)
    True
    >>> PrimeField(17).two_adicity, PrimeField(17).generator()
    (4, PrimeField(17)(3))
    """

    _cache: ClassVar[dict[int, PrimeField]] = {}
    _names: ClassVar[dict[int, str]] = {}
    _known_factors: ClassVar[dict[int, dict[int, int]]] = {}

    modulus: int
    _memo: dict[str, Any]  # lazily computed factorisation of p - 1 and generator
    zero: FieldElement
    one: FieldElement

    def __new__(cls, p: int) -> PrimeField:
        require_int(p, "modulus")
        if p in cls._cache:
            return cls._cache[p]
        if not is_prime(p):
            raise ValueError(f"modulus must be prime, got {p!r}")
        field = super().__new__(cls)
        object.__setattr__(field, "modulus", p)
        object.__setattr__(field, "_memo", {})
        object.__setattr__(field, "zero", FieldElement._raw(field, 0))
        object.__setattr__(field, "one", FieldElement._raw(field, 1 % p))
        cls._cache[p] = field
        return field

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"PrimeField is immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        return (PrimeField, (self.modulus,))

    def __repr__(self) -> str:
        return self._names.get(self.modulus, f"PrimeField({self.modulus})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PrimeField) and other.modulus == self.modulus

    def __hash__(self) -> int:
        return hash(("PrimeField", self.modulus))

    def __contains__(self, item: object) -> bool:
        return isinstance(item, FieldElement) and item.field == self

    def __call__(self, value: object) -> FieldElement:
        """The element ``value mod p``; TypeError for anything that is not an int or an element of this field."""
        if isinstance(value, FieldElement):
            if value.field != self:
                raise TypeError(f"cannot convert {value!r} from {value.field!r} into {self!r}")
            return value
        n = as_int(value)
        if n is None:
            raise TypeError(f"field elements are made from ints, got {type(value).__name__}: {value!r}")
        return FieldElement._raw(self, n % self.modulus)

    @property
    def name(self) -> str:
        """The field's name (e.g. ``GOLDILOCKS``) or ``F_p`` for an unnamed field."""
        return self._names.get(self.modulus, f"F_{self.modulus}")

    @property
    def order(self) -> int:
        """The number of elements, p."""
        return self.modulus

    @property
    def bits(self) -> int:
        """Bit length of the modulus."""
        return self.modulus.bit_length()

    @property
    def two_adicity(self) -> int:
        """The largest ``k`` with ``2^k`` dividing ``p - 1``: the biggest power-of-two NTT the field supports.

        >>> PrimeField(97).two_adicity  # 96 = 2^5 * 3
        5
        """
        n, k = self.modulus - 1, 0
        while n and n % 2 == 0:
            n, k = n // 2, k + 1
        return k

    def factor_group_order(self) -> dict[int, int]:
        """Prime factorisation of ``p - 1``, the order of the multiplicative group.

        >>> PrimeField(97).factor_group_order()
        {2: 5, 3: 1}
        """
        memo = self._memo
        if "factors" not in memo:
            p1 = self.modulus - 1
            memo["factors"] = self._known_factors.get(self.modulus) or (factor_int(p1) if p1 > 1 else {})
        return dict(memo["factors"])

    def subgroup_orders(self) -> list[int]:
        """The divisors of ``p - 1``: by Lagrange's theorem, the only possible element orders.

        >>> PrimeField(17).subgroup_orders()
        [1, 2, 4, 8, 16]
        """
        return divisors_from_factors(self.factor_group_order())

    def generator(self) -> FieldElement:
        """The smallest generator of the multiplicative group (an element of order ``p - 1``).

        Source: an element g generates iff g^((p-1)/q) != 1 for every prime q dividing p - 1.

        >>> PrimeField(97).generator()
        PrimeField(97)(5)
        """
        memo = self._memo
        if "generator" not in memo:
            p, primes = self.modulus, list(self.factor_group_order())
            g = 1 if p == 2 else next(
                g for g in range(2, p) if all(pow(g, (p - 1) // q, p) != 1 for q in primes)
            )
            memo["generator"] = FieldElement._raw(self, g)
        return memo["generator"]

    def root_of_unity(self, n: int) -> FieldElement:
        """A primitive ``n``-th root of unity, ``generator() ** ((p-1)/n)``; ValueError unless ``n`` divides p - 1.

        With BLS12-381's scalar field this is the root EIP-4844 uses (its generator is 7).

        Spec: EIP-4844 / consensus-specs deneb ``compute_roots_of_unity`` (PRIMITIVE_ROOT_OF_UNITY = 7).

        >>> w = PrimeField(17).root_of_unity(8)
        >>> w, [int(w ** k) for k in range(8)]
        (PrimeField(17)(9), [1, 9, 13, 15, 16, 8, 4, 2])
        """
        require_int(n, "root of unity order n")
        if n < 1:
            raise ValueError(f"root of unity order must be >= 1, got {n!r}")
        if (self.modulus - 1) % n != 0:
            raise ValueError(f"no primitive {n!r}-th root of unity in {self!r}: {n!r} does not divide p - 1")
        return self.generator() ** ((self.modulus - 1) // n)

    def roots_of_unity(self, n: int) -> list[FieldElement]:
        """All ``n`` powers ``w^0, w^1, ..., w^(n-1)`` of ``w = root_of_unity(n)``, in order."""
        w = self.root_of_unity(n)
        out, x = [], self.one
        for _ in range(n):
            out.append(x)
            x = x * w
        return out

    def random(self, rng: random.Random) -> FieldElement:
        """A uniformly random element drawn from ``rng`` (pass a seeded ``random.Random`` for reproducibility)."""
        if not isinstance(rng, random.Random):
            raise TypeError(f"rng must be a random.Random, got {type(rng).__name__}: {rng!r}")
        return FieldElement._raw(self, rng.randrange(self.modulus))

    def elements(self) -> Iterator[FieldElement]:
        """Every element 0, 1, ..., p - 1 (only for small fields, p < 2^20)."""
        if self.modulus >= 1 << 20:
            raise ValueError(f"refusing to list all elements of a field this large: p = {self.modulus!r}")
        return (FieldElement._raw(self, v) for v in range(self.modulus))


def inverse_fermat(a: FieldElement | int, p: int | None = None) -> Any:
    """Inverse by Fermat's little theorem, ``a^(p-2)``; takes an element, or an int and ``p``.

    Source: Fermat's little theorem, a^(p-1) = 1 for a != 0 (mod p).

    >>> inverse_fermat(3, 17), inverse_fermat(PrimeField(17)(3))
    (6, PrimeField(17)(6))
    """
    field, value = _split(a, p, "inverse_fermat")
    if value == 0:
        raise ZeroDivisionError(f"zero has no inverse in {field!r}, got {a!r}")
    inv = pow(value, field.modulus - 2, field.modulus)
    return FieldElement._raw(field, inv) if isinstance(a, FieldElement) else inv


def inverse_euclid(a: FieldElement | int, p: int | None = None) -> Any:
    """Inverse by the extended Euclidean algorithm: ``a*x + p*y = 1`` gives ``x = a^-1``; element, or int and ``p``.

    Source: Knuth, TAOCP vol. 2, §4.5.2.

    >>> inverse_euclid(3, 17), inverse_euclid(PrimeField(17)(3))
    (6, PrimeField(17)(6))
    """
    field, value = _split(a, p, "inverse_euclid")
    inv = FieldElement._raw(field, value).inverse()  # x from extended_gcd(a, p): a·x + p·y = 1
    return inv if isinstance(a, FieldElement) else inv.value


def batch_inverse(elements: Sequence[Any], p: int | None = None) -> list[Any]:
    """Invert many elements with one inversion and 3(n - 1) multiplications (Montgomery's trick).

    Takes field elements, or ints and the modulus ``p`` (then returns ints, the fast path that curve and
    blob code use on plain ints). ZeroDivisionError names the first zero.

    Source: Montgomery, Math. Comp. 48 (1987), §10.3.1.

    >>> F = PrimeField(17)
    >>> batch_inverse([F(2), F(3), F(5)]) == [F(2).inverse(), F(3).inverse(), F(5).inverse()]
    True
    >>> batch_inverse([2, 3, 5], 17)
    [9, 6, 7]
    """
    field, values = _split_many(elements, p)
    if not values:
        return []
    for i, v in enumerate(values):
        if v == 0:
            raise ZeroDivisionError(f"zero has no inverse in {field!r}: element {i} is {elements[i]!r}")
    out = batch_inverse_ints(values, field.modulus)
    if p is None:
        return [FieldElement._raw(field, v) for v in out]
    return out


def batch_inverse_ints(values: Sequence[int], m: int) -> list[int]:
    """Montgomery's trick on ints mod m, no conversions (the core of ``batch_inverse``); ZeroDivisionError on a 0."""
    # prefix[i] = e_0 * ... * e_{i-1}; one inverse of the total, then peel off one factor at a time.
    prefix = [1]
    running = 1
    for v in values:
        running = running * v % m
        prefix.append(running)
    if running == 0:
        raise ZeroDivisionError(f"a value is 0 mod {m}: it has no inverse")
    inv_running = pow(running, -1, m)  # = 1 / (e_0 * ... * e_{n-1})
    out = [0] * len(values)
    for i in range(len(values) - 1, -1, -1):
        out[i] = inv_running * prefix[i] % m
        inv_running = inv_running * values[i] % m
    return out


def _split_many(elements: Sequence[Any], p: int | None) -> tuple[PrimeField, list[int]]:
    """(field, canonical ints) of a list of same-field elements, or of ints with the modulus ``p``."""
    if p is not None:
        field = PrimeField(require_int(p, "modulus p"))
        values = []
        for i, e in enumerate(elements):
            n = as_int(e)
            if n is None:
                raise TypeError(f"batch_inverse with a modulus takes ints, got {type(e).__name__} at index {i}: {e!r}")
            values.append(n % field.modulus)
        return field, values
    for i, e in enumerate(elements):
        if not isinstance(e, FieldElement):
            raise TypeError(
                f"batch_inverse takes field elements (or ints and p), got {type(e).__name__} at index {i}: {e!r}"
            )
    if not elements:
        return PrimeField(2), []
    field = elements[0].field
    for i, e in enumerate(elements):
        if e.field != field:
            raise TypeError(f"batch_inverse needs elements of one field: index {i} is in {e.field!r}, not {field!r}")
    return field, [e.value for e in elements]


def _split(a: object, p: int | None, who: str) -> tuple[PrimeField, int]:
    if isinstance(a, FieldElement):
        if p is not None and p != a.field.modulus:
            raise ValueError(f"{who}: modulus {p!r} does not match the element's field {a.field!r}")
        return a.field, a.value
    n = as_int(a)
    if n is None:
        raise TypeError(f"{who} takes a field element or an int, got {type(a).__name__}: {a!r}")
    if p is None:
        raise TypeError(f"{who}({a!r}) needs the modulus p when given an int")
    field = PrimeField(p)
    return field, n % field.modulus


def _register(name: str, p: int, factors: dict[int, int]) -> PrimeField:
    # Ship the factorisation of p - 1 (too slow to find for the 254-bit fields) and check it at import.
    product = 1
    for q, k in factors.items():
        if not is_prime(q):
            raise ValueError(f"{name}: the factor {q} of p - 1 is not prime")
        product *= q**k
    if product != p - 1:
        raise ValueError(f"{name}: the shipped factors multiply to {product}, not p - 1 = {p - 1}")
    PrimeField._known_factors[p] = dict(sorted(factors.items()))
    PrimeField._names[p] = name
    return PrimeField(p)


# BN254 scalar field: the L1 wrapper proof (PLONK / FFLONK with KZG) verified on Ethereum.
BN254_FR = _register(
    "BN254_FR",
    21888242871839275222246405745257275088548364400416034343698204186575808495617,
    {2: 28, 3: 2, 13: 1, 29: 1, 983: 1, 11003: 1, 237073: 1, 405928799: 1, 1670836401704629: 1,
     13818364434197438864469338081: 1},
)
# BLS12-381 scalar field: EIP-4844 blobs are 4096 elements of it.
BLS12_381_FR = _register(
    "BLS12_381_FR",
    0x73EDA753299D7D483339D80809A1D80553BDA402FFFE5BFEFFFFFFFF00000001,
    {2: 32, 3: 1, 11: 1, 19: 1, 10177: 1, 125527: 1, 859267: 1, 906349: 2, 2508409: 1, 2529403: 1,
     52437899: 1, 254760293: 2},
)
# Goldilocks: Boojum's field; fits a 64-bit word, 2-adicity 32.
GOLDILOCKS = _register("GOLDILOCKS", 2**64 - 2**32 + 1, {2: 32, 3: 1, 5: 1, 17: 1, 257: 1, 65537: 1})
# Mersenne31: Airbender's field; 31-bit words, reduction by shift-and-add, 2-adicity 1.
MERSENNE31 = _register("MERSENNE31", 2**31 - 1, {2: 1, 3: 2, 7: 1, 11: 1, 31: 1, 151: 1, 331: 1})
# BabyBear: 15 * 2^27 + 1, a 31-bit field with 2-adicity 27 (used by other STARK provers; a comparison point).
BABYBEAR = _register("BABYBEAR", 15 * 2**27 + 1, {2: 27, 3: 1, 5: 1})

NAMED_FIELDS: dict[str, PrimeField] = {
    f.name: f for f in (BN254_FR, BLS12_381_FR, GOLDILOCKS, MERSENNE31, BABYBEAR)
}
