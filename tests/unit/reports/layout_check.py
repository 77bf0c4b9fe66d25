"""Reads a PDF's layout back (every run of text with its page, position, face and size) and checks
the rules the documents keep: a heading never ends a page, the signature blocks stand with text,
list items and short table rows never split one line from the rest, and no page but the last is more
than 40 % empty."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pypdf import PdfReader

from deliverydesk.reports.styles import MARGIN_BOTTOM, MARGIN_TOP

HEADING_SIZE = 11.0
MAX_EMPTY = 0.40
TOKEN = re.compile(r"i(\d{2,3})w\d{2}")


@dataclass(frozen=True)
class Run:
    page: int
    x: float
    y: float
    size: float
    font: str
    text: str

    @property
    def is_heading(self) -> bool:
        return self.font.endswith("NotoSansSC-Bold") and abs(self.size - HEADING_SIZE) < 0.01


@dataclass(frozen=True)
class Layout:
    pages: tuple[tuple[Run, ...], ...]  # the runs inside the text frame (no header, no footer)
    frame: tuple[float, float]  # bottom, top

    def lines(self, page: int) -> list[tuple[float, str]]:
        """The page's lines, top first: the runs at one height, left to right, joined (a face can
        change inside a word: reportlab subsets a font in sets of 256 glyphs)."""
        heights = sorted({round(run.y, 1) for run in self.pages[page]}, reverse=True)
        runs = sorted(self.pages[page], key=lambda run: run.x)
        return [(y, "".join(r.text.strip() for r in runs if round(r.y, 1) == y)) for y in heights]


def read_layout(pdf: bytes) -> Layout:
    reader = PdfReader(io.BytesIO(pdf))
    height = float(reader.pages[0].mediabox.height)
    bottom, top = MARGIN_BOTTOM - 1, height - MARGIN_TOP + 1
    pages = []
    for number, page in enumerate(reader.pages):
        runs: list[Run] = []

        def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: object, size: float) -> None:
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            if bottom < y < top:
                runs.append(Run(number, x, y, float(size), name, text))  # noqa: B023

        page.extract_text(visitor_text=visit)
        pages.append(tuple(runs))
    return Layout(tuple(pages), (bottom, top))


def heading_problems(layout: Layout) -> list[str]:
    """Headings with nothing under them on their page."""
    problems = []
    for number, runs in enumerate(layout.pages):
        for heading in (run for run in runs if run.is_heading):
            if not any(run.y < heading.y - 2 for run in runs):
                problems.append(f"page {number + 1}: heading {heading.text!r} ends the page")
    return problems


def emptiness_problems(layout: Layout, last_page: int | None = None) -> list[str]:
    """Pages before ``last_page`` (default: the last) whose text ends more than 40 % above the foot."""
    bottom, top = layout.frame
    last = len(layout.pages) - 1 if last_page is None else last_page
    problems = []
    for number, runs in enumerate(layout.pages[:last]):
        lowest = min((run.y for run in runs), default=top)
        empty = (lowest - bottom) / (top - bottom)
        if empty > MAX_EMPTY:
            problems.append(f"page {number + 1} is {empty:.0%} empty")
    return problems


def signature_problems(layout: Layout, first_label: str) -> list[str]:
    """The signature blocks (their first field label, e.g. "Name") stand with text above them on
    their page: the lead text of the block, not a heading alone."""
    for number, runs in enumerate(layout.pages):
        labels = [y for y, text in layout.lines(number) if text.startswith(first_label)]
        if labels:
            over_pen_line = [run.y for run in runs if run.y > max(labels) + 30]  # "For <organisation>"
            if not over_pen_line:
                return [f"page {number + 1}: the signature blocks have no heading line"]
            for_line = min(over_pen_line)
            above = [run for run in runs if run.y > for_line + 2 and not run.is_heading]
            return [] if above else [f"page {number + 1}: the signature blocks stand alone"]
    return ["no signature block found"]


def split_problems(layout: Layout, least: int = 2) -> list[str]:
    """Items whose words carry a token ``i<item>w<word>``: split over pages, each part holds
    ``least`` lines at least (one line alone, or one word, never starts or ends a page)."""
    lines: dict[str, dict[int, set[float]]] = {}
    for number, runs in enumerate(layout.pages):
        for run in runs:
            for item in TOKEN.findall(run.text):
                lines.setdefault(item, {}).setdefault(number, set()).add(round(run.y, 1))
    problems = []
    for item, pages in lines.items():
        if len(pages) > 1:
            short = {page + 1: len(ys) for page, ys in pages.items() if len(ys) < least}
            if short:
                problems.append(f"item {item} split with {short} line(s) on page(s) {sorted(short)}")
    return problems


def tokens(item: int, words: int, lead: str = "") -> str:
    """Text of ``words`` tokens of item ``item``, e.g. "i07w00 i07w01 ..."."""
    return lead + " ".join(f"i{item:02d}w{word:02d}" for word in range(words))


def all_problems(layout: Layout, checks: Iterable[list[str]]) -> list[str]:
    return [problem for check in checks for problem in check]
