"""The book's Sphinx extension: distinct citations, summarised constants, one THEBE config, theme defaults."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from nbclient.output_widget import OutputWidget

from zkedu import _nbexec, _sphinxext
from zkedu._sphinxext import author_year_label, summarize_value, year_suffixes


def test_same_author_and_year_get_suffixes_in_title_order_and_others_none() -> None:
    rows = [
        ("era", "Matter Labs", "2026", "zksync-era: the node"),
        ("docs", "Matter Labs", "2026", "ZKsync documentation"),
        ("boojum", "Matter Labs", "2024", "Boojum"),
        ("eip", "Buterin and Feist", "2022", "EIP-4844"),
    ]
    assert year_suffixes(rows) == {"docs": "2026a", "era": "2026b"}  # "zksync documentation" < "zksync-era"


def test_every_shared_author_year_label_is_distinct() -> None:
    rows = [(f"k{i}", "Matter Labs", "2026", f"title {i:02d}") for i in range(9)]
    labels = year_suffixes(rows)
    assert len(set(labels.values())) == 9


def test_more_than_26_sources_in_one_year_is_refused() -> None:
    with pytest.raises(ValueError, match="2026"):
        year_suffixes([(f"k{i}", "A", "2026", str(i)) for i in range(27)])


def test_citations_are_distinguished_on_the_parsed_bibliography_and_titles_keep_capitals() -> None:
    from pybtex.database import BibliographyData, Entry, Person

    def entry(title: str, year: str = "2026") -> Entry:
        e = Entry("misc", fields={"title": title, "year": year})
        e.persons["author"] = [Person("{Matter Labs}")]
        return e

    data = BibliographyData(entries={"a": entry("ZKsync Gateway"), "b": entry("Airbender"), "c": entry("X", "2024")})
    domain = SimpleNamespace(bibdata=SimpleNamespace(data=data))
    app = SimpleNamespace(env=SimpleNamespace(get_domain=lambda name: domain))
    for _ in range(2):  # a cached environment runs it again: same result
        _sphinxext._distinguish_citations(app)
    assert [data.entries[k].fields["year"] for k in "abc"] == ["2026b", "2026a", "2024"]
    assert data.entries["a"].fields["title"] == "{ZKsync Gateway}"
    env = app.env
    env.found_docs = {"book/a", "book/b", "book/c"}
    assert _sphinxext._reread_when_suffixes_change(app, env, set(), {"book/a"}, set()) == []  # same suffixes
    data.entries["d"] = entry("Atlas")  # a new 2026 source: "Airbender" stays 2026a, "ZKsync Gateway" becomes c
    _sphinxext._distinguish_citations(app)
    assert data.entries["a"].fields["year"] == "2026c"
    assert _sphinxext._reread_when_suffixes_change(app, env, set(), {"book/a"}, set()) == ["book/b", "book/c"]


def test_sources_that_would_read_alike_get_suffixes_even_with_different_coauthors() -> None:
    from pybtex.database import BibliographyData, Entry, Person

    def entry(title: str, *authors: str) -> Entry:
        e = Entry("misc", fields={"title": title, "year": "2019"})
        e.persons["author"] = [Person(a) for a in authors]
        return e

    data = BibliographyData(entries={
        "plonk": entry("PLONK", "Gabizon, Ariel", "Williamson, Zachary J.", "Ciobotaru, Oana"),
        "other": entry("Another paper", "Gabizon, Ariel", "Khovratovich, Dmitry", "Xu, Yuncong"),
    })
    domain = SimpleNamespace(bibdata=SimpleNamespace(data=data))
    _sphinxext._distinguish_citations(SimpleNamespace(env=SimpleNamespace(get_domain=lambda name: domain)))
    labels = {k: _sphinxext.author_year_label(e) for k, e in data.entries.items()}
    assert labels == {"other": "Gabizon et al., 2019a", "plonk": "Gabizon et al., 2019b"}


def test_author_year_labels_read_like_the_citations() -> None:
    from pybtex.database import Entry, Person

    def entry(*authors: str, year: str = "2019", role: str = "author") -> Entry:
        e = Entry("misc", fields={"title": "T", "year": year})
        e.persons[role] = [Person(a) for a in authors]
        return e

    assert author_year_label(entry("Gabizon, Ariel", "Williamson, Zachary J.", "Ciobotaru, Oana")) == \
        "Gabizon et al., 2019"
    assert author_year_label(entry("Amos Fiat", "Adi Shamir", year="1987")) == "Fiat and Shamir, 1987"
    assert author_year_label(entry("{Matter Labs}", year="2026e")) == "Matter Labs, 2026e"
    assert author_year_label(entry("Ludwig van Beethoven")) == "van Beethoven, 2019"
    assert author_year_label(entry("Salazar Cardozo, Alex")) == "Salazar\u00a0Cardozo, 2019"  # as the citation ties it
    assert author_year_label(entry("Knuth, Donald", role="editor")) == "Knuth, 2019"
    with pytest.raises(ValueError, match="'k' has no author or editor"):
        author_year_label(_keyed_entry())


def _keyed_entry():
    from pybtex.database import BibliographyData, Entry

    data = BibliographyData(entries={"k": Entry("misc", fields={"year": "2020"})})
    return data.entries["k"]


def test_large_constants_are_summarised_and_small_ones_shown() -> None:
    from zkedu.rollup.state import EMPTY_HASHES

    summary = summarize_value(EMPTY_HASHES)
    assert summary == f"tuple of {len(EMPTY_HASHES)} bytes values (see the source)"
    assert summarize_value(2**255 - 19) is None
    assert summarize_value(b"$$") is not None, "a repr with TeX delimiters must not reach the page"


def test_only_the_first_thebe_declaration_is_kept() -> None:
    class Script(str):
        def __new__(cls, body: str):
            obj = super().__new__(cls, "")
            obj.attributes = {"body": body}
            return obj

    scripts = [Script("const THEBE_JS_URL = 1"), Script("other"), Script("const THEBE_JS_URL = 1")]
    context = {"script_files": scripts}
    _sphinxext._declare_thebe_config_once(None, "page", "page.html", context, None)
    assert [s.attributes["body"] for s in context["script_files"]] == ["const THEBE_JS_URL = 1", "other"]


def test_theme_gets_a_valid_mode_and_no_header_search_unless_configured() -> None:
    config = SimpleNamespace(html_context={}, html_theme_options={"repository_url": "x"})
    _sphinxext._theme_defaults(None, config)
    assert config.html_context["default_mode"] in ("auto", "light", "dark")
    assert config.html_theme_options == {"repository_url": "x", "navbar_persistent": []}
    config = SimpleNamespace(html_context={"default_mode": "dark"}, html_theme_options={"navbar_persistent": ["a"]})
    _sphinxext._theme_defaults(None, config)
    assert config.html_context["default_mode"] == "dark" and config.html_theme_options["navbar_persistent"] == ["a"]


def test_setup_installs_the_nbclient_fix() -> None:
    _nbexec.uninstall()
    calls: list[tuple] = []
    app = SimpleNamespace(
        connect=lambda *a, **k: calls.append(a),
        add_autodocumenter=lambda *a, **k: calls.append(a),
        add_css_file=lambda *a, **k: calls.append(a),
    )
    try:
        _sphinxext.setup(app)
        assert OutputWidget._publish_msg is _nbexec._publish_msg
    finally:
        _nbexec.install()
    assert ("zkedu.css",) in calls
