"""The command line's export of a draft letter without SQLAlchemy (``services.documents.draft_export``):
the same data as the services' gather, the same file as the window's export, read-only, and really
free of SQLAlchemy (checked in a fresh interpreter)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deliverydesk import cli
from deliverydesk.domain.enums import Language
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import DocumentRequest, build_document
from deliverydesk.services.documents.export import export_document
from deliverydesk.services.documents.facts import PLAIN_KINDS, plain_draft
from deliverydesk.services.records.projects import get_project_by_code, list_projects
from deliverydesk.services.storage import OpenOptions, open_workspace
from deliverydesk.store.lock import WriterLock
from deliverydesk.store.readonly import NeedsFullOpen, open_readonly
from tests.conftest import fixed_clock
from tests.integration.documents.conftest import Project

CODE = "DD-2026-014"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("draft-export-demo")
    assert cli.main(["demo", "--data-dir", str(folder)]) == 0
    return folder / "deliverydesk.db"


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / "deliverydesk.db")
    return folder


@pytest.mark.parametrize("language", [None, *Language])
def test_the_plain_read_gives_what_the_gather_gives_on_the_demo(
    data_dir: Path, language: Language | None
) -> None:
    workspace = open_workspace(OpenOptions(data_dir=data_dir), clock=fixed_clock)
    try:
        ctx = workspace.ctx
        projects = list_projects(ctx, include_archived=True).rows
        assert len(projects) > 1
        with open_readonly(data_dir / "deliverydesk.db") as connection:
            for project in projects:
                for kind in PLAIN_KINDS:
                    expected = build_document(ctx, DocumentRequest(project.id, kind, language=language))
                    assert plain_draft(connection, kind, project.id, language, ctx.today()) == expected
    finally:
        workspace.close()


def test_the_plain_read_gives_what_the_gather_gives_on_a_full_project(
    ctx: ServiceContext, project: Project, db_path: Path
) -> None:
    """Expectations, exclusions, a client-side milestone, a signer: every field of the letter filled."""
    for kind in PLAIN_KINDS:
        expected = build_document(ctx, DocumentRequest(project.id, kind))
        assert expected.expectations and expected.exclusions and expected.dependencies  # type: ignore[union-attr]
        with open_readonly(db_path) as connection:
            assert plain_draft(connection, kind, project.id, None, ctx.today()) == expected


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_command_line_writes_the_window_s_draft(data_dir: Path, tmp_path: Path, language: str) -> None:
    out = tmp_path / "cli.pdf"
    assert (
        cli.main(
            [
                "export",
                "letter",
                "--project",
                CODE,
                "--lang",
                language,
                "--out",
                str(out),
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    workspace = open_workspace(OpenOptions(data_dir=data_dir))
    try:
        project = get_project_by_code(workspace.ctx, CODE)
        request = DocumentRequest(project.id, next(iter(PLAIN_KINDS)), language=Language(language))
        export_document(workspace.ctx, request, tmp_path / "window.pdf")
    finally:
        workspace.close()
    assert out.read_bytes() == (tmp_path / "window.pdf").read_bytes()


# what a draft letter never uses: reportlab's barcode widgets (it has no QR code), the standard
# library's web client (xml.sax.saxutils imports it), Babel (its dates are written out: i18n.formats)
UNUSED_BY_A_DRAFT = (
    "reportlab.graphics.barcode",
    "urllib.request",
    "http.client",
    "xml.sax.saxutils",
    "babel",
)


def _export_in_a_fresh_process(data_dir: Path, out: Path, *more: str) -> dict[str, object]:
    argv = ["export", "letter", "--project", CODE, "--out", str(out), "--data-dir", str(data_dir), *more]
    code = (
        "import json, sys; from deliverydesk.cli import main; "
        f"code = main({argv!r}); "
        "print(json.dumps({'code': code, 'sqlalchemy': 'sqlalchemy' in sys.modules, "
        "'tables': 'deliverydesk.store.tables' in sys.modules, "
        f"'unused': [name for name in {UNUSED_BY_A_DRAFT!r} if name in sys.modules], "
        "'url_pattern_compiled': sys.modules['reportlab.platypus.paragraph'].uri_pat.compiled is not None}))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_export_of_a_draft_loads_no_sqlalchemy_nor_unused_modules_and_writes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    database = data_dir / "deliverydesk.db"
    before = _digest(database)
    out = tmp_path / "letter.pdf"
    found = _export_in_a_fresh_process(data_dir, out)
    assert found == {
        "code": 0,
        "sqlalchemy": False,
        "tables": False,
        "unused": [],
        "url_pattern_compiled": False,  # reports.deferred_pattern
    }
    assert out.read_bytes().startswith(b"%PDF")
    assert _digest(database) == before
    assert not (data_dir / "backups").exists()  # opened for writing, the day's backup would be taken
    sidecars = {"deliverydesk.db-wal", "deliverydesk.db-shm"}  # SQLite's own, as any reader's
    assert {p.name for p in data_dir.iterdir()} <= {"deliverydesk.db", "logs", *sidecars}  # no lock file


def test_the_export_of_a_draft_reads_while_the_window_holds_the_database(
    data_dir: Path, tmp_path: Path
) -> None:
    lock = WriterLock.acquire(data_dir / "deliverydesk.db", fixed_clock)
    try:
        out = tmp_path / "letter.pdf"
        assert _export_in_a_fresh_process(data_dir, out)["code"] == 0
        assert out.read_bytes().startswith(b"%PDF")
    finally:
        lock.release()


def test_issuing_goes_the_usual_way(data_dir: Path, tmp_path: Path) -> None:
    found = _export_in_a_fresh_process(data_dir, tmp_path / "issued.pdf", "--issue")
    assert (found["code"], found["sqlalchemy"], found["tables"]) == (0, True, True)


def test_a_file_that_cannot_be_read_plainly_is_refused_the_usual_way(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "deliverydesk.db"
    database.write_bytes(b"not a database at all" * 100)
    with pytest.raises(NeedsFullOpen), open_readonly(database):
        pass
    argv = [
        "export",
        "letter",
        "--project",
        CODE,
        "--out",
        str(tmp_path / "x.pdf"),
        "--data-dir",
        str(data_dir),
    ]
    assert cli.main(argv) == 1
    assert "not a DeliveryDesk database" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_project_is_refused_as_before(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "export",
        "letter",
        "--project",
        "NOPE-1",
        "--out",
        str(tmp_path / "x.pdf"),
        "--data-dir",
        str(data_dir),
    ]
    assert cli.main(argv) == 1
    assert "No project has the code 'NOPE-1'." in capsys.readouterr().err
