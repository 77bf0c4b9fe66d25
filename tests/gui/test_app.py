"""The composition root end to end, in a child process (it builds its own QApplication):
``main.py --data-dir DIR --lang zh_CN`` opens the window on an existing database, in Chinese."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from deliverydesk.gui import application

original_show = application.WindowHost.show

def show_then_report(self, workspace):
    window = original_show(self, workspace)
    def report():
        print("TITLE", window.windowTitle())
        print("TODAY", window.act_today.text())
        print("READONLY", workspace.readonly)
        window.close()
    QTimer.singleShot(300, report)
    return window

application.WindowHost.show = show_then_report
from deliverydesk.app import main
sys.exit(main(sys.argv[1:]))
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_main_opens_the_window_in_chinese(demo_template: Path, data_dir: Path) -> None:
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    result = _run("--data-dir", str(data_dir), "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    assert "TODAY 今日(&T)" in result.stdout
    assert "READONLY False" in result.stdout
    assert (data_dir / "logs" / "deliverydesk.log").is_file()
    assert (data_dir / "ui-state.ini").is_file(), "window state saved in the data folder"


def test_version_and_help_need_no_window() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0 and "DeliveryDesk" in result.stdout
