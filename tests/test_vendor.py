"""The browser assets the book serves itself are exactly the published files, and the book is configured to use them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "book" / "_static" / "vendor"

# SHA-256 of the files as published on the npm registry (see book/_static/vendor/README.md).
EXPECTED = {
    "html-manager/embed-amd.js": "ca87dff57c70ffb2658794fde0eab0e27e5f5472a1f5df7ab2b08e1039fc4b72",
    "html-manager/embed.js.LICENSE.txt": "aed2008aae8123157c4ae564883166b1af7bab928d504a1fa7de1f67aec11268",
    "html-manager/1551f4f60c37af51121f.woff2": "9834b82ad26e2a37583d22676a12dd2eb0fe7c80356a2114d0db1aa8b3899537",
    "html-manager/7a3337626410ca2f4071.woff2": "e42a88444448ac3d60549cc7c1ff2c8a9cac721034c073d80a14a44e79730cca",
    "html-manager/d878b0a6a1144760244f.woff2": "8ea8791754915a898a3100e63e32978a6d1763be6df8e73a39d3a90d691cdeef",
    "html-manager/2285773e6b4b172f07d9.woff": "f9217f66874b0c01cd8c10b6a295dbc4f609acb6f5adc41c37da46641b57eb02",
    "html-manager/bb58e57c48a3e911f15f.woff": "cb9e9e693192413cde2b1f21c1dc1d44b6fe7b27cc2b458e8b359d18f9ff8f4e",
    "html-manager/eeccf4f66002c6f2ba24.woff": "3f6d3488cf65374f6f676c315340b0ac2be832bd55240c809448e36ef9b96326",
    "html-manager/491974d108fe4002b2aa.ttf": "e8711bbb871afd8e9dea60e16d30f00c7e4837bbc9807065017475b849fa2313",
    "html-manager/527940b104eb2ea366c8.ttf": "cda59d6efffa685830fd95b55f64ae9cb51279cd34b2410b69f84c7ec30157d9",
    "html-manager/be9ee23c0c6390141475.ttf": "af6397503fcefbd613976c21ad5c1e37298c18bbe07d096db03ccd3af6e05ba8",
    "requirejs/require.js": "c1fc6b1d53af7522f78d664922abb32acac64ed0ecccb8f907f1e6fc7262563a",
}


def test_vendored_files_match_their_published_hashes() -> None:
    wrong = {
        name: hashlib.sha256((VENDOR / name).read_bytes()).hexdigest()
        for name in EXPECTED
        if not (VENDOR / name).exists() or hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() != EXPECTED[name]
    }
    assert not wrong, f"vendored files missing or changed: {sorted(wrong)}"


def test_no_unrecorded_file_is_vendored() -> None:
    present = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    extra = present - set(EXPECTED) - {"README.md", "LICENSES.md"}
    assert not extra, f"vendored files with no recorded hash: {sorted(extra)}"


def test_versions_and_licenses_are_recorded_beside_the_files() -> None:
    readme = (VENDOR / "README.md").read_text()
    licenses = (VENDOR / "LICENSES.md").read_text()
    for needle in ("@jupyter-widgets/html-manager", "1.0.15", "requirejs", "2.3.8", "BSD-3-Clause", "MIT"):
        assert needle in readme, f"vendor README does not record {needle!r}"
    assert "Redistribution and use in source and binary forms" in licenses
    assert "Permission is hereby granted, free of charge" in licenses


def test_book_loads_the_widget_manager_from_its_own_static_files() -> None:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())["sphinx"]["config"]
    scripts = list(config["nb_ipywidgets_js"])
    assert scripts == ["zkedu-widgets.js", "vendor/requirejs/require.js", "vendor/html-manager/embed-amd.js"], scripts
    assert "book/_static" in config["html_static_path"]
    for script in scripts:
        assert (ROOT / "book" / "_static" / script).is_file(), script
