"""Small helpers the book's chapters share: HTML tables, live timings and self-checking exercises.

Nothing heavy is imported here (no matplotlib, ipywidgets or pairing curves), so a chapter pays only for
what it uses. Each chapter's exercises live in ``zkedu.booktools.answers.chNN``, imported on demand by
``check``.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, check, register
from zkedu.booktools.glue_values import glue
from zkedu.booktools.tables import HtmlTable, html_table
from zkedu.booktools.timing import best_of, format_seconds

__all__ = ["Exercise", "HtmlTable", "best_of", "check", "format_seconds", "glue", "html_table", "register"]
