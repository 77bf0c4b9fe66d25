"""reports.operators writes what reportlab's canvas writes (issue 16)."""

from __future__ import annotations

import io
import math
import random

import pytest
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from deliverydesk.reports import operators
from deliverydesk.reports.operators import fill_colour, moved_to, number, numbers


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
