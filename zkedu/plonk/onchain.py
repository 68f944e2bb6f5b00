"""The L1 verifier as a contract: a Vyper PLONK verifier with the verification key baked in, run in py-evm.

``render_verifier_source`` fills the template ``plonk_verifier.vy`` from a verification key in snarkjs's
JSON form (what ``zkedu.plonk.to_snarkjs`` returns); ``OnchainVerifier`` compiles it with Vyper, deploys it
on a ``zkedu.evm.LocalChain`` and sends it proofs, returning the EVM's answer and the gas, taken apart.
The calldata is what snarkjs's Solidity verifier reads too: ``verifyProof(uint256[24], uint256[n])``.

Source: snarkjs (iden3/snarkjs, src/plonk_verify.js and templates/verifier_plonk.sol.ejs: the transcript
order and the checks followed here); PLONK paper (eprint 2019/953) section 8.3; EIP-196/197/198.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from string import Template
from typing import Any

from zkedu.curves import BN254
from zkedu.evm import CallResult, LocalChain, compile_vyper, function_selector
from zkedu.plonk.api import transfers_proving_key
from zkedu.plonk.encoding import vk_to_json

PROOF_WORDS = 24  # 9 points (18 words) and 6 evaluations: 768 bytes
PROOF_BYTES = 32 * PROOF_WORDS
VK_POINTS = ("Qm", "Ql", "Qr", "Qo", "Qc", "S1", "S2", "S3")  # in transcript order


def _field(value: Any, modulus: int, what: str) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be an integer, got {value!r}") from None
    if not 0 <= n < modulus:
        raise ValueError(f"{what} must be in [0, {modulus}), got {n}")
    return n


def _vk_point(vk: Mapping[str, Any], name: str) -> tuple[int, int]:
    try:
        x, y, z = (_field(c, BN254.p, f"vk[{name!r}]") for c in vk[name])
    except (KeyError, TypeError) as e:
        raise ValueError(f"verification key lacks point {name!r} as [x, y, z]: {e}") from None
    if z == 0:
        return 0, 0  # infinity (e.g. qC of a circuit without constants): (0, 0) for the EVM and the transcript
    if z != 1:
        raise ValueError(f"vk[{name!r}] must be affine (z = 1) or infinity (z = 0), got z = {z}")
    BN254.from_affine(x, y)  # raises ValueError naming the point if it is off the curve
    return x, y


def compute_template_values(vk: Mapping[str, Any]) -> dict[str, int | str]:
    """The numbers ``plonk_verifier.vy`` needs, read and checked from a snarkjs PLONK verification key.

    Source: snarkjs verification_key.json (protocol "plonk", curve "bn128");
    X_2 is [[x_re, x_im], [y_re, y_im], [1, 0]].
    """
    if vk.get("protocol") != "plonk" or vk.get("curve") != "bn128":
        raise ValueError(f"need a PLONK key on bn128, got protocol={vk.get('protocol')!r} curve={vk.get('curve')!r}")
    n_public, power = int(vk["nPublic"]), int(vk["power"])
    if n_public < 1:
        raise ValueError(f"the contract needs at least one public input, got nPublic = {n_public}")
    if not 1 <= power <= 28:  # BN254's scalar field has 2^28-th roots of unity
        raise ValueError(f"domain power must be in [1, 28], got {power}")
    omega = _field(vk["w"], BN254.r, "vk['w']")
    if pow(omega, 2**power, BN254.r) != 1 or pow(omega, 2 ** (power - 1), BN254.r) == 1:
        raise ValueError(f"vk['w'] = {omega} is not a primitive 2^{power}-th root of unity")
    values: dict[str, int | str] = {
        "N_PUBLIC": n_public,
        "POWER": power,
        "DOMAIN_SIZE": 2**power,
        "OMEGA": omega,
        "K1": _field(vk["k1"], BN254.r, "vk['k1']"),
        "K2": _field(vk["k2"], BN254.r, "vk['k2']"),
    }
    transcript = b""
    for name in VK_POINTS:
        x, y = _vk_point(vk, name)
        values[f"{name.upper()}_X"], values[f"{name.upper()}_Y"] = x, y
        transcript += x.to_bytes(32, "big") + y.to_bytes(32, "big")
    values["VK_TRANSCRIPT_HEX"] = transcript.hex()
    (x_re, x_im), (y_re, y_im) = ((_field(c, BN254.p, "vk['X_2']") for c in pair) for pair in vk["X_2"][:2])
    values.update(X2_X_IM=x_im, X2_X_RE=x_re, X2_Y_IM=y_im, X2_Y_RE=y_re)
    return values


def read_verifier_template() -> str:
    """The Vyper template ``plonk_verifier.vy`` as shipped in the package (placeholders not filled in)."""
    return resources.files("zkedu.plonk").joinpath("plonk_verifier.vy").read_text(encoding="utf-8")


def render_verifier_source(vk: Mapping[str, Any]) -> str:
    """Vyper source of a verifier contract for ``vk``: the template with every ``${NAME}`` filled in."""
    return Template(read_verifier_template()).substitute(compute_template_values(vk))


SNARKJS_PROOF_POINTS = ("A", "B", "C", "Z", "T1", "T2", "T3", "Wxi", "Wxiw")
SNARKJS_PROOF_EVALS = ("eval_a", "eval_b", "eval_c", "eval_s1", "eval_s2", "eval_zw")


def snarkjs_proof_to_bytes(proof: Mapping[str, Any]) -> bytes:
    """The 768 bytes the verifier reads, from a snarkjs proof.json: nine points (x, y), then six evaluations.

    Source: snarkjs src/plonk_exportsoliditycalldata.js (the same 24 words, in the same order).
    """
    words: list[int] = []
    for name in SNARKJS_PROOF_POINTS:
        point = proof[name]
        if len(point) != 3 or int(point[2]) != 1:
            raise ValueError(f"proof[{name!r}] must be affine [x, y, 1], got {point!r}")
        words += [_field(point[0], 2**256, f"proof[{name!r}].x"), _field(point[1], 2**256, f"proof[{name!r}].y")]
    words += [_field(proof[name], 2**256, f"proof[{name!r}]") for name in SNARKJS_PROOF_EVALS]
    return b"".join(w.to_bytes(32, "big") for w in words)


def verifier_signature(n_public: int) -> str:
    """The ABI signature of the verifier's entry point (the same as snarkjs's Solidity verifier's)."""
    return f"verifyProof(uint256[{PROOF_WORDS}],uint256[{n_public}])"


def encode_verifier_calldata(proof: bytes, public_inputs: Sequence[int]) -> bytes:
    """Transaction input for ``verifyProof``: selector, the proof's bytes as they are, then one word per input.

    A proof of the wrong length is sent as it is (the contract then rejects or reverts), so that what the
    EVM judges is exactly what the caller supplied.
    """
    if not isinstance(proof, bytes | bytearray):
        raise TypeError(f"proof must be bytes, got {type(proof).__name__}")
    words = b""
    for i, x in enumerate(public_inputs):
        if not isinstance(x, int) or isinstance(x, bool) or not 0 <= x < 2**256:
            raise ValueError(f"public input {i} must be an int in [0, 2^256), got {x!r}")
        words += x.to_bytes(32, "big")
    return function_selector(verifier_signature(len(public_inputs))) + bytes(proof) + words


@dataclass(frozen=True)
class OnchainVerdict:
    """The contract's answer to one proof: accepted iff the call succeeded and returned true."""

    accepted: bool
    result: CallResult

    @property
    def gas_used(self) -> int:
        return self.result.gas_used


class OnchainVerifier:
    """A verifier contract for one verification key, deployed on its own ``LocalChain``.

    ``fast_pairing=False`` runs py-evm's own ecPairing instead of zkedu's (same answers, same gas, slower).
    """

    def __init__(self, vk: Mapping[str, Any], fast_pairing: bool = True) -> None:
        self.n_public = int(vk["nPublic"])
        self.source = render_verifier_source(vk)
        self.chain = LocalChain(fast_pairing=fast_pairing)
        self.address = self.chain.deploy(compile_vyper(self.source))

    def verify(self, public_inputs: Sequence[int], proof: bytes) -> OnchainVerdict:
        """Send ``proof`` and ``public_inputs`` to the contract; never raises on the proof's bytes."""
        if len(public_inputs) != self.n_public:
            raise ValueError(f"this verifier takes {self.n_public} public inputs, got {len(public_inputs)}")
        result = self.chain.call(self.address, encode_verifier_calldata(proof, public_inputs))
        accepted = result.success and result.output == (1).to_bytes(32, "big")
        return OnchainVerdict(accepted=accepted, result=result)


@lru_cache(maxsize=8)
def _verifier_for(vk_key: tuple[tuple[str, str], ...]) -> OnchainVerifier:
    import json

    return OnchainVerifier({k: json.loads(v) for k, v in vk_key})


def verifier_for(vk: Mapping[str, Any]) -> OnchainVerifier:
    """The deployed verifier for ``vk``, compiled and deployed once per key and then reused."""
    import json

    return _verifier_for(tuple(sorted((k, json.dumps(v)) for k, v in vk.items())))


def verify_transfers_onchain(pre_balances: list[int], post_balances: list[int], proof: bytes) -> tuple[bool, int]:
    """(accepted, gas used): the verifier contract's answer to ``proof`` for these balances, run in py-evm.

    The contract is generated for the transfers circuit of ``len(pre_balances)`` accounts, compiled and
    deployed once, then called with calldata ``verifyProof(proof, pre ‖ post)``. The proof's bytes go to
    the EVM exactly as given; the contract rejects any that are malformed. Balances that cannot be
    encoded at all (not ints in [0, 2^256), empty, or lists of different lengths) raise ValueError, and so
    do more accounts than the teaching rollup has a circuit for (``zkedu.plonk.api.MAX_ACCOUNTS``).

    Source: zkedu.plonk.api (the statement: the public inputs are pre ‖ post); snarkjs's Solidity verifier
    (the calldata layout).
    """
    if not isinstance(pre_balances, list | tuple) or not isinstance(post_balances, list | tuple):
        raise TypeError(f"balances must be lists, got {type(pre_balances).__name__}, {type(post_balances).__name__}")
    if not pre_balances or len(pre_balances) != len(post_balances):
        raise ValueError(
            f"need equally long, non-empty balance lists, got {len(pre_balances)} and {len(post_balances)} entries"
        )
    if not isinstance(proof, bytes | bytearray):
        raise TypeError(f"proof must be bytes, got {type(proof).__name__}")
    vk = vk_to_json(transfers_proving_key(len(pre_balances)).vk)
    verdict = verifier_for(vk).verify([*pre_balances, *post_balances], bytes(proof))
    return verdict.accepted, verdict.gas_used
