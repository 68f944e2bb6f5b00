"""Structured reference strings ("trusted setups"): a visible-secret teaching setup, and Ethereum's ceremony output.

A setup for degree d holds [τ^i]₁ = τ^i·G1 for i = 0..d and [τ^i]₂ = τ^i·G2, for a secret τ nobody may know.
The teaching setup keeps τ in plain sight (``tau``) so the reader can check every step; it is INSECURE:
anyone who knows τ can open a commitment to any value. The mainnet setup is read from the copy of the
ceremony transcript that py-evm ships (``eth/_utils/kzg_trusted_setup.txt``), never copied into this repo.

File format: line 1 = 4096 (G1 points), line 2 = 65 (G2 points), then 4,096 hex G1 points in Lagrange form
(natural order; the spec bit-reverses them when it uses them), 65 hex G2 monomial points [τ^i]₂, and
4,096 hex G1 monomial points [τ^i]₁. Points are compressed (48 / 96 bytes).

Spec: consensus-specs deneb/polynomial-commitments.md "Trusted setup"; Source: the Ethereum KZG ceremony.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from zkedu._checks import require_bytes, require_int
from zkedu.curves import BLS12_381, Curve, G1Table, Point
from zkedu.curves.bls12_381_serial import g1_decompress_to_affine, g2_decompress
from zkedu.kzg.constants import BYTES_PER_COMMITMENT, BYTES_PER_G2_POINT, FIELD_ELEMENTS_PER_BLOB

# SHA-256 of py-evm's kzg_trusted_setup.txt (the ceremony output in c-kzg's text format). When the file matches
# it byte for byte, its points are the ones the ceremony's participants and every client already validated.
MAINNET_SETUP_SHA256 = "d39b9f2d047cc9dca2de58f264b6a09448ccd34db967881a6713eacacf0f26b7"
MAINNET_G2_POINTS = 65
SUBGROUP_SAMPLE_SIZE = 16  # points re-checked for subgroup membership when the file's hash matches


@dataclass(frozen=True)
class TrustedSetup:
    """Powers of τ on one curve: [τ^i]₁ (monomial), [τ^i]₂, optionally the Lagrange-form G1 points.

    ``tau`` is set only for an insecure teaching setup; a real setup never knows it.
    """

    curve: Curve
    g1_monomial: tuple[Point, ...]
    g2_monomial: tuple[Point, ...]
    tau: int | None = None

    @property
    def degree(self) -> int:
        """The largest polynomial degree this setup can commit to."""
        return len(self.g1_monomial) - 1

    @property
    def g2_tau(self) -> Point:
        """[τ]₂, all a single-point opening needs besides [1]₂."""
        if len(self.g2_monomial) < 2:
            raise ValueError("the setup needs [τ]₂ to verify openings")
        return self.g2_monomial[1]

    @property
    def g1_table(self) -> G1Table:
        """The G1 powers prepared once for fast MSMs (cached on the instance)."""
        cached = self.__dict__.get("_g1_table")
        if cached is None:
            cached = self.curve.prepare_g1(self.g1_monomial)
            object.__setattr__(self, "_g1_table", cached)
        return cached


def insecure_setup(curve: Curve, degree: int, tau: int) -> TrustedSetup:
    """A teaching setup with a VISIBLE secret τ: insecure by construction, for small examples only.

    G1 gets every power [τ^i]₁ (i = 0..degree, by a fixed-base table); G2 only [1]₂ and [τ]₂, all that
    opening at one point needs. Anything needing more G2 powers (a multi-point opening's [Z(τ)]₂) computes
    them from ``tau`` when asked.

    >>> from zkedu.curves import BN254
    >>> s = insecure_setup(BN254, 3, tau=5)
    >>> s.degree, BN254.eq(s.g1_monomial[2], BN254.mul(BN254.G1, 25)), len(s.g2_monomial)
    (3, True, 2)
    """
    if require_int(degree, "degree") < 1:
        raise ValueError(f"degree must be an int >= 1, got {degree!r}")
    require_int(tau, "tau")
    if tau % curve.r == 0:
        raise ValueError(f"tau must be non-zero modulo r, got {tau}")
    tau %= curve.r
    powers = [1]
    for _ in range(degree):
        powers.append(powers[-1] * tau % curve.r)
    g1 = tuple(curve.mul_many(curve.G1, powers))
    g2 = (curve.G2, curve.mul(curve.G2, tau))
    return TrustedSetup(curve, g1, g2, tau)


def trusted_setup_path() -> Path:
    """Where the installed py-evm package keeps Ethereum's KZG trusted setup."""
    path = Path(str(files("eth"))) / "_utils" / "kzg_trusted_setup.txt"
    if not path.is_file():
        raise FileNotFoundError(f"py-evm's trusted setup not found at {path}; is py-evm installed?")
    return path


@dataclass(frozen=True)
class SetupHex:
    """The trusted-setup file's three point lists, still as compressed bytes."""

    g1_lagrange: tuple[bytes, ...]
    g2_monomial: tuple[bytes, ...]
    g1_monomial: tuple[bytes, ...]
    sha256: str


def parse_trusted_setup(text: str) -> SetupHex:
    """Split the text format into compressed points, checking counts and lengths (no curve work yet)."""
    tokens = text.split()
    if len(tokens) < 2 or not tokens[0].isdigit() or not tokens[1].isdigit():
        raise ValueError("trusted setup must start with the G1 and G2 point counts")
    n1, n2 = int(tokens[0]), int(tokens[1])
    expected = 2 + 2 * n1 + n2
    if len(tokens) != expected:
        raise ValueError(
            f"trusted setup declares {n1} G1 and {n2} G2 points: expected {expected} tokens, got {len(tokens)}"
        )
    try:
        points = [bytes.fromhex(t.removeprefix("0x")) for t in tokens[2:]]
    except ValueError as err:
        raise ValueError(f"trusted setup contains a non-hex point: {err}") from None
    g1_lagrange, g2, g1_monomial = points[:n1], points[n1 : n1 + n2], points[n1 + n2 :]
    for what, group, size in (("G1", g1_lagrange + g1_monomial, BYTES_PER_COMMITMENT), ("G2", g2, BYTES_PER_G2_POINT)):
        for p in group:
            require_bytes(p, size, f"trusted-setup {what} point")
    return SetupHex(tuple(g1_lagrange), tuple(g2), tuple(g1_monomial), hashlib.sha256(text.encode()).hexdigest())


@lru_cache(maxsize=1)
def read_mainnet_setup() -> SetupHex:
    """The mainnet setup file, parsed to bytes (cached)."""
    return parse_trusted_setup(trusted_setup_path().read_text())


def decompress_setup_g1(points: tuple[bytes, ...], sha256: str, seed: int = 4844) -> G1Table:
    """Decompress trusted-setup G1 points into an MSM table, with on-curve checks on all of them.

    The subgroup check (r·P = ∞) costs ~2 ms per point in Python, ~9 s for 4,096 points. When the file's
    SHA-256 equals MAINNET_SETUP_SHA256, the bytes are exactly the ceremony output that the ceremony's
    verification and every Ethereum client (ckzg checks each point on load) already accepted, so we
    re-check only a random sample of SUBGROUP_SAMPLE_SIZE points (all of them when there are fewer).
    Any other file gets the full check. User-supplied points (commitments, proofs) are always fully checked.
    """
    affine = [g1_decompress_to_affine(b) for b in points]
    full = sha256 != MAINNET_SETUP_SHA256
    sample = min(SUBGROUP_SAMPLE_SIZE, len(points))
    indices = range(len(points)) if full else random.Random(seed).sample(range(len(points)), sample)
    table = G1Table(BLS12_381.name, tuple(affine))
    for i in indices:
        xy = affine[i]
        if xy is not None and not BLS12_381.in_subgroup(BLS12_381.from_affine(*xy)):
            raise ValueError(f"trusted-setup G1 point {i} is not in the order-r subgroup")
    return table


@lru_cache(maxsize=1)
def load_mainnet_g1_lagrange() -> G1Table:
    """The 4,096 Lagrange-form G1 points [L_i(τ)]₁ in the domain's natural order, ready for blob commitments.

    Cached, ~1 s once. The spec bit-reverses both these points and the blob's values; ``blob_to_polynomial``
    puts the values back in natural order, so the points stay as the file lists them.
    Spec: deneb "blob_to_kzg_commitment" (KZG_SETUP_G1_LAGRANGE).
    """
    setup = read_mainnet_setup()
    if len(setup.g1_lagrange) != FIELD_ELEMENTS_PER_BLOB:
        raise ValueError(f"expected {FIELD_ELEMENTS_PER_BLOB} Lagrange points, got {len(setup.g1_lagrange)}")
    return decompress_setup_g1(setup.g1_lagrange, setup.sha256)


@lru_cache(maxsize=1)
def load_mainnet_g2_tau() -> tuple[Point, Point]:
    """([1]₂, [τ]₂) from the mainnet setup, fully checked; all a single-point KZG verifier needs."""
    setup = read_mainnet_setup()
    g2_one, g2_tau = (g2_decompress(b) for b in setup.g2_monomial[:2])
    if not BLS12_381.eq(g2_one, BLS12_381.G2):
        raise ValueError("the setup's first G2 point is not the generator")
    return g2_one, g2_tau


@lru_cache(maxsize=8)
def load_mainnet_setup(degree: int = 8) -> TrustedSetup:
    """The first degree + 1 monomial powers of the mainnet setup as a TrustedSetup (τ unknown).

    The G2 side has only 65 powers, so multi-point openings on this setup handle at most 64 points.
    """
    setup = read_mainnet_setup()
    if not 1 <= degree < FIELD_ELEMENTS_PER_BLOB:
        raise ValueError(f"degree must be in [1, {FIELD_ELEMENTS_PER_BLOB}), got {degree}")
    g1 = tuple(
        BLS12_381.Z1 if xy is None else BLS12_381.from_affine(*xy)
        for xy in decompress_setup_g1(setup.g1_monomial[: degree + 1], setup.sha256).affine
    )
    g2 = tuple(g2_decompress(b) for b in setup.g2_monomial[: min(degree, MAINNET_G2_POINTS - 1) + 1])
    return TrustedSetup(BLS12_381, g1, g2)
