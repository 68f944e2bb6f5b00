"""BLS12-381 point compression as Ethereum uses it (the ZCash format): 48-byte G1, 96-byte G2.

The three most significant bits of the first byte are flags:
bit 7 (0x80) = compressed (always set here); bit 6 (0x40) = point at infinity;
bit 5 (0x20) = sign: set when y is the lexicographically larger of ±y (for G2, compare the imaginary
parts first, then the real parts). The rest is x big-endian; a G2 x = x0 + x1·u is written as x1 then x0.
Infinity is exactly 0xc0 followed by zeros. Decompression rejects every non-canonical or invalid input:
x ≥ p, a point off the curve, and a point outside the order-r subgroup.

Spec: ZCash BLS12-381 serialisation (zkcrypto/pairing, bls12_381 README "Serialization");
Ethereum consensus-specs deneb polynomial-commitments.md (KZGCommitment is a 48-byte compressed G1 point,
validated by ``bytes_to_kzg_commitment``: KeyValidate, i.e. on-curve and subgroup checks).
"""

from __future__ import annotations

from typing import Any

from py_ecc.bls.point_compression import modular_squareroot_in_FQ2

from zkedu._checks import require_bytes
from zkedu.curves import BLS12_381
from zkedu.curves.points import G2Point, Point

P = BLS12_381.p
HALF_P = (P - 1) // 2
FLAG_COMPRESSED, FLAG_INFINITY, FLAG_SIGN = 0x80, 0x40, 0x20
G1_BYTES, G2_BYTES = 48, 96
FQ, FQ2 = BLS12_381.backend.FQ, BLS12_381.backend.FQ2


def _split_flags(data: bytes, what: str) -> tuple[bool, bool, int]:
    """(infinity flag, sign flag, first 48-byte x) of a compressed encoding; rejects a missing compression flag."""
    first = data[0]
    if not first & FLAG_COMPRESSED:
        raise ValueError(f"{what} lacks the compression flag (0x80 in the first byte): 0x{data.hex()}")
    x = int.from_bytes(bytes([first & 0x1F]) + data[1:48], "big")
    return bool(first & FLAG_INFINITY), bool(first & FLAG_SIGN), x


def _check_infinity(data: bytes, sign: bool, x: int, what: str) -> None:
    if sign:
        raise ValueError(f"{what} has the infinity flag and the sign bit both set: 0x{data.hex()}")
    if x != 0:
        raise ValueError(
            f"{what} has the infinity flag but nonzero bits after it (must be 0xc0 then zeros): 0x{data.hex()}"
        )


def _fq2_is_larger(y: Any) -> bool:
    """Is y = y0 + y1·u the lexicographically larger of ±y (imaginary part first)?"""
    y0, y1 = (int(c) for c in y.coeffs)
    return y1 > HALF_P if y1 else y0 > HALF_P


def g1_compress(point: Point) -> bytes:
    """48-byte compressed encoding of a BLS12-381 G1 point.

    >>> g1_compress(BLS12_381.Z1).hex()[:4]
    'c000'
    >>> g1_compress(BLS12_381.G1).hex()[:8]
    '97f1d3a7'
    """
    BLS12_381.require_g1(point)
    if not BLS12_381.is_on_curve(point):
        raise ValueError(f"cannot compress a point that is not on BLS12-381: {point!r}")
    affine = BLS12_381.to_affine(point)
    if affine is None:
        return bytes([FLAG_COMPRESSED | FLAG_INFINITY]) + bytes(G1_BYTES - 1)
    x, y = affine
    out = bytearray(x.to_bytes(G1_BYTES, "big"))
    out[0] |= FLAG_COMPRESSED | (FLAG_SIGN if y > HALF_P else 0)
    return bytes(out)


def g1_decompress_to_affine(data: bytes) -> tuple[int, int] | None:
    """Affine (x, y) of 48 compressed bytes (None for infinity), after the flag, range and on-curve checks.

    This is NOT yet a valid G1 element: the subgroup check is a separate step (``BLS12_381.in_subgroup``),
    which ``g1_decompress`` always takes and a pinned trusted setup may sample.
    """
    data = require_bytes(data, G1_BYTES, "a compressed G1 point")
    what = "compressed G1 point"
    infinity, sign, x = _split_flags(data, what)
    if infinity:
        _check_infinity(data, sign, x, what)
        return None
    if x >= P:
        raise ValueError(f"{what} has x >= p (not canonical): x = {x}, input 0x{data.hex()}")
    rhs = (x * x * x + BLS12_381.b) % P
    y = pow(rhs, (P + 1) // 4, P)  # p ≡ 3 (mod 4): this is the square root when one exists
    if y * y % P != rhs:
        raise ValueError(f"{what} is not on the curve (x³ + 4 is not a square): x = {x}, input 0x{data.hex()}")
    if (y > HALF_P) != sign:
        y = P - y
    return x, y


def g1_decompress(data: bytes) -> Point:
    """The G1 point encoded by 48 compressed bytes, after every check (canonical, on curve, in subgroup)."""
    affine = g1_decompress_to_affine(data)
    if affine is None:
        return BLS12_381.Z1
    point = BLS12_381.from_affine(*affine)
    if not BLS12_381.in_subgroup(point):
        raise ValueError(f"compressed G1 point is on the curve but not in the order-r subgroup: 0x{bytes(data).hex()}")
    return point


def g2_compress(point: Point) -> bytes:
    """96-byte compressed encoding of a BLS12-381 G2 point (x1 with the flags, then x0)."""
    BLS12_381.require_g2(point)
    if not BLS12_381.is_on_curve(point):
        raise ValueError(f"cannot compress a point that is not on the BLS12-381 twist: {point!r}")
    if BLS12_381.is_inf(point):
        return bytes([FLAG_COMPRESSED | FLAG_INFINITY]) + bytes(G2_BYTES - 1)
    zi = point[2].inv()
    x, y = point[0] * zi, point[1] * zi
    x0, x1 = (int(c) for c in x.coeffs)
    out = bytearray(x1.to_bytes(48, "big") + x0.to_bytes(48, "big"))
    out[0] |= FLAG_COMPRESSED | (FLAG_SIGN if _fq2_is_larger(y) else 0)
    return bytes(out)


def g2_decompress(data: bytes) -> Point:
    """The G2 point encoded by 96 compressed bytes, after every check (canonical, on curve, in subgroup)."""
    data = require_bytes(data, G2_BYTES, "a compressed G2 point")
    what = "compressed G2 point"
    infinity, sign, x1 = _split_flags(data, what)
    x0 = int.from_bytes(data[48:], "big")
    if infinity:
        _check_infinity(data, sign, x1 | x0, what)
        return BLS12_381.Z2
    for name, v in (("x1 (imaginary part)", x1), ("x0 (real part)", x0)):
        if v >= P:
            raise ValueError(f"{what} has {name} >= p (not canonical): {v}, input 0x{data.hex()}")
    x = FQ2([x0, x1])
    y = modular_squareroot_in_FQ2(x**3 + BLS12_381.backend.b2)
    if y is None:
        raise ValueError(f"{what} is not on the twist (x³ + b₂ is not a square): input 0x{data.hex()}")
    if _fq2_is_larger(y) != sign:
        y = -y
    point = G2Point(x, y, FQ2.one())
    if not BLS12_381.in_subgroup(point):
        raise ValueError(f"{what} is on the twist but not in the order-r subgroup: 0x{data.hex()}")
    return point
