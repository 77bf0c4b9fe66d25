"""Run the command line in-process (``cli.main``) against temp data folders; a demo folder made once."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from deliverydesk import cli


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def out_lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


Run = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """``run("list-projects", "--data-dir", d)`` -> exit code and what was printed."""

    def invoke(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = cli.main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-demo")
    assert cli.main(["demo", "--data-dir", str(folder)]) == 0
    return folder / "deliverydesk.db"


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A data folder holding a copy of the demo database (no backups, no log yet)."""
    folder = tmp_path / "demo-data"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / "deliverydesk.db")
    return folder


def assert_one_clear_line(result: Result, *expected: str) -> None:
    """An error: non-zero exit, exactly one line on stderr beginning 'deliverydesk: error:', no traceback."""
    assert result.code != 0
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("deliverydesk: error: ")
    assert "Traceback" not in result.err + result.out
    for text in expected:
        assert text in result.err
