"""Elliptic curves: BN254 and BLS12-381 (pairings, MSM, serialisation) and secp256k1 ECDSA (accounts).

``BN254`` and ``BLS12_381`` are ``Curve`` objects, built in ``zkedu.curves.named`` and loaded here only when
first used, so that ``zkedu.curves.ecdsa`` (and with it the rollup's transactions) never pays for the
pairing curves. The curve modules are the only part of zkedu that imports py_ecc.

>>> from zkedu.curves import BN254
>>> BN254.eq(BN254.add(BN254.G1, BN254.G1), BN254.mul(BN254.G1, 2))
True
>>> BN254.is_inf(BN254.mul(BN254.G1, BN254.r))
True

Source: py_ecc (ethereum/py_ecc); EIP-196/197 (BN254 on Ethereum); EIP-2537, EIP-4844 (BLS12-381).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers only; at run time __getattr__ below loads these on first use
    from zkedu.curves.curve import Curve, G1Table
    from zkedu.curves.g2_prepared import G2Prepared
    from zkedu.curves.named import BLS12_381, BN254
    from zkedu.curves.points import G1Point, G2Point, Point

# Public name -> the module that defines it; importing that module builds the pairing curves.
_LAZY = {
    "BN254": "zkedu.curves.named",
    "BLS12_381": "zkedu.curves.named",
    "Curve": "zkedu.curves.curve",
    "G1Table": "zkedu.curves.curve",
    "Point": "zkedu.curves.points",
    "G1Point": "zkedu.curves.points",
    "G2Point": "zkedu.curves.points",
    "G2Prepared": "zkedu.curves.g2_prepared",
}


def __getattr__(name: str) -> Any:
    """Load ``BN254``, ``BLS12_381`` and the curve types on first access (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module 'zkedu.curves' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = ["BLS12_381", "BN254", "Curve", "G1Point", "G1Table", "G2Point", "G2Prepared", "Point"]
