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
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.rl_config import paraFontSizeHeightOffset

from deliverydesk.reports.operators import fill_colour, moved_to, number, numbers, settings_of, subset_name

_TINY = 1e-6  # reportlab's setXPos moves only further than this
_NOT_SQUEEZED = -1e-8  # a line drawn without word spacing (reportlab's "simple" line)


def _plain(paragraph: Any, canvas: Any) -> bool:
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
        and canvas.bottomup
    )


def _boxed(style: Any) -> bool:
    """Whether reportlab draws a background or border behind the paragraph."""
    return bool(
        style.backColor or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
    )


def draw_plain(paragraph: Any, canvas: Any = None, at: tuple[float, float] | None = None) -> bool:
    """Draw ``paragraph`` as ``Paragraph.drawPara`` would; with ``at``, as ``drawOn(canvas, *at)``
    would (its ``q``, move and ``Q`` written straight: nothing the canvas tracks changes in between).
    False (nothing drawn) when it is not plain, or (with ``at``) its colour is not a plain one."""
    canvas = paragraph.canv if canvas is None else canvas
    if not _plain(paragraph, canvas):
        return False
    style, lines_of = paragraph.style, paragraph.blPara
    colour = fill_colour(canvas, lines_of.textColor)
    if paragraph.bulletText and not _plain_bullet(canvas, paragraph.bulletText, style):
        colour = None  # reportlab's bullet: the canvas's state is saved and restored around it
    code = canvas._code
    if at is not None:
        if colour is None:
            return False
        code.append("q")
        code.append(moved_to(*at))
    if colour is None:
        canvas.saveState()
    else:
        code.append("q")
    offset = style.firstLineIndent + 0
    if paraFontSizeHeightOffset:
        cur_y = paragraph.height - lines_of.fontSize
    else:
        cur_y = paragraph.height - getattr(lines_of, "ascent", lines_of.fontSize)
    if paragraph.bulletText:
        offset = draw_bullet(canvas, offset, cur_y, paragraph.bulletText, style)
    if colour is None:
        canvas.setFillColor(lines_of.textColor)
    else:
        code.append(colour)
    code.append(_plain_text(canvas, paragraph, offset, cur_y))
    if colour is None:
        canvas.restoreState()
    else:
        code.append("Q")
        if at is not None:
            code.append("Q")
    return True


def _plain_text(canvas: Any, paragraph: Any, offset: float, cur_y: float) -> str:
    """The paragraph's text object (``BT`` ... ``ET``), its first line moved by ``offset``."""
    style, lines_of = paragraph.style, paragraph.blPara
    code = ["BT", f"1 0 0 1 {number(style.leftIndent)} {number(cur_y)} Tm"]
    font, settings = getFont(lines_of.fontName), settings_of(lines_of.fontSize, style.leading)
    doc, escape, current = canvas._doc, canvas._escape, -1
    for line_number, (_extra, words) in enumerate(lines_of.lines):
        move = offset if line_number == 0 else 0
        if move > _TINY or move < -_TINY:
            code.append(f"{number(move)} 0 Td")
        parts = []
        for subset, codes in font.splitString(" ".join(words), doc):
            if subset != current:
                parts.append(f"{subset_name(font, subset, doc)} {settings}")
                current = subset
            parts.append(f"({escape(codes)}) Tj")
        code.append(" ".join(parts) + " T*")
        if move > _TINY or move < -_TINY:
            code.append(f"{number(-move)} 0 Td")
    code.append("ET")
    return " ".join(code)


def draw_runs(
    paragraph: Any,
    lines: Sequence[tuple[float, Sequence[Sequence[Any]]]],
    canvas: Any = None,
    at: tuple[float, float] | None = None,
) -> bool:
    """Draw lines of several runs (``fast_lines.run_lines``) as ``Paragraph.drawPara`` draws a
    paragraph of several fragments (``_leftDrawParaLineX``, ``_putFragLine``); with ``at``, as
    ``drawOn(canvas, *at)`` would. False (nothing drawn) when it would not draw them this simple way."""
    canvas = paragraph.canv if canvas is None else canvas
    style, frags = paragraph.style, paragraph.frags
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
        and not (paragraph.bulletText and not _plain_bullet(canvas, paragraph.bulletText, style))
    ):
        return False
    out = canvas._code
    if at is not None:
        out.append("q")
        out.append(moved_to(*at))
    out.append("q")  # the text and bullet change nothing the canvas tracks: no state to save
    size, leading = frags[0].fontSize, style.leading
    offset = style.firstLineIndent + 0
    cur_y = paragraph.height - size
    if paragraph.bulletText:
        offset = draw_bullet(canvas, offset, cur_y, paragraph.bulletText, style)
    code = ["BT", f"1 0 0 1 {number(style.leftIndent)} {number(cur_y)} Tm"]
    moved = offset > _TINY or offset < -_TINY
    if moved:
        code.append(f"{number(offset)} 0 Td")
    code.append(f"{number(leading)} TL")
    doc, escape = canvas._doc, canvas._escape
    settings = settings_of(size, leading)
    face: Any = None
    colour: Any = None
    subset = -1
    for line_number, (_extra, pieces) in enumerate(lines):
        last = len(pieces) - 1
        for k, (run, text) in enumerate(pieces):
            frag = frags[run]
            if face is None or frag.fontName != face.fontName:
                face, subset = getFont(frag.fontName), -1
            if colour is None or frag.textColor != colour:
                colour = frag.textColor
                code.append(f"{numbers(colour.red, colour.green, colour.blue)} rg")
            parts = []
            for part, codes in face.splitString(text, doc):
                if part != subset:
                    parts.append(f"{subset_name(face, part, doc)} {settings}")
                    subset = part
                parts.append(f"({escape(codes)}) Tj")
            code.append(" ".join(parts) + (" T*" if k == last else ""))
        if line_number == 0 and moved:
            code.append(f"{number(-offset)} 0 Td")
    code.append("ET")
    out.append(" ".join(code))
    out.append("Q")
    if at is not None:
        out.append("Q")
    return True


def draw_bullet(canvas: Any, offset: float, cur_y: float, bullet: Any, style: Any) -> float:
    """reportlab's ``paragraph._drawBullet`` (not right to left): the same bytes without a canvas text
    object for a plain-string bullet at the start of the line in a TrueType face; the first line's
    offset after it."""
    if not _plain_bullet(canvas, bullet, style):
        return float(rl_paragraph._drawBullet(canvas, offset, cur_y, bullet, style, rtl=False))
    colour, font = getattr(style, "bulletColor", style.textColor), getFont(style.bulletFontName)
    x, y = style.bulletIndent - 0, cur_y + getattr(style, "bulletOffsetY", 0)
    size = style.bulletFontSize
    settings = settings_of(size, size * 1.2)
    doc, parts, subset = canvas._doc, [], -1
    for part, codes in font.splitString(bullet, doc):
        if part != subset:
            parts.append(f"{subset_name(font, part, doc)} {settings}")
            subset = part
        parts.append(f"({canvas._escape(codes)}) Tj")
    rgb = numbers(colour.red, colour.green, colour.blue)
    canvas._code.append(f"BT 1 0 0 1 {number(x)} {number(y)} Tm {rgb} rg {' '.join(parts)} ET")
    end = x + stringWidth(bullet, style.bulletFontName, size) + size * 0.6
    return float(max(offset, end - style.leftIndent))


def _plain_bullet(canvas: Any, bullet: Any, style: Any) -> bool:
    """Whether ``draw_bullet`` writes the bullet itself (else reportlab draws it, through a text
    object that may set the canvas's transparency)."""
    colour = getattr(style, "bulletColor", style.textColor)
    return bool(
        isinstance(bullet, str)
        and style.bulletAnchor == "start"
        and getFont(style.bulletFontName)._dynamicFont
        and type(colour) is Color
        and colour.alpha == 1
        and getattr(canvas, "_enforceColorSpace", None) is None
    )
