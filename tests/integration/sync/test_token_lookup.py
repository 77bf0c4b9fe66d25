"""A request's device token looked up on PostgreSQL in one pipelined round trip through the driver
(``store.device_by_token``): it must find what the SQLAlchemy statement finds, refuse what it refuses,
and leave the pooled connection with no transaction open."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import update

from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.services.sync import admin
from deliverydesk.services.sync import server as sync
from deliverydesk.store import sync_server as store
from tests.integration.sync.team import POSTGRES, Team

pytestmark = [
    pytest.mark.sync,
    pytest.mark.skipif(not POSTGRES, reason="the pipelined lookup is PostgreSQL's"),
]


def _through_sqlalchemy(team: Team, token: str) -> store.DeviceIdentity | None:
    with team.ctx.db.engine.connect() as connection:
        row = connection.execute(store._DEVICE_BY_TOKEN, {"token_sha256": sha256_hex(token.encode())}).first()
    if row is None or row.disabled_at is not None:
        return None
    return store.DeviceIdentity(row.device_id, row.device_name, store._user(row))


def test_the_pipelined_lookup_finds_what_the_statement_finds_and_refuses_the_rest(team: Team) -> None:
    team.laptop("li.na", "li-phone")
    team.laptop("maria", "maria-desk")
    for device in ("li-phone", "maria-desk"):
        found = sync.authenticate(team.ctx, team.tokens[device])
        assert found is not None and found == _through_sqlalchemy(team, team.tokens[device])
    assert found.user.name == "maria" and found.user.hours_per_change == 200.0
    assert found.user.cost_cents_per_change == 10_000_000 and found.device_name == "maria-desk"
    assert sync.authenticate(team.ctx, "ddt_unknown") is None
    admin.revoke_token(team.ctx, "li.na", "li-phone")
    assert sync.authenticate(team.ctx, team.tokens["li-phone"]) is None
    with team.ctx.db.engine.begin() as connection:  # a disabled user's live token is refused too
        connection.execute(
            update(store.USERS).where(store.USERS.c.name == "maria").values(disabled_at=datetime.now(UTC))
        )
    assert sync.authenticate(team.ctx, team.tokens["maria-desk"]) is None
    assert _through_sqlalchemy(team, team.tokens["maria-desk"]) is None


def test_the_lookup_leaves_no_transaction_open(team: Team) -> None:
    team.laptop("li.na", "li-phone")
    with team.ctx.db.transactions() as run, run.transaction() as connection:
        assert store.device_by_token(connection, sha256_hex(team.tokens["li-phone"].encode())) is not None
        raw = connection.connection.driver_connection
        assert raw.info.transaction_status == TransactionStatus.IDLE  # one statement, no transaction
        assert raw.autocommit is False  # the connection goes back to the pool as it came
