"""Byte encodings of Ethereum's BN254 precompiles: ecAdd (0x06), ecMul (0x07), ecPairing (0x08).

A G1 point is two 32-byte big-endian words (x, y), the point at infinity (0, 0). A G2 point over
F_p² = F_p[i]/(i² + 1) is four words, each coordinate's imaginary part FIRST: (x_im, x_re, y_im, y_re).

Spec: EIP-196 (ecAdd, ecMul), EIP-197 (ecPairing), EIP-1108 (their gas since Istanbul).
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu.curves import BN254, G2Point, Point

ECADD_ADDRESS = bytes(19) + b"\x06"
ECMUL_ADDRESS = bytes(19) + b"\x07"
ECPAIRING_ADDRESS = bytes(19) + b"\x08"


def _word(v: int) -> bytes:
    return v.to_bytes(32, "big")


def encode_g1(P: Point) -> bytes:
    """64 bytes (x, y) of a BN254 G1 point; (0, 0) for infinity.

    Spec: EIP-196, "Encoding".

    >>> encode_g1(BN254.G1).hex()[-2:], len(encode_g1(BN254.G1))
    ('02', 64)
    """
    xy = BN254.to_affine(P)
    return bytes(64) if xy is None else _word(xy[0]) + _word(xy[1])


def decode_g1(data: bytes) -> Point:
    """The BN254 G1 point of 64 bytes (x, y); (0, 0) is infinity; off-curve or x, y >= p raise ValueError.

    Spec: EIP-196, "Encoding".
    """
    if not isinstance(data, bytes | bytearray) or len(data) != 64:
        raise ValueError(f"a G1 point is 64 bytes, got {data!r:.40}")
    x, y = int.from_bytes(data[:32], "big"), int.from_bytes(data[32:], "big")
    if x == 0 and y == 0:
        return BN254.Z1
    return BN254.from_affine(x, y)


def encode_g2(Q: Point) -> bytes:
    """128 bytes of a BN254 G2 point: (x_im, x_re, y_im, y_re); zeros for infinity.

    Spec: EIP-197, "Encoding" (imaginary part first).
    """
    if BN254.is_inf(Q):
        return bytes(128)
    x, y, z = Q
    zi = z.inv()
    ax, ay = x * zi, y * zi
    return b"".join(_word(c) for c in (ax.coeffs[1], ax.coeffs[0], ay.coeffs[1], ay.coeffs[0]))


def decode_g2(data: bytes) -> Point:
    """The BN254 G2 point of 128 bytes (x_im, x_re, y_im, y_re); zeros are infinity.

    ValueError for a coordinate >= p, a point off the twist, or one outside the order-r subgroup (the
    twist's cofactor is not 1, so ecPairing must check it).

    Spec: EIP-197, "Encoding" and "Definition of the pairing check".
    """
    if not isinstance(data, bytes | bytearray) or len(data) != 128:
        raise ValueError(f"a G2 point is 128 bytes, got {data!r:.40}")
    x_im, x_re, y_im, y_re = (int.from_bytes(data[i : i + 32], "big") for i in range(0, 128, 32))
    if max(x_im, x_re, y_im, y_re) >= BN254.p:
        raise ValueError(f"G2 coordinate >= p: {(x_im, x_re, y_im, y_re)}")
    if x_im == x_re == y_im == y_re == 0:
        return BN254.Z2
    FQ2 = BN254.backend.FQ2
    Q = G2Point(FQ2([x_re, x_im]), FQ2([y_re, y_im]), FQ2.one())
    if not BN254.is_on_curve(Q):
        raise ValueError(f"G2 point not on BN254's twist: {(x_im, x_re, y_im, y_re)}")
    if not BN254.in_subgroup(Q):
        raise ValueError(f"G2 point not in the order-r subgroup: {(x_im, x_re, y_im, y_re)}")
    return Q


def compute_ecpairing(data: bytes) -> bool:
    """What ecPairing (0x08) answers for ``data``: is the product of the pairings of its (G1, G2) pairs 1?

    ValueError for input the precompile rejects (length not a multiple of 192, any invalid point); the
    pairings themselves are zkedu.curves' (one shared final exponentiation), tested against py-evm's.

    Spec: EIP-197.
    """
    if not isinstance(data, bytes | bytearray) or len(data) % 192:
        raise ValueError(f"ecPairing input must be a multiple of 192 bytes, got {len(data)}")
    pairs = [(decode_g1(data[i : i + 64]), decode_g2(data[i + 64 : i + 192])) for i in range(0, len(data), 192)]
    finite = [(P, Q) for P, Q in pairs if not (BN254.is_inf(P) or BN254.is_inf(Q))]  # e(P, ∞) = e(∞, Q) = 1
    return BN254.pairing_check(finite) if finite else True


def encode_ecadd_input(P: Point, Q: Point) -> bytes:
    """Input of ecAdd (0x06): P then Q, 128 bytes."""
    return encode_g1(P) + encode_g1(Q)


def encode_ecmul_input(P: Point, k: int) -> bytes:
    """Input of ecMul (0x07): P then the scalar k (0 <= k < 2^256), 96 bytes."""
    if not isinstance(k, int) or isinstance(k, bool) or not 0 <= k < 2**256:
        raise ValueError(f"ecMul scalar must be an int in [0, 2^256), got {k!r}")
    return encode_g1(P) + _word(k)


def encode_ecpairing_input(pairs: Sequence[tuple[Point, Point]]) -> bytes:
    """Input of ecPairing (0x08): 192 bytes per (G1, G2) pair; the output is 1 iff the pairings multiply to 1."""
    return b"".join(encode_g1(P) + encode_g2(Q) for P, Q in pairs)
