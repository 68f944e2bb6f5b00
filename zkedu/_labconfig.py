"""Make JupyterLab open the book's MyST Markdown chapters as notebooks (through jupytext) by default.

Used by `make lab` and by Binder's postBuild: writes JupyterLab's settings overrides into an environment.
Usage: ``python -m zkedu._labconfig PREFIX`` (PREFIX: the environment's sys.prefix).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/docmanager-extension:plugin": {
        "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
    }
}


def write_overrides(prefix: Path) -> Path:
    """Merge the default-viewer override into PREFIX/share/jupyter/lab/settings/overrides.json."""
    if not prefix.is_dir():
        raise ValueError(f"environment prefix is not a directory: {str(prefix)!r}")
    target = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(target.read_text()) if target.exists() else {}
    current.update(OVERRIDES)
    target.write_text(json.dumps(current, indent=2) + "\n")
    return target


if __name__ == "__main__":
    prefix = Path(sys.argv[1] if len(sys.argv) > 1 else sys.prefix)
    print(f"JupyterLab will open chapters as notebooks: {write_overrides(prefix)}")
