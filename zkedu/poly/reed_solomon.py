"""Reed-Solomon codes: a message of k symbols becomes the values of a degree < k polynomial on n > k points.

The message is read as coefficients (ascending) of a polynomial m(X) of degree < k; the codeword is
m(X) evaluated on a domain of n = k·blowup points (a "low-degree extension", as in FRI). Two different
polynomials of degree < k agree on at most k - 1 points, so two different codewords differ in at least
n - k + 1 positions: the code's minimum distance (the Singleton bound, met with equality).

Source: Reed and Solomon, "Polynomial Codes over Certain Finite Fields", J. SIAM 8(2), 1960;
Ben-Sasson, Bentov, Horesh, Riabzev, "Fast Reed-Solomon Interactive Oracle Proofs of Proximity", ICALP 2018.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Integral

from zkedu.poly._common import Element, Field, is_power_of_two, to_element
from zkedu.poly.coeff import Polynomial
from zkedu.poly.domain import Domain
from zkedu.poly.evals import PolynomialEvals, evaluate_on_domain


@dataclass(frozen=True, init=False)
class ReedSolomonCode:
    """The code RS[F, D, k]: evaluations on the domain D (n = k·blowup points) of polynomials of degree < k.

    Source: Reed and Solomon (1960).

    >>> from zkedu.field import PrimeField
    >>> code = ReedSolomonCode(PrimeField(97), 2, blowup=4)
    >>> code.length, code.rate, code.minimum_distance
    (8, 0.25, 7)
    """

    field: Field
    message_length: int
    blowup: int
    offset: Element

    def __init__(self, field: Field, message_length: int, blowup: int = 2, offset: int | Element = 1) -> None:
        for name, value in (("message length", message_length), ("blowup factor", blowup)):
            if isinstance(value, bool) or not isinstance(value, Integral) or not is_power_of_two(int(value)):
                raise ValueError(f"the {name} must be a power of two (1, 2, 4, ...), got {value!r}")
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "message_length", int(message_length))
        object.__setattr__(self, "blowup", int(blowup))
        object.__setattr__(self, "offset", to_element(field, offset))
        Domain(field, self.length, offset)  # validates n against the field's 2-adicity and the offset

    @property
    def length(self) -> int:
        """n, the number of symbols in a codeword."""
        return self.message_length * self.blowup

    @property
    def rate(self) -> float:
        """The fraction of a codeword that is message, k / n = 1 / blowup."""
        return self.message_length / self.length

    @property
    def minimum_distance(self) -> int:
        """The fewest positions in which two different codewords can differ, n - k + 1."""
        return self.length - self.message_length + 1

    @property
    def domain(self) -> Domain:
        """The n evaluation points."""
        return Domain(self.field, self.length, self.offset)

    def encode(self, message: Sequence[int | Element]) -> PolynomialEvals:
        """The codeword of ``message`` (k symbols, read as ascending coefficients): its polynomial on the domain."""
        if len(message) != self.message_length:
            raise ValueError(f"this code encodes messages of {self.message_length} symbols, got {len(message)}")
        return evaluate_on_domain(Polynomial(self.field, message), self.domain)

    def decode(self, codeword: PolynomialEvals | Sequence[int | Element]) -> list[Element]:
        """The message of an untouched codeword, by interpolation; ValueError when the word is not a codeword.

        Interpolating all n values gives a polynomial of degree < n; a codeword's has degree < k. Any
        change to fewer than n - k + 1 symbols leaves a word that is not a codeword, so it is detected.
        """
        word = self._as_word(codeword)
        poly = word.to_polynomial()
        if poly.degree >= self.message_length:
            raise ValueError(
                f"not a codeword: the interpolated polynomial has degree {poly.degree}, "
                f"a codeword's is below k = {self.message_length}"
            )
        zero = self.field(0)
        return list(poly.coeffs) + [zero] * (self.message_length - len(poly.coeffs))

    def is_codeword(self, word: PolynomialEvals | Sequence[int | Element]) -> bool:
        """True when ``word`` is the evaluation of some polynomial of degree < k."""
        return self._as_word(word).to_polynomial().degree < self.message_length

    def _as_word(self, word: PolynomialEvals | Sequence[int | Element]) -> PolynomialEvals:
        if isinstance(word, PolynomialEvals):
            if word.domain != self.domain:
                raise ValueError(f"word lives on {word.domain!r}, the code on {self.domain!r}")
            return word
        if len(word) != self.length:
            raise ValueError(f"a codeword has {self.length} symbols, got {len(word)}")
        return PolynomialEvals(self.domain, word)


def hamming_distance(a: Sequence[int | Element], b: Sequence[int | Element]) -> int:
    """The number of positions where two equal-length words differ.

    >>> hamming_distance([1, 2, 3], [1, 0, 3])
    1
    """
    if len(a) != len(b):
        raise ValueError(f"words must have the same length, got {len(a)} and {len(b)}")
    return sum(1 for x, y in zip(a, b, strict=True) if x != y)
