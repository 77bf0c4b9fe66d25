"""``deliverydesk check`` finds an edited, deleted or forged audit event (and exits 3)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from deliverydesk import cli
from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.services.records.expectations import archive_expectation, create_expectation
from deliverydesk.services.storage import OpenOptions, check_database, open_workspace
from tests.conftest import fixed_clock
from tests.integration.audit.conftest import name_engineer
from tests.integration.services.conftest import make_client, make_project

EXIT_UNHEALTHY = 3


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose database has a few audited changes, the last ones to an expectation."""
    folder = tmp_path_factory.mktemp("audit-template")
    workspace = open_workspace(OpenOptions(data_dir=folder, create=True), fixed_clock)
    try:
        ctx = workspace.ctx
        name_engineer(ctx)
        client_id, _signer, _coordinator = make_client(ctx)
        project_id = make_project(ctx, client_id)
        item = create_expectation(
            ctx, ExpectationDraft(project_id=project_id, statement="Line runs 3 shifts")
        )
        archive_expectation(ctx, item.id)
    finally:
        workspace.close()
    return folder / "deliverydesk.db"


def last_seq(raw: sqlite3.Connection) -> int:
    value: int = raw.execute("SELECT max(seq) FROM audit_event").fetchone()[0]
    return value


def check_lines(data_dir: Path) -> tuple[bool, list[str]]:
    result = check_database(OpenOptions(data_dir=data_dir))
    return result.ok, list(result.lines)


def run_check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["check", "--data-dir", str(data_dir)])
    return code, capsys.readouterr().out


def test_an_untouched_trail_passes(
    data_dir: Path, raw: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    ok, lines = check_lines(data_dir)
    assert ok
    assert any(line.startswith(f"audit trail: ok ({last_seq(raw)} events, since ") for line in lines)
    assert any(line.startswith("records: match the audit trail") for line in lines)
    assert run_check(data_dir, capsys)[0] == 0


def test_an_edited_event_is_named_with_its_record(
    data_dir: Path, raw: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    seq = raw.execute(
        "SELECT seq FROM audit_event WHERE entity = 'expectation' AND action = 'create'"
    ).fetchone()[0]
    raw.execute(
        "UPDATE audit_event SET changes = replace(changes, '3 shifts', '1 shift') WHERE seq = ?", (seq,)
    )

    ok, lines = check_lines(data_dir)
    code, out = run_check(data_dir, capsys)

    assert not ok and "audit trail: TAMPERED" in lines
    assert f"  Audit event {seq} was altered (record: expectation E-1)." in lines
    assert code == EXIT_UNHEALTHY and f"Audit event {seq} was altered" in out


def test_an_edited_event_with_its_hash_recomputed_is_still_caught(
    data_dir: Path, raw: sqlite3.Connection
) -> None:
    raw.execute("UPDATE audit_event SET hash = ? WHERE seq = 2", ("f" * 64,))  # a forger's new hash

    ok, lines = check_lines(data_dir)

    assert not ok
    assert any(line.startswith("  Audit event 2 was altered") for line in lines)
    assert any(line.startswith("  Audit event 3 does not follow event 2") for line in lines)


def test_a_deleted_event_is_reported_missing(
    data_dir: Path, raw: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    raw.execute("DELETE FROM audit_event WHERE seq IN (3, 4)")

    ok, lines = check_lines(data_dir)

    assert not ok
    assert "  Audit events 3–4 are missing (deleted from the database)." in lines
    assert run_check(data_dir, capsys)[0] == EXIT_UNHEALTHY


def test_deleting_the_newest_events_is_caught_by_the_anchor(
    data_dir: Path, raw: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    newest = last_seq(raw)
    raw.execute("DELETE FROM audit_event WHERE seq >= ?", (newest - 1,))

    ok, lines = check_lines(data_dir)

    assert not ok
    expected = (
        f"The newest audit events were removed (the chain ends at {newest - 2}, the anchor says {newest})."
    )
    assert f"  {expected}" in lines
    assert run_check(data_dir, capsys)[0] == EXIT_UNHEALTHY


def test_removing_the_anchor_is_reported(data_dir: Path, raw: sqlite3.Connection) -> None:
    raw.execute("DELETE FROM audit_head")

    ok, lines = check_lines(data_dir)

    assert not ok
    assert any("anchor is missing" in line for line in lines)


def test_a_forged_event_with_a_hostile_record_name_is_reported_literally(
    data_dir: Path, raw: sqlite3.Connection
) -> None:
    raw.execute("UPDATE audit_event SET entity = 'x''; DROP TABLE client; --' WHERE seq = 1")

    ok, lines = check_lines(data_dir)

    assert not ok
    assert "  Audit event 1 was altered (record: x'; DROP TABLE client; -- " in "\n".join(lines)
    assert raw.execute("SELECT count(*) FROM client").fetchone()[0] == 1


def test_check_reports_a_search_index_that_lost_a_trigger(
    data_dir: Path, raw: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    ok, lines = check_lines(data_dir)
    assert ok and "search index: ok" in lines
    raw.execute("DROP TRIGGER search_issue_update")  # as a careless hand-written migration would
    code, out = run_check(data_dir, capsys)
    assert code == EXIT_UNHEALTHY
    assert "search index: 1 trigger(s) MISSING (search_issue_update): searches miss changes" in out
