"""Content-stream operators written straight into a page, as reportlab's canvas writes them (issue 16).

reportlab formats every number of every operator with ``fp_str`` and saves the canvas's whole
state (a dict of 22 attributes) for each ``q``. The documents write the same few numbers again and
again (sizes, leadings, colours, a frame's left edge, a page's row positions) and draw most
flowables without changing any state the canvas tracks, so the fast drawing roads (``fast_paragraph``,
``fast_table``) write their operators with the numbers formatted once per process, and their ``q``
and ``Q`` without the canvas's state stack. tests/unit/reports/test_operators.py compares them
with reportlab's.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str

MAX_NUMBERS = 20_000  # remembered numbers before the memory starts over
_numbers: dict[float, str] = {}


def number(value: float) -> str:
    """``fp_str(value)``, remembered: equal numbers always format the same (1 and 1.0 alike; -0.0
    and 0.0 both "0"; a NaN is never found again, only formatted again)."""
    text = _numbers.get(value)
    if text is None:
        if len(_numbers) >= MAX_NUMBERS:
            _numbers.clear()
        text = _numbers[value] = fp_str(value)
    return text


def numbers(*values: float) -> str:
    """``fp_str(*values)`` for plain numbers: each formatted as ``number`` does, joined by spaces."""
    return " ".join(map(number, values))


def fill_colour(canvas: Any, colour: Any) -> str | None:
    """The operator ``canvas.setFillColor(colour)`` writes for a plain RGB colour, when it writes
    only that (no colour space forced, the colour's alpha the one already in force); else None."""
    if type(colour) is not Color or getattr(canvas, "_enforceColorSpace", None) is not None:
        return None
    if colour.alpha != canvas._extgstate.getValue("ca"):
        return None
    return f"{numbers(colour.red, colour.green, colour.blue)} rg"


def moved_to(x: float, y: float) -> str:
    """What ``canvas.translate(x, y)`` writes right after a ``q`` (nothing to merge with)."""
    return f"1 0 0 1 {number(x)} {number(y)} cm"


_settings: dict[tuple[float, float], str] = {}


def settings_of(size: float, leading: float) -> str:
    """What a text object writes after a font's name for this size and leading: "8.5 Tf 11.5 TL"."""
    text = _settings.get((size, leading))
    if text is None:
        if len(_settings) >= MAX_NUMBERS:
            _settings.clear()
        text = _settings[size, leading] = f"{number(size)} Tf {number(leading)} TL"
    return text


def subset_name(font: Any, subset: int, doc: Any) -> str:
    """``font.getSubsetInternalName(subset, doc)`` ("/F3+0"), remembered in the font's state for
    ``doc`` once reportlab has named it (its first call for a document names the font there)."""
    state = font.state.get(doc)
    names = state.__dict__.get("_accel_names") if state is not None else None
    name = names.get(subset) if names is not None else None
    if name is None:
        name = font.getSubsetInternalName(subset, doc)
        state = font.state[doc]
        state.__dict__.setdefault("_accel_names", {})[subset] = name
    return name  # type: ignore[no-any-return]
