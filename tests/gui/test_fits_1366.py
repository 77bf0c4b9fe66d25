"""The window fits a field laptop: every page and dialog opened on a 1366×768 screen, at 100 % and at
125 % scaling, in English and in Chinese, lies inside the available screen with its buttons visible;
no column header or placeholder is cut off; icon-only buttons have accessible names and tooltips;
the project list keeps its width between pages; a form counts as unchanged when it opens.

Each scale runs ``tests.gui.fit_probe`` in a child process, since the screen is chosen when Qt starts:
the offscreen platform is given a 1366×768 screen (``QT_QPA_PLATFORM=offscreen:configfile=...``), and
125 % is ``QT_SCALE_FACTOR=1.25`` (the window then has 1093×614 logical pixels, as on such a laptop)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {
    "name": "Laptop",
    "x": 0,
    "y": 0,
    "width": 1366,
    "height": 768,
    "logicalDpi": 96,
    "logicalBaseDpi": 96,
}
SCALES = {"100": None, "125": "1.25"}
# Pages and dialogs the probe must have opened (the report lists what it saw).
EXPECTED = {
    "home",
    "page_overview",
    "page_scope",
    "page_milestones",
    "page_expectations",
    "page_change_requests",
    "page_log",
    "page_issues",
    "page_handover",
    "page_documents",
    "recurring",
    "new_project",
    "settings",
    "backups",
    "categories",
    "about",
    "search",
    "welcome",
    "edit_project",
    "edit_client",
    "new_contact",
    "scope_item",
    "exclusion",
    "milestone",
    "move_milestone",
    "expectation",
    "change_request",
    "decide",
    "capture",
    "log_entry",
    "commitment",
    "issue",
    "review",
    "handover",
    "history",
    "preview_draft",
    "preview_issued",
    "summary",
    "sign",
    "evidence",
}


def probe(demo: Path, folder: Path, scale: str | None) -> dict[str, Any]:
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_SCALE")}
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if scale is not None:
        env["QT_SCALE_FACTOR"] = scale
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.fit_probe", "--demo", str(demo)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("FIT-REPORT ")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(lines[-1].removeprefix("FIT-REPORT "))
    return report


@pytest.fixture(scope="module", params=sorted(SCALES))
def report(
    request: pytest.FixtureRequest, demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    scale = request.param
    found = probe(demo_template, tmp_path_factory.mktemp(f"fit-{scale}"), SCALES[scale])
    found["scale"] = scale
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_and_dialog_fits_the_laptop_screen(report: dict[str, Any], language: str) -> None:
    expected_screen = "0,0 1366×768" if report["scale"] == "100" else "0,0 1093×614"
    assert report["screen"] == expected_screen, "the child process got the laptop's screen"
    result = report["languages"][language]
    assert set(result["seen"]) >= EXPECTED, sorted(EXPECTED - set(result["seen"]))
    assert result["problems"] == []


def test_the_probe_sees_what_does_not_fit(qtbot) -> None:
    """The checks can fail: a plain dialog taller than the screen, a button beyond its window, an
    icon-only button with no name, a cut-off placeholder."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QToolButton

    from tests.gui.fit_probe import Probe

    dialog = QDialog()
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    dialog.resize(400, area.height() + 200)
    QPushButton("Save", dialog).move(10, area.height() + 300)
    QToolButton(dialog).move(10, 10)
    QLineEdit(dialog).setPlaceholderText("a placeholder far too long for so narrow a field, cut off")
    dialog.show()
    found = Probe(None, None, "en", None)
    found.check("too_big", dialog)
    kinds = " ".join(found.problems)
    for words in ("outside the screen", "button 'Save'", "icon-only", "placeholder"):
        assert words in kinds, found.problems
