"""Show a function's or class's source in a chapter, the same in the HTML book and in a live notebook.

A chapter cell tagged ``remove-input`` calls :func:`show_source`; the HTML shows only the highlighted
listing, and a reader running the notebook in JupyterLab or on Binder sees the same listing under the
one-line call (a ``literalinclude`` directive would show there as a bare ``:pyobject:`` line).
"""

from __future__ import annotations

import importlib
import inspect
import textwrap
from dataclasses import dataclass
from typing import Any

__all__ = ["SourceListing", "resolve_object", "show_source"]


@dataclass(frozen=True)
class SourceListing:
    """The source of one object, displayed as a highlighted Python block (Markdown) or plain text."""

    qualified_name: str
    path: str
    source: str

    def _repr_markdown_(self) -> str:
        fence = "````" if "```" in self.source else "```"
        return f"{fence}python\n{self.source}{fence}\n"

    def __repr__(self) -> str:
        return self.source.rstrip("\n")


def resolve_object(target: Any) -> Any:
    """An object, or the object a dotted name such as ``"zkedu.kzg.kzg.verify_opening"`` names.

    >>> resolve_object("zkedu.booktools.source.resolve_object").__name__
    'resolve_object'
    """
    if not isinstance(target, str):
        return target
    parts = target.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for attribute in parts[split:]:
                obj = getattr(obj, attribute)
        except AttributeError:
            break
        return obj
    raise ValueError(f"cannot find {target!r}: give a module path and attribute, e.g. 'zkedu.kzg.kzg.verify_opening'")


def show_source(target: Any) -> SourceListing:
    """The source of a function, class or method (or its dotted name), for display as a code listing.

    >>> listing = show_source("zkedu.booktools.source.resolve_object")
    >>> listing.source.splitlines()[0]
    'def resolve_object(target: Any) -> Any:'
    >>> listing.path
    'zkedu/booktools/source.py'
    """
    obj = resolve_object(target)
    unwrapped = inspect.unwrap(obj) if callable(obj) else obj
    try:
        source = inspect.getsource(unwrapped)
        filename = inspect.getsourcefile(unwrapped) or ""
    except (OSError, TypeError) as err:
        raise TypeError(f"{target!r} has no Python source to show (a built-in or a value?)") from err
    module = inspect.getmodule(unwrapped)
    name = f"{module.__name__ if module else '?'}.{getattr(unwrapped, '__qualname__', repr(unwrapped))}"
    marker = "/zkedu/"
    path = "zkedu/" + filename.rsplit(marker, 1)[1] if marker in filename else filename
    return SourceListing(qualified_name=name, path=path, source=textwrap.dedent(source))
