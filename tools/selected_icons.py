"""Write ``resources/icons/selected/``: each icon's white version for the Selected mode.

    .venv/bin/python tools/selected_icons.py

Run this after adding or changing an icon in resources/icons/; tests/gui/test_contrast.py fails while
the white versions and the icons differ (``gui.icons.selected_version`` is the rule).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deliverydesk.gui.icons import ICONS_DIR, SELECTED_DIR, selected_version  # noqa: E402


def main() -> int:
    SELECTED_DIR.mkdir(exist_ok=True)
    wanted = {}
    for path in sorted(ICONS_DIR.glob("*.svg")):
        white = selected_version(path.read_text(encoding="utf-8"))
        if white is not None:
            wanted[path.name] = white
    for stale in SELECTED_DIR.glob("*.svg"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (SELECTED_DIR / name).write_text(text, encoding="utf-8")
    print(f"{len(wanted)} white icons in {SELECTED_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
