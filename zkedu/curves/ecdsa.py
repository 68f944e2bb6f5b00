"""ECDSA over secp256k1, as Ethereum and ZKsync accounts sign: keys, addresses, sign, recover, verify.

Signatures are Ethereum-style ``(v, r, s)`` with ``v`` in {27, 28} and low ``s`` (EIP-2); an address is
the last 20 bytes of keccak256 of the 64-byte uncompressed public key ``x || y``. The curve arithmetic is
py_ecc's (``py_ecc.secp256k1``); this module adds the checks a verifier must make (ranges, low ``s``,
points on the curve) and names the steps.

Source: SEC 1 v2 §4.1 (ECDSA); Ethereum Yellow Paper Appendix F (signing, address); EIP-2 (low s);
EC system-contracts DefaultAccount.sol (ZKsync EOAs validate with ecrecover).

>>> key = private_key_from_int(1)
>>> compute_address(key).hex()
'7e5f4552091a69125d5dfcb7b8c2659029395bdf'
"""

from __future__ import annotations

from dataclasses import dataclass

from py_ecc.secp256k1 import secp256k1 as _k1

from zkedu._checks import require_int
from zkedu.hashing import keccak256

# Curve y^2 = x^3 + 7 over F_P, group order N (prime), generator G.
P: int = _k1.P
N: int = _k1.N
G: tuple[int, int] = (_k1.Gx, _k1.Gy)
HALF_N = N // 2
ADDRESS_BYTES = 20

PublicKey = tuple[int, int]

if (G[1] ** 2 - G[0] ** 3 - 7) % P != 0:  # a self-check at import, as py_ecc's constants
    raise ValueError(f"the secp256k1 generator {G} is not on y² = x³ + 7")


@dataclass(frozen=True)
class Signature:
    """An Ethereum-style recoverable signature: ``v`` in {27, 28} (parity of R's y, plus 27), ``r``, ``s``."""

    v: int
    r: int
    s: int

    def __post_init__(self) -> None:
        for name in ("v", "r", "s"):
            value = getattr(self, name)
            require_int(value, f"signature {name}")

    def to_bytes(self) -> bytes:
        """The 65-byte encoding ``r (32) || s (32) || v (1)``, as ecrecover's callers pack it."""
        if not (0 <= self.r < 2**256 and 0 <= self.s < 2**256 and 0 <= self.v < 256):
            raise ValueError(f"signature out of range for a 65-byte encoding: {self!r}")
        return self.r.to_bytes(32, "big") + self.s.to_bytes(32, "big") + bytes([self.v])

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        if not isinstance(data, bytes):
            raise TypeError(f"signature must be bytes, got {type(data).__name__}: {data!r}")
        if len(data) != 65:
            raise ValueError(f"a signature is 65 bytes, got {len(data)}: {data.hex()}")
        return cls(data[64], int.from_bytes(data[:32], "big"), int.from_bytes(data[32:64], "big"))


def _check_hash(msg_hash: bytes) -> None:
    if not isinstance(msg_hash, bytes):
        raise TypeError(f"message hash must be bytes, got {type(msg_hash).__name__}: {msg_hash!r}")
    if len(msg_hash) != 32:
        raise ValueError(f"message hash must be 32 bytes, got {len(msg_hash)}: {msg_hash.hex()}")


def _check_private_key(private_key: bytes) -> int:
    if not isinstance(private_key, bytes):
        raise TypeError(f"private key must be bytes, got {type(private_key).__name__}")
    if len(private_key) != 32:
        raise ValueError(f"private key must be 32 bytes, got {len(private_key)}")
    d = int.from_bytes(private_key, "big")
    if not 1 <= d < N:
        raise ValueError(f"private key must be in [1, N), got {d}")
    return d


def is_on_curve(point: PublicKey) -> bool:
    """Whether ``point`` is an affine point of secp256k1 with coordinates in [0, P)."""
    x, y = point
    return 0 <= x < P and 0 <= y < P and (y * y - x * x * x - 7) % P == 0


def private_key_from_int(d: int) -> bytes:
    """The 32-byte big-endian private key for the scalar ``d`` in [1, N)."""
    require_int(d, "private key scalar")
    if not 1 <= d < N:
        raise ValueError(f"private key scalar must be in [1, N), got {d}")
    return d.to_bytes(32, "big")


def compute_public_key(private_key: bytes) -> PublicKey:
    """Q = d * G."""
    _check_private_key(private_key)
    return _k1.privtopub(private_key)


def public_key_to_address(public_key: PublicKey) -> bytes:
    """Ethereum address: the last 20 bytes of keccak256(x || y)."""
    if not is_on_curve(public_key):
        raise ValueError(f"public key is not a point of secp256k1: {public_key!r}")
    x, y = public_key
    return keccak256(x.to_bytes(32, "big") + y.to_bytes(32, "big"))[-ADDRESS_BYTES:]


def compute_address(private_key: bytes) -> bytes:
    """The address that ``private_key`` controls."""
    return public_key_to_address(compute_public_key(private_key))


def sign_hash(msg_hash: bytes, private_key: bytes) -> Signature:
    """Sign a 32-byte hash: r = (k G).x mod N, s = k^-1 (z + r d) mod N, low s (deterministic k, RFC 6979-style)."""
    _check_hash(msg_hash)
    _check_private_key(private_key)
    v, r, s = _k1.ecdsa_raw_sign(msg_hash, private_key)
    if not (1 <= r < N and 1 <= s <= HALF_N and v in (27, 28)):
        raise ValueError(f"py_ecc produced a signature outside Ethereum's ranges: v={v}, r={r}, s={s}")
    return Signature(v, r, s)


def check_signature(sig: Signature) -> None:
    """Raise ValueError unless ``sig`` is well formed: v in {27, 28}, 1 <= r < N, 1 <= s <= N/2 (EIP-2)."""
    if not isinstance(sig, Signature):
        raise TypeError(f"expected a Signature, got {type(sig).__name__}: {sig!r}")
    if sig.v not in (27, 28):
        raise ValueError(f"signature v must be 27 or 28, got {sig.v}")
    if not 1 <= sig.r < N:
        raise ValueError(f"signature r must be in [1, N), got {sig.r}")
    if not 1 <= sig.s <= HALF_N:
        raise ValueError(f"signature s must be in [1, N/2] (low s, EIP-2), got {sig.s}")


def recover_public_key(msg_hash: bytes, sig: Signature) -> PublicKey:
    """The public key Q with Q = r^-1 (s R - z G), R the curve point with x = r and y parity v - 27."""
    _check_hash(msg_hash)
    check_signature(sig)
    try:
        q = _k1.ecdsa_raw_recover(msg_hash, (sig.v, sig.r, sig.s))
    except ValueError as exc:  # r is not the x of a curve point
        raise ValueError(f"no public key recovers from signature {sig!r}: {exc}") from None
    if not is_on_curve(q) or q == (0, 0):
        raise ValueError(f"no public key recovers from signature {sig!r}")
    return q


def recover_address(msg_hash: bytes, sig: Signature) -> bytes:
    """The address that signed ``msg_hash``, as ecrecover returns it."""
    return public_key_to_address(recover_public_key(msg_hash, sig))


def verify_signature(msg_hash: bytes, sig: Signature, public_key: PublicKey) -> bool:
    """Textbook ECDSA verification: with w = s^-1, accept iff (z w G + r w Q).x mod N == r.

    Returns False for a well-typed but invalid signature (including high ``s`` or a bad ``v``).
    """
    _check_hash(msg_hash)
    if not isinstance(sig, Signature):
        raise TypeError(f"expected a Signature, got {type(sig).__name__}: {sig!r}")
    if not is_on_curve(public_key):
        raise ValueError(f"public key is not a point of secp256k1: {public_key!r}")
    try:
        check_signature(sig)
    except ValueError:
        return False
    z = int.from_bytes(msg_hash, "big") % N
    w = pow(sig.s, -1, N)
    point = _k1.add(_k1.multiply(G, z * w % N), _k1.multiply(public_key, sig.r * w % N))
    return point != (0, 0) and point[0] % N == sig.r
