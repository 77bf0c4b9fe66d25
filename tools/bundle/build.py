"""Build the Linux desktop bundle: ``bash tools/dev bundle`` (this script, in the project's venv).

1. PyInstaller builds one folder from tools/bundle/deliverydesk.spec: ``deliverydesk-gui`` (the
   window), ``deliverydesk`` (the command line) and ``_internal/`` (Python, Qt, the run-time files).
2. Beside them: the .desktop file, the icon (SVG and 256 px PNG), ``install.sh`` for ~/.local,
   README.txt, LICENSE and ``licenses/`` (the third-party notices, LGPL/GPL texts, the fonts' OFL,
   and SYSTEM-LIBRARIES.txt: the shared libraries PyInstaller copied from this system, with the
   Debian package and copyright file of each).
3. ``dist/deliverydesk-VERSION-linux-ARCH.tar.gz`` of that folder.
4. The budgets: unpacked at most 250 MB, .tar.gz at most 100 MB; over either, it exits 1.

    .venv/bin/python tools/bundle/build.py [--out dist]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MB = 1024 * 1024
UNPACKED_BUDGET = 250 * MB
ARCHIVE_BUDGET = 100 * MB
SYSTEM_LIBRARY_DIRS = ("/lib/", "/usr/lib/", "/lib64/", "/usr/lib64/")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from deliverydesk import __version__

    return __version__


def bundle_name() -> str:
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(), platform.machine())
    return f"deliverydesk-{version()}-linux-{machine}"


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def run_pyinstaller(name: str, work: Path, out: Path) -> Path:
    env = {**os.environ, "DELIVERYDESK_BUNDLE_NAME": name}
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += ["--distpath", str(out), "--workpath", str(work), str(HERE / "deliverydesk.spec")]
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return out / name


def link_command_line(folder: Path) -> None:
    """``deliverydesk`` names the same program as ``deliverydesk-gui`` (tools/bundle/launcher.py)."""
    command_line = folder / "deliverydesk"
    if not command_line.exists():
        command_line.symlink_to("deliverydesk-gui")


def render_icon_png(svg: Path, png: Path, size: int = 256) -> None:
    """The PNG icon for desktops that want one, drawn from the SVG by Qt (offscreen)."""
    code = (
        "import sys; from PySide6.QtGui import QGuiApplication, QIcon; app = QGuiApplication([]);"
        f" ok = QIcon(sys.argv[1]).pixmap({size}, {size}).save(sys.argv[2], 'PNG'); sys.exit(0 if ok else 1)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code, str(svg), str(png)], check=True, env=env)


def add_desktop_files(folder: Path) -> None:
    shutil.copy2(HERE / "deliverydesk.desktop", folder / "deliverydesk.desktop")
    shutil.copy2(HERE / "install.sh", folder / "install.sh")
    (folder / "install.sh").chmod(0o755)
    shutil.copy2(HERE / "README.txt", folder / "README.txt")
    shutil.copy2(ROOT / "resources" / "icons" / "app.svg", folder / "deliverydesk.svg")
    render_icon_png(folder / "deliverydesk.svg", folder / "deliverydesk.png")


def add_licences(folder: Path) -> None:
    shutil.copy2(ROOT / "LICENSE", folder / "LICENSE")
    licences = folder / "licenses"
    licences.mkdir(exist_ok=True)
    for path in sorted((ROOT / "resources" / "licenses").glob("*.txt")):
        shutil.copy2(path, licences / path.name)
    shutil.copy2(ROOT / "resources" / "fonts" / "OFL.txt", licences / "OFL-1.1-NotoSansSC.txt")
    shutil.copy2(ROOT / "resources" / "fonts" / "DejaVu-LICENSE.txt", licences / "DejaVu-LICENSE.txt")
    fonts = ROOT / "resources" / "fonts"
    shutil.copy2(fonts / "Hanazono-LICENSE.txt", licences / "Hanazono-LICENSE-HanaMinB.txt")
    (licences / "SYSTEM-LIBRARIES.txt").write_text(system_libraries(folder), encoding="utf-8")


def _debian_package(soname: str) -> tuple[str, str] | None:
    """(system path, Debian package) of a library PyInstaller copied from this system, if it did."""
    found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    for line in found.splitlines():
        if line.strip().startswith(soname + " ") and "=>" in line:
            path = os.path.realpath(line.split("=>")[1].strip())
            # usrmerge: dpkg may know the file as /lib/... while it is found as /usr/lib/...
            owner = subprocess.run(["dpkg", "-S", "*/" + Path(path).name], capture_output=True, text=True)
            for entry in owner.stdout.splitlines():
                package, _, owned = entry.partition(": ")
                if os.path.realpath(owned) == path:
                    return path, package
    return None


def system_libraries(folder: Path) -> str:
    """The shared libraries in the bundle that come from this system rather than a Python package."""
    internal = folder / "_internal"
    lines = [
        "Shared libraries copied into this bundle from the build system (Debian), with their licences",
        "=" * 95,
        "",
        "libpython and the Python standard library's extension modules: CPython, PSF License",
        "(https://docs.python.org/3/license.html).",
        "",
    ]
    texts = []
    for library in sorted(p for p in internal.iterdir() if ".so" in p.name and p.is_file()):
        if library.name.startswith("libpython") or library.is_symlink():  # links to PySide6's Qt
            continue
        origin = _debian_package(library.name)
        if origin is None:
            lines.append(f"* {library.name}: from a Python package's wheel (see THIRD-PARTY-NOTICES.txt)")
            continue
        path, package = origin
        lines.append(f"* {library.name}: {path}, Debian package {package}")
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        if copyright_file.is_file() and package not in {t[0] for t in texts}:
            texts.append((package, copyright_file.read_text(encoding="utf-8", errors="replace").strip()))
    for package, text in texts:
        lines += [
            "",
            "=" * 95,
            f"{package}: /usr/share/doc/{package.split(':')[0]}/copyright",
            "=" * 95,
            "",
            text,
        ]
    return "\n".join(lines) + "\n"


def make_archive(folder: Path, archive: Path) -> None:
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name, filter=normalise)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the folder and .tar.gz go")
    args = parser.parse_args(argv)
    started = time.monotonic()
    name = bundle_name()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / name, ignore_errors=True)
    folder = run_pyinstaller(name, ROOT / "build" / "bundle", out)
    link_command_line(folder)
    add_desktop_files(folder)
    add_licences(folder)
    archive = out / f"{name}.tar.gz"
    make_archive(folder, archive)
    unpacked, packed = folder_size(folder), archive.stat().st_size
    print(f"bundle folder  {folder}  {unpacked / MB:.0f} MB (budget {UNPACKED_BUDGET // MB} MB)")
    print(f"bundle archive {archive}  {packed / MB:.0f} MB (budget {ARCHIVE_BUDGET // MB} MB)")
    print(f"built in {time.monotonic() - started:.0f} s")
    over = [
        what
        for what, size, budget in (("folder", unpacked, UNPACKED_BUDGET), ("archive", packed, ARCHIVE_BUDGET))
        if size > budget
    ]
    if over:
        print(f"over budget: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
