"""The application's small icon set: simple SVGs in ``resources/icons`` (one stroke style).

Each icon also has a white version for the Selected mode, so an icon stays visible on the selection's
dark blue (the selected area of the workspace list, a selected row's decoration): the same SVG with
the stroke in white, in ``resources/icons/selected`` (written by ``tools/selected_icons.py``; a test
compares them). Qt's SVG icon engine renders it when a selected row first draws it, at the size asked
for: rendering six sizes of every icon as it was made took ~17 ms of the GUI thread before the main
window's first paint, for menus and toolbars that never draw an icon selected."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from deliverydesk.paths import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"
SELECTED_DIR = ICONS_DIR / "selected"
STROKE = "#2f5d8a"  # the set's one colour
SELECTED_STROKE = "#ffffff"


@cache
def icon(name: str) -> QIcon:
    """``icon("today")`` -> resources/icons/today.svg; a missing name is a bug, caught by the tests."""
    path = ICONS_DIR / f"{name}.svg"
    if not path.exists():
        raise FileNotFoundError(path)
    made = QIcon(str(path))
    selected = SELECTED_DIR / path.name
    if selected.exists():
        made.addFile(str(selected), QSize(), QIcon.Mode.Selected)
    return made


def selected_version(source: str) -> str | None:
    """The white SVG for the Selected mode (None: an icon not drawn in the set's colour, the app's)."""
    return source.replace(STROKE, SELECTED_STROKE) if STROKE in source else None


def app_icon() -> QIcon:
    return icon("app")
