# pragma version 0.4.3
# @title zkedu's PLONK verifier (KZG on BN254), with the verification key baked in
# @notice Checks a 24-word PLONK proof in snarkjs's layout against the public inputs, following the
#         verifier of the PLONK paper (Gabizon, Williamson, Ciobotaru, eprint 2019/953, section 8.3) as
#         snarkjs implements it: the same keccak transcript, the same linearisation, one pairing check.
# @dev    This file is a template: zkedu.plonk.onchain fills in every placeholder from a verification key.
#         Field arithmetic uses the EVM's mulmod/addmod; group operations call the BN254 precompiles
#         ecAdd (0x06), ecMul (0x07), ecPairing (0x08) (EIP-196/197); one inversion calls modexp (0x05).
#         Malformed input returns False (calldata of the wrong length, a field element or coordinate out
#         of range, a point off the curve) or reverts (calldata too short to decode); it is never accepted.

# Scalar field r (the field of the circuit) and base field p (point coordinates) of BN254.
R: constant(uint256) = 21888242871839275222246405745257275088548364400416034343698204186575808495617
P: constant(uint256) = 21888242871839275222246405745257275088696311157297823662689037894645226208583

N_PUBLIC: constant(uint256) = ${N_PUBLIC}
POWER: constant(uint256) = ${POWER}  # the domain has n = 2^POWER points
DOMAIN_SIZE: constant(uint256) = ${DOMAIN_SIZE}
OMEGA: constant(uint256) = ${OMEGA}  # generator of the domain
K1: constant(uint256) = ${K1}  # coset shifts of the permutation argument
K2: constant(uint256) = ${K2}

# Verification key: selector and permutation commitments [qM], [qL], [qR], [qO], [qC], [S1], [S2], [S3].
QM_X: constant(uint256) = ${QM_X}
QM_Y: constant(uint256) = ${QM_Y}
QL_X: constant(uint256) = ${QL_X}
QL_Y: constant(uint256) = ${QL_Y}
QR_X: constant(uint256) = ${QR_X}
QR_Y: constant(uint256) = ${QR_Y}
QO_X: constant(uint256) = ${QO_X}
QO_Y: constant(uint256) = ${QO_Y}
QC_X: constant(uint256) = ${QC_X}
QC_Y: constant(uint256) = ${QC_Y}
S1_X: constant(uint256) = ${S1_X}
S1_Y: constant(uint256) = ${S1_Y}
S2_X: constant(uint256) = ${S2_X}
S2_Y: constant(uint256) = ${S2_Y}
S3_X: constant(uint256) = ${S3_X}
S3_Y: constant(uint256) = ${S3_Y}
# The same eight points as the transcript absorbs them first: x || y, big-endian, 512 bytes.
VK_TRANSCRIPT: constant(Bytes[512]) = x"${VK_TRANSCRIPT_HEX}"

# [τ]₂ from the setup and the generator [1]₂, EIP-197 order (imaginary part first).
X2_X_IM: constant(uint256) = ${X2_X_IM}
X2_X_RE: constant(uint256) = ${X2_X_RE}
X2_Y_IM: constant(uint256) = ${X2_Y_IM}
X2_Y_RE: constant(uint256) = ${X2_Y_RE}
G2_X_IM: constant(uint256) = 11559732032986387107991004021392285783925812861821192530917403151452391805634
G2_X_RE: constant(uint256) = 10857046999023057135944570762232829481370756359578518086990519993285655852781
G2_Y_IM: constant(uint256) = 4082367875863433681332203403145435568316851327593401208105741076214120093531
G2_Y_RE: constant(uint256) = 8495653923123431417604973247489272438418190587263600148770280649306958101930

# Byte offsets in calldata (after the 4-byte selector) of the proof's parts, 32-byte words.
OFFSET_A: constant(uint256) = 4  # [a], [b], [c] then [z], [t_lo], [t_mid], [t_hi]: 64 bytes each
OFFSET_Z: constant(uint256) = 4 + 192
OFFSET_T: constant(uint256) = 4 + 256
OFFSET_W: constant(uint256) = 4 + 448  # [W_ξ], [W_ξω]
OFFSET_EVALS: constant(uint256) = 4 + 576  # a(ξ), b(ξ), c(ξ), s1(ξ), s2(ξ), z(ξω)
OFFSET_PUBLIC: constant(uint256) = 4 + 768
WORD: constant(uint256) = 32  # bytes
CALLDATA_SIZE: constant(uint256) = OFFSET_PUBLIC + 32 * N_PUBLIC  # exactly; longer input is rejected

struct G1Point:
    x: uint256
    y: uint256

struct Challenges:
    beta: uint256
    gamma: uint256
    alpha: uint256
    xi: uint256
    v: uint256
    u: uint256


@internal
@pure
def _sub(a: uint256, b: uint256) -> uint256:
    # a - b mod r, for a, b < r
    return uint256_addmod(a, R - b, R)


@internal
@pure
def _is_on_curve(pt: G1Point) -> bool:
    # Coordinates in [0, p) and y² = x³ + 3, or (0, 0), the point at infinity (EIP-196).
    if pt.x >= P or pt.y >= P:
        return False
    if pt.x == 0 and pt.y == 0:
        return True
    x3: uint256 = uint256_mulmod(uint256_mulmod(pt.x, pt.x, P), pt.x, P)
    return uint256_mulmod(pt.y, pt.y, P) == uint256_addmod(x3, 3, P)


@internal
@view
def _ec_add(a: G1Point, b: G1Point) -> G1Point:
    out: Bytes[64] = raw_call(
        0x0000000000000000000000000000000000000006, abi_encode(a.x, a.y, b.x, b.y), max_outsize=64, is_static_call=True
    )
    return G1Point(x=extract32(out, 0, output_type=uint256), y=extract32(out, 32, output_type=uint256))


@internal
@view
def _ec_mul(a: G1Point, s: uint256) -> G1Point:
    out: Bytes[64] = raw_call(
        0x0000000000000000000000000000000000000007, abi_encode(a.x, a.y, s), max_outsize=64, is_static_call=True
    )
    return G1Point(x=extract32(out, 0, output_type=uint256), y=extract32(out, 32, output_type=uint256))


@internal
@pure
def _ec_neg(a: G1Point) -> G1Point:
    if a.y == 0:
        return a
    return G1Point(x=a.x, y=P - a.y)


@internal
@view
def _inverse(a: uint256) -> uint256:
    # a^(r-2) mod r (Fermat) by the modexp precompile (EIP-198): base, exponent and modulus of 32 bytes.
    out: Bytes[32] = raw_call(
        0x0000000000000000000000000000000000000005,
        abi_encode(WORD, WORD, WORD, a, R - 2, R),
        max_outsize=32,
        is_static_call=True,
    )
    return extract32(out, 0, output_type=uint256)


@internal
@view
def _batch_inverse(values: uint256[N_PUBLIC]) -> uint256[N_PUBLIC]:
    # Montgomery's trick: one inversion and 3(N - 1) multiplications for N inverses.
    prefix: uint256[N_PUBLIC] = empty(uint256[N_PUBLIC])
    acc: uint256 = 1
    for i: uint256 in range(N_PUBLIC):
        prefix[i] = acc
        acc = uint256_mulmod(acc, values[i], R)
    inv: uint256 = self._inverse(acc)
    out: uint256[N_PUBLIC] = empty(uint256[N_PUBLIC])
    for j: uint256 in range(N_PUBLIC):
        i: uint256 = N_PUBLIC - 1 - j
        out[i] = uint256_mulmod(inv, prefix[i], R)
        inv = uint256_mulmod(inv, values[i], R)
    return out


@internal
@pure
def _challenge(data: Bytes[1024]) -> uint256:
    # A Fiat-Shamir challenge: keccak256 of the absorbed bytes, read big-endian, reduced mod r.
    return convert(keccak256(data), uint256) % R


@internal
@view
def _compute_challenges() -> Challenges:
    # The transcript snarkjs uses: each round hashes the previous challenge and the new messages.
    # Round 1: the verification key, the public inputs, [a], [b], [c] give beta; beta alone gives gamma.
    beta: uint256 = self._challenge(
        concat(VK_TRANSCRIPT, slice(msg.data, OFFSET_PUBLIC, 32 * N_PUBLIC), slice(msg.data, OFFSET_A, 192))
    )
    gamma: uint256 = convert(keccak256(convert(beta, bytes32)), uint256) % R
    # Round 2: [z] gives alpha.  Round 3: [t_lo], [t_mid], [t_hi] give the evaluation point xi (ξ).
    alpha: uint256 = self._challenge(
        concat(convert(beta, bytes32), convert(gamma, bytes32), slice(msg.data, OFFSET_Z, 64))
    )
    xi: uint256 = self._challenge(concat(convert(alpha, bytes32), slice(msg.data, OFFSET_T, 192)))
    # Round 4: the six evaluations give v.  Round 5: [W_ξ], [W_ξω] give u.
    v: uint256 = self._challenge(concat(convert(xi, bytes32), slice(msg.data, OFFSET_EVALS, 192)))
    u: uint256 = self._challenge(slice(msg.data, OFFSET_W, 128))
    return Challenges(beta=beta, gamma=gamma, alpha=alpha, xi=xi, v=v, u=u)


@internal
@view
def _lagrange_at(xi: uint256, zh: uint256) -> uint256[N_PUBLIC]:
    # L_i(ξ) = ω^i (ξ^n - 1) / (n (ξ - ω^i)) for i = 0 .. N_PUBLIC - 1 (snarkjs's L[1], L[2], ...).
    denominators: uint256[N_PUBLIC] = empty(uint256[N_PUBLIC])
    w: uint256 = 1
    for i: uint256 in range(N_PUBLIC):
        denominators[i] = uint256_mulmod(DOMAIN_SIZE, self._sub(xi, w), R)
        w = uint256_mulmod(w, OMEGA, R)
    inverses: uint256[N_PUBLIC] = self._batch_inverse(denominators)
    out: uint256[N_PUBLIC] = empty(uint256[N_PUBLIC])
    w = 1
    for i: uint256 in range(N_PUBLIC):
        out[i] = uint256_mulmod(uint256_mulmod(w, zh, R), inverses[i], R)
        w = uint256_mulmod(w, OMEGA, R)
    return out


@internal
@pure
def _public_input_eval(public_inputs: uint256[N_PUBLIC], lagrange: uint256[N_PUBLIC]) -> uint256:
    # PI(ξ) = -Σ x_i L_i(ξ)
    pi: uint256 = 0
    for i: uint256 in range(N_PUBLIC):
        pi = self._sub(pi, uint256_mulmod(public_inputs[i], lagrange[i], R))
    return pi


@internal
@pure
def _r0(proof: uint256[24], ch: Challenges, pi: uint256, l1_alpha2: uint256) -> uint256:
    # The constant part of the linearisation: r0 = PI(ξ) - L_1(ξ)α² - α(a + βs1 + γ)(b + βs2 + γ)(c + γ)z(ξω)
    e3a: uint256 = uint256_addmod(uint256_addmod(proof[18], uint256_mulmod(ch.beta, proof[21], R), R), ch.gamma, R)
    e3b: uint256 = uint256_addmod(uint256_addmod(proof[19], uint256_mulmod(ch.beta, proof[22], R), R), ch.gamma, R)
    e3c: uint256 = uint256_addmod(proof[20], ch.gamma, R)
    e3: uint256 = uint256_mulmod(uint256_mulmod(e3a, e3b, R), e3c, R)
    e3 = uint256_mulmod(uint256_mulmod(e3, proof[23], R), ch.alpha, R)
    return self._sub(self._sub(pi, l1_alpha2), e3)


@internal
@view
def _linearisation_commitment(
    proof: uint256[24], ch: Challenges, xin: uint256, zh: uint256, l1_alpha2: uint256
) -> G1Point:
    # [D] = a·b[qM] + a[qL] + b[qR] + c[qO] + [qC]
    #       + (α(a + βξ + γ)(b + βk1ξ + γ)(c + βk2ξ + γ) + L_1(ξ)α² + u)[z]
    #       - αβ z(ξω)(a + βs1 + γ)(b + βs2 + γ)[S3]
    #       - Z_H(ξ)([t_lo] + ξ^n [t_mid] + ξ^2n [t_hi])
    a: uint256 = proof[18]
    b: uint256 = proof[19]
    c: uint256 = proof[20]
    d: G1Point = self._ec_mul(G1Point(x=QM_X, y=QM_Y), uint256_mulmod(a, b, R))
    d = self._ec_add(d, self._ec_mul(G1Point(x=QL_X, y=QL_Y), a))
    d = self._ec_add(d, self._ec_mul(G1Point(x=QR_X, y=QR_Y), b))
    d = self._ec_add(d, self._ec_mul(G1Point(x=QO_X, y=QO_Y), c))
    d = self._ec_add(d, G1Point(x=QC_X, y=QC_Y))

    betaxi: uint256 = uint256_mulmod(ch.beta, ch.xi, R)
    z1: uint256 = uint256_addmod(uint256_addmod(a, betaxi, R), ch.gamma, R)
    z2: uint256 = uint256_addmod(uint256_addmod(b, uint256_mulmod(betaxi, K1, R), R), ch.gamma, R)
    z3: uint256 = uint256_addmod(uint256_addmod(c, uint256_mulmod(betaxi, K2, R), R), ch.gamma, R)
    z_scalar: uint256 = uint256_mulmod(uint256_mulmod(uint256_mulmod(z1, z2, R), z3, R), ch.alpha, R)
    z_scalar = uint256_addmod(uint256_addmod(z_scalar, l1_alpha2, R), ch.u, R)
    d = self._ec_add(d, self._ec_mul(G1Point(x=proof[6], y=proof[7]), z_scalar))

    s1: uint256 = uint256_addmod(uint256_addmod(a, uint256_mulmod(ch.beta, proof[21], R), R), ch.gamma, R)
    s2: uint256 = uint256_addmod(uint256_addmod(b, uint256_mulmod(ch.beta, proof[22], R), R), ch.gamma, R)
    s3_scalar: uint256 = uint256_mulmod(uint256_mulmod(ch.alpha, ch.beta, R), proof[23], R)
    s3_scalar = uint256_mulmod(uint256_mulmod(s1, s2, R), s3_scalar, R)
    d = self._ec_add(d, self._ec_mul(G1Point(x=S3_X, y=S3_Y), R - s3_scalar))

    t: G1Point = self._ec_add(G1Point(x=proof[8], y=proof[9]), self._ec_mul(G1Point(x=proof[10], y=proof[11]), xin))
    t = self._ec_add(t, self._ec_mul(G1Point(x=proof[12], y=proof[13]), uint256_mulmod(xin, xin, R)))
    return self._ec_add(d, self._ec_mul(t, R - zh))


@internal
@view
def _pairing_check(a1: G1Point, b1: G1Point) -> bool:
    # e(-[A1], [τ]₂) · e([B1], [1]₂) == 1, one call to ecPairing with two pairs (EIP-197).
    neg_a1: G1Point = self._ec_neg(a1)
    out: Bytes[32] = raw_call(
        0x0000000000000000000000000000000000000008,
        abi_encode(
            neg_a1.x, neg_a1.y, X2_X_IM, X2_X_RE, X2_Y_IM, X2_Y_RE,
            b1.x, b1.y, G2_X_IM, G2_X_RE, G2_Y_IM, G2_Y_RE,
        ),
        max_outsize=32,
        is_static_call=True,
    )
    return extract32(out, 0, output_type=uint256) == 1


@internal
@view
def _inputs_are_canonical(proof: uint256[24], public_inputs: uint256[N_PUBLIC]) -> bool:
    # Calldata of exactly the ABI's length (trailing bytes would let a caller smuggle in a second reading
    # of the public inputs); nine points on the curve with coordinates below p; six evaluations and every
    # public input below r.
    if len(msg.data) != CALLDATA_SIZE:
        return False
    for i: uint256 in range(9):
        if not self._is_on_curve(G1Point(x=proof[2 * i], y=proof[2 * i + 1])):
            return False
    for i: uint256 in range(18, 24):
        if proof[i] >= R:
            return False
    for i: uint256 in range(N_PUBLIC):
        if public_inputs[i] >= R:
            return False
    return True


@external
@view
def verifyProof(proof: uint256[24], pubSignals: uint256[N_PUBLIC]) -> bool:
    """
    @notice True iff `proof` (words: [a], [b], [c], [z], [t_lo], [t_mid], [t_hi], [W_ξ], [W_ξω] as (x, y),
            then a(ξ), b(ξ), c(ξ), s1(ξ), s2(ξ), z(ξω)) proves the baked-in circuit on `pubSignals`.
    """
    if not self._inputs_are_canonical(proof, pubSignals):
        return False
    ch: Challenges = self._compute_challenges()

    xin: uint256 = ch.xi  # ξ^n by POWER squarings
    for i: uint256 in range(POWER):
        xin = uint256_mulmod(xin, xin, R)
    zh: uint256 = self._sub(xin, 1)  # Z_H(ξ) = ξ^n - 1
    if zh == 0:
        return False  # ξ in the domain: L_i(ξ) would divide by zero (probability n/r)
    lagrange: uint256[N_PUBLIC] = self._lagrange_at(ch.xi, zh)
    pi: uint256 = self._public_input_eval(pubSignals, lagrange)
    l1_alpha2: uint256 = uint256_mulmod(lagrange[0], uint256_mulmod(ch.alpha, ch.alpha, R), R)
    r0: uint256 = self._r0(proof, ch, pi, l1_alpha2)

    # [F] = [D] + v[a] + v²[b] + v³[c] + v⁴[S1] + v⁵[S2]: every opening at ξ batched with powers of v.
    f: G1Point = self._linearisation_commitment(proof, ch, xin, zh, l1_alpha2)
    points: G1Point[5] = [
        G1Point(x=proof[0], y=proof[1]),
        G1Point(x=proof[2], y=proof[3]),
        G1Point(x=proof[4], y=proof[5]),
        G1Point(x=S1_X, y=S1_Y),
        G1Point(x=S2_X, y=S2_Y),
    ]
    # e = -r0 + v a(ξ) + v² b(ξ) + v³ c(ξ) + v⁴ s1(ξ) + v⁵ s2(ξ) + u z(ξω): the value [F] opens to, and [E] = e[1]₁.
    e: uint256 = uint256_addmod(R - r0, uint256_mulmod(ch.u, proof[23], R), R)
    vi: uint256 = 1
    for i: uint256 in range(5):
        vi = uint256_mulmod(vi, ch.v, R)
        f = self._ec_add(f, self._ec_mul(points[i], vi))
        e = uint256_addmod(e, uint256_mulmod(vi, proof[18 + i], R), R)

    # [A1] = [W_ξ] + u[W_ξω];  [B1] = ξ[W_ξ] + uξω[W_ξω] + [F] - [E]
    w_xi: G1Point = G1Point(x=proof[14], y=proof[15])
    w_xiw: G1Point = G1Point(x=proof[16], y=proof[17])
    a1: G1Point = self._ec_add(w_xi, self._ec_mul(w_xiw, ch.u))
    b1: G1Point = self._ec_add(self._ec_mul(w_xi, ch.xi), self._ec_mul(w_xiw, uint256_mulmod(uint256_mulmod(ch.u, ch.xi, R), OMEGA, R)))
    b1 = self._ec_add(b1, f)
    b1 = self._ec_add(b1, self._ec_mul(G1Point(x=1, y=2), R - e))
    return self._pairing_check(a1, b1)
