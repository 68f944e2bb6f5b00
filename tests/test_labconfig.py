from __future__ import annotations

import json

import pytest

from zkedu._labconfig import write_overrides


def test_overrides_open_markdown_as_notebooks_and_keep_other_settings(tmp_path) -> None:
    target = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({"other-plugin": {"x": 1}}))
    write_overrides(tmp_path)
    settings = json.loads(target.read_text())
    viewers = settings["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"]
    assert viewers["markdown"] == "Jupytext Notebook"
    assert settings["other-plugin"] == {"x": 1}


def test_missing_prefix_is_named(tmp_path) -> None:
    with pytest.raises(ValueError, match="nowhere"):
        write_overrides(tmp_path / "nowhere")
