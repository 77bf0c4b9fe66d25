"""Selection and icons have enough contrast: the selected row's text reads at 4.5:1 at least, and an
icon on the selection turns white (the selected Overview icon was barely visible)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.icons import icon
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.style import contrast_ratio, readable_selection


def test_the_selection_reads_at_4_5_to_1(qtbot, env: GuiEnv) -> None:
    window = MainWindow(env)
    qtbot.addWidget(window)
    palette = QApplication.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        background = palette.color(group, QPalette.ColorRole.Highlight)
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        assert contrast_ratio(background, text) >= 4.5


def test_a_light_selection_is_darkened_and_a_good_one_kept() -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#7fb2e5"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    fixed = readable_selection(palette)
    assert contrast_ratio(fixed.color(QPalette.ColorRole.Highlight), QColor("#ffffff")) >= 4.5
    good = QPalette()
    good.setColor(QPalette.ColorRole.Highlight, QColor("#103060"))
    good.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    assert readable_selection(good).color(QPalette.ColorRole.Highlight) == QColor("#103060")


def test_icons_turn_white_on_the_selection(qtbot) -> None:
    overview = icon("overview")
    normal = overview.pixmap(24, 24, QIcon.Mode.Normal).toImage()
    selected = overview.pixmap(24, 24, QIcon.Mode.Selected).toImage()
    ink = [
        selected.pixelColor(x, y)
        for x in range(24)
        for y in range(24)
        if selected.pixelColor(x, y).alpha() > 200
    ]
    assert ink and all(c.lightness() > 240 for c in ink), "white strokes on the dark selection"
    dark = [
        normal.pixelColor(x, y) for x in range(24) for y in range(24) if normal.pixelColor(x, y).alpha() > 200
    ]
    assert dark and all(c.lightness() < 140 for c in dark)
