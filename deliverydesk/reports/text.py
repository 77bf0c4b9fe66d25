"""User text is data, never markup: make any string safe to print, in the faces that have its glyphs.

reportlab's Paragraph parses markup (``<b>``, ``<img src=...>``, ``&``), so text is escaped before
it becomes one. Each character prints in the first face of the fallback chain (``fonts``) that has
it: ``font_runs`` cuts a text into runs of one face each, ``markup`` wraps the runs in ``<font>``
tags, ``draw_text`` draws them on a canvas. Consecutive full-width punctuation is set compressed
(the first closing mark, or the second opening mark, takes its half-width form), as Chinese
typesetting does: "），" is one and a half ems wide, not two.

The input rules (``domain.printing``) refuse characters no face has, so documents never meet them;
client documents refuse data older than those rules (``domain.printing.check_printable``); the
records that must print whatever they hold (an evidence pack quotes the log as it was written) show
a visible character no face has as its code point, ``[U+1F600]``, never as an empty box, and drop
invisible format characters (zero-width joiners, variation selectors, bidi controls), so nothing
vanishes silently. Line breaks are kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from deliverydesk.reports.fonts import EXT_B, EXT_B_RANGE, Face, document_fonts, ext_b_face

_KEPT_CONTROLS = frozenset("\n\r\t")
CLOSING_MARKS = "，。、；：！？）】」』〕〉》〗"  # full-width, ink on the left half
OPENING_MARKS = "（【「『〔〈《〖"  # full-width, ink on the right half
_MARKS = CLOSING_MARKS + OPENING_MARKS
_MARK_PAIR = re.compile(f"[{_MARKS}][{_MARKS}]")

Run = tuple[str, str]  # (font name, text)


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` as the entities Paragraph markup reads back as those
    characters: ``xml.sax.saxutils.escape``, which imports ``urllib.request`` (http, e-mail, ssl:
    ~30 ms of a command-line export's start) for functions the documents never use."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def can_print(code: int) -> bool:
    """Whether some face of the chain has a glyph for this code point."""
    if code in document_fonts().everything:
        return True
    return code in EXT_B_RANGE and code in ext_b_face().covers


@lru_cache(maxsize=4096)
def _printable(char: str) -> str:
    if char in _KEPT_CONTROLS:
        return " " if char == "\t" else char  # the fonts have no tab glyph
    category = unicodedata.category(char)
    if category == "Zs":
        return " "
    if can_print(ord(char)):
        return char
    return "" if category in ("Cf", "Cc", "Mn", "Cs") else code_point(char)


def code_point(char: str) -> str:
    """How a character no face has prints: its code point, e.g. "[U+1F600]"."""
    return f"[U+{ord(char):04X}]"


@lru_cache(maxsize=8192)  # a table cell's text is made printable, cut into runs and measured
def printable(text: str) -> str:
    """The text with every character no face has shown as its code point (or dropped if invisible)."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # e + U+0301 -> é, one glyph of one face
    if document_fonts().everything.issuperset(map(ord, text)):  # the usual case, checked in C
        return text
    return "".join(_printable(char) for char in text)


def compressed_marks(text: str) -> set[int]:
    """Positions of the full-width marks set half-width: in each pair of adjacent marks, the first
    when it is a closing mark (its blank half is on the right), else the second when it is an
    opening mark (its blank half is on the left)."""
    positions = set()
    for index in range(len(text) - 1):
        first, second = text[index], text[index + 1]
        if first in _MARKS and second in _MARKS:
            if first in CLOSING_MARKS:
                positions.add(index)
            elif second in OPENING_MARKS:
                positions.add(index + 1)
    return positions


def _face_of(code: int, faces: tuple[Face, ...]) -> str | None:
    for face in faces:
        if code in face.covers:
            return face.name
    if code in EXT_B_RANGE and code in ext_b_face().covers:
        return EXT_B
    return None


def font_runs(text: str, bold: bool = False) -> list[Run]:
    """``printable(text)`` cut into runs of one face each (white space in the primary face)."""
    return list(_font_runs(text, bold))


@lru_cache(maxsize=8192)  # several times per text: to choose a cell's kind, mark it up, measure it
def _font_runs(text: str, bold: bool) -> tuple[Run, ...]:
    text = printable(text)
    fonts = document_fonts()
    faces = fonts.faces(bold)
    primary = faces[0].name
    if faces[0].covers.issuperset(map(ord, text)) and not _MARK_PAIR.search(text):
        return ((primary, text),)
    half = fonts.half_bold if bold else fonts.half
    compressed = compressed_marks(text)
    runs: list[tuple[str, list[str]]] = []
    for index, char in enumerate(text):
        if index in compressed:
            name = half
        elif char.isspace():  # the space of the primary face: the fallback faces may have none
            name = primary
        else:
            name = _face_of(ord(char), faces) or primary
        if runs and runs[-1][0] == name:
            runs[-1][1].append(char)
        else:
            runs.append((name, [char]))
    return tuple((name, "".join(chars)) for name, chars in runs)


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup that prints ``text`` literally, in the faces that have its characters,
    keeping its line breaks. ``bold``: the paragraph's style is bold."""
    primary = document_fonts().primary(bold)
    parts = []
    for name, run in font_runs(text, bold):
        escaped = escape(run)
        parts.append(escaped if name == primary else f'<font face="{name}">{escaped}</font>')
    lines = "".join(parts).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(lines)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The printed width of one line of ``text`` (every run in its own face)."""
    return float(sum(stringWidth(run, name, size) for name, run in font_runs(text, bold)))


def clip(text: str, size: float, width: float, bold: bool = False) -> str:
    """One line of printable text, cut with "…" to fit ``width`` (for lines that must not wrap)."""
    text = printable(" ".join(text.split()))
    if text_width(text, size, bold) <= width:
        return text
    low, high = 0, len(text)  # binary search for the longest prefix that fits with "…"
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + "…", size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def draw_text(canvas: Any, x: float, y: float, text: str, size: float, *, right: bool = False) -> None:
    """One line of regular text on a canvas, each run in its face; ``right``: ``x`` is its right end."""
    runs = font_runs(text)
    if right:
        x -= sum(stringWidth(run, name, size) for name, run in runs)
    for name, run in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, name, size)
