"""Static checks run as part of the test command: import contracts, lint, types."""

from __future__ import annotations

import ast
import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        pytest.fail(f"{name} is not installed in the test environment")
    return path


def test_import_contracts_hold() -> None:
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint_is_clean() -> None:
    result = _run(_tool("ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _run(_tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_benchmarks_type_check() -> None:
    """The benchmarks drive the app's own classes: a renamed attribute or a wrong argument there is
    caught here, not in a measuring run."""
    result = _run(_tool("mypy"), "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run(_tool("ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_says_what_it_owns() -> None:
    """Each package of deliverydesk opens with a docstring (docs/architecture.md lists them)."""
    silent = [
        str(init.parent.relative_to(ROOT))
        for init in sorted((ROOT / "deliverydesk").rglob("__init__.py"))
        if not ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    ]
    assert silent == []


def test_mypy_strict_covers_the_whole_package() -> None:
    """No part of deliverydesk (gui/ included) is left out of mypy's strict mode."""
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    assert config["mypy"].getboolean("strict")
    assert config["mypy"]["packages"].strip() == "deliverydesk"
    assert "exclude" not in config["mypy"]
    ours = [name for name in config.sections() if name.startswith("mypy-") and "deliverydesk" in name]
    relaxed = [name for name in ours if config[name].getboolean("ignore_errors", False)]
    assert relaxed == []
