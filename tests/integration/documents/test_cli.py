"""deliverydesk export / sign / verify, in-process against a copy of the demo database."""

from __future__ import annotations

import errno
import io
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from deliverydesk import cli
from deliverydesk.errors import DiskFullError
from deliverydesk.services.files import write_file_atomically

CODE = "DD-2026-014"
HANDED_OVER = "DD-2026-009"  # the demo's handed-over project: nothing stands in the way of its handover


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents-demo")
    assert cli.main(["demo", "--data-dir", str(folder)]) == 0
    return folder / "deliverydesk.db"


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / "deliverydesk.db")
    return folder


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([*map(str, argv), "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def text_of(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)


@pytest.mark.parametrize(("language", "phrase"), [("en", "Expectation"), ("zh_CN", "期望确认函")])
def test_export_writes_a_valid_pdf_in_both_languages(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, language: str, phrase: str
) -> None:
    out = tmp_path / f"letter-{language}.pdf"
    code, said, _err = run(
        capsys, data_dir, "export", "letter", "--project", CODE, "--lang", language, "--out", out
    )
    assert code == 0 and "draft" in said
    assert out.read_bytes().startswith(b"%PDF") and phrase in text_of(out)
    change = tmp_path / f"change-{language}.pdf"
    args = ("export", "change", "--project", CODE, "--ref", "cr-1", "--lang", language, "--out", change)
    assert run(capsys, data_dir, *args)[0] == 0
    assert "CR-1" in text_of(change)


def test_issue_then_verify_exact_modified_and_unknown(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    issued = tmp_path / "issued.pdf"
    code, said, _err = run(
        capsys, data_dir, "export", "handover", "--project", HANDED_OVER, "--issue", "--out", issued
    )
    assert code == 0 and f"Issued {HANDED_OVER}-HO version 1" in said
    code, said, _err = run(capsys, data_dir, "verify", issued)
    assert code == 0 and said.startswith("EXACT:") and f"{HANDED_OVER}-HO version 1" in said
    assert "signature: valid, covering the whole file" in said
    modified = tmp_path / "modified.pdf"
    data = bytearray(issued.read_bytes())
    data[len(data) // 3] ^= 0x20
    modified.write_bytes(bytes(data))
    code, said, _err = run(capsys, data_dir, "verify", modified)
    assert code == 5 and said.startswith("MODIFIED:") and f"{HANDED_OVER}-HO version 1" in said
    draft = tmp_path / "draft.pdf"
    assert run(capsys, data_dir, "export", "summary", "--project", CODE, "--out", draft)[0] == 0
    code, said, _err = run(capsys, data_dir, "verify", draft)
    assert code == 7 and said.startswith("UNKNOWN:")


def test_sign_on_paper_then_verify_says_who_signed(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    issued = tmp_path / "letter.pdf"
    assert run(capsys, data_dir, "export", "letter", "--project", CODE, "--issue", "--out", issued)[0] == 0
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    args = ("sign", "--project", CODE, "--letter", f"{CODE}-EL", "--method", "paper", "--name", "王建国")
    code, said, err = run(capsys, data_dir, *args, "--scan", scan, "--title", "生产总监")
    assert code == 1 and "signed_on" in err  # on paper: the day the client signed is required
    dated = (*args, "--scan", scan, "--title", "生产总监", "--signed-on", date.today().isoformat())
    code, said, err = run(capsys, data_dir, *dated)
    assert code == 0 and "Signed" in said and err == ""
    assert f"on {date.today().isoformat()}" in said and "Confirmed: E-1" in said
    code, said, _err = run(capsys, data_dir, "verify", issued)
    assert code == 0 and "status: signed" in said and "client on paper: 王建国 生产总监" in said
    assert f"signed on {date.today().isoformat()}" in said and "by 张浩 Zhang Hao" in said
    code, said, _err = run(capsys, data_dir, "verify", scan)
    assert code == 0 and "paper-signed scan of" in said and f"{CODE}-EL version 1" in said
    assert run(capsys, data_dir, *args)[0] == 2  # paper without --scan: a usage error


def test_export_issued_writes_the_issued_and_the_signed_copy_byte_for_byte(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    """In a dispute the letter as issued and as signed comes from the command line too: the stored
    bytes, which `verify` recognises exactly."""
    issued = tmp_path / "issued.pdf"
    assert run(capsys, data_dir, "export", "letter", "--project", CODE, "--issue", "--out", issued)[0] == 0
    copy = tmp_path / "copy.pdf"
    wanted = ("export-issued", "--project", CODE, "--letter", f"{CODE}-EL", "--out", copy)
    code, said, err = run(capsys, data_dir, *wanted)
    assert code == 0 and err == "" and f"Wrote {CODE}-EL version 1, as issued, to {copy}" in said
    assert copy.read_bytes() == issued.read_bytes()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    signing = ("sign", "--project", CODE, "--letter", f"{CODE}-EL", "--method", "paper", "--name", "王建国")
    dated = (*signing, "--scan", scan, "--title", "生产总监", "--signed-on", date.today().isoformat())
    assert run(capsys, data_dir, *dated)[0] == 0
    code, said, _err = run(capsys, data_dir, *wanted)
    assert code == 0 and "the signed copy" in said and copy.read_bytes() != issued.read_bytes()
    code, said, _err = run(capsys, data_dir, "verify", copy)
    assert code == 0 and said.startswith("EXACT:") and "client on paper: 王建国 生产总监" in said
    unsigned = tmp_path / "unsigned.pdf"
    assert run(capsys, data_dir, *wanted[:-1], unsigned, "--unsigned")[0] == 0
    assert unsigned.read_bytes() == issued.read_bytes()
    code, _said, err = run(capsys, data_dir, *wanted[:-2], "--version", "9", "--out", copy)
    assert code != 0 and f"no issued letter {CODE}-EL version 9" in err


def test_sign_refuses_an_unentitled_signer_and_a_future_day(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert (
        run(capsys, data_dir, "export", "letter", "--project", CODE, "--issue", "--out", tmp_path / "l.pdf")[
            0
        ]
        == 0
    )
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    base = ("sign", "--project", CODE, "--letter", f"{CODE}-EL", "--method", "paper", "--scan", scan)
    today = date.today()
    code, _said, err = run(capsys, data_dir, *base, "--name", "李娜", "--signed-on", today.isoformat())
    assert code == 1 and "李娜 is not entitled to sign" in err and "refused" in err
    code, _said, err = run(capsys, data_dir, *base, "--name", "Nobody", "--signed-on", today.isoformat())
    assert code == 1 and "not a recorded contact" in err
    tomorrow = (today + timedelta(days=1)).isoformat()
    code, _said, err = run(capsys, data_dir, *base, "--name", "王建国", "--signed-on", tomorrow)
    assert code == 1 and "in the future" in err
    code, said, _err = run(capsys, data_dir, "verify", tmp_path / "l.pdf")
    assert "status: issued" in said  # nothing was signed


def test_the_handover_gate_holds_in_the_command_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "handover.pdf"
    code, said, err = run(capsys, data_dir, "export", "handover", "--project", CODE, "--issue", "--out", out)
    assert code == 1 and said == "" and not out.exists()
    assert "cannot be issued" in err and "neither accepted nor listed as an open item" in err
    assert "S-1" in err
    code, said, _err = run(capsys, data_dir, "export", "handover", "--project", CODE, "--out", out)
    assert code == 0 and "draft" in said and out.read_bytes().startswith(b"%PDF")  # a draft, always


def test_a_failed_export_keeps_the_older_file(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"older export")
    code, _said, err = run(
        capsys, data_dir, "export", "change", "--project", CODE, "--ref", "CR-999", "--out", out
    )
    assert code == 1 and "CR-999" in err
    assert out.read_bytes() == b"older export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_atomic_writer_never_destroys_the_older_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"older export")

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(DiskFullError):
        write_file_atomically(out, b"%PDF new")
    assert out.read_bytes() == b"older export"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]  # no temp file left behind
    monkeypatch.undo()
    write_file_atomically(out, b"%PDF new")
    assert out.read_bytes() == b"%PDF new"
