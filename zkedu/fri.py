"""FRI: a proof that a committed word is (close to) a Reed–Solomon codeword, i.e. a low-degree polynomial.

The prover commits to the word f_0 on a domain D_0 of n points with a Merkle tree. Each round halves
both the domain and the degree bound: writing f(X) = f_e(X²) + X·f_o(X²), a verifier challenge α gives

    f_{k+1}(x²) = f_e(x²) + α·f_o(x²) = (f(x) + f(-x))/2 + α·(f(x) - f(-x))/(2x)

on D_{k+1} = {x² : x in D_k}, committed again. When the degree bound is small the last word is sent in
clear and checked by interpolation. The verifier then picks random positions and, layer by layer, opens
f_k(x), f_k(-x) and f_{k+1}(x²) with their Merkle paths and checks the fold equation above. Challenges
come from a Fiat–Shamir transcript (``zkedu.transcript``) of the roots. Built on ``zkedu.poly`` domains and
evaluations and the hash-only ``zkedu.merkle``; no curve is involved, so nothing here needs a trusted setup.

Source: Ben-Sasson, Bentov, Horesh, Riabzev, "Fast Reed-Solomon Interactive Oracle Proofs of Proximity",
ICALP 2018 (the protocol, folding by 2); Ben-Sasson, Carmon, Ishai, Kopparty, Saraf, "Proximity Gaps for
Reed-Solomon Codes", ePrint 2020/654 (soundness up to the Johnson bound); StarkWare, "ethSTARK
Documentation", ePrint 2021/582, §5.10 (the conjectured per-query bound); matter-labs/era-boojum
src/cs/implementations/fri/ (Boojum's FRI over Goldilocks).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Integral

from zkedu.field import FieldElement, PrimeField
from zkedu.merkle import MerkleOpening, compute_merkle_layers, open_merkle_layers, verify_merkle_proof
from zkedu.poly import Domain, PolynomialEvals, is_power_of_two
from zkedu.transcript import Transcript

SOUNDNESS_REGIMES = ("unique", "johnson", "conjectured")


@dataclass(frozen=True)
class FriParameters:
    """What prover and verifier agree on: the field, the domain, the rate, the number of queries.

    ``domain_size`` n points (a power of two), ``blowup`` = n / degree bound (so the code's rate is
    1/blowup), ``num_queries`` random positions checked, ``final_degree_bound`` where folding stops.
    """

    field: PrimeField
    domain_size: int
    blowup: int = 2
    num_queries: int = 8
    offset: int = 1
    final_degree_bound: int = 1
    hash_name: str = "keccak256"

    def __post_init__(self) -> None:
        if not isinstance(self.field, PrimeField):
            raise TypeError(f"FRI runs over a PrimeField, got {self.field!r}")
        for name in ("domain_size", "blowup", "num_queries", "final_degree_bound"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, Integral) or value < 1:
                raise ValueError(f"{name} must be a positive int, got {value!r}")
        for name in ("domain_size", "blowup", "final_degree_bound"):
            if not is_power_of_two(getattr(self, name)):
                raise ValueError(f"{name} must be a power of two, got {getattr(self, name)!r}")
        if self.blowup < 2 or self.domain_size < self.blowup * self.final_degree_bound:
            raise ValueError(
                f"need blowup >= 2 and domain_size >= blowup * final_degree_bound, got domain_size="
                f"{self.domain_size}, blowup={self.blowup}, final_degree_bound={self.final_degree_bound}"
            )
        Domain(self.field, self.domain_size, self.offset)  # validates n against the 2-adicity, offset != 0

    @property
    def degree_bound(self) -> int:
        """The degree bound d = n / blowup; an honest word is a polynomial of degree below d."""
        return self.domain_size // self.blowup

    @property
    def num_rounds(self) -> int:
        """The number of folds, log2(d / final_degree_bound), after which the degree bound is ``final_degree_bound``."""
        return (self.degree_bound // self.final_degree_bound).bit_length() - 1

    def domain(self, k: int = 0) -> Domain:
        """The domain of layer k, of n / 2^k points with offset c^(2^k) (the squares of the points of layer k - 1)."""
        return Domain(self.field, self.domain_size >> k, self.field(self.offset) ** (1 << k))


@dataclass(frozen=True)
class FriQuery:
    """One query's openings: for each folded layer k, the pair f_k(x), f_k(-x) with their Merkle paths."""

    pairs: tuple[tuple[MerkleOpening, MerkleOpening], ...]


@dataclass(frozen=True)
class FriProof:
    """The Merkle roots of layers 0..r-1 (roots[0] commits the word), the last layer in clear, the queries."""

    roots: tuple[bytes, ...]
    final_values: tuple[int, ...]
    queries: tuple[FriQuery, ...]


def element_to_bytes(x: FieldElement) -> bytes:
    """A field element as a fixed-width big-endian Merkle leaf."""
    return int(x).to_bytes((x.field.modulus.bit_length() + 7) // 8, "big")


def fold_pair(a: FieldElement, b: FieldElement, x: FieldElement, alpha: FieldElement) -> FieldElement:
    """f_{k+1}(x²) from a = f_k(x), b = f_k(-x): (a + b)/2 + α·(a - b)/(2x)."""
    return (a + b) / 2 + alpha * (a - b) / (2 * x)


def fold_evals(word: PolynomialEvals, alpha: FieldElement) -> PolynomialEvals:
    """One FRI round: the word on D (n points) becomes a word on D² (n/2 points), degree bound halved.

    Point i + n/2 of D is the negative of point i (ω^(n/2) = -1), so f(-x) sits n/2 positions on.

    >>> from zkedu.field import PrimeField
    >>> from zkedu.poly import Polynomial, evaluate_on_domain
    >>> F = PrimeField(97)
    >>> f = evaluate_on_domain(Polynomial(F, [1, 2, 3, 4]), Domain(F, 8))   # f_e = 1 + 3Y, f_o = 2 + 4Y
    >>> fold_evals(f, F(10)).to_polynomial()                                # f_e + 10·f_o = 21 + 43Y
    Polynomial(21 + 43·X, p=97)
    """
    n, points = len(word), word.domain.elements
    if n < 2:
        raise ValueError(f"cannot fold a word of {n} point(s)")
    half = n // 2
    values = [fold_pair(word[i], word[i + half], points[i], alpha) for i in range(half)]
    return PolynomialEvals(Domain(word.field, half, word.domain.offset**2), values)


def start_fri_transcript(params: FriParameters, context: bytes = b"") -> Transcript:
    """The transcript both sides start from: the parameters and any public context are hashed in first."""
    t = Transcript(b"zkedu-fri-v1")
    shape = (params.field.modulus, params.domain_size, params.blowup, params.num_queries, params.offset)
    t.absorb(b"params", b"".join(int(v).to_bytes(32, "big") for v in shape))
    t.absorb(b"context", context)
    return t


def absorb_fri_layer(transcript: Transcript, word: PolynomialEvals, params: FriParameters) -> FieldElement:
    """Commit a layer (its Merkle root goes into the transcript) and draw that round's folding challenge α."""
    leaves = [element_to_bytes(v) for v in word]
    transcript.absorb(b"fri-root", compute_merkle_layers(leaves, params.hash_name)[-1][0])
    return transcript.challenge_field(params.field, b"fri-alpha")


def compute_query_indices(transcript: Transcript, params: FriParameters) -> list[int]:
    """The verifier's random positions in the first half of D_0, drawn after the last layer is absorbed."""
    return [transcript.challenge_index(params.domain_size // 2, b"fri-query") for _ in range(params.num_queries)]


def open_fri_layers(transcript: Transcript, layers: Sequence[PolynomialEvals], params: FriParameters) -> FriProof:
    """Send the last layer, derive the query positions, open the pairs of every committed layer."""
    final = layers[-1]
    transcript.absorb(b"fri-final", b"".join(element_to_bytes(v) for v in final))
    leaves = [[element_to_bytes(v) for v in layer] for layer in layers[:-1]]
    trees = [compute_merkle_layers(leaf_list, params.hash_name) for leaf_list in leaves]
    queries = []
    for s in compute_query_indices(transcript, params):
        pairs = []
        for tree, leaf_list in zip(trees, leaves, strict=True):
            half = len(leaf_list) // 2
            s %= half
            pairs.append((open_merkle_layers(tree, leaf_list, s), open_merkle_layers(tree, leaf_list, s + half)))
        queries.append(FriQuery(tuple(pairs)))
    roots = tuple(tree[-1][0] for tree in trees)
    return FriProof(roots, tuple(int(v) for v in final), tuple(queries))


def prove_fri(word: PolynomialEvals, params: FriParameters, context: bytes = b"") -> FriProof:
    """The honest prover: commit, fold with the transcript's α, repeat; then open the queried positions."""
    if not isinstance(word, PolynomialEvals) or word.domain != params.domain():
        raise ValueError(f"the word must be PolynomialEvals on {params.domain()!r}, got {word!r:.80}")
    transcript, layers = start_fri_transcript(params, context), [word]
    for _ in range(params.num_rounds):
        alpha = absorb_fri_layer(transcript, layers[-1], params)
        layers.append(fold_evals(layers[-1], alpha))
    return open_fri_layers(transcript, layers, params)


def _leaf_value(opening: MerkleOpening, field: PrimeField) -> FieldElement | None:
    v = int.from_bytes(opening.leaf, "big")
    width = (field.modulus.bit_length() + 7) // 8
    return field(v) if len(opening.leaf) == width and v < field.modulus else None  # canonical leaves only


def _verify_query(
    s: int, query: FriQuery, proof: FriProof, alphas: list[FieldElement], params: FriParameters
) -> bool:
    """Walk one position down the layers: Merkle paths against each root, the fold equation between layers."""
    if len(query.pairs) != params.num_rounds:
        return False
    for k, (lo, hi) in enumerate(query.pairs):
        domain = params.domain(k)
        half = domain.size // 2
        s %= half
        if lo.index != s or hi.index != s + half:
            return False  # the prover must open the positions the verifier chose, not others
        if not (verify_merkle_proof(proof.roots[k], lo, params.hash_name)
                and verify_merkle_proof(proof.roots[k], hi, params.hash_name)):
            return False
        a, b = _leaf_value(lo, params.field), _leaf_value(hi, params.field)
        if a is None or b is None:
            return False
        folded = fold_pair(a, b, domain.offset * domain.generator**s, alphas[k])  # x = c·ω^s, no table
        if k + 1 < params.num_rounds:
            nxt_lo, nxt_hi = query.pairs[k + 1]
            quarter = half // 2
            claimed = _leaf_value(nxt_lo if s < quarter else nxt_hi, params.field)
        else:
            claimed = params.field(proof.final_values[s])
        if claimed is None or folded != claimed:
            return False
    return True


def verify_fri(proof: FriProof, params: FriParameters, context: bytes = b"") -> bool:
    """Replay the transcript, check the last layer's degree, then every query's paths and folds.

    The word under test is the one committed by ``proof.roots[0]`` (with no folding rounds, the last layer).
    """
    r = params.num_rounds
    final_domain = params.domain(r)
    if len(proof.roots) != r or len(proof.final_values) != final_domain.size:
        return False
    if len(proof.queries) != params.num_queries:
        return False
    if any(not isinstance(v, int) or not 0 <= v < params.field.modulus for v in proof.final_values):
        return False
    transcript = start_fri_transcript(params, context)
    alphas = []
    for root in proof.roots:
        transcript.absorb(b"fri-root", root)
        alphas.append(transcript.challenge_field(params.field, b"fri-alpha"))
    final = PolynomialEvals(final_domain, proof.final_values)
    transcript.absorb(b"fri-final", b"".join(element_to_bytes(v) for v in final))
    if final.to_polynomial().degree >= params.final_degree_bound:
        return False  # the last layer, in clear, must itself be low-degree
    indices = compute_query_indices(transcript, params)
    return all(_verify_query(s, q, proof, alphas, params) for s, q in zip(indices, proof.queries, strict=True))


def compute_query_soundness_bits(blowup: int, num_queries: int, regime: str = "johnson") -> float:
    """Bits of security from the queries alone: -q·log2(1 - δ), δ the distance a query is sure to catch.

    A word δ-far from the code passes one query with probability at most about 1 - δ, where for rate
    ρ = 1/blowup the provable δ is (1 - ρ)/2 ("unique") or 1 - √ρ ("johnson", Proximity Gaps), and
    the ethSTARK conjecture takes δ = 1 - ρ ("conjectured"). The folding challenges add an error of
    about n divided by the field size per round, negligible when α is drawn from a large field (Boojum
    draws it from Goldilocks' quadratic extension, ~2^128 elements).

    >>> compute_query_soundness_bits(2, 100, "conjectured")
    100.0
    """
    if isinstance(blowup, bool) or not isinstance(blowup, Integral) or blowup < 2:
        raise ValueError(f"blowup must be an int >= 2, got {blowup!r}")
    if isinstance(num_queries, bool) or not isinstance(num_queries, Integral) or num_queries < 0:
        raise ValueError(f"num_queries must be an int >= 0, got {num_queries!r}")
    # -log2(1 - δ) in closed form: 1 - δ is (1 + ρ)/2, √ρ or ρ, so no rounding (0.49999...) creeps into
    # the bits, nor into ceil(target / bits) queries.
    per_query = {"unique": math.log2(2 * blowup / (blowup + 1)), "johnson": math.log2(blowup) / 2,
                 "conjectured": math.log2(blowup)}
    if regime not in per_query:
        raise ValueError(f"regime must be one of {SOUNDNESS_REGIMES}, got {regime!r}")
    return num_queries * per_query[regime]
