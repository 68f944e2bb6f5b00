"""``glue``: store a value's display in a cell's output, for the book's ``{glue}`` roles to paste into the prose.

The same output as MyST-NB's ``myst_nb.glue`` (tested), without importing ``myst_nb``: that import pulls in
nbformat and jsonschema and costs a chapter about a second from a fresh kernel.

Source: MyST-NB documentation, "Embedding outputs as variables" (myst-nb.readthedocs.io, glue); the mime
prefix and the ``scrapbook`` metadata are the ones MyST-NB's extractor reads.
"""

from __future__ import annotations

from typing import Any

from IPython.core.formatters import format_display_data
from IPython.display import display as ipy_display

GLUE_PREFIX = "application/papermill.record/"


def glue(name: str, variable: Any, display: bool = True) -> None:
    """Record ``variable``'s display under ``name``; shown in the cell too unless ``display=False``."""
    if not isinstance(name, str) or not name:
        raise ValueError(f"a glue name must be a non-empty string, got {name!r}")
    mimebundle, metadata = format_display_data(variable)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    ipy_display({prefix + k: v for k, v in mimebundle.items()}, raw=True, metadata=metadata)
