"""Miller loops and final exponentiations for BN254 and BLS12-381, adapted to one calling convention.

Each ``miller_loop_*`` takes (P in G1, Q in G2), both finite, and returns the Miller loop value in FQ12
*without* the final exponentiation, so that a product of pairings can share one final exponentiation.
The loops themselves are py_ecc's; py_ecc 8.0.0 orders the arguments (Q, P) and, for BN254, wants the
points already moved into FQ12.

Source: py_ecc optimized_bn128/optimized_pairing.py and optimized_bls12_381/optimized_pairing.py;
Miller, "The Weil pairing, and its efficient calculation", J. Cryptology 17 (2004).
"""

from __future__ import annotations

from typing import Any

from py_ecc.optimized_bls12_381 import optimized_pairing as _bls_pairing
from py_ecc.optimized_bn128 import optimized_pairing as _bn_pairing


def miller_loop_bn254(P: Any, Q: Any) -> Any:
    """f_{P,Q} for BN254 (optimal ate loop, py_ecc), no final exponentiation."""
    return _bn_pairing.miller_loop(_bn_pairing.twist(Q), _bn_pairing.cast_point_to_fq12(P), final_exponentiate=False)


def miller_loop_bls12_381(P: Any, Q: Any) -> Any:
    """f_{P,Q} for BLS12-381 (ate loop over |x|, py_ecc), no final exponentiation."""
    return _bls_pairing.miller_loop(Q, P, final_exponentiate=False)


final_exponentiate_bn254 = _bn_pairing.final_exponentiate
final_exponentiate_bls12_381 = _bls_pairing.final_exponentiate
