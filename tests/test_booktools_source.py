"""show_source gives a live notebook the same listing that Sphinx's literalinclude :pyobject: gave the HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.directives.code import LiteralIncludeReader

from zkedu.booktools.source import SourceListing, show_source

ROOT = Path(__file__).resolve().parents[1]

OBJECTS = [
    ("zkedu/kzg/kzg.py", "compute_opening_proof"),
    ("zkedu/field.py", "PrimeField"),
    ("zkedu/rollup/fees.py", "fee_model_v2"),
]


class _Config:
    source_encoding = "utf-8"


@pytest.mark.parametrize(("path", "name"), OBJECTS)
def test_listing_equals_sphinx_literalinclude_pyobject(path: str, name: str) -> None:
    module = path.removesuffix(".py").replace("/", ".")
    expected, _lines = LiteralIncludeReader(str(ROOT / path), {"pyobject": name}, _Config()).read()
    listing = show_source(f"{module}.{name}")
    assert listing.source.strip("\n") == expected.strip("\n")
    assert listing.path == path


def test_an_object_and_its_dotted_name_give_the_same_listing() -> None:
    from zkedu.kzg import kzg

    assert show_source(kzg.compute_opening_proof) == show_source("zkedu.kzg.kzg.compute_opening_proof")


def test_markdown_is_one_fenced_python_block() -> None:
    markdown = show_source("zkedu.kzg.kzg.compute_opening_proof")._repr_markdown_()
    assert markdown.startswith("```python\ndef compute_opening_proof(")
    assert markdown.endswith("```\n") and markdown.count("```") == 2


def test_a_source_containing_a_fence_gets_a_longer_fence() -> None:
    listing = SourceListing("m.f", "m.py", 'def f():\n    """```x```"""\n')
    assert listing._repr_markdown_().startswith("````python\n")


def test_unknown_names_and_builtins_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no_such_function"):
        show_source("zkedu.kzg.kzg.no_such_function")
    with pytest.raises(TypeError, match="len"):
        show_source(len)


def test_no_chapter_uses_literalinclude_which_a_live_notebook_shows_as_a_bare_directive() -> None:
    from tests.notebooks import chapter_notebooks

    offenders = [p.name for p in chapter_notebooks() if "{literalinclude}" in p.read_text()]
    assert not offenders, f"use a remove-input show_source(...) cell instead of literalinclude in: {offenders}"
