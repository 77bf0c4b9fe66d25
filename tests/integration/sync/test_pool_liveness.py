"""The server's pooled PostgreSQL connections are checked on checkout without a round trip
(``store.database._check_on_checkout``): a connection the server ended is replaced before a request
uses it, a recently used one is not pinged, and one idle for long is pinged (a failed ping replaces it)."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from deliverydesk.store import database
from deliverydesk.store.database import make_engine
from tests.integration.sync.team import POSTGRES, Team

pytestmark = [
    pytest.mark.sync,
    pytest.mark.skipif(not POSTGRES, reason="the pool's liveness check is PostgreSQL's"),
]


def _me(team: Team, device: str) -> int:
    headers = {"Authorization": f"Bearer {team.tokens[device]}"}
    return team.client.get("/v1/me", headers=headers).status_code


def _end_backends(team: Team) -> int:
    """What a restart of PostgreSQL does to the server's connections: each backend ends with a FATAL
    message and closes its socket. Returns how many were ended (after they are gone)."""
    name = make_url(team.url).database
    admin = make_engine(POSTGRES).execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            ended = connection.exec_driver_sql(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = %(name)s AND pid <> pg_backend_pid()",
                {"name": name},
            ).scalar_one()
            for _ in range(500):
                left = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = %(name)s AND pid <> pg_backend_pid()",
                    {"name": name},
                ).scalar_one()
                if left == 0:
                    break
                time.sleep(0.01)
    finally:
        admin.dispose()
    return int(ended)


def _count_pings(monkeypatch: pytest.MonkeyPatch, team: Team, fail_first: bool = False) -> list[int]:
    pings: list[int] = []
    dialect = team.ctx.db.engine.dialect
    ping = dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(1)
        if fail_first and len(pings) == 1:
            raise psycopg.OperationalError("the peer is gone")
        return ping(dbapi_connection)

    monkeypatch.setattr(dialect, "do_ping", counted)
    return pings


def test_requests_after_the_server_ended_every_connection_succeed(team: Team) -> None:
    team.laptop("li.na", "li-phone")
    assert _me(team, "li-phone") == 200  # the pool holds connections now
    assert _end_backends(team) >= 1
    assert _me(team, "li-phone") == 200  # not a 500: the dead connection was replaced at checkout
    assert _me(team, "li-phone") == 200


def test_a_recently_used_connection_is_not_pinged_and_a_long_idle_one_is(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    team.laptop("li.na", "li-phone")
    assert _me(team, "li-phone") == 200
    pings = _count_pings(monkeypatch, team)
    assert _me(team, "li-phone") == 200
    assert pings == []
    monkeypatch.setattr(database, "IDLE_PING_S", -1.0)  # every connection has been idle "too long"
    assert _me(team, "li-phone") == 200
    assert len(pings) >= 1


def test_a_failed_ping_replaces_the_connection(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    team.laptop("li.na", "li-phone")
    assert _me(team, "li-phone") == 200
    pings = _count_pings(monkeypatch, team, fail_first=True)
    monkeypatch.setattr(database, "IDLE_PING_S", -1.0)
    assert _me(team, "li-phone") == 200  # the failed ping's connection was dropped, a new one served
    assert pings[:1] == [1]


def test_a_busy_server_keeps_a_connection_for_each_worker_thread(team: Team) -> None:
    """Every worker thread busy at once, then idle: the connections stay open for the next burst (with
    SQLAlchemy's default of five kept, the others were closed and new backends started moments later)."""
    from deliverydesk.server.app import WORKER_THREADS

    engine = team.ctx.db.engine
    held = [engine.connect() for _ in range(WORKER_THREADS)]
    backends = {c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() for c in held}
    for connection in held:
        connection.close()  # back to the pool
    again = [engine.connect() for _ in range(WORKER_THREADS)]
    try:
        reused = {c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() for c in again}
    finally:
        for connection in again:
            connection.close()

    assert len(backends) == WORKER_THREADS and reused == backends
