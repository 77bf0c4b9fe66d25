"""reportlab's line breaking for paragraphs of several plain runs, with less work (issue 16).

A paragraph made of several runs of plain text (the progress summary's "Waiting on you" tag in
bold and colour, then the difficulty; a line in two faces) goes through reportlab's general line
breaker: ``Paragraph.breakLines`` (Latin) or ``cjkFragSplit`` (``wordWrap="CJK"``), which clone a
fragment per word or per character. ``run_lines`` breaks the same runs into the same lines, each
a list of (run, text) pieces, following the same rules step by step (the same widths, added in
the same order, the same space shrinkage; Chinese: the same kinsoku rule and the same search back
for a space inside Latin text). ``fast_paragraph.draw_runs`` draws them as reportlab would.

Only plain runs qualify (one size, no links, underlines, images, rises, background colours, line
breaks, soft hyphens or no-break spaces, no hyphenation); a word wider than its line (reportlab
cuts it), a word made of two runs, or a Latin line that would be squeezed goes reportlab's way:
``run_lines`` answers None. tests/unit/reports/test_fast_lines.py compares both on many texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from unicodedata import category

from reportlab.lib.textsplit import ALL_CANNOT_START, dumbSplit
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus.paragraph import _wsc, lstrip, split
from reportlab.platypus.paraparser import ParaFrag
from reportlab.rl_config import _FUZZ

Piece = list[Any]  # [run number, text]
Line = tuple[float, list[Piece]]  # (the line's unused width, its pieces)

# characters the plain path leaves to reportlab: white space other than the space (reportlab and
# Python disagree on some), no-break and zero-width spaces, soft hyphens
_ODD = re.compile("[^\\S ]|[" + re.escape(_wsc.replace(" ", "")) + "\xa0\xad]")
_RUN_ATTRIBUTES = frozenset(
    {"__tag__", "bold", "fontName", "fontSize", "greek", "italic", "link", "rise", "text", "textColor"}
    | {"us_lines", "_fkind"}
)
MAX_WIDTHS = 50_000  # remembered widths per face and size before the memory starts over
_SQUEEZED = -1e-8  # reportlab spaces the words of a line with less room than this


def plain_runs(paragraph: Any) -> bool:
    """Whether ``paragraph`` is two or more runs of plain text that ``run_lines`` can break."""
    frags, style = paragraph.frags, paragraph.style
    if len(frags) < 2 or not _plain_style(style) or paragraph.__dict__.get("_splitpara"):
        return False
    if any(type(frag) is not ParaFrag for frag in frags):
        return False  # a split paragraph's words, or images and the like
    size = frags[0].fontSize
    previous = None
    for frag in frags:
        if not frag.__dict__.keys() <= _RUN_ATTRIBUTES:
            return False
        text = getattr(frag, "text", None)
        if not isinstance(text, str) or not text.strip() or _ODD.search(text) or frag.link or frag.us_lines:
            return False
        if frag.rise or frag.fontSize != size or not getFont(frag.fontName)._dynamicFont:
            return False
        if previous is not None and _same_look(previous, frag):
            return False  # reportlab would join them into one piece
        previous = frag
    return True


def _plain_style(style: Any) -> bool:
    return bool(
        style.wordWrap in (None, "CJK")
        and not style.endDots
        and not getattr(style, "hyphenationLang", "")
        and not style.uriWasteReduce
        and not style.embeddedHyphenation
        and not getattr(style, "shaping", 0)
        and getattr(style, "autoLeading", "") in ("", "off")
    )


def _same_look(one: Any, other: Any) -> bool:
    return bool(
        one.fontName == other.fontName and one.fontSize == other.fontSize and one.textColor == other.textColor
    )


def run_lines(paragraph: Any, widths: list[float]) -> list[Line] | None:
    """The lines reportlab's line breaker would make of ``paragraph`` (``plain_runs``) for these
    line widths (``widths`` as ``Paragraph.wrap`` passes them, the bullet already allowed for)."""
    frags = paragraph.frags
    if paragraph.style.wordWrap == "CJK":
        return _cjk_lines(frags, widths)
    return _latin_lines(frags, widths, paragraph.style.spaceShrinkage, paragraph.style.splitLongWords)


Word = tuple[int, str, float, bool]  # run number, text, width, followed by a space


def _words(frags: Sequence[Any]) -> list[Word] | None:
    """``paragraph._getFragWords`` for plain runs: words of one piece each (None: a word spans two
    runs, which reportlab measures and joins differently)."""
    words: list[Word] = []
    pending: tuple[int, str, float] | None = None  # the word the last run ended inside
    strip_start = True
    for number, frag in enumerate(frags):
        text, name, size = frag.text, frag.fontName, frag.fontSize
        if strip_start:
            text = lstrip(text)
            if not text:
                continue
            strip_start = False
        parts = split(text)
        if text[0] == " " or not parts:
            if pending is not None:
                words.append((*pending, False))
                pending, follows_space = None, False
            else:
                follows_space = bool(words) and words[-1][3]
            if not follows_space:
                parts.insert(0, "")
            elif not parts:
                continue
        elif pending is not None:
            return None
        for part in parts[:-1]:
            words.append((number, part, stringWidth(part, name, size), True))
        last = parts[-1]
        if text[-1] == " ":
            words.append((number, last, stringWidth(last, name, size), True))
        else:
            pending = (number, last, stringWidth(last, name, size))
    if pending is not None:
        words.append((*pending, False))
    return words


def _latin_lines(
    frags: Sequence[Any], widths: list[float], shrinkage: float, split_long: Any
) -> list[Line] | None:
    """``Paragraph.breakLines`` for several plain runs (its second case), step for step."""
    words = _words(frags)
    if words is None:
        return None
    spaces = [stringWidth(" ", frag.fontName, frag.fontSize) for frag in frags]
    lines: list[Line] = []
    pieces: list[Piece] = []
    last_line = len(widths) - 1
    line_number, max_width = 0, widths[0]
    count = 0
    space = current = 0.0
    for number, text, width, spaced in words:
        new = current + space + width if width > 0 else current
        limit = max_width
        if shrinkage:
            shrink = space
            for run, piece in pieces:
                found = piece.count(" ")
                if found:
                    shrink += found * spaces[run]
            shrink *= shrinkage
            limit += shrink
        if new > limit and split_long and width > widths[min(line_number, last_line)]:
            return None  # a word wider than the line: reportlab cuts it
        if not (new > limit and count > 0):
            if text:
                count += 1
            if not pieces:
                pieces = [[number, text]]
            elif pieces[-1][0] != number:
                if space and not pieces[-1][1].endswith(" "):
                    pieces[-1][1] += " "
                pieces.append([number, text])
            elif space:
                pieces[-1][1] += text if pieces[-1][1].endswith(" ") else " " + text
            else:
                pieces[-1][1] += text
            space = spaces[number] if spaced else 0
            current = new
            continue
        if not _drawn_plainly(max_width - current, count):
            return None
        lines.append((max_width - current, pieces))
        line_number += 1
        max_width = widths[min(last_line, line_number)]
        space = spaces[number] if spaced else 0
        current, count, pieces = width, 1, [[number, text]]
    if pieces:
        if not _drawn_plainly(max_width - current, count):
            return None
        lines.append((max_width - current, pieces))
    return lines


def _drawn_plainly(extra: float, count: int) -> bool:
    """Whether reportlab draws a line with this unused width and word count without word spacing."""
    return extra > _SQUEEZED or count - 1 <= 0


def _cjk_lines(frags: Sequence[Any], widths: list[float]) -> list[Line]:
    """``paragraph.cjkFragSplit`` for plain runs: characters, widths and the same line ends."""
    chars: list[str] = []
    sizes: list[float] = []
    runs: list[int] = []
    for number, frag in enumerate(frags):
        name, size = frag.fontName, frag.fontSize
        for char in frag.text:
            chars.append(char)
            sizes.append(stringWidth(char, name, size))
            runs.append(number)
    lines: list[Line] = []
    i = start = 0
    used = 0.0
    max_width = widths[0]
    total = len(chars)
    while i < total:
        char, width = chars[i], sizes[i]
        i += 1
        used += width
        if not (used > max_width + _FUZZ and used > 0):
            continue
        extra = max_width - used
        if ord(char) < 0x3000:  # inside Latin text: back to a space or a CJK character
            for j in range(i - 1, (start + i) >> 1, -1):
                if category(chars[j]) == "Zs" or ord(chars[j]) >= 0x3000:
                    k = j + 1
                    if k < i:
                        j = k + 1
                        extra += sum(sizes[m] for m in range(j, i))
                        width, char, i = sizes[k], chars[k], j
                        break
        if char not in ALL_CANNOT_START and i > start + 1:
            i -= 1
            extra += width
        lines.append((extra, _pieces(chars, runs, start, i)))
        max_width = widths[len(lines)] if len(lines) < len(widths) else widths[-1]
        start, used = i, 0.0
    if used > 0:
        lines.append((max_width - used, _pieces(chars, runs, start, total)))
    return lines


def _pieces(chars: Sequence[str], runs: Sequence[int], start: int, stop: int) -> list[Piece]:
    pieces: list[Piece] = []
    for k in range(start, stop):
        if pieces and pieces[-1][0] == runs[k]:
            pieces[-1][1] += chars[k]
        else:
            pieces.append([runs[k], chars[k]])
    return pieces


def plain_run(paragraph: Any) -> bool:
    """Whether ``paragraph`` is one run of plain text that ``one_run_lines`` can break."""
    frags = paragraph.frags
    if len(frags) != 1 or type(frags[0]) is not ParaFrag or paragraph.__dict__.get("_splitpara"):
        return False
    frag = frags[0]
    text = getattr(frag, "text", None)  # the rest of a split paragraph holds words instead
    return bool(
        _plain_style(paragraph.style)
        and frag.__dict__.keys() <= _RUN_ATTRIBUTES
        and isinstance(text, str)
        and text.strip()
        and not _ODD.search(text)
        and not (frag.link or frag.us_lines or frag.rise)
        and getFont(frag.fontName)._dynamicFont
    )


def one_run_lines(paragraph: Any, widths: list[float]) -> Any:
    """What reportlab's ``breakLines`` (first case) or ``breakLinesCJK`` (one fragment) returns for
    ``paragraph`` (``plain_run``): its kind-0 lines, the same object; None when it would cut a word."""
    frag = paragraph.frags[0]
    name, size = frag.fontName, frag.fontSize
    known = _widths(name, size)
    if paragraph.style.wordWrap == "CJK":
        text = frag.text
        sizes = [known.get(char) or _measured(known, char, name, size) for char in text]
        lines = dumbSplit(text, sizes, widths)
        wrapped = [(extra, [line]) for extra, line in lines]
        return frag.clone(kind=0, lines=wrapped, ascent=size, descent=-0.2 * size)
    style = paragraph.style
    space = known.get(" ") or _measured(known, " ", name, size)
    shrink = style.spaceShrinkage * space
    made: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current, number, last, max_width = -space, 0, len(widths) - 1, widths[0]
    # reportlab's split(strip(text)): the same as str's for text without odd white space (plain_run)
    for word in frag.text.strip(" ").split():
        width = known.get(word) or _measured(known, word, name, size)
        new = current + space + width
        limit = max_width + shrink * len(line)
        if new > limit and style.splitLongWords and width > widths[min(number, last)]:
            return None  # reportlab cuts the word
        if new <= limit or not line:
            line.append(word)
            current = new
            continue
        made.append((max_width - current, line))
        line, current, number = [word], width, number + 1
        max_width = widths[min(last, number)]
    if line:
        made.append((max_width - current, line))
    ascent, descent = getAscentDescent(name, size)
    return frag.clone(kind=0, lines=made, ascent=ascent, descent=descent, fontSize=size)


def _widths(name: str, size: float) -> dict[str, float]:
    """The widths of texts in face ``name`` at ``size`` measured so far (``_measured``)."""
    font = getFont(name)
    sizes = font.__dict__.setdefault("_fast_lines_widths", {})
    widths: dict[str, float] | None = sizes.get(size)
    if widths is None or len(widths) > MAX_WIDTHS:
        widths = sizes[size] = {}
    return widths


def _measured(widths: dict[str, float], text: str, name: str, size: float) -> float:
    """``stringWidth(text, name, size)``, remembered in ``widths``."""
    width: float = stringWidth(text, name, size, "utf8")
    widths[text] = width
    return width
