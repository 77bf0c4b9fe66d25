"""What a push reads before it applies a group: its records' bookkeeping, locked, and their rows. On
PostgreSQL one joined statement per table reads both (``store.records_for_update``); it must give
what the two statements elsewhere give, and a row changed while the push waited for its lock is
read as committed."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, select
from starlette.testclient import TestClient

from deliverydesk.domain.drafts import ChangeRequestDraft, draft_from
from deliverydesk.domain.sync import Role
from deliverydesk.server.app import create_app
from deliverydesk.services.scope_guard.change_requests import (
    create_change_request,
    get_change_request,
    update_change_request,
)
from deliverydesk.services.sync import admin
from deliverydesk.store import sync_server as store
from deliverydesk.store.bundle_rows import TABLES, encode_row
from deliverydesk.store.sync_capture import specs
from tests.integration.services.conftest import make_client, make_project
from tests.integration.sync.team import POSTGRES, SERVER_URL, Laptop, Team, make_team

pytestmark = [pytest.mark.sync, pytest.mark.skipif(not POSTGRES, reason="the joined read is PostgreSQL's")]
ON = date(2026, 3, 10)


@pytest.fixture
def away_from_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process in UTC+8: a stored (naive, UTC) timestamp taken for local time would move."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _title(laptop: Laptop, request_id: str, title: str) -> None:
    item = get_change_request(laptop.ctx, request_id)
    update_change_request(laptop.ctx, draft_from(ChangeRequestDraft, item, title=title))


def test_the_joined_read_gives_the_rows_and_bookkeeping_the_two_statements_give(
    team: Team, away_from_utc: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = team.laptop("li.na")
    client_id, _scope, _category = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    request = create_change_request(
        a.ctx, ChangeRequestDraft(project_id=project_id, title="T", requested_on=ON, effort_hours=2.5)
    )
    _title(a, request.id, "T2")  # a record with field versions
    a.sync()
    statements: list[str] = []

    def executed(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    with team.ctx.db.transactions() as run, run.transaction() as connection:
        keys = [
            (e, i) for e, i in connection.execute(select(store.RECORDS.c.entity, store.RECORDS.c.record_id))
        ]
        assert {"client", "project", "change_request"} <= {entity for entity, _ in keys}
        current_rows = store.current_rows  # through the driver on PostgreSQL: no cursor event, counted here
        monkeypatch.setattr(
            store, "current_rows", lambda c, e, ids: statements.extend(ids) or current_rows(c, e, ids)
        )
        event.listen(team.ctx.db.engine, "before_cursor_execute", executed)
        try:
            states, rows = store.records_for_update(connection, keys)
        finally:
            event.remove(team.ctx.db.engine, "before_cursor_execute", executed)
            monkeypatch.setattr(store, "current_rows", current_rows)
        expected_rows = {}  # through SQLAlchemy's typed results (``current_rows`` reads as the push does)
        for entity in {entity for entity, _ in keys}:
            ids = [i for e, i in keys if e == entity]
            query = select(TABLES[entity]).where(TABLES[entity].c.id.in_(ids))
            expected_rows |= {
                (entity, row["id"]): encode_row(specs()[entity], row)
                for row in connection.execute(query).mappings()
            }
        read = {}  # ``current_rows``: through the driver on PostgreSQL, as the push's joined read
        for entity in {entity for entity, _ in keys}:
            ids = [i for e, i in keys if e == entity]
            read |= {(entity, i): row for i, row in store.current_rows(connection, entity, ids).items()}
        expected_states = store.record_states(connection, keys)
    assert statements == []  # every record read by the joined statements, none again
    assert rows == expected_rows == read and len(rows) == len(keys)
    assert states == expected_states
    assert rows[("change_request", request.id)]["title"] == "T2"


def test_a_push_that_waited_for_a_records_lock_reads_the_record_as_the_holder_committed_it(
    tmp_path: Path, laptop_template: Path
) -> None:
    held, release, armed = threading.Event(), threading.Event(), threading.Event()

    def hold(where: str) -> None:
        if where == "before-commit" and armed.is_set():
            armed.clear()
            held.set()
            assert release.wait(30)

    with make_team(tmp_path, laptop_template, fault=hold) as team:
        for name in ("li.na", "wang.lei"):
            team.add_user(name, Role.ENGINEER)
            admin.grant(team.ctx, name, None)
        plain = create_app(team.ctx)  # the same database, without the hold
        a = team.laptop("li.na", client=TestClient(plain, base_url=SERVER_URL))
        client_id, _scope, _category = make_client(a.ctx)
        project_id = make_project(a.ctx, client_id)
        request = create_change_request(
            a.ctx, ChangeRequestDraft(project_id=project_id, title="T", requested_on=ON)
        )
        a.sync()
        b = team.laptop("wang.lei", client=TestClient(plain, base_url=SERVER_URL))
        b.sync()
        _title(a, request.id, "from A")
        _title(b, request.id, "from B")
        a.transport._client = TestClient(team.app, base_url=SERVER_URL)
        armed.set()
        first = threading.Thread(target=a.sync)
        first.start()
        assert held.wait(30)  # a's group holds the record's lock, its title written, uncommitted
        second = threading.Thread(target=b.sync)
        second.start()
        for _ in range(300):  # b's group waits for the record's lock
            if _waiting_for_a_lock(team):
                break
            threading.Event().wait(0.05)
        else:
            raise AssertionError("b's push did not wait for a's")
        release.set()
        first.join(60)
        second.join(60)
        with team.ctx.db.engine.connect() as connection:  # the server's own record of the conflict
            (fields,) = connection.scalars(select(store.CONFLICTS.c.fields))
        assert [(f["field"], f["base"], f["theirs"]) for f in json.loads(fields)] == [
            ("title", "T", "from A")
        ]
        assert get_change_request(b.ctx, request.id).title == "from B"  # shown, never overwritten


def _waiting_for_a_lock(team: Team) -> bool:
    with team.ctx.db.engine.connect() as connection:
        query = "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')"
        return bool(connection.exec_driver_sql(query).scalar())


def test_a_records_update_through_the_driver_writes_what_sqlalchemys_statement_writes(
    team: Team, away_from_utc: None
) -> None:
    """``update_record`` sends its UPDATE through the driver on PostgreSQL, with the bind processors
    SQLAlchemy would apply: every kind of column (text, number, date, timestamp, enum, boolean, a
    cleared value) reads back as through SQLAlchemy's own statement."""
    from datetime import UTC, datetime

    from deliverydesk.store.bundle_rows import encode_value

    a = team.laptop("li.na")
    client_id, _scope, _category = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    ids = [
        create_change_request(
            a.ctx, ChangeRequestDraft(project_id=project_id, title="T", requested_on=ON, effort_hours=2.5)
        ).id
        for _ in range(2)
    ]
    a.sync()
    columns = {c.name: c for c in specs()["change_request"].columns}
    fields = {
        "title": "引号 'x' \"y\" %s %(v)s",
        "effort_hours": 3.25,
        "decided_on": "2026-03-11",
        "archived_at": encode_value(columns["archived_at"], datetime(2026, 3, 12, 8, 30, 1, 250, tzinfo=UTC)),
        "decision": "approved_billable",
        "escalation_needed": True,
        "proposed_decision": None,
    }
    with team.ctx.db.transactions() as run:
        with run.transaction() as connection:
            before = store.current_rows(connection, "change_request", ids)
            store.update_record(connection, "change_request", ids[0], fields, 7)
            values = {**store.decode_fields("change_request", fields), "row_version": 7}
            statement = store._record_update("change_request", tuple(sorted(values)))
            connection.execute(statement, {"_id_": ids[1], **{f"v_{k}": v for k, v in values.items()}})
        with run.transaction() as connection:
            rows = store.current_rows(connection, "change_request", ids)
    written = [*fields, "row_version", "updated_at"]  # updated_at: kept as it was, by both
    through_driver, through_sqlalchemy = ({k: rows[i][k] for k in written} for i in ids)
    assert through_driver == {**fields, "row_version": 7, "updated_at": before[ids[0]]["updated_at"]}
    assert through_sqlalchemy == {**fields, "row_version": 7, "updated_at": before[ids[1]]["updated_at"]}
