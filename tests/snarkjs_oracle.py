"""snarkjs as a test-only oracle: installed from npm (pinned by tests/oracles) into the gitignored .cache/npm.

The install happens once per machine (it is skipped when the pinned version is already there). Without Node.js
the tests using it skip, except under CI (the ``CI`` environment variable), where they fail with a clear message.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "tests" / "oracles"
CACHE = ROOT / ".cache" / "npm"
SNARKJS_VERSION = json.loads((PINS / "package.json").read_text())["dependencies"]["snarkjs"]

# Verifies many (vk, public, proof) triples in one Node process; prints one JSON list of booleans.
VERIFY_JS = """
const snarkjs = require(process.argv[2]);
const cases = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
(async () => {
  const out = [];
  for (const [vk, pub, proof] of cases) {
    try { out.push(await snarkjs.plonk.verify(vk, pub, proof)); } catch (e) { out.push(false); }
  }
  console.log(JSON.stringify(out));
  process.exit(0);
})();
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"snarkjs oracle unavailable in CI: {reason}")
    pytest.skip(f"snarkjs oracle unavailable: {reason}")


def _pins_installed() -> bool:
    """Is every package pinned in tests/oracles/package.json installed in the cache at its pinned version?"""
    for name, version in json.loads((PINS / "package.json").read_text())["dependencies"].items():
        installed = CACHE / "node_modules" / name / "package.json"
        if not installed.exists() or json.loads(installed.read_text())["version"] != version:
            return False
    return True


def snarkjs_main() -> Path:
    """Path of snarkjs's CommonJS entry point, installing the pinned version first if needed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _unavailable("Node.js and npm are needed (install nodejs) to check proofs against snarkjs")
    main = CACHE / "node_modules" / "snarkjs" / "build" / "main.cjs"
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _pins_installed():
            for name in ("package.json", "package-lock.json"):
                shutil.copy(PINS / name, CACHE / name)
            done = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=CACHE,
                                  capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                _unavailable(f"npm ci failed: {done.stderr[-500:]}")
    return main


def snarkjs_verify(cases: list[tuple[dict, list[str], dict]]) -> list[bool]:
    """snarkjs.plonk.verify on each (vk, public signals, proof) triple."""
    main = snarkjs_main()
    with tempfile.TemporaryDirectory() as tmp:
        script, data = Path(tmp) / "verify.cjs", Path(tmp) / "cases.json"
        script.write_text(VERIFY_JS)
        data.write_text(json.dumps(cases))
        done = subprocess.run(["node", str(script), str(main), str(data)], capture_output=True, text=True,
                              timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"snarkjs failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
