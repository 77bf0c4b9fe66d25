"""A team in one process: a server database (PostgreSQL when ``DELIVERYDESK_TEST_POSTGRES_URL`` is
set, else a SQLite stand-in), the ASGI app behind Starlette's test client, and laptops — each its own
SQLite file, clock and device token — syncing through ``HttpTransport``."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from deliverydesk.domain.sync import Role
from deliverydesk.server.app import create_app
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.sync import admin
from deliverydesk.services.sync.client import SyncReport, join_team, sync_now
from deliverydesk.services.sync.transport import HttpTransport
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.migrate import upgrade

POSTGRES = os.environ.get("DELIVERYDESK_TEST_POSTGRES_URL", "")
START = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
SERVER_URL = "http://team.test"


class Clock:
    """A clock a test moves by hand (each laptop has its own: they may be days apart)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


_PG_TEMPLATE = f"dd_team_template_{os.getpid()}"
_made_templates: set[str] = set()


def _pg_template(admin_engine: Any) -> str:
    """A migrated PostgreSQL database per test process, copied for each test (CREATE ... TEMPLATE)."""
    if _PG_TEMPLATE not in _made_templates:
        with admin_engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{_PG_TEMPLATE}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{_PG_TEMPLATE}"')
        url = make_url(POSTGRES).set(database=_PG_TEMPLATE).render_as_string(hide_password=False)
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                upgrade(connection)
        finally:
            engine.dispose()  # CREATE DATABASE ... TEMPLATE needs the template without connections
        _made_templates.add(_PG_TEMPLATE)
    return _PG_TEMPLATE


@contextmanager
def server_database(tmp: Path, sqlite_template: Path | None = None) -> Iterator[str]:
    """A fresh team database URL (migrated); dropped afterwards."""
    if not POSTGRES:
        path = tmp / "team.db"
        if sqlite_template is not None:
            shutil.copyfile(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    name = f"dd_team_{uuid.uuid4().hex[:12]}"
    admin_engine = make_engine(POSTGRES).execution_options(isolation_level="AUTOCOMMIT")
    template = _pg_template(admin_engine)
    with admin_engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as connection:
            # FORCE ends its sessions and drops in one step: pg_terminate_backend only signals a
            # session, which may still be ending (or a server thread reconnecting) at the DROP.
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin_engine.dispose()


@dataclass
class Laptop:
    name: str
    ctx: ServiceContext
    transport: HttpTransport
    clock: Clock

    def join(self) -> None:
        join_team(self.ctx, self.transport)

    def sync(self, **options: Any) -> SyncReport:
        return sync_now(self.ctx, self.transport, **options)

    def close(self) -> None:
        self.ctx.db.close()


@dataclass
class Team:
    """The server and the laptops made on it."""

    url: str
    ctx: ServiceContext
    app: Any
    client: TestClient
    tmp: Path
    template: Path
    tokens: dict[str, str] = field(default_factory=dict)
    laptops: list[Laptop] = field(default_factory=list)

    def add_user(self, name: str, role: Role = Role.ENGINEER, **limits: float) -> None:
        admin.add_user(self.ctx, name, role, display_name=name.title(), limits=admin.Limits(**limits))

    def token(self, user: str, device: str) -> str:
        value = admin.issue_token(self.ctx, user, device)
        self.tokens[device] = value
        return value

    def laptop(
        self,
        user: str,
        device: str | None = None,
        *,
        client: httpx.Client | None = None,
        join: bool = True,
        clock: Clock | None = None,
    ) -> Laptop:
        device = device or f"{user}-laptop-{len(self.laptops)}"
        token = self.token(user, device)
        path = self.tmp / f"{device}.db"
        shutil.copyfile(self.template, path)
        url = f"sqlite:///{path}"
        clock = clock or Clock()
        database = Database(url=url, engine=make_engine(url))
        database.audit.clock = clock
        transport = HttpTransport(SERVER_URL, token, client=client or self.client)
        made = Laptop(device, ServiceContext(db=database, clock=clock), transport, clock)
        self.laptops.append(made)
        if join:
            made.join()
        return made

    def close(self) -> None:
        for laptop in self.laptops:
            laptop.close()
        self.client.close()
        self.ctx.db.close()


def migrated_file(path: Path) -> Path:
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        upgrade(connection)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@contextmanager
def make_team(tmp: Path, template: Path, fault: Callable[[str], None] | None = None) -> Iterator[Team]:
    with server_database(tmp, template) as url:
        clock = Clock()
        ctx = admin.open_team(url, clock, create=True, allow_sqlite=True)
        admin.init_server(ctx)
        app = create_app(ctx, fault=fault)
        client = TestClient(app, base_url=SERVER_URL)
        team = Team(url, ctx, app, client, tmp, template)
        try:
            yield team
        finally:
            team.close()


class DropAfterSend(httpx.BaseTransport):
    """Forwards requests to the app, then loses the answer of chosen ones (the server did the work)."""

    def __init__(self, inner: httpx.BaseTransport, should_drop: Callable[[httpx.Request], bool]) -> None:
        self.inner, self.should_drop = inner, should_drop
        self.dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if self.should_drop(request):
            response.read()
            self.dropped += 1
            raise httpx.ReadError("connection dropped after the server answered", request=request)
        return response
