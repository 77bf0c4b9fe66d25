"""Each area of the workspace side list has its own icon (an SVG that exists and renders)."""

from __future__ import annotations

from deliverydesk.gui.icons import ICONS_DIR, icon
from deliverydesk.gui.pages.project import page_classes


def test_every_area_has_its_own_icon(qapp) -> None:
    names = [cls.icon_name for cls in page_classes()]
    assert len(set(names)) == len(names), f"areas share an icon: {names}"
    for name in names:
        assert (ICONS_DIR / f"{name}.svg").exists(), name
        assert not icon(name).pixmap(18, 18).isNull(), name
