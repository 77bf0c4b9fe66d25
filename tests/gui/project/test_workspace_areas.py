"""Each area of the workspace side list has its own icon (an SVG that exists and renders)."""

from __future__ import annotations

from deliverydesk.gui.icons import ICONS_DIR, icon
from deliverydesk.gui.pages.project import PAGE_CLASSES


def test_every_area_has_its_own_icon(qapp) -> None:
    names = [cls.icon_name for cls in PAGE_CLASSES]
    assert len(set(names)) == len(names), f"areas share an icon: {names}"
    for name in names:
        assert (ICONS_DIR / f"{name}.svg").exists(), name
        assert not icon(name).pixmap(18, 18).isNull(), name
