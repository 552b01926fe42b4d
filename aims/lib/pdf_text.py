"""Text for PDFs drawn with the core fonts (a server has no fonts of its own): latin-1, marks made plain."""

from __future__ import annotations

import unicodedata

_PLAIN = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...", "\u2022": "*", "\u00a0": " ",
        "\u2192": "->", "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u2122": "(TM)", "\u20ac": "EUR",
        "\u2713": "v", "\u2717": "x", "\u200b": "", "\u00d7": "x",
    }
)  # fmt: skip


def latin1(text: str) -> str:
    """Text the core fonts can print: marks made plain, accents kept or reduced to their letter, else '?'."""
    out = []
    for char in text.translate(_PLAIN):
        if ord(char) < 256:
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        out.append(base or "?")
    return "".join(out)
