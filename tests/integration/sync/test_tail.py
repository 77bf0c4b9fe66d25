"""The tail of a group (docs/sync.md, *The cursor follows commit order*): its writes go to PostgreSQL
together with the commit and fail as SQLAlchemy's errors (so a clash is retried like any other); the
head row is made when missing and locked; a server process runs at most ``WORKER_THREADS`` requests'
database work at once."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from deliverydesk.domain.audit import GENESIS_HASH
from deliverydesk.domain.sync import Role
from deliverydesk.server.app import WORKER_THREADS, App
from deliverydesk.services.scope_guard.change_requests import get_change_request
from deliverydesk.services.sync import admin
from deliverydesk.store import sync_server as store
from deliverydesk.store.bundle_rows import TABLES
from deliverydesk.store.sync_tables import SERVER_HEAD_ID
from tests.integration.sync.team import POSTGRES, Team, make_team


@pytest.mark.skipif(not POSTGRES, reason="pipeline mode is PostgreSQL's")
def test_batched_writes_arrive_and_a_clash_is_sqlalchemys_retryable_error(
    tmp_path: Path, laptop_template: Path
) -> None:
    with make_team(tmp_path, laptop_template) as team:
        team.add_user("li.na", Role.ENGINEER)
        values = {"name": "wang.lei", "role": "engineer", "created_at": team.ctx.now()}
        with team.ctx.db.engine.connect() as connection:
            with store.batched(connection):
                connection.execute(insert(store.USERS).values(id="u-wang", **values))
                connection.execute(insert(store.USERS).values(id="u-zhao", **{**values, "name": "zhao"}))
            connection.commit()
            names = set(connection.scalars(select(store.USERS.c.name)))
            assert {"li.na", "wang.lei", "zhao"} <= names
            with pytest.raises(IntegrityError) as raised, store.batched(connection):  # the same name: unique
                connection.execute(insert(store.USERS).values(id="u-other", **values))
            assert store.is_retryable(raised.value)
            connection.rollback()
            assert connection.scalar(select(store.USERS.c.id).where(store.USERS.c.id == "u-other")) is None


@pytest.mark.skipif(not POSTGRES, reason="pipeline mode is PostgreSQL's")
def test_the_tails_commit_goes_with_its_writes_and_a_failed_write_commits_nothing(
    tmp_path: Path, laptop_template: Path
) -> None:
    with make_team(tmp_path, laptop_template) as team:
        team.add_user("li.na", Role.ENGINEER)
        values = {"name": "wang.lei", "role": "engineer", "created_at": team.ctx.now()}
        with team.ctx.db.unit_of_work() as session:
            connection = session.connection()
            with store.batched(connection, commit=True):
                connection.execute(insert(store.USERS).values(id="u-wang", **values))
            # committed inside the block: another connection sees the row before the unit ends
            with team.ctx.db.engine.connect() as other:
                assert other.scalar(select(store.USERS.c.name).where(store.USERS.c.id == "u-wang"))
        with pytest.raises(IntegrityError), team.ctx.db.unit_of_work() as session:
            connection = session.connection()
            with store.batched(connection, commit=True):  # the second row's name is taken: neither stays
                connection.execute(insert(store.USERS).values(id="u-zhao", **{**values, "name": "zhao"}))
                connection.execute(insert(store.USERS).values(id="u-other", **values))
        with team.ctx.db.engine.connect() as other:
            ids = set(other.scalars(select(store.USERS.c.id)))
        assert "u-wang" in ids and not {"u-zhao", "u-other"} & ids


def test_the_tail_makes_the_head_row_when_missing_and_reads_both_heads(
    tmp_path: Path, laptop_template: Path
) -> None:
    with make_team(tmp_path, laptop_template) as team:
        team.add_user("li.na", Role.ENGINEER)  # an audited write: the audit anchor exists
        with team.ctx.db.unit_of_work() as session:
            connection = session.connection()
            connection.execute(delete(store.HEAD))
            heads = store.take_tail_lock(connection)
            assert heads.group == store.Head(0, 0, GENESIS_HASH)
            assert connection.scalar(select(store.HEAD.c.id)) == SERVER_HEAD_ID
            store.write_head(connection, store.Head(5, 2, "f" * 64))
            again = store.take_tail_lock(connection)
            assert again.group == store.Head(5, 2, "f" * 64)
            assert again.audit == heads.audit and again.audit_anchored == heads.audit_anchored
            session.rollback()


def test_a_server_process_does_database_work_for_at_most_worker_threads_requests_at_once() -> None:
    app = App(ctx=None)  # type: ignore[arg-type]  # _run never touches the database itself
    lock, gate = threading.Lock(), threading.Event()
    running, peak = [0], [0]

    def work() -> None:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        assert gate.wait(30)
        with lock:
            running[0] -= 1

    async def many() -> None:
        tasks = [asyncio.ensure_future(app._run(work)) for _ in range(3 * WORKER_THREADS)]
        for _ in range(600):  # the first ones have started
            if running[0] >= WORKER_THREADS:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)  # room for more to start, were there no limit
        gate.set()
        await asyncio.gather(*tasks)

    asyncio.run(many())
    assert peak[0] == WORKER_THREADS


@pytest.mark.skipif(not POSTGRES, reason="the tail runs inside the database on PostgreSQL only")
def test_the_tail_in_the_database_and_the_python_tail_write_one_chain(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Groups go through the database's ``deliverydesk_tail`` and the Python tail in turn: the chain of
    groups, the audit chain, positions and field versions run on from one to the other (``check``), a
    pull sees every group, and the field versions the function wrote tell a conflict from a merge."""
    from tests.integration.sync.test_team_sync import _edit, _shared

    used: list[bool] = []

    def alternate(connection: object) -> bool:
        used.append(len(used) % 2 == 0)
        return used[-1]

    monkeypatch.setattr(store, "tail_in_database", alternate)
    a, b, _project_id, request_id = _shared(team)
    _edit(a, request_id, title="Export to Excel")
    _edit(a, request_id, effort_hours=2.0)
    a.sync()
    _edit(b, request_id, description="as CSV too")  # b's base is older: another field merges
    b.sync()
    a.sync()
    for laptop in (a, b):
        item = get_change_request(laptop.ctx, request_id)
        assert (item.title, item.description, item.effort_hours) == ("Export to Excel", "as CSV too", 2.0)
    _edit(a, request_id, title="A's title")
    _edit(b, request_id, title="B's title")
    a.sync()
    assert b.sync().conflicts == 1  # the same field, changed on both sides
    assert True in used and False in used
    assert admin.check_server(team.ctx).ok
    with team.ctx.db.engine.connect() as connection:
        head = store.read_head(connection)
        seqs = list(connection.scalars(select(store.GROUPS.c.seq).order_by(store.GROUPS.c.seq)))
        positions = list(connection.scalars(select(store.RECORDS.c.position)))
        versions = connection.scalar(
            select(store.RECORDS.c.field_versions).where(store.RECORDS.c.record_id == request_id)
        )
    assert seqs == list(range(1, head.last_group_seq + 1)) and len(seqs) == len(used)
    assert max(positions) == head.last_position and len(set(positions)) == len(positions)
    title = json.loads(versions)["title"]
    assert title[2] in seqs and title[0] >= 3  # [version, writer, group number]: numbers, not tokens


@pytest.mark.skipif(not POSTGRES, reason="isolation levels: PostgreSQL's")
def test_a_snapshot_run_of_transactions_reads_one_snapshot_and_the_pool_gets_the_default_back(
    tmp_path: Path, laptop_template: Path
) -> None:
    with make_team(tmp_path, laptop_template) as team:
        database = team.ctx.db
        show = "SHOW transaction_isolation"
        with database.transactions(snapshot=True) as run, run.transaction() as connection:
            assert connection.exec_driver_sql(show).scalar() == "repeatable read"
            before = connection.scalar(select(store.HEAD.c.last_position))
            assert before is not None
            with database.engine.begin() as other:  # a commit after the snapshot was taken
                other.execute(store.HEAD.update().values(last_position=store.HEAD.c.last_position + 5))
            assert connection.scalar(select(store.HEAD.c.last_position)) == before
        for _ in range(3):  # whichever pooled connection comes next: the default again
            with database.transactions() as run, run.transaction() as connection:
                assert connection.exec_driver_sql(show).scalar() == "read committed"


@pytest.mark.skipif(not POSTGRES, reason="pipeline mode is PostgreSQL's")
def test_a_groups_writes_travel_with_the_tail_call_and_a_failed_write_stops_the_tail(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deliverydesk.domain.drafts import ChangeRequestDraft, draft_from
    from deliverydesk.services.scope_guard.change_requests import (
        create_change_request,
        update_change_request,
    )
    from deliverydesk.services.sync import protocol
    from deliverydesk.services.sync import server as sync
    from deliverydesk.services.sync.client import outgoing
    from tests.integration.services.conftest import make_client, make_project

    a = team.laptop("li.na")
    client_id, _s, _c = make_client(a.ctx)
    project_id = make_project(a.ctx, client_id)
    request = create_change_request(
        a.ctx, ChangeRequestDraft(project_id=project_id, title="one", requested_on=date(2026, 3, 16))
    )
    a.sync()
    item = get_change_request(a.ctx, request.id)
    update_change_request(a.ctx, draft_from(ChangeRequestDraft, item, title="two"))
    batch, _cursors = outgoing(a.ctx)
    identity = sync.authenticate(team.ctx, team.tokens[a.name])
    assert identity is not None
    written, clash = sync._write_records, {"on": True}
    pipelined: list[bool] = []

    def write(connection: Any, work: Any) -> None:
        raw = connection.connection.driver_connection
        pipelined.append(raw.pgconn.pipeline_status != 0)  # queued, not sent on their own
        written(connection, work)
        if clash["on"]:  # a write the database refuses (a user name is unique)
            taken = {"name": "li.na", "role": "engineer", "created_at": team.ctx.now()}
            connection.execute(insert(store.USERS).values(id="u-clash", **taken))

    monkeypatch.setattr(sync, "_write_records", write)
    with team.ctx.db.engine.connect() as connection:
        head = store.read_head(connection)
    with pytest.raises(IntegrityError):
        sync.push_groups(team.ctx, identity, protocol.parse_push({"groups": batch}))
    assert pipelined and all(pipelined)
    with team.ctx.db.engine.connect() as connection:
        assert store.read_head(connection) == head  # no position, no link: the tail did not run
        title = TABLES["change_request"].c.title
        found = connection.scalar(select(title).where(TABLES["change_request"].c.id == request.id))
        assert found == "one"  # nor were the group's own writes kept
    clash["on"] = False
    a.sync()
    b = team.laptop("wang.lei")
    b.sync()
    assert get_change_request(b.ctx, request.id).title == "two"
    assert admin.check_server(team.ctx).ok
