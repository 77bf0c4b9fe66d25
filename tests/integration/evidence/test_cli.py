"""deliverydesk evidence, in-process against the scenario's database file."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk import cli
from deliverydesk.services.context import ServiceContext

from .conftest import Scenario, page_texts, squeeze

CODE = "DD-2026-014"


def run(capsys: pytest.CaptureFixture[str], db_path: Path, *argv: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["evidence", *map(str, argv), "--db-url", f"sqlite:///{db_path}"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def closed(ctx: ServiceContext, scenario: Scenario) -> Scenario:
    ctx.db.close()  # the command opens the file itself
    return scenario


@pytest.mark.parametrize(("language", "title"), [("en", "Evidencepack"), ("zh", "证据包")])
def test_a_change_request_pack_is_written(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    closed: Scenario,
    language: str,
    title: str,
) -> None:
    out = tmp_path / "pack.pdf"
    code, said, err = run(
        capsys, db_path, "--project", CODE, "--change-request", "cr-1", "--language", language, "--out", out
    )
    assert code == 0, err
    assert (
        f"{CODE}-EP-CR-1" in said and "log entries 7, letters 1, commitments 2, attachments 2" in said
    )  # 5 + issued + signed (issue 17)
    text = squeeze("".join(page_texts(out.read_bytes())))
    assert title in text and "Quoted6hours,not5" in text and closed.letter_fingerprint in text


def test_an_expectation_and_a_range(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, closed: Scenario
) -> None:
    code, said, _err = run(
        capsys, db_path, "--project", CODE, "--expectation", "E-1", "--out", tmp_path / "e.pdf"
    )
    assert code == 0 and "log entries 1, letters 0" in said
    args = ("--project", CODE, "--from", "2026-03-03", "--to", "2026-03-05", "--out", tmp_path / "r.pdf")
    code, said, _err = run(capsys, db_path, *args)
    assert code == 0 and f"{CODE}-EP-20260303-20260305" in said and (tmp_path / "r.pdf").exists()


def test_wrong_topics_are_refused_and_write_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, closed: Scenario
) -> None:
    out = tmp_path / "x.pdf"
    both = ("--project", CODE, "--change-request", "CR-1", "--expectation", "E-1", "--out", out)
    assert run(capsys, db_path, *both)[0] == 2  # argparse: one topic only
    assert run(capsys, db_path, "--project", CODE, "--from", "2026-03-01", "--out", out)[0] == 2
    code, _said, err = run(capsys, db_path, "--project", CODE, "--change-request", "CR-9", "--out", out)
    assert code == 1 and "no change request 'CR-9'" in err
    code, _said, err = run(
        capsys, db_path, "--project", CODE, "--from", "2026-03-05", "--to", "2026-03-01", "--out", out
    )
    assert code == 1 and "cannot end before it starts" in err
    assert not out.exists()
