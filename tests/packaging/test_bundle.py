"""The Linux desktop bundle, as a user gets it: the .tar.gz that `bash tools/dev bundle` builds.

Runs when DELIVERYDESK_BUNDLE names that archive (.ci/run builds it and sets it): it keeps its size
budgets, carries the .desktop file, the icon, the installer and the licences, installs into a home
folder's ~/.local, its command line makes a demo, checks it and exports a letter, and its window
starts under Xvfb in English and in Chinese with a picture that is not blank, every process exiting 0."""

from __future__ import annotations

import os
import shutil
import tarfile
from pathlib import Path

import pytest

from deliverydesk import __version__
from tests.packaging.helpers import assert_fonts_embedded, assert_not_blank, offline_env, run

ARCHIVE = os.environ.get("DELIVERYDESK_BUNDLE", "")
MB = 1024 * 1024
pytestmark = [
    pytest.mark.skipif(
        not ARCHIVE, reason="no bundle to test: DELIVERYDESK_BUNDLE is not set (.ci/run sets it)"
    ),
    pytest.mark.xdist_group("bundle"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("bundle")
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(target, filter="tar")  # keeps the executables' modes and the symlinks
    (folder,) = target.iterdir()
    return folder


def bundle_env(**extra: str) -> dict[str, str]:
    env = offline_env(**extra)
    del env["QT_QPA_PLATFORM"]  # the real platform plugin (xcb), under Xvfb
    return env


def test_the_archive_is_named_for_the_version_and_keeps_its_budgets(bundle: Path) -> None:
    archive = Path(ARCHIVE)
    assert archive.name == f"deliverydesk-{__version__}-linux-x86_64.tar.gz"
    assert bundle.name == archive.name.removesuffix(".tar.gz")
    unpacked = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert archive.stat().st_size <= 100 * MB, f"{archive.stat().st_size / MB:.0f} MB"
    assert unpacked <= 250 * MB, f"{unpacked / MB:.0f} MB"


def test_it_carries_the_desktop_file_icon_installer_and_licences(bundle: Path) -> None:
    for name in ("deliverydesk-gui", "deliverydesk", "install.sh"):
        assert os.access(bundle / name, os.X_OK), name
    for name in ("deliverydesk.svg", "deliverydesk.png", "README.txt", "LICENSE"):
        assert (bundle / name).is_file(), name
    licences = {path.name for path in (bundle / "licenses").iterdir()}
    assert {"THIRD-PARTY-NOTICES.txt", "LGPL-3.0.txt", "GPL-3.0.txt", "SYSTEM-LIBRARIES.txt"} <= licences
    assert "how" in (bundle / "licenses" / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    qt = bundle / "_internal" / "PySide6" / "Qt"
    assert (qt / "plugins" / "platforms" / "libqxcb.so").is_file(), "the xcb platform plugin"
    assert not list(qt.glob("lib/libQt6Quick*")) and not list(qt.glob("lib/libQt6Qml*")), "unused Qt modules"
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", bundle / "deliverydesk.desktop"], cwd=bundle, env=bundle_env())


def test_the_installer_puts_it_into_local_and_takes_it_out_again(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = bundle_env(HOME=str(home))
    env.pop("XDG_DATA_HOME", None)
    run([bundle / "install.sh"], cwd=tmp_path, env=env)
    local = home / ".local"
    desktop = local / "share" / "applications" / "deliverydesk.desktop"
    assert (local / "share" / "icons" / "hicolor" / "scalable" / "apps" / "deliverydesk.svg").is_file()
    exec_line = next(
        line for line in desktop.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")
    )
    assert exec_line == f'Exec="{local}/lib/deliverydesk/deliverydesk-gui"'
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", desktop], cwd=tmp_path, env=env)
    installed = run([local / "bin" / "deliverydesk", "--version"], cwd=tmp_path, env=env)
    assert installed.strip() == f"DeliveryDesk {__version__}"
    run([bundle / "install.sh", "--uninstall"], cwd=tmp_path, env=env)
    assert not desktop.exists() and not (local / "lib" / "deliverydesk").exists()
    assert not (local / "bin" / "deliverydesk").exists()


def test_the_bundled_command_line_makes_checks_and_exports_a_demo(bundle: Path, tmp_path: Path) -> None:
    cli, data, env = bundle / "deliverydesk", tmp_path / "data", bundle_env()
    assert run([cli, "--version"], cwd=tmp_path, env=env).strip() == f"DeliveryDesk {__version__}"
    assert "Demo data ready" in run([cli, "--data-dir", data, "demo"], cwd=tmp_path, env=env)
    assert "ok" in run([cli, "--data-dir", data, "check"], cwd=tmp_path, env=env)
    for kind in ("letter", "summary", "handover"):  # the document kinds load by name: all are bundled
        pdf = tmp_path / f"{kind}.pdf"
        export = [cli, "--data-dir", data, "export", kind, "--project", "DD-2026-014", "--lang", "zh_CN"]
        run([*export, "--out", pdf], cwd=tmp_path, env=env)
        assert_fonts_embedded(pdf)


@pytest.mark.parametrize(("language", "menu"), [("en", "&File"), ("zh_CN", "文件(&F)")])
def test_the_bundled_window_starts_under_xvfb(bundle: Path, tmp_path: Path, language: str, menu: str) -> None:
    data, shot, env = tmp_path / "data", tmp_path / f"window-{language}.png", bundle_env()
    run([bundle / "deliverydesk", "--data-dir", data, "demo"], cwd=tmp_path, env=env)
    window = [bundle / "deliverydesk-gui", "--data-dir", data, "--lang", language, "--screenshot", shot]
    xvfb = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24"]
    printed = run([*xvfb, *window], cwd=tmp_path, env=env, timeout=180)
    assert f" xcb {language}: " in printed and menu in printed, printed
    assert_not_blank(shot)
    if keep := os.environ.get("DELIVERYDESK_BUNDLE_SCREENSHOTS"):  # for a person to look at
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy2(shot, Path(keep) / shot.name)
    log = (data / "logs" / "deliverydesk.log").read_text(encoding="utf-8")
    assert f"DeliveryDesk {__version__} starting" in log and language in log
