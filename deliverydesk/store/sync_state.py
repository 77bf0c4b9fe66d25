"""Whether this database has joined a team server, and as whom, read by the state table's name.

Every unit of work (``Database``) and the services' team rules (``services.sync.gate``) ask this, on
every laptop, most of which never join a team. Reading it through ``store.sync_tables`` would make
every process that opens a database load the team's 16 ORM classes (~20 % of the schema's import
time, bisected in benchmarks/README.md); they load only where sync, the server, the migrations or the
check use them (``store.schema`` gathers the whole schema).
"""

from __future__ import annotations

from sqlalchemy import Connection, column, func, inspect, select, table

SYNC_STATE_TABLE = "sync_state"
SYNC_STATE_ID = 1  # its one row, once the laptop has joined
GROUP_ID = "sync_group_id"  # session.info: this unit of work's group id in the outbox (store.sync_capture)

_STATE = table(SYNC_STATE_TABLE, column("id"), column("user_name"), column("display_name"), column("role"))


def team_member(connection: Connection) -> bool:
    """Whether this database has joined a team server (its changes are captured). A database of an
    older schema (no sync tables yet) has not."""
    if not inspect(connection).has_table(SYNC_STATE_TABLE):
        return False
    return connection.scalar(select(func.count()).select_from(_STATE)) == 1


def team_user(connection: Connection) -> tuple[str, str] | None:
    """(display name, role) of the team user, None when this database is not in a team."""
    row = connection.execute(
        select(_STATE.c.user_name, _STATE.c.display_name, _STATE.c.role).where(_STATE.c.id == SYNC_STATE_ID)
    ).first()
    if row is None:
        return None
    return str(row.display_name or row.user_name), str(row.role)
