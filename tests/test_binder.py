"""What Binder builds, rebuilt here: a fresh venv from runtime.txt, requirements.txt and postBuild runs every chapter.

repo2docker reads ``runtime.txt`` (the Python version), installs ``requirements.txt`` with pip, then runs
``postBuild``. This test does the same in a new virtual environment with this machine's ``python3`` (which must
be the version runtime.txt names), then executes every chapter from a fresh kernel of that environment.
The environment test is run by ``make test-binder`` (marker ``binder``): it installs the whole pinned tree,
so it takes minutes; the README and runtime checks run in the default suite.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.notebooks import ROOT

# The versions README.md states Binder gets; they must be what requirements.txt pins.
README_VERSIONS = {"jupyterlab": "4.6.6", "jupyter_server": "2.21.1"}


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[name.strip().lower().replace("-", "_")] = version.strip()
    return pins


def test_readme_states_the_jupyterlab_and_server_versions_the_pins_give_binder() -> None:
    pins, readme = _pins(), (ROOT / "README.md").read_text()
    for name, version in README_VERSIONS.items():
        assert pins[name] == version, f"requirements.txt pins {name}=={pins[name]}, README_VERSIONS says {version}"
        assert f"{name} {version}" in readme, f"README.md does not state {name} {version}"


def test_runtime_names_the_python_the_pins_were_made_for() -> None:
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's tracked files with a venv built exactly as repo2docker would."""
    runtime = (ROOT / "runtime.txt").read_text().strip().removeprefix("python-")
    python = shutil.which(f"python{runtime}") or shutil.which("python3")
    assert python, f"no python{runtime} on this machine"
    work = tmp_path_factory.mktemp("binder")
    repo = work / "repo"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    venv = work / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-cache-dir"]
    _run([*pip, "-r", "requirements.txt"], repo, env, "pip install -r requirements.txt")
    _run(["bash", "postBuild"], repo, env, "postBuild")
    return repo


def _run(command: list[str], cwd: Path, env: dict[str, str], what: str) -> str:
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, f"{what} failed ({proc.returncode}):\n{(proc.stdout + proc.stderr)[-4000:]}"
    return proc.stdout


@pytest.mark.binder
@pytest.mark.slow
def test_binder_environment_runs_every_chapter(binder_env: Path) -> None:
    venv_python = binder_env.parent / "venv" / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv_python.parent}{os.pathsep}{env['PATH']}"
    env["MPLBACKEND"] = "Agg"
    script = (
        "import sys, zkedu, jupyterlab, jupyter_server\n"
        "from tests.notebooks import chapter_notebooks, execute_chapter\n"
        "assert zkedu.__file__.startswith(sys.argv[1]), zkedu.__file__\n"
        "print('versions', jupyterlab.__version__, jupyter_server.__version__)\n"
        "for path in chapter_notebooks():\n"
        "    nb, seconds = execute_chapter(path)\n"
        "    errors = [o for c in nb.cells if c.cell_type == 'code' for o in c.outputs if o.output_type == 'error']\n"
        "    assert not errors, (path.name, errors)\n"
        "    print(f'{path.name} {seconds:.1f} s')\n"
    )
    out = _run([str(venv_python), "-c", script, str(binder_env)], binder_env, env, "executing the chapters")
    assert f"versions {README_VERSIONS['jupyterlab']} {README_VERSIONS['jupyter_server']}" in out, out
    overrides = binder_env.parent / "venv" / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert "Jupytext Notebook" in overrides.read_text(), "postBuild did not make chapters open as notebooks"
