"""Revision 0018 on PostgreSQL: ``deliverydesk_tail`` takes one ``jsonb`` parameter instead of 0015's 27;
the old signature is dropped in the same step (a server of an older release fails instead of calling
it), the new function fills in the tokens and writes what the tail writes, and a real downgrade brings
0015's function back. (That both tails write one chain: test_tail.py alternates them.)"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

from deliverydesk.domain.audit import GENESIS_HASH, AuditAction, EventDraft
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.store import sync_server as store
from deliverydesk.store.database import make_engine
from tests.integration.learning.test_migration_0004 import migrate
from tests.integration.sync.team import POSTGRES

pytestmark = pytest.mark.skipif(not POSTGRES, reason="the tail function is PostgreSQL's")


@pytest.fixture
def engine() -> Iterator[Engine]:
    """An empty database of its own on the test server, dropped afterwards."""
    name = f"dd_m0018_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = make_engine(make_url(POSTGRES).set(database=name).render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _signatures(connection: Connection) -> list[str]:
    query = "SELECT pg_get_function_identity_arguments(oid) FROM pg_proc WHERE proname = 'deliverydesk_tail'"
    return sorted(connection.exec_driver_sql(query).scalars())


def test_one_jsonb_parameter_replaces_the_27_and_a_downgrade_brings_them_back(engine: Engine) -> None:
    migrate(engine, "upgrade", "0017")
    with engine.connect() as connection:
        (old,) = _signatures(connection)
    assert old.count(",") == 26 and old.startswith("t text, r_entity text[]")
    migrate(engine, "upgrade", "0018")
    with engine.connect() as connection:
        assert _signatures(connection) == ["tail jsonb"]
    migrate(engine, "downgrade", "0017")
    with engine.connect() as connection:
        assert _signatures(connection) == [old]


def test_the_new_function_fills_in_the_tokens_and_writes_the_tail(engine: Engine) -> None:
    migrate(engine, "upgrade", "0018")
    token = uuid.uuid4().hex
    when = datetime(2026, 12, 6, 13, 5, 7, 123456, tzinfo=UTC)
    draft = EventDraft(
        when, "li.na on laptop", "client", "c-1", None, AuditAction.CREATE, '{"name":[null,"Ａ"]}'
    )
    record = store.TailRecord("client", "c-1", True, "c:c-1", 1, "u-1", f'{{"name":[1,"d","{token}:seq"]}}')
    event = store.TailEvent(draft, f'{{"seq":"{token}:seq","prev":"{token}:prev","text":"客户"}}')
    group = store.TailGroup(
        "g-1",
        "u-1",
        "d-1",
        when,
        "accepted",
        False,
        "p" * 64,
        '{"changes":["引号\\"x"]}',
        "[]",
        f'{{"position":"{token}:pos"}}',
        f'{{"seq":"{token}:seq","answer":"{token}:answer","prev":"{token}:prev"}}',
    )
    with engine.begin() as connection:
        audit_seq, audit_hash = connection.exec_driver_sql("SELECT last_seq, last_hash FROM audit_head").one()
        row = connection.execute(
            text("SELECT * FROM deliverydesk_tail(CAST(:tail AS jsonb))"),
            {"tail": store.tail_parameter(token, [record], [event], group)},
        ).one()
    assert (row.group_seq, row.group_position, row.group_answer) == (1, 1, '{"position":1}')
    content = f'{{"seq":{audit_seq + 1},"prev":"{audit_hash}","text":"客户"}}'
    answer_sha = sha256_hex(b'{"position":1}')
    link = f'{{"seq":1,"answer":"{answer_sha}","prev":"{GENESIS_HASH}"}}'
    with engine.connect() as connection:
        versions = connection.exec_driver_sql(
            "SELECT field_versions, position, created_group FROM server_record"
        ).one()
        event_row = connection.exec_driver_sql(
            "SELECT seq, occurred_at, actor, action, changes, prev_hash, hash FROM audit_event"
            " WHERE seq > %s",
            (audit_seq,),
        ).one()
        anchor = connection.exec_driver_sql("SELECT last_seq, last_hash FROM audit_head").one()
        group_row = connection.exec_driver_sql(
            "SELECT seq, received_at, payload, answer, prev_hash, hash FROM server_group"
        ).one()
        head = connection.exec_driver_sql(
            "SELECT last_position, last_group_seq, last_group_hash FROM server_head"
        ).one()
    assert tuple(versions) == ('{"name":[1,"d",1]}', 1, 1)
    assert tuple(event_row) == (
        audit_seq + 1,
        when.replace(tzinfo=None),
        "li.na on laptop",
        "create",
        draft.changes,
        audit_hash,
        sha256_hex(content.encode()),
    )
    assert tuple(anchor) == (audit_seq + 1, sha256_hex(content.encode()))
    assert tuple(group_row) == (
        1,
        when.replace(tzinfo=None),
        group.payload,
        '{"position":1}',
        GENESIS_HASH,
        sha256_hex(link.encode()),
    )
    assert tuple(head) == (1, 1, sha256_hex(link.encode()))
