"""The tail of a group (docs/sync.md, *The cursor follows commit order*): its writes go to PostgreSQL
together with the commit and fail as SQLAlchemy's errors (so a clash is retried like any other); the
head row is made when missing and locked; a server process runs at most ``WORKER_THREADS`` requests'
database work at once."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from deliverydesk.domain.audit import GENESIS_HASH
from deliverydesk.domain.sync import Role
from deliverydesk.server.app import WORKER_THREADS, App
from deliverydesk.store import sync_server as store
from deliverydesk.store.sync_tables import SERVER_HEAD_ID
from tests.integration.sync.team import POSTGRES, make_team


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
