"""The application's small icon set: simple SVGs in ``resources/icons`` (one stroke style)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from deliverydesk.paths import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"


@cache
def icon(name: str) -> QIcon:
    """``icon("today")`` -> resources/icons/today.svg; a missing name is a bug, caught by the tests."""
    path = ICONS_DIR / f"{name}.svg"
    if not path.exists():
        raise FileNotFoundError(path)
    return QIcon(str(path))


def app_icon() -> QIcon:
    return icon("app")
