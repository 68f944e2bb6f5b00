"""Test-only oracles for the on-chain verifier: snarkjs (PLONK proofs and its Solidity verifier) and solc-js.

Both are pinned in tests/oracles and installed from npm at test time by ``tests.snarkjs_oracle`` into the
gitignored .cache/npm (never committed: snarkjs is GPL-3.0). Without Node.js the tests that need them skip,
except under CI, where they fail and say why.

``build_snarkjs_fixture`` builds an independent proof with snarkjs alone: a tiny rank-1 constraint system and
its witness are written here in iden3's binary formats (r1cs, wtns), then snarkjs runs a powers-of-tau
ceremony, the PLONK setup and the prover. Its proof checks the Vyper contract against a prover that
shares no code with zkedu.

Source: iden3/r1csfile (r1cs format), iden3/snarkjs src/wtns_utils.js (wtns format), snarkjs CLI.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.snarkjs_oracle import snarkjs_main
from zkedu.curves import BN254


def npm_package_dir() -> Path:
    """node_modules of the pinned test oracles (tests/oracles: snarkjs and solc), installed on first use."""
    return snarkjs_main().parents[2]


def snarkjs(*args: str, cwd: Path) -> str:
    cli = npm_package_dir() / "snarkjs" / "build" / "cli.cjs"
    out = subprocess.run(["node", str(cli), *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"snarkjs {' '.join(args)} failed: {out.stdout}{out.stderr}")
    return out.stdout


def _section(kind: int, body: bytes) -> bytes:
    return struct.pack("<IQ", kind, len(body)) + body


def _fr(v: int) -> bytes:
    return (v % BN254.r).to_bytes(32, "little")


def write_r1cs(path: Path, n_public_inputs: int) -> None:
    """A circuit with one public output: out = a³ + Σ in_i, for private a and public in_1..in_m.

    Wires: 0 = the constant 1, 1 = out, 2..m+1 = in_i, m+2 = a, m+3 = t = a².
    Constraints: a · a = t;  t · a = out - Σ in_i.
    """
    m = n_public_inputs
    a, t = m + 2, m + 3
    n_wires = m + 4

    def lc(terms: dict[int, int]) -> bytes:
        return struct.pack("<I", len(terms)) + b"".join(struct.pack("<I", w) + _fr(c) for w, c in sorted(terms.items()))

    c1 = lc({a: 1}) + lc({a: 1}) + lc({t: 1})
    c2 = lc({t: 1}) + lc({a: 1}) + lc({1: 1, **{2 + i: -1 for i in range(m)}})
    header = (
        struct.pack("<I", 32) + BN254.r.to_bytes(32, "little") + struct.pack("<IIIIQI", n_wires, 1, m, 1, n_wires, 2)
    )
    labels = b"".join(struct.pack("<Q", i) for i in range(n_wires))
    sections = _section(1, header) + _section(2, c1 + c2) + _section(3, labels)
    path.write_bytes(b"r1cs" + struct.pack("<II", 1, 3) + sections)


def write_wtns(path: Path, public_inputs: list[int], a: int) -> int:
    """The witness of ``write_r1cs``'s circuit; returns the public output."""
    out = (a**3 + sum(public_inputs)) % BN254.r
    values = [1, out, *public_inputs, a, a * a % BN254.r]
    header = struct.pack("<I", 32) + BN254.r.to_bytes(32, "little") + struct.pack("<I", len(values))
    body = _section(1, header) + _section(2, b"".join(_fr(v) for v in values))
    path.write_bytes(b"wtns" + struct.pack("<II", 2, 2) + body)
    return out


@dataclass(frozen=True)
class SnarkjsFixture:
    """A snarkjs PLONK verification key, proofs with their public signals, and the directory they live in."""

    vk: dict[str, Any]
    proofs: list[tuple[dict[str, Any], list[int]]]
    directory: Path


def build_snarkjs_fixture(directory: Path, n_public_inputs: int = 3, n_proofs: int = 2) -> SnarkjsFixture:
    """Run snarkjs's ceremony, PLONK setup and prover on ``write_r1cs``'s circuit."""
    d = directory
    write_r1cs(d / "circuit.r1cs", n_public_inputs)
    snarkjs("powersoftau", "new", "bn128", "6", "pot0.ptau", cwd=d)
    snarkjs("powersoftau", "contribute", "pot0.ptau", "pot1.ptau", "--name=zkedu", "-e=zkedu test entropy", cwd=d)
    snarkjs("powersoftau", "prepare", "phase2", "pot1.ptau", "pot.ptau", cwd=d)
    snarkjs("plonk", "setup", "circuit.r1cs", "pot.ptau", "circuit.zkey", cwd=d)
    snarkjs("zkey", "export", "verificationkey", "circuit.zkey", "vk.json", cwd=d)
    proofs = []
    for k in range(n_proofs):
        inputs = [1000 * k + i + 1 for i in range(n_public_inputs)]
        write_wtns(d / f"w{k}.wtns", inputs, a=7 + k)
        snarkjs("plonk", "prove", "circuit.zkey", f"w{k}.wtns", f"proof{k}.json", f"public{k}.json", cwd=d)
        public = [int(s) for s in json.loads((d / f"public{k}.json").read_text())]
        proofs.append((json.loads((d / f"proof{k}.json").read_text()), public))
    return SnarkjsFixture(vk=json.loads((d / "vk.json").read_text()), proofs=proofs, directory=d)


def snarkjs_verifies(fixture_dir: Path, vk: dict[str, Any], proof: dict[str, Any], public: list[int]) -> bool:
    (fixture_dir / "check_vk.json").write_text(json.dumps(vk))
    (fixture_dir / "check_proof.json").write_text(json.dumps(proof))
    (fixture_dir / "check_public.json").write_text(json.dumps([str(x) for x in public]))
    try:
        out = snarkjs("plonk", "verify", "check_vk.json", "check_public.json", "check_proof.json", cwd=fixture_dir)
    except RuntimeError:
        return False
    return "OK" in out


_RENDER_AND_COMPILE_JS = r"""
const fs = require("fs");
const path = require("path");
const ejs = require("ejs");
const solc = require("solc");
const [vkPath, outPath, snarkjsDir] = process.argv.slice(2);
const vk = JSON.parse(fs.readFileSync(vkPath, "utf8"));
const template = fs.readFileSync(path.join(snarkjsDir, "templates", "verifier_plonk.sol.ejs"), "utf8");
const input = {
    language: "Solidity",
    sources: {"PlonkVerifier.sol": {content: ejs.render(template, vk)}},
    settings: {optimizer: {enabled: true, runs: 200}, evmVersion: "prague",
               outputSelection: {"*": {"*": ["evm.bytecode.object"]}}},
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter(e => e.severity === "error");
if (errors.length) { console.error(JSON.stringify(errors)); process.exit(1); }
const contracts = output.contracts["PlonkVerifier.sol"];
fs.writeFileSync(outPath, contracts[Object.keys(contracts)[0]].evm.bytecode.object);
"""


def snarkjs_solidity_verifier(vk: dict[str, Any], workdir: Path) -> bytes:
    """Init code of the Solidity PLONK verifier snarkjs exports for ``vk``, compiled by solc-js (wasm, offline).

    The source is rendered at test time from the installed snarkjs's template and never written to the
    repository (GPL-3.0).
    """
    modules = npm_package_dir()
    (workdir / "vk_for_solidity.json").write_text(json.dumps(vk))
    script = workdir / "render_and_compile.cjs"
    script.write_text(_RENDER_AND_COMPILE_JS)
    args = [str(script), str(workdir / "vk_for_solidity.json"), str(workdir / "verifier.bin"), str(modules / "snarkjs")]
    env = {**os.environ, "NODE_PATH": str(modules)}
    out = subprocess.run(["node", *args], capture_output=True, text=True, timeout=300, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"rendering or compiling snarkjs's Solidity verifier failed: {out.stderr[:2000]}")
    return bytes.fromhex((workdir / "verifier.bin").read_text())
