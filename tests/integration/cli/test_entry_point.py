"""The installed ``deliverydesk`` script as a real process: entry point, exit codes, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "deliverydesk"


def _run(*argv: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    if not SCRIPT.exists():
        pytest.fail(f"{SCRIPT} is missing: install the package (pip install -e .)")
    return subprocess.run(
        [str(SCRIPT), *map(str, argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_the_entry_point_shows_help() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert (
        "list-projects" in result.stdout
        and "import-bundle" in result.stdout
        and "exit codes" in result.stdout
    )


def test_a_garbage_database_gives_one_line_and_no_traceback(tmp_path: Path) -> None:
    garbage = b"PK\x03\x04 not a database at all " * 64
    (tmp_path / "deliverydesk.db").write_bytes(garbage)

    listed = _run("list-projects", "--data-dir", tmp_path)
    assert listed.returncode == 1
    assert listed.stderr.count("\n") == 1 and listed.stderr.startswith("deliverydesk: error: ")
    assert "Traceback" not in listed.stderr + listed.stdout

    checked = _run("--data-dir", tmp_path, "check")
    assert checked.returncode == 3
    assert "Traceback" not in checked.stderr + checked.stdout
    assert (tmp_path / "deliverydesk.db").read_bytes() == garbage  # refused, never modified


def test_output_survives_a_console_that_cannot_show_chinese(demo_dir: Path) -> None:
    result = _run("list-projects", "--data-dir", demo_dir, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "DD-2026-014" in result.stdout and "\\u534e" in result.stdout  # 华 comes out escaped
    assert result.stderr == ""


def test_help_does_not_load_the_services() -> None:
    """``--help`` stays quick: SQLAlchemy, Alembic and jsonschema load only when a command runs."""
    probe = (
        "import sys\nfrom deliverydesk import cli\nassert cli.main(['--help']) == 0\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'jsonschema', 'holidays') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")
