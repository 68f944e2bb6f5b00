"""BN254 and BLS12-381: the two pairing-friendly curves ZKsync meets (the L1 SNARK wrapper; EIP-4844 blobs).

``BN254`` and ``BLS12_381`` are ``Curve`` objects over py_ecc's "optimized" projective points; import them
as ``from zkedu.curves import BN254``, which loads this module on first use.

Source: py_ecc (ethereum/py_ecc); EIP-196/197 (BN254 on Ethereum); EIP-2537, EIP-4844 (BLS12-381).
"""

from __future__ import annotations

from py_ecc import optimized_bls12_381 as _bls
from py_ecc import optimized_bn128 as _bn

from zkedu.curves.curve import Curve
from zkedu.curves.pairing import (
    final_exponentiate_bls12_381,
    final_exponentiate_bn254,
    miller_loop_bls12_381,
    miller_loop_bn254,
)
from zkedu.curves.points import G1Point, G2Point
from zkedu.curves.subgroup import bls12_381_g1_in_subgroup, bls12_381_g2_in_subgroup, bn254_g1_in_subgroup

BN254 = Curve(
    name="BN254",
    p=_bn.field_modulus,
    r=_bn.curve_order,
    b=3,
    G1=G1Point(*_bn.G1),
    G2=G2Point(*_bn.G2),
    Z1=G1Point(*_bn.Z1),
    Z2=G2Point(*_bn.Z2),
    backend=_bn,
    _miller_loop=miller_loop_bn254,
    _final_exponentiate=final_exponentiate_bn254,
    _g1_in_subgroup=bn254_g1_in_subgroup,
)

BLS12_381 = Curve(
    name="BLS12-381",
    p=_bls.field_modulus,
    r=_bls.curve_order,
    b=4,
    G1=G1Point(*_bls.G1),
    G2=G2Point(*_bls.G2),
    Z1=G1Point(*_bls.Z1),
    Z2=G2Point(*_bls.Z2),
    backend=_bls,
    _miller_loop=miller_loop_bls12_381,
    _final_exponentiate=final_exponentiate_bls12_381,
    _g1_in_subgroup=bls12_381_g1_in_subgroup,
    _g2_in_subgroup=bls12_381_g2_in_subgroup,
)

# Constants that check themselves at import, as py_ecc does.
for _c in (BN254, BLS12_381):
    if not (_c.is_on_curve(_c.G1) and _c.is_on_curve(_c.G2)):
        raise ValueError(f"{_c.name}: generator not on curve")
    if _c.b != int(_c.backend.b.n):
        raise ValueError(f"{_c.name}: b = {_c.b} disagrees with py_ecc")

__all__ = ["BLS12_381", "BN254"]
