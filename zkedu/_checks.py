"""Input checks shared by the whole package: one place for "an int, not a bool" and "bytes of this length".

Both raise TypeError for a value of the wrong type and ValueError for a bad value, naming what was checked
and the offending value, so every caller reports bad input the same way.
"""

from __future__ import annotations


def require_int(value: object, what: str) -> int:
    """Return ``value`` if it is an int (bool is refused), else raise TypeError naming it.

    >>> require_int(5, "n")
    5
    >>> require_int(True, "n")
    Traceback (most recent call last):
    ...
    TypeError: n must be an int, got bool: True
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, got {type(value).__name__}: {value!r}")
    return value


def require_bytes(value: object, length: int, what: str) -> bytes:
    """Return ``value`` as bytes if it is bytes-like of exactly ``length`` bytes.

    TypeError for anything but bytes, bytearray or memoryview; ValueError (with the length) otherwise.

    >>> require_bytes(bytearray(b"ab"), 2, "tag")
    b'ab'
    >>> require_bytes(b"abc", 2, "tag")
    Traceback (most recent call last):
    ...
    ValueError: tag must be 2 bytes, got 3: 0x616263
    """
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(f"{what} must be bytes, got {type(value).__name__}")
    data = bytes(value)
    if len(data) != length:
        shown = data.hex() if len(data) <= 96 else data[:48].hex() + "..."
        raise ValueError(f"{what} must be {length} bytes, got {len(data)}: 0x{shown}")
    return data
