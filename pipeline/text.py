"""Small string helpers shared by the modules."""

from __future__ import annotations


def find_all(hay: str, needle: str) -> list[int]:
    """Start positions of every (possibly overlapping) occurrence of ``needle``.

    >>> find_all("技师、高级技师", "技师")
    [0, 5]
    >>> find_all("abc", "")
    []
    """
    out: list[int] = []
    i = hay.find(needle)
    while needle and i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out
