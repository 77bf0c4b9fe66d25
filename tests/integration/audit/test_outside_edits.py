"""``check`` catches edits made outside DeliveryDesk (a SQLite tool): every audited record is compared
with the trail's newest state of it; removed audit tables make the file unhealthy and refuse writes;
a trail cut back (events deleted, anchor moved) is caught by the heads its backups witnessed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from deliverydesk import cli
from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.errors import AuditTrailMissingError
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.storage import OpenOptions, backup_now, check_database, open_workspace
from tests.conftest import fixed_clock
from tests.integration.audit.conftest import name_engineer
from tests.integration.audit.test_tamper import EXIT_UNHEALTHY, check_lines, run_check
from tests.integration.services.conftest import make_client, make_project


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a project, an expectation, a log entry and a change request approved."""
    from deliverydesk.domain.drafts import ChangeRequestDraft, LogEntryDraft
    from deliverydesk.services.records.log import add_log_entry
    from deliverydesk.services.scope_guard.change_requests import create_change_request
    from tests.conftest import FIXED_NOW

    folder = tmp_path_factory.mktemp("outside-edits")
    workspace = open_workspace(OpenOptions(data_dir=folder, create=True), fixed_clock)
    try:
        ctx = workspace.ctx
        name_engineer(ctx)
        client_id, _signer, _coordinator = make_client(ctx)
        project_id = make_project(ctx, client_id)
        create_expectation(ctx, ExpectationDraft(project_id=project_id, statement="Line runs 3 shifts"))
        add_log_entry(ctx, LogEntryDraft(project_id=project_id, occurred_at=FIXED_NOW, summary="Agreed SAT"))
        create_change_request(
            ctx,
            ChangeRequestDraft(
                project_id=project_id,
                title="Extra screen",
                requested_on=FIXED_NOW.date(),
                approved_by="王经理",
            ),
        )
    finally:
        workspace.close()
    return folder / "deliverydesk.db"


def test_an_untouched_file_matches_its_trail(data_dir: Path) -> None:
    ok, lines = check_lines(data_dir)
    assert ok, lines
    assert any(line.startswith("records: match the audit trail") for line in lines)


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        ("UPDATE log_entry SET summary = 'Never agreed'", "log entry"),
        ("UPDATE change_request SET approved_by = 'Nobody'", "change request CR-1: field approved_by"),
        ("UPDATE expectation SET statement = 'Line runs 1 shift'", "expectation E-1: field statement"),
        ("UPDATE project SET contract_value_cents = 1", "field contract_value_cents"),
        ("DELETE FROM log_entry", "deleted outside DeliveryDesk"),
        ("UPDATE change_request SET triage = 'no such triage'", "change request CR-1: field triage"),
        ("UPDATE log_entry SET occurred_at = 'not a date'", "field occurred_at"),
        (
            "INSERT INTO category (id, name_en, name_zh, description, created_at, updated_at, row_version)"
            " VALUES ('c0ffee00-0000-4000-8000-000000000000', 'Forged', '伪造', '', '2026-01-01',"
            " '2026-01-01', 1)",
            "category c0ffee00-0000-4000-8000-000000000000: present, but the audit trail never recorded it",
        ),
    ],
)
def test_an_edit_with_a_sqlite_tool_is_named_by_check(
    data_dir: Path, raw: sqlite3.Connection, capsys: pytest.CaptureFixture[str], edit: str, named: str
) -> None:
    raw.execute(edit)
    code, out = run_check(data_dir, capsys)
    assert code == EXIT_UNHEALTHY
    assert "records: CHANGED OUTSIDE DELIVERYDESK" in out
    assert named in out
    assert "audit trail: ok" in out  # the chain itself is intact: only the record comparison sees it


def test_removed_audit_tables_are_unhealthy_and_refuse_every_write(
    data_dir: Path, raw: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    raw.execute("DROP TABLE audit_event")
    raw.execute("DROP TABLE audit_head")

    code, out = run_check(data_dir, capsys)
    assert code == EXIT_UNHEALTHY
    assert "audit trail: MISSING" in out

    workspace = open_workspace(OpenOptions(data_dir=data_dir), fixed_clock)
    try:
        project_id = raw.execute("SELECT id FROM project").fetchone()[0]
        with pytest.raises(AuditTrailMissingError, match="audit trail was removed outside DeliveryDesk"):
            create_expectation(workspace.ctx, ExpectationDraft(project_id=project_id, statement="x"))
    finally:
        workspace.close()
    assert raw.execute("SELECT count(*) FROM expectation").fetchone()[0] == 1
    capsys.readouterr()
    code = cli.main(["import-bundle", str(data_dir / "none.json"), "--data-dir", str(data_dir)])
    assert code == 1  # a refusal in plain words, never a raw error


def test_a_trail_cut_back_with_its_anchor_moved_is_caught_by_a_backup_witness(
    data_dir: Path, raw: sqlite3.Connection
) -> None:
    workspace = open_workspace(OpenOptions(data_dir=data_dir), fixed_clock)
    try:
        backup_now(workspace)  # the backup holds the head as it is now: event N
    finally:
        workspace.close()
    (newest,) = raw.execute("SELECT max(seq) FROM audit_event").fetchone()
    # The forger removes the newest event and moves the anchor onto the one before: two statements,
    # no hashing; the chain alone is consistent again.
    raw.execute("DELETE FROM audit_event WHERE seq = ?", (newest,))
    raw.execute(
        "UPDATE audit_head SET last_seq = ?, last_hash = (SELECT hash FROM audit_event WHERE seq = ?)",
        (newest - 1, newest - 1),
    )

    result = check_database(OpenOptions(data_dir=data_dir))
    assert not result.ok
    assert any(line.startswith("audit trail: ok") for line in result.lines)  # the chain alone passes
    assert "audit trail witnesses: the trail does NOT contain heads they recorded (events were removed)" in (
        result.lines
    )
    assert any(
        line.startswith("  backup deliverydesk-") and f"event {newest} " in line for line in result.lines
    )
