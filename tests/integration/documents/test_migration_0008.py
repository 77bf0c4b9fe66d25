"""Revision 0008 on a file written before signature events and the roster: the settings' authority
limits become your roster row, each signed (or refused) letter one client signature event (the scan
of a paper-signed one linked), a training's ``material_left`` goes, the search triggers of 0003 stay,
and a real downgrade brings the letter's signer columns and the settings' limits back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from deliverydesk.store.migrate import current_revision, head_revision
from tests.integration.learning.test_migration_0004 import insert, migrate

PNG = b"\x89PNG\r\n\x1a\n fake"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    """Foreign keys off, as the app upgrades (a batch rebuild would otherwise cascade on the drop)."""
    engine = create_engine(f"sqlite:///{db_path}")
    yield engine
    engine.dispose()


def old_file(engine: Engine) -> dict[str, str]:
    migrate(engine, "upgrade", "0007")
    ids: dict[str, str] = {}
    signed_at = datetime(2026, 3, 2, 8, 15, 30)
    with engine.begin() as connection:
        insert(
            connection,
            "settings",
            engineer_name="张浩",
            authority_hours_per_change=12.0,
            authority_cost_cents_per_change=900_00,
            goodwill_hours_per_project=20.0,
        )
        client = insert(connection, "client", name="Client")
        ids["project"] = project = insert(connection, "project", code="DD-1", name="P", client_id=client)
        ids["screen"] = insert(
            connection,
            "letter",
            project_id=project,
            kind="expectation_confirmation",
            ref="DD-1-EL",
            status="signed",
            signer_name="王建国",
            signer_title="厂长",
            signed_at=signed_at,
            sign_place="苏州",
            sign_method="on_screen",
            signature_png=PNG,
        )
        ids["paper"] = insert(
            connection, "letter", project_id=project, kind="handover", ref="DD-1-HO", status="signed",
            signer_name="王建国", signed_at=signed_at, sign_method="on_paper",
        )  # fmt: skip
        blob = "a" * 64
        connection.execute(text("INSERT INTO blob (sha256, size, data) VALUES (:s, 1, x'00')"), {"s": blob})
        ids["scan"] = insert(
            connection, "attachment", project_id=project, sha256=blob, filename="scan.pdf", size=1,
            letter_id=ids["paper"],
        )  # fmt: skip
        ids["unsigned"] = insert(
            connection, "letter", project_id=project, kind="change_decision", ref="DD-1-CD", status="issued"
        )
        ids["training"] = insert(
            connection, "handover_item", project_id=project, kind="training", title="T", material_left=True
        )
        ids["ask"] = insert(connection, "change_request", project_id=project, ref="CR-1", title="Ask")
    return ids


def rows(engine: Engine, sql: str, **params: object) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


def triggers(engine: Engine) -> list[tuple[object, ...]]:
    return sorted(
        rows(
            engine,
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name IN ('expectation', 'change_request')",
        )
    )


def test_settings_become_your_roster_row_and_letters_signature_events(engine: Engine) -> None:
    ids = old_file(engine)
    before = triggers(engine)

    migrate(engine, "upgrade", "head")

    (you,) = rows(
        engine,
        "SELECT id, name, role, hours_per_change, cost_cents_per_change, goodwill_hours_per_project"
        " FROM person",
    )
    assert you[1:] == ("张浩", "engineer", 12.0, 900_00, 20.0)
    assert rows(engine, "SELECT person_id, engineer_place FROM settings") == [(you[0], "")]
    events = rows(
        engine,
        "SELECT letter_id, party, method, signer_name, signer_title, place, signed_on, recorded_at,"
        " attachment_id, signature_png FROM signature ORDER BY method",
    )
    local_day = datetime(2026, 3, 2, 8, 15, 30, tzinfo=UTC).astimezone().date().isoformat()  # as printed
    assert [e[:5] for e in events] == [
        (ids["paper"], "client", "on_paper", "王建国", ""),
        (ids["screen"], "client", "on_screen", "王建国", "厂长"),
    ]
    paper, screen = events
    assert (paper[8], paper[9]) == (ids["scan"], None)  # the scan is the paper's evidence
    assert (screen[5], screen[8], screen[9]) == ("苏州", None, PNG)
    assert str(screen[7]).startswith("2026-03-02 08:15:30")
    assert paper[6] == screen[6] == local_day
    columns = {row[1] for row in rows(engine, "PRAGMA table_info(letter)")}
    assert not columns & {"signer_name", "signed_at", "sign_method", "signature_png"}
    assert "material_left" not in {row[1] for row in rows(engine, "PRAGMA table_info(handover_item)")}
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    assert triggers(engine) == before  # exactly the SQL 0003 wrote


def test_the_upgrade_binds_no_value_through_sqlite3s_deprecated_default_adapters(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deprecated since Python 3.12; here they are gone, so a date or datetime bound through them fails."""
    old_file(engine)
    for kind in (date, datetime):
        monkeypatch.delitem(sqlite3.adapters, (kind, sqlite3.PrepareProtocol))

    migrate(engine, "upgrade", "head")

    ((name, created),) = rows(engine, "SELECT name, created_at FROM person")
    assert name == "张浩" and datetime.fromisoformat(str(created)).tzinfo is None


def test_downgrade_brings_the_signer_columns_and_the_limits_back(engine: Engine) -> None:
    ids = old_file(engine)
    migrate(engine, "upgrade", "head")

    migrate(engine, "downgrade", "0007")

    assert rows(
        engine, "SELECT authority_hours_per_change, authority_cost_cents_per_change FROM settings"
    ) == [(12.0, 900_00)]
    signed = rows(engine, "SELECT id, sign_method, signer_name FROM letter ORDER BY ref")
    assert sorted(signed) == sorted(
        [
            (ids["unsigned"], None, ""),
            (ids["paper"], "on_paper", "王建国"),
            (ids["screen"], "on_screen", "王建国"),
        ]
    )
    tables = {row[0] for row in rows(engine, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not {"person", "signature"} & tables
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
