"""The book's own Sphinx extension (listed in _config.yml): what a reader of the HTML needs beyond the defaults.

- executing chapters never stalls on an Output widget (:mod:`zkedu._nbexec`);
- citations tell sources apart: entries sharing author and year get year suffixes (2026a, 2026b, ...),
  in the citation and in the bibliography alike (every page is redone when a new source shifts them), and
  titles keep their capitals;
- the bibliography labels its entries author–year ("[Gabizon et al., 2019]"), as the citations read, not
  with numbers that no citation shows (the ``zkedu`` pybtex style, named in _config.yml);
- the API page summarises large constants instead of printing their whole value;
- each page declares sphinx-thebe's configuration once (it is otherwise repeated on every build of the
  environment, and a second ``const THEBE_JS_URL`` is a page error);
- the theme gets a valid default colour mode (pydata-sphinx-theme logs "Got invalid theme mode" without
  one) and one search field, in the sidebar (not a second one in the header);
- the book's stylesheet (wide equations scroll inside their box, long signatures wrap);
- every executed chapter is offered for download as a notebook (the theme copies it only when a Binder
  launch button is configured, and the book has none until its repository is public).
"""

from __future__ import annotations

import html
import re
import shutil
import string
from collections import defaultdict
from pathlib import Path
from typing import Any

from zkedu import _nbexec

VALUE_LIMIT = 80  # characters of a constant's repr shown on the API page before it is summarised


def summarize_value(value: object, limit: int = VALUE_LIMIT) -> str | None:
    """A short description of a large constant, or None when its repr is short enough to show as is.

    >>> summarize_value((b"\\x00" * 32,) * 65)
    'tuple of 65 bytes values (see the source)'
    >>> summarize_value(3) is None
    True
    """
    text = repr(value)
    if len(text) <= limit and "$" not in text and "\\" not in text:
        return None
    if isinstance(value, tuple | list | set | frozenset | dict):
        kinds = sorted({type(item).__name__ for item in value})
        kind = kinds[0] if len(kinds) == 1 else "mixed"
        return f"{type(value).__name__} of {len(value)} {kind} values (see the source)"
    if isinstance(value, bytes | bytearray):
        return f"{len(value)} bytes (see the source)"
    if isinstance(value, int):
        return f"an integer of {value.bit_length()} bits (see the source)"
    return f"{type(value).__name__} (see the source)"


def year_suffixes(entries: list[tuple[str, str, str, str]]) -> dict[str, str]:
    """Map entry key -> year with a, b, ... suffix for entries sharing (author, year); others unchanged.

    ``entries`` holds (key, author, year, title); suffixes follow the titles' alphabetical order,
    the order in which the bibliography lists them.

    >>> year_suffixes([("x", "A", "2026", "Beta"), ("y", "A", "2026", "Alpha"), ("z", "B", "2026", "C")])
    {'y': '2026a', 'x': '2026b'}
    """
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, author, year, title in entries:
        groups[(author, year)].append((title.lower(), key))
    result: dict[str, str] = {}
    for (_author, year), members in groups.items():
        if len(members) < 2:
            continue
        if len(members) > len(string.ascii_lowercase):
            raise ValueError(f"more than 26 sources share author and year {year!r}")
        for letter, (_title, key) in zip(string.ascii_lowercase, sorted(members), strict=False):
            result[key] = f"{year}{letter}"
    return result


def _distinguish_citations(app: Any) -> None:
    """Runs after sphinxcontrib-bibtex parsed the .bib files: suffix years, protect title capitals."""
    domain = app.env.get_domain("cite")
    entries = domain.bibdata.data.entries
    rows = []
    for key, entry in entries.items():
        year = entry.fields.get("zkedu_year") or entry.fields.get("year", "")
        entry.fields["zkedu_year"] = year  # the unsuffixed year, so a cached, already-suffixed entry is redone right
        # grouped by what the citation shows ("Gabizon et al."), so two sources never read alike
        rows.append((key, author_label(entry), year, str(entry.fields.get("title", ""))))
        title = entry.fields.get("title")
        if title and not (title.startswith("{") and title.endswith("}")):
            entry.fields["title"] = "{" + title + "}"
    suffixed = year_suffixes(rows)
    for key, _authors, year, _title in rows:
        entries[key].fields["year"] = suffixed.get(key, year)
    # A new or retitled source can shift other sources' suffixes (2026e becomes 2026f): remember the map, so
    # that _reread_when_suffixes_change makes an incremental build redo every page, not only the edited ones.
    previous = getattr(app.env, "zkedu_year_suffixes", None)
    app.env.zkedu_year_suffixes = suffixed
    app.env.zkedu_year_suffixes_changed = previous is not None and previous != suffixed


def _reread_when_suffixes_change(app: Any, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Every page, when the year suffixes changed since the last build (their citations would read stale)."""
    if not getattr(env, "zkedu_year_suffixes_changed", False):
        return []
    return sorted(set(env.found_docs) - set(added) - set(changed) - set(removed))


def author_year_label(entry: Any) -> str:
    """The label a citation shows for a pybtex entry: "Last, 2019", "A and B, 2019" or "A et al., 2019".

    The same text sphinxcontrib-bibtex's author_year reference style writes into the citation (tested on
    the built book), so a reader can find a cited source in the bibliography by what the citation says.
    """
    return f"{author_label(entry)}, {entry.fields.get('year', 'n.d.')}"


def author_label(entry: Any) -> str:
    """The author part of ``author_year_label``: "Last", "A and B" or "A et al."."""
    from sphinxcontrib.bibtex.style.names.last import LastNameStyle  # the citations' own surname formatter

    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    # rendered as HTML, then back to text: the no-break spaces it ties short name parts with must survive
    names = [html.unescape(re.sub(r"<[^>]+>", "", LastNameStyle().format(p).format().render_as("html")))
             for p in persons]
    if not names:
        raise ValueError(f"bibliography entry {entry.key!r} has no author or editor to label it by")
    return names[0] if len(names) == 1 else f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al."


def _register_author_year_style() -> None:
    """The pybtex style ``zkedu``: pybtex's plain style with author–year labels instead of numbers."""
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.plain import Style as PlainStyle
    from pybtex.style.labels import BaseLabelStyle

    class AuthorYearLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries: Any) -> Any:
            for entry in sorted_entries:
                yield author_year_label(entry)

    class AuthorYearStyle(PlainStyle):
        default_label_style = AuthorYearLabels

    register_plugin("pybtex.style.formatting", "zkedu", AuthorYearStyle, force=True)


def _summarizing_documenters(app: Any) -> None:
    from sphinx.ext.autodoc import AttributeDocumenter, DataDocumenter

    def make(base: type) -> type:
        class Summarizing(base):  # type: ignore[misc, valid-type]
            priority = base.priority + 1

            def add_directive_header(self, sig: str) -> None:
                summary = summarize_value(self.object)
                if summary is None or self.options.no_value:
                    super().add_directive_header(sig)
                    return
                self.options.no_value = True
                try:
                    super().add_directive_header(sig)
                finally:
                    self.options.no_value = False
                self.add_line(f"   :value: <{summary}>", self.get_sourcename())

        Summarizing.__name__ = f"Summarizing{base.__name__}"
        return Summarizing

    app.add_autodocumenter(make(DataDocumenter), override=True)
    app.add_autodocumenter(make(AttributeDocumenter), override=True)


def _declare_thebe_config_once(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Keep only the first inline script that declares THEBE_JS_URL (sphinx-thebe adds one per env read)."""
    script_files = context.get("script_files")
    if not script_files:
        return
    seen = False
    kept = []
    for script in script_files:
        body = getattr(script, "attributes", {}).get("body", "") or ""
        if "const THEBE_JS_URL" in body:
            if seen:
                continue
            seen = True
        kept.append(script)
    context["script_files"] = kept


def _theme_defaults(app: Any, config: Any) -> None:
    """A valid colour mode for pydata-sphinx-theme, and the header's duplicate search field removed."""
    config.html_context = {"default_mode": "auto", **(config.html_context or {})}
    options = dict(config.html_theme_options or {})
    options.setdefault("navbar_persistent", [])
    config.html_theme_options = options


def _offer_executed_notebook(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Copy MyST-NB's executed notebook of a chapter into ``_sources`` and give the page its download link."""
    if app.builder.format != "html":
        return
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if not executed.exists():
        return  # not a notebook page
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(executed, target)
    context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app: Any) -> dict[str, Any]:
    _nbexec.install()
    _register_author_year_style()
    app.connect("config-inited", _theme_defaults, priority=900)
    app.connect("builder-inited", _distinguish_citations, priority=900)  # after sphinxcontrib-bibtex (500)
    app.connect("env-get-outdated", _reread_when_suffixes_change)
    app.connect("html-page-context", _declare_thebe_config_once, priority=900)
    app.connect("html-page-context", _offer_executed_notebook, priority=400)  # before the theme's buttons (501)
    _summarizing_documenters(app)
    app.add_css_file("zkedu.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
