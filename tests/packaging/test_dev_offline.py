"""After one online set-up, tools/dev's set-up makes no network access while the lock, setup.cfg,
pyproject.toml and the interpreter are unchanged (the stamp matches): with every package index and
proxy at a closed local port, `tools/dev test` and `tools/dev run` still start, install nothing, and
`run` passes its arguments to the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deliverydesk import __version__
from tests.packaging.helpers import ROOT, assert_not_blank, offline_env, run

VENV = Path(sys.prefix)
STAMP = VENV / ".deliverydesk-stamp"


@pytest.fixture
def set_up_venv() -> Path:
    status = subprocess.run(
        ["bash", "tools/dev", "status"],
        cwd=ROOT,
        env=offline_env(VENV=str(VENV)),
        capture_output=True,
        text=True,
    )
    if status.returncode != 0:
        pytest.skip(f"{VENV} was not set up by tools/dev (or its inputs changed since): {status.stdout}")
    return VENV


def test_tools_dev_test_sets_up_offline_and_runs_pytest(set_up_venv: Path, tmp_path: Path) -> None:
    before = STAMP.stat().st_mtime_ns
    printed = run(
        ["bash", "tools/dev", "test", "--version"], cwd=ROOT, env=offline_env(VENV=str(set_up_venv))
    )
    assert printed.startswith("pytest ")
    assert STAMP.stat().st_mtime_ns == before, "set-up ran again"


def test_tools_dev_run_sets_up_offline_and_passes_its_arguments(set_up_venv: Path, tmp_path: Path) -> None:
    before = STAMP.stat().st_mtime_ns
    data, shot = tmp_path / "data", tmp_path / "window.png"
    env = offline_env(VENV=str(set_up_venv), DELIVERYDESK_DATA_DIR=str(data))
    version = run(["bash", "tools/dev", "run", "--version"], cwd=ROOT, env=env)
    assert version.strip().endswith(f"DeliveryDesk {__version__}")
    assert (data / "deliverydesk.db").is_file(), "the demo database"
    printed = run(["bash", "tools/dev", "run", "--lang", "zh_CN", "--screenshot", shot], cwd=ROOT, env=env)
    assert "zh_CN: 文件(&F)" in printed, printed
    assert_not_blank(shot)
    assert STAMP.stat().st_mtime_ns == before, "set-up ran again"
