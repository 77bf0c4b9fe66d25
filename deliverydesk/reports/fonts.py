"""The document fonts: a fallback chain of embedded, openly licensed TrueType faces.

1. Noto Sans SC Regular / Bold (OFL): Latin, pinyin, the technical symbols, full-width forms, CJK with
   Extension A (Regular only: bold text takes its rare characters from the Regular face);
2. DejaVu Sans / Bold (Bitstream Vera licence): the rest of Latin, Greek, Cyrillic, arrows, maths and
   dingbats (✓ ✗);
3. HanaMinB, its CJK Extension B part (Hanazono Font Licence): 𠮷 and the other rare name characters;
   kept xz-compressed and loaded only when a document has such a character.

Each character prints in the first face of the chain that has it; ``covered`` is what the chain can
draw at all (``domain.printing`` holds the same repertoire for the input rules; a test keeps the two
equal). Two small faces hold the half-width forms of full-width punctuation, for consecutive marks
such as "），". reportlab embeds only the glyphs a document uses. Fonts register once per process, on
first use; their parsed metrics are kept between processes (``font_cache``, keyed by the file's
content): a large file parses in ~50-150 ms, and reads back from the cache in a few.
"""

from __future__ import annotations

import lzma
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from pathlib import Path
from typing import Any

from deliverydesk.paths import RESOURCES_DIR
from deliverydesk.reports import accel

FONTS_DIR = RESOURCES_DIR / "fonts"
REGULAR = "NotoSansSC"
BOLD = "NotoSansSC-Bold"
HALF = "NotoSansSC-HalfPunct"
HALF_BOLD = "NotoSansSC-HalfPunct-Bold"
SYMBOLS = "DejaVuSans"
SYMBOLS_BOLD = "DejaVuSans-Bold"
EXT_B = "HanaMinB-ExtB"
EXT_B_RANGE = range(0x20000, 0x2A6E0)
FONT_FILES: dict[str, Path] = {
    REGULAR: FONTS_DIR / "NotoSansSC-Regular.ttf",
    BOLD: FONTS_DIR / "NotoSansSC-Bold.ttf",
    HALF: FONTS_DIR / "NotoSansSC-HalfPunct-Regular.ttf",
    HALF_BOLD: FONTS_DIR / "NotoSansSC-HalfPunct-Bold.ttf",
    SYMBOLS: FONTS_DIR / "DejaVuSans.ttf",
    SYMBOLS_BOLD: FONTS_DIR / "DejaVuSans-Bold.ttf",
    EXT_B: FONTS_DIR / "HanaMinB-ExtB.ttf.xz",
}


@dataclass(frozen=True)
class Face:
    name: str
    covers: frozenset[int]


@dataclass(frozen=True)
class DocumentFonts:
    regular: str
    bold: str
    half: str  # half-width punctuation (regular)
    half_bold: str
    covered: frozenset[int]  # code points the primary faces both draw: text needing no fallback
    chain: tuple[Face, ...]  # regular text: primary first (Extension B: ``ext_b_face``, on demand)
    bold_chain: tuple[Face, ...]  # bold text
    everything: frozenset[int]  # what any face of the chain but Extension B draws

    def faces(self, bold: bool) -> tuple[Face, ...]:
        return self.bold_chain if bold else self.chain

    def primary(self, bold: bool) -> str:
        return self.bold if bold else self.regular


def _register(name: str) -> Any:
    """Register one face with reportlab; its parsed metrics come from the cache when it has them
    (``font_cache``: keyed by the file's content)."""
    from reportlab.pdfbase import pdfmetrics

    from deliverydesk.reports.font_cache import load_face

    path = FONT_FILES[name]
    raw = path.read_bytes()
    if path.suffix == ".xz":  # reportlab names a file read from memory "(ttf)"
        face = load_face(name, lzma.decompress(raw), "(ttf)", key_bytes=raw)
    else:
        face = load_face(name, raw, str(path))
    pdfmetrics.registerFont(face)
    return face


def _cmap(face: Any) -> frozenset[int]:
    """The characters a face draws; invisible format and control characters (zero-width joiners,
    bidi overrides...) never count, even where the face maps them. Both kinds are unprintable
    (``str.isprintable``, which runs in C over the face's ~40,000 characters): only the few
    unprintable ones are asked their category."""
    codes = face.face.charToGlyph
    unprintable = filterfalse(str.isprintable, map(chr, codes))
    invisible = [ord(char) for char in unprintable if unicodedata.category(char) in ("Cf", "Cc")]
    return frozenset(codes).difference(invisible)


_ASTRAL_ENTRY = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16(match: re.Match[str]) -> str:
    code = int(match.group(2), 16) - 0x10000
    return f"{match.group(1)} <{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}>"


def _fix_astral_to_unicode() -> None:
    """reportlab (5.1) writes a character beyond U+FFFF into a font's ToUnicode map as its bare code
    point (``<20BB7>``), which text extraction cannot read: 𠮷 came out as a NUL. The map must
    hold UTF-16 (``<D842DFB7>``); wrap reportlab's writer to say so. tests/unit/reports/test_fonts.py
    fails if reportlab changes this."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "utf16_astral", False):
        return

    def make_to_unicode_cmap(fontname: str, subset: Any) -> str:
        return _ASTRAL_ENTRY.sub(_utf16, original(fontname, subset))

    make_to_unicode_cmap.utf16_astral = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


@cache
def ext_b_face() -> Face:
    """The Extension B face: 9 MB compressed, so registered only when a document needs it."""
    return Face(EXT_B, _cmap(_register(EXT_B)))


@cache
def document_fonts() -> DocumentFonts:
    """Register the faces with reportlab (once) and say what each covers."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    _fix_astral_to_unicode()
    accel.install()  # faster width and subset look-ups, same results
    faces = {name: _register(name) for name in FONT_FILES if name != EXT_B}
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    covers = {name: _cmap(face) for name, face in faces.items()}
    regular = Face(REGULAR, covers[REGULAR])
    symbols = Face(SYMBOLS, covers[SYMBOLS])
    chain = (regular, symbols)
    bold_chain = (Face(BOLD, covers[BOLD]), regular, Face(SYMBOLS_BOLD, covers[SYMBOLS_BOLD]), symbols)
    return DocumentFonts(
        regular=REGULAR,
        bold=BOLD,
        half=HALF,
        half_bold=HALF_BOLD,
        covered=covers[REGULAR] & covers[BOLD],
        chain=chain,
        bold_chain=bold_chain,
        everything=covers[REGULAR] | covers[SYMBOLS],
    )
