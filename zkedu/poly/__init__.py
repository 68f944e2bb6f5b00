"""Polynomials over any zkedu field: coefficient form, evaluation form on a domain, NTT, Reed-Solomon.

Coefficients are in ascending order throughout: ``coeffs[i]`` multiplies ``X**i``.

Modules: ``coeff`` (``Polynomial``), ``domain`` (``Domain``: roots of unity and cosets, Z_H),
``evals`` (``PolynomialEvals``, barycentric evaluation), ``interpolate`` (Lagrange), ``ntt`` (scalar
NTT and the naive DFT), ``ntt_numpy`` (vectorised NTT for word-sized fields), ``ntt_ints`` (the NTT on plain
ints for 254-bit fields, the PLONK prover's fast path), ``reed_solomon``.
"""

from __future__ import annotations

from zkedu.poly._common import is_power_of_two
from zkedu.poly.coeff import Polynomial
from zkedu.poly.domain import Domain
from zkedu.poly.evals import PolynomialEvals, evaluate_on_domain
from zkedu.poly.interpolate import interpolate_lagrange, lagrange_basis
from zkedu.poly.ntt import coset_intt, coset_ntt, dft_naive, fft, intt, ntt
from zkedu.poly.ntt_ints import coset_intt_ints, coset_ntt_ints, intt_ints, ntt_ints
from zkedu.poly.ntt_numpy import intt_numpy, ntt_numpy
from zkedu.poly.reed_solomon import ReedSolomonCode, hamming_distance

__all__ = [
    "Domain",
    "Polynomial",
    "PolynomialEvals",
    "ReedSolomonCode",
    "coset_intt",
    "coset_intt_ints",
    "coset_ntt",
    "coset_ntt_ints",
    "dft_naive",
    "evaluate_on_domain",
    "fft",
    "hamming_distance",
    "interpolate_lagrange",
    "intt",
    "intt_ints",
    "intt_numpy",
    "is_power_of_two",
    "lagrange_basis",
    "ntt",
    "ntt_ints",
    "ntt_numpy",
]
