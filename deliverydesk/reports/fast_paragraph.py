"""reportlab's ``Paragraph.drawPara`` for the paragraphs the documents print most (one face and
colour per paragraph, left-aligned, nothing underlined or linked), writing the same PDF bytes with
less work: the lines' text operators go straight into the page instead of through a canvas text
object (issue 16). Anything else is drawn by reportlab; tests/unit/reports/test_fast_table.py
compares both roads byte for byte."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.rl_config import paraFontSizeHeightOffset

_TINY = 1e-6  # reportlab's setXPos moves only further than this
_NOT_SQUEEZED = -1e-8  # a line drawn without word spacing (reportlab's "simple" line)


def _plain(paragraph: Any) -> bool:
    """Whether reportlab would draw ``paragraph`` the simple way this module repeats."""
    style, lines_of = paragraph.style, paragraph.blPara
    return bool(
        lines_of.kind == 0
        and lines_of.lines
        and style.alignment == TA_LEFT
        and not paragraph.debug
        and not _boxed(style)
        and style.wordWrap in (None, "CJK")
        and getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) not in ("max", "min")
        and "_offsets" not in paragraph.__dict__
        and not (lines_of.us_lines or lines_of.link)
        and getFont(lines_of.fontName)._dynamicFont
        and all(extra > _NOT_SQUEEZED for extra, _words in lines_of.lines)
        and paragraph.canv.bottomup
    )


def _boxed(style: Any) -> bool:
    """Whether reportlab draws a background or border behind the paragraph."""
    return bool(
        style.backColor or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
    )


def draw_plain(paragraph: Any) -> bool:
    """Draw ``paragraph`` as ``Paragraph.drawPara`` would; False (nothing drawn) when it is not plain."""
    if not _plain(paragraph):
        return False
    canvas, style, lines_of = paragraph.canv, paragraph.style, paragraph.blPara
    canvas.saveState()
    offset = style.firstLineIndent + 0
    if paraFontSizeHeightOffset:
        cur_y = paragraph.height - lines_of.fontSize
    else:
        cur_y = paragraph.height - getattr(lines_of, "ascent", lines_of.fontSize)
    if paragraph.bulletText:
        offset = draw_bullet(canvas, offset, cur_y, paragraph.bulletText, style)
    canvas.setFillColor(lines_of.textColor)
    code = ["BT", f"1 0 0 1 {fp_str(style.leftIndent, cur_y)} Tm"]
    font, settings = getFont(lines_of.fontName), f"{fp_str(lines_of.fontSize)} Tf {fp_str(style.leading)} TL"
    doc, escape, current = canvas._doc, canvas._escape, -1
    for number, (_extra, words) in enumerate(lines_of.lines):
        move = offset if number == 0 else 0
        if move > _TINY or move < -_TINY:
            code.append(f"{fp_str(move, 0)} Td")
        parts = []
        for subset, codes in font.splitString(" ".join(words), doc):
            if subset != current:
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {settings}")
                current = subset
            parts.append(f"({escape(codes)}) Tj")
        code.append(" ".join(parts) + " T*")
        if move > _TINY or move < -_TINY:
            code.append(f"{fp_str(-move, 0)} Td")
    code.append("ET")
    canvas._code.append(" ".join(code))
    canvas.restoreState()
    return True


def draw_runs(paragraph: Any, lines: Sequence[tuple[float, Sequence[Sequence[Any]]]]) -> bool:
    """Draw lines of several runs (``fast_lines.run_lines``) as ``Paragraph.drawPara`` draws a
    paragraph of several fragments (``_leftDrawParaLineX``, ``_putFragLine``); False (nothing drawn)
    when it would not draw them this simple way."""
    canvas, style, frags = paragraph.canv, paragraph.style, paragraph.frags
    if not (
        lines
        and style.alignment == TA_LEFT
        and paraFontSizeHeightOffset
        and not paragraph.debug
        and not _boxed(style)
        and "_offsets" not in paragraph.__dict__
        and canvas.bottomup
        and getattr(canvas, "_enforceColorSpace", None) is None
        and all(type(frag.textColor) is Color for frag in frags)
    ):
        return False
    canvas.saveState()
    size, leading = frags[0].fontSize, style.leading
    offset = style.firstLineIndent + 0
    cur_y = paragraph.height - size
    if paragraph.bulletText:
        offset = draw_bullet(canvas, offset, cur_y, paragraph.bulletText, style)
    code = ["BT", f"1 0 0 1 {fp_str(style.leftIndent, cur_y)} Tm"]
    moved = offset > _TINY or offset < -_TINY
    if moved:
        code.append(f"{fp_str(offset, 0)} Td")
    code.append(f"{fp_str(leading)} TL")
    doc, escape = canvas._doc, canvas._escape
    settings = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    face: Any = None
    colour: Any = None
    subset = -1
    for number, (_extra, pieces) in enumerate(lines):
        last = len(pieces) - 1
        for k, (run, text) in enumerate(pieces):
            frag = frags[run]
            if face is None or frag.fontName != face.fontName:
                face, subset = getFont(frag.fontName), -1
            if colour is None or frag.textColor != colour:
                colour = frag.textColor
                code.append(f"{fp_str((colour.red, colour.green, colour.blue))} rg")
            parts = []
            for part, codes in face.splitString(text, doc):
                if part != subset:
                    parts.append(f"{face.getSubsetInternalName(part, doc)} {settings}")
                    subset = part
                parts.append(f"({escape(codes)}) Tj")
            code.append(" ".join(parts) + (" T*" if k == last else ""))
        if number == 0 and moved:
            code.append(f"{fp_str(-offset, 0)} Td")
    code.append("ET")
    canvas._code.append(" ".join(code))
    canvas.restoreState()
    return True


def draw_bullet(canvas: Any, offset: float, cur_y: float, bullet: Any, style: Any) -> float:
    """reportlab's ``paragraph._drawBullet`` (not right to left): the same bytes without a canvas text
    object for a plain-string bullet at the start of the line in a TrueType face; the first line's
    offset after it."""
    colour = getattr(style, "bulletColor", style.textColor)
    font = getFont(style.bulletFontName)
    if not (
        isinstance(bullet, str)
        and style.bulletAnchor == "start"
        and font._dynamicFont
        and type(colour) is Color
        and colour.alpha == 1
        and getattr(canvas, "_enforceColorSpace", None) is None
    ):
        return float(rl_paragraph._drawBullet(canvas, offset, cur_y, bullet, style, rtl=False))
    x, y = style.bulletIndent - 0, cur_y + getattr(style, "bulletOffsetY", 0)
    size = style.bulletFontSize
    settings = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
    doc, parts, subset = canvas._doc, [], -1
    for part, codes in font.splitString(bullet, doc):
        if part != subset:
            parts.append(f"{font.getSubsetInternalName(part, doc)} {settings}")
            subset = part
        parts.append(f"({canvas._escape(codes)}) Tj")
    rgb = fp_str((colour.red, colour.green, colour.blue))
    canvas._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {rgb} rg {' '.join(parts)} ET")
    end = x + stringWidth(bullet, style.bulletFontName, size) + size * 0.6
    return float(max(offset, end - style.leftIndent))
