"""The few style constants shared by the window's parts (one look, defined once)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

MUTED_COLOUR = "#5b6675"
MUTED_STYLE = f"color: {MUTED_COLOUR};"  # secondary text: dates under headings, facts under titles
ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#9a4a10"  # amber dark enough to read on white (WCAG AA): plausibility warnings


def mute(widget: QWidget) -> None:
    """``MUTED_STYLE``'s colour through the palette: the same look, but a widget with a style sheet is
    polished and painted by the slower style-sheet style (the Overview repaints dozens on a switch)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED_COLOUR))
    widget.setPalette(palette)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast of two colours (1 to 21; body text wants 4.5 at least)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


READABLE = 4.5


def readable_selection(palette: QPalette) -> QPalette:
    """The palette with a selection dark (or light) enough for its text to read at 4.5:1: some styles'
    light blue selection with white text does not (Fusion: 3.7:1), nor do dark icons on it."""
    adjusted = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        background = adjusted.color(group, QPalette.ColorRole.Highlight)
        text = adjusted.color(group, QPalette.ColorRole.HighlightedText)
        darker = _luminance(text) > _luminance(background)
        for _ in range(20):
            if contrast_ratio(background, text) >= READABLE:
                break
            background = background.darker(110) if darker else background.lighter(110)
        adjusted.setColor(group, QPalette.ColorRole.Highlight, background)
    return adjusted
