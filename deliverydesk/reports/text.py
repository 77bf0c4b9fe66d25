"""User text is data, never markup: make any string safe to print.

reportlab's Paragraph parses markup (``<b>``, ``<img src=...>``, ``&``), so text is escaped before
it becomes one. A character the fonts cannot draw would vanish silently (pypdf extracts ``\\x00``),
so each such visible character is replaced by ``□`` (the conventional missing-glyph box); invisible
format characters (zero-width joiners, variation selectors, bidi controls) are dropped. Line breaks
in the text are kept.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from deliverydesk.reports.fonts import document_fonts

MISSING_GLYPH = "\u25a1"  # □
_KEPT_CONTROLS = frozenset("\n\r\t")


@lru_cache(maxsize=4096)
def _printable(char: str) -> str:
    if char in _KEPT_CONTROLS:
        return " " if char == "\t" else char  # the fonts have no tab glyph
    category = unicodedata.category(char)
    if category in ("Cf", "Cc", "Mn") and ord(char) not in document_fonts().covered:
        return ""  # invisible: format/control characters, unsupported combining marks
    if category == "Zs":
        return " "
    return char if ord(char) in document_fonts().covered else MISSING_GLYPH


def printable(text: str) -> str:
    """The text with every character the fonts lack made visible as □ (or dropped if invisible)."""
    if document_fonts().covered.issuperset(map(ord, text)):  # the usual case, checked in C
        return text
    composed = unicodedata.normalize("NFC", text)  # e + U+0301 -> é, which the fonts have
    return "".join(_printable(char) for char in composed)


def markup(text: str) -> str:
    """Paragraph markup that prints ``text`` literally, keeping its line breaks."""
    lines = escape(printable(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(lines)


def clip(text: str, font: str, size: float, width: float) -> str:
    """One line of printable text, cut with "…" to fit ``width`` (for lines that must not wrap)."""
    text = printable(" ".join(text.split()))
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # binary search for the longest prefix that fits with "…"
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"
