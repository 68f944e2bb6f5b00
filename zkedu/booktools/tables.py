"""An HTML table of computed results, for chapters that print more than a line or two.

Source: the table cells the chapters repeated before this module existed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HtmlTable:
    """A table that Jupyter displays as HTML (and prints as plain text elsewhere)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None

    def _repr_html_(self) -> str:
        def cells(tag: str, values: Sequence[str]) -> str:
            return "".join(f"<{tag}>{html.escape(v)}</{tag}>" for v in values)

        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        body = "".join(f"<tr>{cells('td', row)}</tr>" for row in self.rows)
        return f"<table>{caption}<thead><tr>{cells('th', self.headers)}</tr></thead><tbody>{body}</tbody></table>"

    def __str__(self) -> str:
        lines = [" | ".join(self.headers), *(" | ".join(row) for row in self.rows)]
        return "\n".join(([self.caption] if self.caption else []) + lines)


def html_table(headers: Sequence[Any], rows: Iterable[Sequence[Any]], caption: str | None = None) -> HtmlTable:
    """A table with one header row; every cell is shown as ``str(value)``, HTML-escaped.

    >>> table = html_table(["n", "n²"], [[2, 4], [3, 9]])
    >>> table.rows
    (('2', '4'), ('3', '9'))
    >>> "<th>n²</th>" in table._repr_html_()
    True
    """
    head = tuple(str(h) for h in headers)
    body = tuple(tuple(str(v) for v in row) for row in rows)
    for i, row in enumerate(body):
        if len(row) != len(head):
            raise ValueError(f"row {i} has {len(row)} cells, expected {len(head)} (headers {list(head)!r})")
    return HtmlTable(head, body, caption)
