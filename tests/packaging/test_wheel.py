"""A wheel built from the checkout carries every run-time file, and DeliveryDesk installed from it into
a fresh virtualenv works from a folder outside the checkout with no package index reachable: the
command line makes a demo, checks it and exports a letter with embedded fonts, and the window starts
offscreen to its first painted page and quits."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from deliverydesk import __version__
from tests.packaging.helpers import (
    ROOT,
    assert_fonts_embedded,
    assert_not_blank,
    copy_source,
    load_tool,
    lock_entries,
    offline_env,
    run,
    uv,
)

pytestmark = pytest.mark.xdist_group("wheel")  # one build and one venv for the module (tools/dev test)
RUN_TIME_FILES = (
    "deliverydesk/resources/__init__.py",
    "deliverydesk/resources/fonts/NotoSansSC-Regular.ttf",
    "deliverydesk/resources/fonts/NotoSansSC-Bold.ttf",
    "deliverydesk/resources/fonts/OFL.txt",
    "deliverydesk/resources/fonts/DejaVuSans.ttf",
    "deliverydesk/resources/fonts/DejaVu-LICENSE.txt",
    "deliverydesk/resources/fonts/HanaMinB-ExtB.ttf.xz",
    "deliverydesk/resources/fonts/Hanazono-LICENSE.txt",
    "deliverydesk/resources/icons/app.svg",
    "deliverydesk/resources/icons/selected/overview.svg",
    "deliverydesk/resources/translations/deliverydesk_zh_CN.qm",
    "deliverydesk/resources/translations/deliverydesk_en.qm",
    "deliverydesk/resources/locale/zh_CN/LC_MESSAGES/deliverydesk.mo",
    "deliverydesk/resources/licenses/THIRD-PARTY-NOTICES.txt",
    "deliverydesk/resources/licenses/LGPL-3.0.txt",
    "deliverydesk/migrations/__init__.py",
    "deliverydesk/migrations/env.py",
    "deliverydesk/migrations/versions/0001_initial_schema.py",
    "deliverydesk/services/bundle/bundle.schema.json",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel-build")
    source = copy_source(work / "source")
    build = [uv(), "build", "--wheel", "--no-build-isolation", "--offline", "--python", sys.executable]
    run([*build, "--out-dir", work / "dist", source], cwd=work, env=offline_env(keep_uv_index=True))
    (built,) = (work / "dist").glob("deliverydesk-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtualenv with DeliveryDesk's run-time packages, pinned by the lock, and the wheel."""
    work = tmp_path_factory.mktemp("wheel-venv")
    env = offline_env(keep_uv_index=True)  # the run-time wheels come from uv's cache (--offline)
    notices = load_tool("third_party_notices")
    names = {canonicalize_name(d.metadata["Name"]) for d in notices.runtime_distributions()}
    pins = work / "run-time.txt"
    pins.write_text(lock_entries(names), encoding="utf-8")
    python = work / "venv" / "bin" / "python"
    run([uv(), "venv", "--python", sys.executable, work / "venv"], cwd=work, env=env)
    run([uv(), "pip", "sync", "--offline", "--require-hashes", "--python", python, pins], cwd=work, env=env)
    run([uv(), "pip", "install", "--offline", "--no-deps", "--python", python, wheel], cwd=work, env=env)
    run([uv(), "pip", "check", "--python", python], cwd=work, env=env)  # the wheel's requirements hold
    return work / "venv"


def test_the_wheel_carries_the_run_time_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in RUN_TIME_FILES if name not in names] == []
    assert wheel.name == f"deliverydesk-{__version__}-py3-none-any.whl"
    assert not [name for name in names if name.endswith(".ts") or name.startswith("tests/")]


def test_the_installed_package_reads_its_files_from_itself(venv: Path, tmp_path: Path) -> None:
    code = "import deliverydesk.paths as p; print(p.__file__, p.RESOURCES_DIR, p.MIGRATIONS_DIR)"
    printed = run([venv / "bin" / "python", "-c", code], cwd=tmp_path, env=offline_env()).split()
    site = str(venv.resolve())
    assert len(printed) == 3 and all(path.startswith(site) for path in printed), printed
    assert not any(path.startswith(str(ROOT)) for path in printed)


def test_the_command_line_makes_checks_and_exports_a_demo(venv: Path, tmp_path: Path) -> None:
    cli, data, env = venv / "bin" / "deliverydesk", tmp_path / "data", offline_env()
    assert run([cli, "--version"], cwd=tmp_path, env=env).strip() == f"DeliveryDesk {__version__}"
    assert "Demo data ready" in run([cli, "--data-dir", data, "demo"], cwd=tmp_path, env=env)
    run([cli, "--data-dir", data, "check"], cwd=tmp_path, env=env)
    letter = tmp_path / "letter.pdf"
    export = [cli, "--data-dir", data, "export", "letter", "--project", "DD-2026-014", "--lang", "zh_CN"]
    run([*export, "--out", letter], cwd=tmp_path, env=env)
    assert letter.read_bytes().startswith(b"%PDF")
    assert_fonts_embedded(letter)


def test_the_window_starts_offscreen_and_quits(venv: Path, tmp_path: Path) -> None:
    data, shot, env = tmp_path / "data", tmp_path / "window.png", offline_env()
    run([venv / "bin" / "deliverydesk", "--data-dir", data, "demo"], cwd=tmp_path, env=env)
    gui = [venv / "bin" / "deliverydesk-gui", "--data-dir", data, "--lang", "zh_CN", "--screenshot", shot]
    printed = run(gui, cwd=tmp_path, env=env, timeout=120)
    assert "zh_CN" in printed and "文件(&F)" in printed, printed
    assert_not_blank(shot)
