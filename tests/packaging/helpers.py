"""Shared by the packaging tests: commands run outside the checkout, with no package index reachable."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock"
SOURCE_ENTRIES = ("deliverydesk", "resources", "db", "setup.cfg", "pyproject.toml", "README.md", "LICENSE")


def closed_port() -> int:
    """A loopback port nothing listens on: any connection to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def offline_env(*, keep_uv_index: bool = False, **extra: str) -> dict[str, str]:
    """The environment minus anything pointing at the checkout, with the package indexes and any
    proxy at a closed local port: a command that tries the network fails instead of downloading.

    uv keys its cache by index URL, so commands that install from the cache keep the default index
    and say ``--offline`` (``keep_uv_index=True``)."""
    closed = f"http://127.0.0.1:{closed_port()}"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DELIVERYDESK_", "PIP_", "UV_")) and key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    if "UV_CACHE_DIR" in os.environ:  # where the wheels already are
        env["UV_CACHE_DIR"] = os.environ["UV_CACHE_DIR"]
    env.update(
        PIP_INDEX_URL=f"{closed}/simple",
        PIP_EXTRA_INDEX_URL="",
        PIP_FIND_LINKS="",
        HTTP_PROXY=closed,
        HTTPS_PROXY=closed,
        http_proxy=closed,
        https_proxy=closed,
        NO_PROXY="",
        no_proxy="",
        UV_PYTHON_DOWNLOADS="never",
        QT_QPA_PLATFORM="offscreen",
    )
    if not keep_uv_index:
        env["UV_INDEX_URL"] = f"{closed}/simple"
    env.update(extra)
    return env


def run(command: list[str | Path], cwd: Path, env: dict[str, str], timeout: int = 300) -> str:
    """Run ``command``; fail with its output unless it exits 0; return its stdout."""
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{command} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def uv() -> Path:
    found = shutil.which("uv", path=str(Path(sys.executable).parent))
    assert found is not None, "uv is not installed in the test environment (it is in requirements.lock)"
    return Path(found)


def copy_source(target: Path) -> Path:
    """What a wheel is built from, copied out of the checkout (no caches, no build leftovers)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCE_ENTRIES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def load_tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lock_entries(names: set[str]) -> str:
    """The lock's entries (pins, markers and hashes) for the given canonical names."""
    blocks = re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8"))
    chosen = [block for block in blocks if re.sub(r"[-_.]+", "-", block.split("==")[0]).lower() in names]
    return "\n".join(chosen) + "\n"


def assert_fonts_embedded(pdf: Path) -> None:
    """Every font of the PDF is embedded (pdffonts' emb column)."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows, f"no fonts in {pdf}"
    assert [row[0] for row in rows if row[-5] != "yes"] == [], listing


def assert_not_blank(png: Path) -> None:
    """A picture of a window with content: many colours and real contrast, not one flat colour."""
    with Image.open(png) as image:
        grey = image.convert("L")
        low, high = grey.getextrema()
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert high - low > 100, f"{png}: flat picture ({low}..{high})"
    assert colours is None or len(colours) > 16, f"{png}: only {len(colours or [])} colours"
