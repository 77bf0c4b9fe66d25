"""reports.operators writes what reportlab's canvas writes (issue 16)."""

from __future__ import annotations

import io
import math
import random

import pytest
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from deliverydesk.reports import operators
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.operators import fill_colour, moved_to, number, numbers, settings_of, subset_name


def test_numbers_are_formatted_as_fp_str_formats_them() -> None:
    rng = random.Random(16)
    values: list[float] = [0, 1, -1, 0.0, -0.0, 1e-7, -1e-7, 0.5, 2.675, 1e9, 123456789.123, 8.5, 11.5]
    values += [rng.uniform(-1000, 1000) for _ in range(3000)]
    values += [round(rng.uniform(0, 842), 2) for _ in range(3000)] + list(range(-50, 50))
    for value in values * 2:  # the second time from memory
        assert number(value) == fp_str(value), value
    assert numbers(1.5, 2, -0.25) == fp_str(1.5, 2, -0.25)
    assert number(math.nan) == fp_str(math.nan)


def test_the_memory_starts_over_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(operators, "MAX_NUMBERS", 10)
    monkeypatch.setattr(operators, "_numbers", {})
    for n in range(25):
        assert number(n + 0.5) == fp_str(n + 0.5)
        assert len(operators._numbers) <= 10


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=True)


def test_a_plain_colour_is_written_as_set_fill_color_writes_it() -> None:
    for colour in (colors.HexColor("#1B2430"), colors.red, colors.Color(0.1, 0.2, 0.3)):
        canvas = _canvas()
        canvas.setFillColor(colour)
        assert fill_colour(canvas, colour) == canvas._code[-1]


def test_colours_that_write_more_are_left_to_the_canvas() -> None:
    canvas = _canvas()
    assert fill_colour(canvas, colors.CMYKColor(0, 0, 0, 1)) is None
    assert fill_colour(canvas, (0.1, 0.2, 0.3)) is None
    assert fill_colour(canvas, colors.Color(0, 0, 0, alpha=0.5)) is None  # it would set the alpha too
    canvas.setFillAlpha(0.5)
    assert fill_colour(canvas, colors.red) is None  # back to opaque: reportlab writes that as well


def test_a_move_is_written_as_translate_writes_it_after_a_save() -> None:
    for x, y in ((56.69291, 700.123456), (0, 0), (-3.5, 1e-9), (62.69291338582678, 398.5)):
        canvas = _canvas()
        canvas.saveState()
        canvas.translate(x, y)
        assert canvas._code[-2:] == ["q", moved_to(x, y)]


def test_settings_are_written_as_a_text_object_writes_them() -> None:
    canvas = _canvas()
    text = canvas.beginText()
    text.setFont("Helvetica", 8.5, 11.5)
    assert "/F1 " + settings_of(8.5, 11.5) in text.getCode()
    assert settings_of(9.5, 15.5) == f"{fp_str(9.5)} Tf {fp_str(15.5)} TL"


def test_subset_names_are_reportlabs_and_name_the_font_in_the_document_first() -> None:
    font = getFont(document_fonts().regular)
    canvas = _canvas()
    doc = canvas._doc
    font.splitString("项目 Müller " + "".join(chr(0x4E00 + n) for n in range(300)), doc)  # two subsets
    assert font.fontName not in doc.fontMapping
    names = [subset_name(font, subset, doc) for subset in (0, 1, 0, 1)]
    assert font.fontName in doc.fontMapping  # named in the document by the first call, as reportlab does
    assert names == [font.getSubsetInternalName(subset, doc) for subset in (0, 1, 0, 1)]
    assert names[0] != names[1]
    other = _canvas()._doc
    font.splitString("x", other)
    assert subset_name(font, 0, other) == font.getSubsetInternalName(0, other)
