"""zkedu: readable reference implementations behind the zkedu book on how ZKsync works.

Subpackages follow the book's chapters (see the book's API reference):
``field`` (finite fields), ``poly`` (polynomials), ``curves`` (elliptic curves and pairings),
``kzg`` (KZG commitments, EIP-4844), ``rollup`` (batching, data availability, fees).
The core never imports ipywidgets or matplotlib; those live in ``zkedu.widgets``.
"""

from __future__ import annotations

__version__ = "0.1.0"
