"""Selection and icons have enough contrast: the selected row's text reads at 4.5:1 at least, and an
icon on the selection turns white (the selected Overview icon was barely visible), at any size."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.icons import ICONS_DIR, SELECTED_DIR, icon, selected_version
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
    for size in (16, 22, 24, 32, 40):  # 22 and 40: sizes of no pixmap made in advance
        normal = overview.pixmap(size, size, QIcon.Mode.Normal).toImage()
        selected = overview.pixmap(size, size, QIcon.Mode.Selected).toImage()
        ink = [
            selected.pixelColor(x, y)
            for x in range(size)
            for y in range(size)
            if selected.pixelColor(x, y).alpha() > 200
        ]
        assert ink and all(c.lightness() > 240 for c in ink), f"white strokes on the dark selection ({size})"
        dark = [
            normal.pixelColor(x, y)
            for x in range(size)
            for y in range(size)
            if normal.pixelColor(x, y).alpha() > 200
        ]
        assert dark and all(c.lightness() < 140 for c in dark), size


def test_the_white_icons_are_the_icons_in_white() -> None:
    """resources/icons/selected holds each icon's white version and nothing else (written by
    tools/selected_icons.py): an icon changed or added without it would not turn white when selected."""
    wanted = {}
    for path in ICONS_DIR.glob("*.svg"):
        white = selected_version(path.read_text(encoding="utf-8"))
        if white is not None:
            wanted[path.name] = white
    found = {path.name: path.read_text(encoding="utf-8") for path in SELECTED_DIR.iterdir()}
    assert wanted and found == wanted, "run tools/selected_icons.py"
