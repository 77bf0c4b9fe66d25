"""The application's small icon set: simple SVGs in ``resources/icons`` (one stroke style).

Each icon also has a white version for the Selected mode, so an icon stays visible on the selection's
dark blue (the selected area of the workspace list, a selected row's decoration)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from deliverydesk.paths import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"
STROKE = "#2f5d8a"  # the set's one colour
SELECTED_STROKE = "#ffffff"
SELECTED_SIZES = (16, 18, 20, 24, 32, 48)


@cache
def icon(name: str) -> QIcon:
    """``icon("today")`` -> resources/icons/today.svg; a missing name is a bug, caught by the tests."""
    path = ICONS_DIR / f"{name}.svg"
    if not path.exists():
        raise FileNotFoundError(path)
    made = QIcon(str(path))
    source = path.read_text(encoding="utf-8")
    if STROKE in source:
        renderer = QSvgRenderer(QByteArray(source.replace(STROKE, SELECTED_STROKE).encode("utf-8")))
        for size in SELECTED_SIZES:
            made.addPixmap(_render(renderer, size), QIcon.Mode.Selected)
    return made


def _render(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    return icon("app")
