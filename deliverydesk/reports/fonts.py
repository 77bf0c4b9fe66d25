"""The document fonts: Noto Sans SC Regular and Bold, TrueType, embedded and subset in every PDF.

Parsing a 7.5 MB font costs ~50 ms, so they are registered once per process, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from deliverydesk.paths import RESOURCES_DIR

FONTS_DIR = RESOURCES_DIR / "fonts"
REGULAR = "NotoSansSC"
BOLD = "NotoSansSC-Bold"
FONT_FILES = {REGULAR: FONTS_DIR / "NotoSansSC-Regular.ttf", BOLD: FONTS_DIR / "NotoSansSC-Bold.ttf"}


@dataclass(frozen=True)
class DocumentFonts:
    regular: str
    bold: str
    covered: frozenset[int]  # code points both faces can draw


@cache
def document_fonts() -> DocumentFonts:
    """Register the fonts with reportlab (once) and say what they cover."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    faces = {name: TTFont(name, str(path)) for name, path in FONT_FILES.items()}
    for face in faces.values():
        pdfmetrics.registerFont(face)
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    covered = frozenset(faces[REGULAR].face.charToGlyph) & frozenset(faces[BOLD].face.charToGlyph)
    return DocumentFonts(regular=REGULAR, bold=BOLD, covered=covered)
