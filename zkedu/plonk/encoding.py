"""Proof and key encodings: snarkjs's 768-byte proof (24 words) and the JSON files ``snarkjs plonk verify`` reads.

The byte layout is the calldata order of the Solidity verifier snarkjs exports, every word 32 bytes big-endian:

    A.x A.y  B.x B.y  C.x C.y  Z.x Z.y  T1.x T1.y  T2.x T2.y  T3.x T3.y  Wxi.x Wxi.y  Wxiw.x Wxiw.y
    eval_a  eval_b  eval_c  eval_s1  eval_s2  eval_zw

(A, B, C = [a], [b], [c]; T1..T3 = [t_lo], [t_mid], [t_hi]; Wxi, Wxiw = [W_ξ], [W_ξω].) Decoding is strict:
exactly 768 bytes, every coordinate < p and the point on BN254 (cofactor 1, so on-curve means in the group),
no point at infinity (an honest proof never has one), every evaluation < r. Anything else is a ValueError.

Source: snarkjs src/plonk_exportsoliditycalldata.js (word order), src/zkey_export_verificationkey.js
(plonkVk fields), src/plonk_prove.js (proof object); EIP-196 (BN254 point encoding, 32-byte words).
"""

from __future__ import annotations

from zkedu.curves import BN254, Point
from zkedu.plonk.keys import F, G1Affine, VerificationKey
from zkedu.plonk.prover import Proof, Round1Message, Round2Message, Round3Message, Round4Message, Round5Message

PROOF_SIZE = 768  # 9 points x 64 bytes + 6 scalars x 32 bytes
POINT_NAMES = ("A", "B", "C", "Z", "T1", "T2", "T3", "Wxi", "Wxiw")
EVAL_NAMES = ("eval_a", "eval_b", "eval_c", "eval_s1", "eval_s2", "eval_zw")


def proof_points(proof: Proof) -> list[G1Affine]:
    """The nine commitments in snarkjs's order A, B, C, Z, T1, T2, T3, Wxi, Wxiw."""
    r1, r3, r5 = proof.round1, proof.round3, proof.round5
    return [r1.a, r1.b, r1.c, proof.round2.z, r3.t_lo, r3.t_mid, r3.t_hi, r5.w_xi, r5.w_xi_omega]


def proof_to_bytes(proof: Proof) -> bytes:
    """The 768-byte encoding (24 words)."""
    words = [c for xy in proof_points(proof) for c in xy] + proof.round4.values()
    return b"".join(w.to_bytes(32, "big") for w in words)


def _decode_point(x: int, y: int, name: str) -> G1Affine:
    if x >= BN254.p or y >= BN254.p:
        raise ValueError(f"{name}: coordinate not below the base-field modulus p")
    if x == 0 and y == 0:
        raise ValueError(f"{name}: the point at infinity is not accepted in a proof")
    BN254.from_affine(x, y)  # ValueError when not on the curve
    return (x, y)


def proof_from_bytes(data: bytes) -> Proof:
    """Parse and validate a 768-byte proof; ValueError naming the first bad part, TypeError for non-bytes."""
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"a proof is bytes, got {type(data).__name__}")
    if len(data) != PROOF_SIZE:
        raise ValueError(f"a PLONK proof is {PROOF_SIZE} bytes, got {len(data)}")
    words = [int.from_bytes(data[i : i + 32], "big") for i in range(0, PROOF_SIZE, 32)]
    pts = [_decode_point(words[2 * i], words[2 * i + 1], name) for i, name in enumerate(POINT_NAMES)]
    evals = words[18:]
    for name, e in zip(EVAL_NAMES, evals, strict=True):
        if e >= F.modulus:
            raise ValueError(f"{name} is not a canonical scalar (>= r)")
    return Proof(
        Round1Message(*pts[:3]), Round2Message(pts[3]), Round3Message(*pts[4:7]), Round4Message(*evals),
        Round5Message(*pts[7:]),
    )


def _g1_json(xy: G1Affine) -> list[str]:
    return [str(xy[0]), str(xy[1]), "1"]


def _g2_json(P: Point) -> list[list[str]]:
    x, y = P[0] / P[2], P[1] / P[2]  # affine over F_p²: c0 + c1·i
    return [[str(c) for c in x.coeffs], [str(c) for c in y.coeffs], ["1", "0"]]


def vk_to_json(vk: VerificationKey) -> dict:
    """The verification key as ``snarkjs zkey export verificationkey`` writes it for PLONK."""
    if vk.Qk is not None:
        raise ValueError("snarkjs's PLONK has no custom gates: this key (with qK) is for zkedu's verifier only")
    out: dict = {"protocol": "plonk", "curve": "bn128", "nPublic": vk.n_public, "power": vk.power,
                 "k1": str(vk.k1), "k2": str(vk.k2)}
    for name, xy in zip(("Qm", "Ql", "Qr", "Qo", "Qc", "S1", "S2", "S3"), vk.points(), strict=True):
        out[name] = _g1_json(xy)
    out["X_2"] = _g2_json(vk.X_2)
    out["w"] = str(int(vk.omega))
    return out


def proof_to_json(proof: Proof) -> dict:
    """The proof object as ``snarkjs plonk prove`` writes it."""
    out: dict = {name: _g1_json(xy) for name, xy in zip(POINT_NAMES, proof_points(proof), strict=True)}
    out.update({name: str(e) for name, e in zip(EVAL_NAMES, proof.round4.values(), strict=True)})
    out["protocol"], out["curve"] = "plonk", "bn128"
    return out
