"""A throw-away database on the PostgreSQL server named by ``DELIVERYDESK_TEST_POSTGRES_URL`` (``.ci/run``
starts one), migrated to head, for the tests that run the app's own reads and writes on a server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url

from deliverydesk.services.context import ServiceContext
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.migrate import upgrade
from tests.conftest import fixed_clock

SERVER = os.environ.get("DELIVERYDESK_TEST_POSTGRES_URL", "")
NO_SERVER = "set DELIVERYDESK_TEST_POSTGRES_URL to a PostgreSQL server"


@contextmanager
def postgres_ctx(prefix: str) -> Iterator[ServiceContext]:
    """A ServiceContext on a new database of its own, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = make_engine(SERVER).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    database = Database(url=url, engine=make_engine(url))
    try:
        with database.engine.begin() as connection:
            upgrade(connection)
        yield ServiceContext(db=database, clock=fixed_clock)
    finally:
        database.close()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin.dispose()
