"""The team server's SQL: users, grants and device tokens; what a user may read; records as canonical
rows (read, locked, written, registered with their scope and position); the chain of groups; pull
pages; files; letter reservations. The rules are in ``domain.sync`` and ``services.sync.server``.

Positions follow commit order: ``take_tail_lock`` serialises the tail of every answered group (on
PostgreSQL the row lock of ``server_head``, taken with the audit anchor's in the statement that reads
them; on SQLite, used by tests only, the write lock taken by ``BEGIN IMMEDIATE`` already does), and
``batched`` sends the tail's writes in one round trip — see docs/sync.md, *The cursor follows commit
order*.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    and_,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
    tuple_,
    union_all,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from deliverydesk.domain.audit import GENESIS_HASH, ChainHead, EventDraft
from deliverydesk.domain.sync import (
    SHARED_SCOPE,
    FieldVersion,
    client_scope,
    project_scope,
)
from deliverydesk.store.audit import HEAD as AUDIT_HEAD
from deliverydesk.store.audit import append_after, read_anchor
from deliverydesk.store.audit_tables import AUDIT_HEAD_ID
from deliverydesk.store.binds import Processor, bind_processors
from deliverydesk.store.bundle_rows import (
    BLOB_TABLE,
    BUNDLED_TABLES,
    TABLES,
    ColumnSpec,
    decode_value,
    encode_row,
    encode_value,
)
from deliverydesk.store.migrate import current_revision
from deliverydesk.store.sync_capture import canonical, chunks, record_update, specs
from deliverydesk.store.sync_tables import (
    SERVER_HEAD_ID,
    SERVER_ROSTER_ID,
    ServerConflictRow,
    ServerDeviceRow,
    ServerGrantRow,
    ServerGroupRow,
    ServerHeadRow,
    ServerLetterReservationRow,
    ServerRecordRow,
    ServerRosterRow,
    ServerUserRow,
)
from deliverydesk.store.tables import CategoryRow, ClientRow, IssueRow, ProjectRow, new_id

USERS: Table = ServerUserRow.__table__  # type: ignore[assignment]
GRANTS: Table = ServerGrantRow.__table__  # type: ignore[assignment]
DEVICES: Table = ServerDeviceRow.__table__  # type: ignore[assignment]
GROUPS: Table = ServerGroupRow.__table__  # type: ignore[assignment]
HEAD: Table = ServerHeadRow.__table__  # type: ignore[assignment]
RECORDS: Table = ServerRecordRow.__table__  # type: ignore[assignment]
CONFLICTS: Table = ServerConflictRow.__table__  # type: ignore[assignment]
RESERVATIONS: Table = ServerLetterReservationRow.__table__  # type: ignore[assignment]
ROSTER: Table = ServerRosterRow.__table__  # type: ignore[assignment]
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})  # serialization failure, deadlock, lock

# The statements every push sends are built once, with bound parameters: building a statement and
# computing its cache key cost the server more CPU than PostgreSQL spends running it (about 0.1 ms
# each, for a dozen statements per group).
_DEVICE_BY_TOKEN = (
    select(DEVICES.c.id.label("device_id"), DEVICES.c.name.label("device_name"), USERS)
    .join(USERS, USERS.c.id == DEVICES.c.user_id)
    .where(DEVICES.c.token_sha256 == bindparam("token_sha256"), DEVICES.c.revoked_at.is_(None))
)
_STORED_ANSWER = select(GROUPS.c.answer).where(GROUPS.c.group_id == bindparam("group_id"))
_STORED_ANSWERS = select(GROUPS.c.group_id, GROUPS.c.answer).where(
    GROUPS.c.group_id.in_(bindparam("ids", expanding=True))
)
_RECORD_STATE = (
    update(RECORDS)
    .where(RECORDS.c.entity == bindparam("_entity"), RECORDS.c.record_id == bindparam("_record_id"))
    .values(
        scope=bindparam("_scope"),
        position=bindparam("_position"),
        version=bindparam("_version"),
        field_versions=bindparam("_field_versions"),
    )
)
_WRITE_HEAD = (
    update(HEAD)
    .where(HEAD.c.id == SERVER_HEAD_ID)
    .values(
        last_position=bindparam("_last_position"),
        last_group_seq=bindparam("_last_group_seq"),
        last_group_hash=bindparam("_last_group_hash"),
    )
)
_BOTH_HEADS = (  # take_tail_lock
    select(HEAD.c.last_position, HEAD.c.last_group_seq, HEAD.c.last_group_hash)
    .add_columns(AUDIT_HEAD.c.last_seq, AUDIT_HEAD.c.last_hash)
    .select_from(HEAD.join(AUDIT_HEAD, AUDIT_HEAD.c.id == AUDIT_HEAD_ID))
    .where(HEAD.c.id == SERVER_HEAD_ID)
    .with_for_update()
)
_RECORD_STATES = (
    select(RECORDS)
    .where(tuple_(RECORDS.c.entity, RECORDS.c.record_id).in_(bindparam("keys", expanding=True)))
    .order_by(RECORDS.c.entity, RECORDS.c.record_id)
)
_RECORD_STATES_LOCKED = _RECORD_STATES.with_for_update()
_RECORD_STATE_ONE = select(RECORDS).where(
    RECORDS.c.entity == bindparam("entity"), RECORDS.c.record_id == bindparam("record_id")
)
_RECORD_STATE_LOCKED = _RECORD_STATE_ONE.with_for_update()


def is_retryable(exc: DBAPIError) -> bool:
    """A clash with a concurrent push that a fresh attempt of the same group resolves."""
    if isinstance(exc, IntegrityError):
        return True
    state = getattr(exc.orig, "sqlstate", None)
    return state in RETRYABLE_SQLSTATES or (isinstance(exc, OperationalError) and "locked" in str(exc.orig))


# --- reads through the driver ------------------------------------------------------------------
# The server's frequent small reads on PostgreSQL go through psycopg on the pooled connection: for a
# statement of a few rows, SQLAlchemy's execute path (cache lookup, parameter processing, the result's
# set-up) cost the server more CPU than fetching the rows (session 10: ~1/4 of its CPU per group was
# SQLAlchemy Core). The statements are still built once with SQLAlchemy where they are plain (one
# definition, compiled once for the driver); those reading typed columns or arrays are written out.


def driver_rows(
    connection: Connection, statement: Any, params: Mapping[str, Any] | None = None
) -> Sequence[Sequence[Any]]:
    """The rows of a statement built once (no expanding IN, no typed results): on PostgreSQL compiled
    once and sent through the driver, elsewhere through SQLAlchemy."""
    if connection.dialect.name != "postgresql":
        return list(connection.execute(statement, dict(params or {})))
    sql, defaults = _compiled_for_driver(statement, connection.dialect)
    return _driver_fetch(connection, sql, {**defaults, **(params or {})})


@lru_cache(maxsize=64)
def _compiled_for_driver(statement: Any, dialect: Any) -> tuple[str, dict[str, Any]]:
    compiled = statement.compile(dialect=dialect)
    return str(compiled), dict(compiled.params)


def _driver_fetch(connection: Connection, sql: str, params: Any) -> list[tuple[Any, ...]]:
    """All rows of ``sql`` through the driver, in the connection's transaction; errors as SQLAlchemy's."""
    import psycopg

    raw = connection.connection.driver_connection
    try:
        return raw.execute(sql, params).fetchall()  # type: ignore[union-attr, no-any-return]
    except psycopg.Error as exc:
        raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc


# --- users, grants, devices --------------------------------------------------------------------


@dataclass(frozen=True)
class ServerUser:
    id: str
    name: str
    display_name: str
    role: str
    hours_per_change: float
    cost_cents_per_change: int
    goodwill_hours_per_project: float
    cost_currency: str = "CNY"
    disabled: bool = False


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    device_name: str
    user: ServerUser


def _user(row: Any) -> ServerUser:
    return ServerUser(
        id=row.id,
        name=row.name,
        display_name=row.display_name or row.name,
        role=row.role,
        hours_per_change=row.hours_per_change,
        cost_cents_per_change=row.cost_cents_per_change,
        goodwill_hours_per_project=row.goodwill_hours_per_project,
        cost_currency=row.cost_currency,
        disabled=row.disabled_at is not None,
    )


def add_user(connection: Connection, values_: Mapping[str, Any]) -> None:
    connection.execute(insert(USERS).values(**values_))
    _bump_roster(connection)


def user_by_name(connection: Connection, name: str) -> ServerUser | None:
    row = connection.execute(select(USERS).where(USERS.c.name == name)).first()
    return _user(row) if row is not None else None


def all_users(connection: Connection) -> list[ServerUser]:
    return [_user(row) for row in connection.execute(select(USERS).order_by(USERS.c.name))]


def set_user_values(connection: Connection, user_id: str, values_: Mapping[str, Any]) -> None:
    connection.execute(update(USERS).where(USERS.c.id == user_id).values(**values_))
    _bump_roster(connection)


def _bump_roster(connection: Connection) -> None:
    """A user was added or changed: the roster's version moves, in the same transaction (the only
    writers of ``server_user`` are the two functions above). The row is made by revision 0016; a
    database made with ``create_all`` gets it here, with its random tag."""
    bumped = update(ROSTER).where(ROSTER.c.id == SERVER_ROSTER_ID).values(version=ROSTER.c.version + 1)
    if connection.execute(bumped).rowcount == 0:
        connection.execute(insert(ROSTER).values(id=SERVER_ROSTER_ID, version=1, tag=new_id()))


_ROSTER_VERSION = select(ROSTER.c.tag, ROSTER.c.version).where(ROSTER.c.id == SERVER_ROSTER_ID)


def roster_version(connection: Connection) -> tuple[str, int]:
    """The roster's (tag, version): read before the users, so a roster read with it is never older
    than the version it is sent with."""
    found = driver_rows(connection, _ROSTER_VERSION)
    return (str(found[0][0]), int(found[0][1])) if found else ("", 0)


_PULL_HEADS = select(
    select(HEAD.c.last_position).where(HEAD.c.id == SERVER_HEAD_ID).scalar_subquery(),
    select(ROSTER.c.tag).where(ROSTER.c.id == SERVER_ROSTER_ID).scalar_subquery(),
    select(ROSTER.c.version).where(ROSTER.c.id == SERVER_ROSTER_ID).scalar_subquery(),
)


def pull_heads(connection: Connection) -> tuple[int, tuple[str, int]]:
    """What a pull reads of the server's heads, in one statement: the last position, and the roster's
    (tag, version) as ``roster_version`` gives them (the page names the roster's validator, so a
    laptop holding it needs no roster request)."""
    position, tag, version = driver_rows(connection, _PULL_HEADS)[0]
    return int(position or 0), (str(tag or ""), int(version or 0))


def add_device(connection: Connection, values_: Mapping[str, Any]) -> None:
    connection.execute(insert(DEVICES).values(**values_))


def device_by_token(connection: Connection, token_sha256: str) -> DeviceIdentity | None:
    """The live device of a token and its enabled user; None for an unknown or revoked token.

    On PostgreSQL the lookup is one statement outside any transaction (the driver's autocommit, as
    SQLAlchemy's own liveness ping does it): one round trip, no BEGIN or COMMIT for PostgreSQL to run.
    It runs at the start of every request's work, two or three times per sync (the roster's request only
    when the pull's last page names another validator): through SQLAlchemy it was three
    round trips and a result's set-up (~0.35 ms of the server's CPU per group); BEGIN, SELECT and
    COMMIT pipelined still cost the pipeline's set-up and two more messages. It must be the first
    statement on the connection; nothing else may run in the caller's transaction after it."""
    if connection.dialect.name == "postgresql":
        return _device_by_token_driver(connection, token_sha256)
    row = connection.execute(_DEVICE_BY_TOKEN, {"token_sha256": token_sha256}).first()
    if row is None or row.disabled_at is not None:
        return None
    return DeviceIdentity(row.device_id, row.device_name, _user(row))


# The same statement as _DEVICE_BY_TOKEN, written out for the driver (columns in ServerUser's order).
_DEVICE_OF_DIGEST_SQL = (
    "SELECT d.id, d.name, u.id, u.name, u.display_name, u.role, u.hours_per_change,"
    " u.cost_cents_per_change, u.goodwill_hours_per_project, u.cost_currency, u.disabled_at IS NOT NULL"
    " FROM server_device d JOIN server_user u ON u.id = d.user_id"
    " WHERE d.token_sha256 = %s AND d.revoked_at IS NULL"
)


def _device_by_token_driver(connection: Connection, token_sha256: str) -> DeviceIdentity | None:
    import psycopg

    raw = connection.connection.driver_connection
    try:
        raw.autocommit = True  # type: ignore[union-attr]  # refused if a transaction is open: none may be
        try:
            row = raw.execute(_DEVICE_OF_DIGEST_SQL, (token_sha256,)).fetchone()  # type: ignore[union-attr]
        finally:
            raw.autocommit = False  # type: ignore[union-attr]
    except psycopg.Error as exc:
        raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc
    if row is None or row[10]:
        return None
    device_id, device_name, user_id, name, display_name, role, hours, cents, goodwill, currency, _off = row
    user = ServerUser(user_id, name, display_name or name, role, hours, cents, goodwill, currency, False)
    return DeviceIdentity(device_id, device_name, user)


def user_devices(connection: Connection, user_id: str) -> list[dict[str, Any]]:
    query = select(DEVICES).where(DEVICES.c.user_id == user_id).order_by(DEVICES.c.created_at)
    return [dict(row) for row in connection.execute(query).mappings()]


def revoke_devices(connection: Connection, device_ids: Sequence[str], when: datetime) -> None:
    connection.execute(update(DEVICES).where(DEVICES.c.id.in_(device_ids)).values(revoked_at=when))


def device_names(connection: Connection, device_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(device_ids))
    return {
        r.id: r.name
        for r in connection.execute(select(DEVICES.c.id, DEVICES.c.name).where(DEVICES.c.id.in_(ids)))
    }


def add_grant(connection: Connection, user_id: str, project_id: str | None, when: datetime) -> bool:
    """Grant a project (None: every project); False when it was granted already."""
    exists = select(GRANTS.c.id).where(
        GRANTS.c.user_id == user_id,
        GRANTS.c.project_id.is_(None) if project_id is None else GRANTS.c.project_id == project_id,
    )
    if connection.scalar(exists) is not None:
        return False
    connection.execute(insert(GRANTS).values(user_id=user_id, project_id=project_id, granted_at=when))
    return True


def remove_grant(connection: Connection, user_id: str, project_id: str | None) -> int:
    condition = GRANTS.c.project_id.is_(None) if project_id is None else GRANTS.c.project_id == project_id
    return connection.execute(GRANTS.delete().where(GRANTS.c.user_id == user_id, condition)).rowcount


def project_by_code(connection: Connection, code: str) -> tuple[str, str] | None:
    """(id, code) of the project with this code (without case)."""
    query = select(ProjectRow.id, ProjectRow.code).where(func.upper(ProjectRow.code) == code.upper())
    row = connection.execute(query).first()
    return (row.id, row.code) if row is not None else None


def project_codes(connection: Connection, project_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(project_ids))
    query = select(ProjectRow.id, ProjectRow.code).where(ProjectRow.id.in_(ids))
    return {row.id: row.code for row in connection.execute(query)}


# --- what a user may read ----------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    """The scopes one user may read and push: granted projects, their clients, clients they made,
    and the shared taxonomy."""

    all_projects: bool
    project_ids: frozenset[str]
    client_ids: frozenset[str]

    def can_read(self, scope: str) -> bool:
        if scope == SHARED_SCOPE:
            return True
        if scope.startswith("p:"):
            return self.all_projects or scope[2:] in self.project_ids
        return self.all_projects or scope[2:] in self.client_ids

    def scopes(self) -> list[str]:
        return [
            SHARED_SCOPE,
            *(client_scope(c) for c in sorted(self.client_ids)),
            *(project_scope(p) for p in sorted(self.project_ids)),
        ]


def _access_query() -> Any:
    """What a user may read, in one statement built once (``access_of``: every push and pull asks;
    three statements built per call cost ~2 ms of the server's CPU, more than PostgreSQL's work).
    Rows of (kind, id, client id): ``all`` when a grant covers every project, ``p`` a project the
    user reads with its client, ``c`` a client the user made, ``a`` any client (with ``all``)."""
    user: Any = bindparam("user_id")
    projects, clients = ProjectRow.__table__, ClientRow.__table__
    everything = select(GRANTS.c.id).where(GRANTS.c.user_id == user, GRANTS.c.project_id.is_(None)).exists()
    # A granted project's client by a lookup per grant: written as a join, PostgreSQL hash-joined a
    # user's 100 grants against a scan of the team's 5,000 projects (2 of the query's 3 ms, each push
    # and pull page). A grant whose project is not on the server yet has no client: ``access_of``
    # drops it, as the join did.
    client_of_grant = (
        select(projects.c.client_id).where(projects.c.id == GRANTS.c.project_id).scalar_subquery()
    )
    return union_all(
        select(
            literal("all").label("kind"), literal(None).label("id"), literal(None).label("client_id")
        ).where(everything),
        select(literal("p"), GRANTS.c.project_id, client_of_grant).where(
            GRANTS.c.user_id == user, GRANTS.c.project_id.is_not(None)
        ),
        select(literal("p"), projects.c.id, projects.c.client_id).where(everything),
        select(literal("c"), RECORDS.c.record_id, literal(None)).where(
            RECORDS.c.entity == "client", RECORDS.c.created_by == user
        ),
        select(literal("a"), clients.c.id, literal(None)).where(everything),
    )


_ACCESS = _access_query()


def access_of(connection: Connection, user_id: str) -> Access:
    everything, projects, clients = False, set(), set()
    for kind, id_, client_id in driver_rows(connection, _ACCESS, {"user_id": user_id}):
        if kind == "all":
            everything = True
        elif kind == "p":
            if client_id is None:  # granted, not on the server yet
                continue
            projects.add(id_)
            clients.add(client_id)
        else:
            clients.add(id_)
    return Access(everything, frozenset(projects), frozenset(clients))


# --- records as canonical rows -----------------------------------------------------------------


def current_rows(connection: Connection, entity: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id -> canonical row, for those that exist. On PostgreSQL through the driver, its values made
    canonical as the push's joined read makes them (``_driver_encoder``): through SQLAlchemy a pull's
    few reads of ~30 columns cost more in result set-up and type processing than in fetching."""
    if connection.dialect.name == "postgresql":
        return _current_rows_through_driver(connection, entity, ids)
    spec = specs()[entity]
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(ids))):
        one = len(chunk) == 1
        values = {"id": chunk[0]} if one else {"ids": list(chunk)}
        for row in connection.execute(_current_rows(entity, one), values).mappings():
            found[row["id"]] = encode_row(spec, row)
    return found


@lru_cache(maxsize=128)
def _current_rows(entity: str, one: bool) -> Any:
    """A table's rows by id, built once; ``one``: a single id by equality (a push's group mostly
    changes one record of a table: an expanding IN is rendered again at every execution, ~0.2 ms of
    the server's CPU more per statement)."""
    table = TABLES[entity]
    if one:
        return select(table).where(table.c.id == bindparam("id"))
    return select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))


@dataclass
class RecordState:
    """A record's bookkeeping on the server (``server_record``)."""

    entity: str
    record_id: str
    scope: str
    position: int
    version: int
    field_versions: dict[str, FieldVersion]
    created_by: str | None = None
    created_group: int | None = None


def _state(row: Any) -> RecordState:
    return RecordState(
        row.entity,
        row.record_id,
        row.scope,
        row.position,
        row.version,
        _field_versions(row.field_versions),
        row.created_by,
        row.created_group,
    )


def _field_versions(text: str | None) -> dict[str, FieldVersion]:
    return {name: FieldVersion.from_json(v) for name, v in json.loads(text or "{}").items()}


def record_states(
    connection: Connection, keys: Iterable[tuple[str, str]], *, lock: bool = False
) -> dict[tuple[str, str], RecordState]:
    """The bookkeeping of these records (``lock``: FOR UPDATE, in a fixed order so pushes cannot deadlock)."""
    wanted = sorted(set(keys))
    found: dict[tuple[str, str], RecordState] = {}
    for chunk in chunks(wanted):
        if len(chunk) == 1:  # by equality, as current_rows
            query = _RECORD_STATE_LOCKED if lock else _RECORD_STATE_ONE
            values = {"entity": chunk[0][0], "record_id": chunk[0][1]}
        else:
            query, values = _RECORD_STATES_LOCKED if lock else _RECORD_STATES, {"keys": list(chunk)}
        for row in connection.execute(query, values):
            found[(row.entity, row.record_id)] = _state(row)
    return found


def records_for_update(
    connection: Connection, keys: Iterable[tuple[str, str]]
) -> tuple[dict[tuple[str, str], RecordState], dict[tuple[str, str], dict[str, Any]]]:
    """The bookkeeping of these records, locked as ``record_states(lock=True)`` does, and their current
    canonical rows (``current_rows``): what a push reads before it applies a group.

    On PostgreSQL one statement per table reads both, locking only the bookkeeping row (``FOR UPDATE
    OF``), sent through the driver with tuple rows: the two statements through SQLAlchemy cost the
    server ~1.5 ms of CPU per group, mostly result set-up and a ~30-column description built for each.
    A joined row read after waiting for the lock can be older than the bookkeeping (PostgreSQL
    rechecks the locked row's newest version, the joined one stays as first read): when its
    ``row_version`` is not the bookkeeping's version, it is read again the usual way, as are records
    without bookkeeping (new ones)."""
    wanted = sorted(set(keys))
    states: dict[tuple[str, str], RecordState] = {}
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    if connection.dialect.name == "postgresql":
        for entity in sorted({entity for entity, _ in wanted}):  # the locks in (entity, id) order
            ids = [record_id for e, record_id in wanted if e == entity]
            for chunk in chunks(ids):
                for state, row_version, row in _joined_for_update(connection, entity, chunk):
                    if row_version == state.version:
                        states[(entity, state.record_id)] = state
                        rows[(entity, state.record_id)] = row
    rest = [key for key in wanted if key not in rows]
    states.update(record_states(connection, rest, lock=True))
    for entity in sorted({entity for entity, _ in rest}):
        found = current_rows(connection, entity, [record_id for e, record_id in rest if e == entity])
        rows.update({(entity, record_id): row for record_id, row in found.items()})
    return states, rows


# The bookkeeping's columns ``_joined_for_update`` reads, then the row's row_version and its columns.
_STATE_COLUMNS = (
    "record_id",
    "scope",
    "position",
    "version",
    "field_versions",
    "created_by",
    "created_group",
)


def _joined_for_update(
    connection: Connection, entity: str, ids: Sequence[str]
) -> list[tuple[RecordState, int, dict[str, Any]]]:
    """(bookkeeping, the row's row_version, canonical row) of the registered records among ``ids``."""
    import psycopg

    sql, encoders = _joined_statement(entity, connection.dialect.identifier_preparer.quote)
    raw = connection.connection.driver_connection
    try:
        found = raw.execute(sql, (entity, list(ids))).fetchall()  # type: ignore[union-attr]
    except psycopg.Error as exc:
        raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc
    result = []
    for values in found:
        record_id, scope, position, version, versions, created_by, created_group, row_version = values[:8]
        state = RecordState(
            entity, record_id, scope, position, version, _field_versions(versions), created_by, created_group
        )
        row = _canonical_row(encoders, values[8:])
        result.append((state, row_version, row))
    return result


@lru_cache(maxsize=64)
def _joined_statement(entity: str, quote: Callable[[str], str]) -> tuple[str, Encoders]:
    """The SELECT of ``_joined_for_update`` for one table, and per column of the row its name and how
    its driver value becomes canonical (``encode_value``; timestamps are stored naive, in UTC)."""
    columns = specs()[entity].columns
    state = ", ".join(f"r.{quote(name)}" for name in _STATE_COLUMNS)
    row = ", ".join(f"t.{quote(c.name)}" for c in columns)
    sql = (
        f"SELECT {state}, t.{quote('row_version')}, {row} FROM {quote(RECORDS.name)} AS r"
        f" JOIN {quote(entity)} AS t ON t.id = r.record_id"
        " WHERE r.entity = %s AND r.record_id = ANY(%s) ORDER BY r.record_id FOR UPDATE OF r"
    )
    return sql, tuple((c.name, _driver_encoder(c)) for c in columns)


def _current_rows_through_driver(
    connection: Connection, entity: str, ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    sql, encoders = _rows_statement(entity, connection.dialect.identifier_preparer.quote)
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(ids))):
        for values in _driver_fetch(connection, sql, (list(chunk),)):
            row = _canonical_row(encoders, values)
            found[row["id"]] = row
    return found


@lru_cache(maxsize=64)
def _rows_statement(entity: str, quote: Callable[[str], str]) -> tuple[str, Encoders]:
    """``current_rows``'s SELECT for the driver, and per column its name and encoder."""
    columns = specs()[entity].columns
    sql = f"SELECT {', '.join(quote(c.name) for c in columns)} FROM {quote(entity)} WHERE id = ANY(%s)"
    return sql, tuple((c.name, _driver_encoder(c)) for c in columns)


# Kinds whose driver value is already canonical (``encode_value`` returns them as they are).
_AS_READ = frozenset({"string", "uuid", "sha256", "integer", "boolean"})
Encoders = tuple[tuple[str, Callable[[Any], Any] | None], ...]


def _driver_encoder(column: ColumnSpec) -> Callable[[Any], Any] | None:
    """How a driver value of the column becomes canonical; None: as it is."""
    if column.kind in _AS_READ:
        return None
    if column.kind == "datetime":
        return lambda value: encode_value(column, value.replace(tzinfo=UTC))
    return lambda value: encode_value(column, value)


def _canonical_row(encoders: Encoders, values: Sequence[Any]) -> dict[str, Any]:
    """A driver row's values (in ``encoders``' column order) in the bundle's canonical form."""
    return {
        name: value if encode is None or value is None else encode(value)
        for (name, encode), value in zip(encoders, values, strict=True)
    }


def scopes_of_ids(connection: Connection, ids: Iterable[str]) -> dict[str, str]:
    """record id -> scope, for registered records (ids are UUIDs: unique across tables)."""
    wanted = sorted(set(ids))
    found: dict[str, str] = {}
    for chunk in chunks(wanted):
        query = select(RECORDS.c.record_id, RECORDS.c.scope).where(RECORDS.c.record_id.in_(chunk))
        found.update({row.record_id: row.scope for row in connection.execute(query)})
    return found


def decode_fields(entity: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    columns = {c.name: c for c in specs()[entity].columns}
    return {name: decode_value(columns[name], value) for name, value in fields.items()}


def self_reference_columns(entity: str) -> list[str]:
    table = TABLES[entity]
    return [c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)]


def insert_records(connection: Connection, entity: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert canonical rows (version 1); self references are set in a second pass."""
    if not rows:
        return
    table, self_refs = TABLES[entity], self_reference_columns(entity)
    typed = [{**decode_fields(entity, row), "row_version": 1} for row in rows]
    connection.execute(insert(table), [{**row, **dict.fromkeys(self_refs)} for row in typed])
    later = [row for row in typed if any(row[c] for c in self_refs)]
    for row in later:
        connection.execute(record_update(table, row["id"]).values({c: row[c] for c in self_refs}))


def update_record(
    connection: Connection, entity: str, record_id: str, fields: Mapping[str, Any], version: int
) -> None:
    """Write changed fields (canonical values) and the new version."""
    values_ = {**decode_fields(entity, fields), "row_version": version}
    names = tuple(sorted(values_))
    if connection.dialect.name == "postgresql":
        sql, processors = _record_update_sql(entity, names, connection.dialect)
        params = {
            f"v_{name}": values_[name] if process is None else process(values_[name])
            for name, process in zip(names, processors, strict=True)
        }
        _driver_execute(connection, sql, {"_id_": record_id, **params})
        return
    statement = _record_update(entity, names)
    connection.execute(statement, {"_id_": record_id, **{f"v_{k}": v for k, v in values_.items()}})


@lru_cache(maxsize=256)
def _record_update(entity: str, names: tuple[str, ...]) -> Any:
    """The UPDATE of these columns of one record, built once per table and set of columns (a push
    writes the same few fields again and again; building and keying a statement costs more CPU
    than PostgreSQL's work for it)."""
    table = TABLES[entity]
    values_ = {name: bindparam(f"v_{name}", type_=table.c[name].type) for name in names}
    return record_update(table, bindparam("_id_")).values(values_)


@lru_cache(maxsize=256)
def _record_update_sql(
    entity: str, names: tuple[str, ...], dialect: Any
) -> tuple[str, tuple[Processor, ...]]:
    """``_record_update`` compiled once for the driver, with each column type's bind processor (what
    SQLAlchemy would apply to the values): SQLAlchemy's execute path (its cache lookup, parameter
    processing, a result set up for an UPDATE) cost the server more CPU than the statement (~0.25 ms
    per group, cProfile); the SQL sent is the same text."""
    compiled = _record_update(entity, names).compile(dialect=dialect)
    assert not compiled.update_prefetch and not compiled.insert_prefetch  # no Python-side defaults
    return str(compiled), bind_processors(TABLES[entity], names, dialect)


def _driver_execute(connection: Connection, sql: str, params: Mapping[str, Any]) -> None:
    """A statement whose result is not read, sent through the driver on ``connection`` (in a pipeline
    when one is open: ``run_tail``); the driver's errors come out as SQLAlchemy's."""
    import psycopg

    raw = connection.connection.driver_connection
    try:
        raw.execute(sql, params)  # type: ignore[union-attr]
    except psycopg.Error as exc:
        raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc


def register_records(
    connection: Connection, states: Sequence[RecordState], existing: set[tuple[str, str]]
) -> None:
    """Insert or update the bookkeeping rows of records an accepted group touched."""
    changed, new = [], []
    for state in states:
        versions = canonical({k: v.as_json() for k, v in sorted(state.field_versions.items())})
        if (state.entity, state.record_id) in existing:
            changed.append(
                {
                    "_entity": state.entity,
                    "_record_id": state.record_id,
                    "_scope": state.scope,
                    "_position": state.position,
                    "_version": state.version,
                    "_field_versions": versions,
                }
            )
        else:
            new.append(
                {
                    "entity": state.entity,
                    "record_id": state.record_id,
                    "created_by": state.created_by,
                    "created_group": state.created_group,
                    "scope": state.scope,
                    "position": state.position,
                    "version": state.version,
                    "field_versions": versions,
                }
            )
    if changed:
        connection.execute(_RECORD_STATE, changed)
    if new:
        connection.execute(insert(RECORDS), new)


def refs_in_project(connection: Connection, entity: str, project_id: str) -> list[str]:
    table = TABLES[entity]
    return list(connection.scalars(select(table.c.ref).where(table.c.project_id == project_id)))


def ref_holder(connection: Connection, entity: str, project_id: str, ref: str) -> str | None:
    table = TABLES[entity]
    return connection.scalar(select(table.c.id).where(table.c.project_id == project_id, table.c.ref == ref))


def plain_unique_sets(entity: str) -> list[tuple[str, ...]]:
    """The table's unique column sets other than refs, letter versions and project codes (which the
    server renumbers or reserves)."""
    return [
        columns
        for columns in specs()[entity].unique_sets
        if "ref" not in columns and columns != ("code",) and entity != "project"
    ]


def unique_holder(connection: Connection, entity: str, values: Mapping[str, Any]) -> str | None:
    table = TABLES[entity]
    typed = decode_fields(entity, values)
    query = select(table.c.id).where(*(table.c[name] == value for name, value in typed.items()))
    return connection.scalar(query.limit(1))


def signer_of(connection: Connection, letter_id: str, party: str) -> tuple[str, str] | None:
    """(id, signer) of the live signature of a letter's block (a refusal is none)."""
    table = TABLES["signature"]
    query = select(table.c.id, table.c.signer_name).where(
        table.c.letter_id == letter_id,
        table.c.party == party,
        table.c.method != "refused",
        table.c.archived_at.is_(None),
    )
    row = connection.execute(query.limit(1)).first()
    return (row.id, row.signer_name) if row is not None else None


def code_holder(connection: Connection, code: str) -> str | None:
    return connection.scalar(select(ProjectRow.id).where(func.upper(ProjectRow.code) == code.upper()))


def milestone_project(connection: Connection, milestone_id: str) -> str | None:
    table = TABLES["milestone"]
    return connection.scalar(select(table.c.project_id).where(table.c.id == milestone_id))


def live_change_decision_letter(connection: Connection, request_id: str) -> bool:
    letter = TABLES["letter"]
    query = select(func.count()).where(
        letter.c.change_request_id == request_id,
        letter.c.kind == "change_decision",
        letter.c.status.in_(("issued", "signed")),
    )
    return bool(connection.scalar(query))


def goodwill_frame(
    connection: Connection, project_id: str, without: str
) -> tuple[float, float, list[tuple[str, str, float]], str]:
    """(goodwill budget, contracted effort, [(decision, scope check, effort)] of the project's other live
    change requests, the project's currency; "" when the project is not on the server)."""
    project = TABLES["project"]
    request = TABLES["change_request"]
    budget = connection.execute(
        select(project.c.goodwill_budget_hours, project.c.contracted_effort_hours, project.c.currency).where(
            project.c.id == project_id
        )
    ).first()
    others = connection.execute(
        select(request.c.decision, request.c.scope_check, request.c.effort_hours).where(
            request.c.project_id == project_id, request.c.archived_at.is_(None), request.c.id != without
        )
    )
    if budget is None:
        return 0.0, 0.0, [], ""
    return budget[0], budget[1], [(r[0], r[1], r[2]) for r in others], budget[2]


def write_server_events(connection: Connection, heads: Heads, drafts: Sequence[EventDraft]) -> None:
    """The server's audit events of a group, after the anchor ``take_tail_lock`` read and locked."""
    append_after(connection, heads.audit, heads.audit_anchored, drafts)


# --- the tail: positions and the chain of groups -----------------------------------------------


@dataclass(frozen=True)
class Head:
    last_position: int
    last_group_seq: int
    last_group_hash: str


@dataclass(frozen=True)
class Heads:
    """What the tail of a group starts from: the server's head and the audit chain's anchor."""

    group: Head
    audit: ChainHead
    audit_anchored: bool  # the anchor row exists (else it was removed: ``check`` says so)


def take_tail_lock(connection: Connection) -> Heads:
    """Serialise the tail of groups until this transaction ends; the heads as they are now.

    On PostgreSQL one statement locks and reads the head row and the audit anchor (``FOR UPDATE``:
    a transaction that waited for the lock reads the row as the holder committed it, whatever its
    snapshot), so the lock is held from that round trip on, not from an extra one before it. The lock
    is held until commit: whatever is done under it holds up every other push (``batched``)."""
    if connection.dialect.name == "postgresql":
        row = connection.execute(_BOTH_HEADS).first()
        if row is not None:
            return Heads(Head(row[0], row[1], row[2]), ChainHead(row[3], row[4]), True)
    # SQLite (its write lock is held already), a fresh server or a removed audit anchor: the head row
    # is made when missing, then locked on its own, the anchor read (and locked) as every writer does.
    head = _locked_head(connection)
    audit, anchored = read_anchor(connection)
    return Heads(head, audit, anchored)


def _locked_head(connection: Connection) -> Head:
    locked = select(HEAD).where(HEAD.c.id == SERVER_HEAD_ID).with_for_update()
    row = connection.execute(locked).first()
    if row is None:
        start = {"last_position": 0, "last_group_seq": 0, "last_group_hash": GENESIS_HASH}
        if connection.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            # two first groups at once: the second waits on the key, then finds the row and locks it
            connection.execute(pg_insert(HEAD).values(id=SERVER_HEAD_ID, **start).on_conflict_do_nothing())
        else:
            connection.execute(insert(HEAD).values(id=SERVER_HEAD_ID, **start))
        row = connection.execute(locked).first()
    assert row is not None
    return Head(row.last_position, row.last_group_seq, row.last_group_hash)


@contextmanager
def batched(connection: Connection, *, commit: bool = False) -> Iterator[None]:
    """The writes made inside go to PostgreSQL together, in one round trip (psycopg's pipeline mode),
    their errors raised at the end as SQLAlchemy's; elsewhere one by one. Only for statements whose
    results are not read (in pipeline mode a SELECT's rows would not be there yet). ``commit``: on
    PostgreSQL the transaction's COMMIT goes in the same round trip (the caller's unit of work then
    finds nothing to commit); elsewhere the unit of work commits as usual.

    Why: the tail of a group holds the lock every other push waits for, and a server process runs
    many requests on threads that share one interpreter lock; each round trip under the tail lock
    means waiting for the interpreter again before the next statement, so round trips, not SQL,
    were what the tail cost (docs/sync.md)."""
    if connection.dialect.name != "postgresql":
        yield
        return
    import psycopg

    raw = connection.connection.driver_connection
    try:
        with raw.pipeline():  # type: ignore[union-attr]
            yield
            if commit:
                raw.commit()  # type: ignore[union-attr]
    except psycopg.Error as exc:
        raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc


@dataclass(frozen=True)
class TailRecord:
    """A record an accepted group touched, for ``tail_in_database``: its new version and its field
    versions' text, with the group's number as a token (``TailTexts.seq``)."""

    entity: str
    record_id: str
    new: bool
    scope: str
    version: int
    created_by: str | None
    field_versions: str


@dataclass(frozen=True)
class TailEvent:
    """One of the server's audit events of a group, for ``tail_in_database``: its columns and the text
    its hash is made from, with tokens for its number and the previous hash."""

    draft: EventDraft
    content: str


@dataclass(frozen=True)
class TailGroup:
    """The group's row in the chain of groups, for ``tail_in_database``: the stored answer's text
    (a token for the last position) and the link's text (tokens for its number, the answer's
    SHA-256 and the previous link's hash)."""

    group_id: str
    user_id: str
    device_id: str
    received_at: datetime
    status: str
    adopt: bool
    payload_sha256: str
    payload: str
    event_hashes: str
    answer: str
    link: str


@dataclass(frozen=True)
class TailDone:
    seq: int
    position: int
    answer: str
    lock_wait_s: float
    lock_hold_s: float


# One jsonb parameter (migration 0018): 27 parameters, 15 of them arrays, cost psycopg ~0.4 ms of the
# server's CPU per group to dump (element by element, in Python); one text from the C JSON encoder
# costs a tenth of that, and PostgreSQL parses it in C.
_TAIL_CALL = (
    "SELECT group_seq, group_position, group_answer, lock_wait, lock_hold FROM deliverydesk_tail(%s::jsonb)"
)


def tail_in_database(connection: Connection) -> bool:
    """Whether the tail runs inside the database (``deliverydesk_tail``, migrations 0015 and 0018):
    PostgreSQL."""
    return connection.dialect.name == "postgresql"


def run_tail(
    connection: Connection,
    token: str,
    records: Sequence[TailRecord],
    events: Sequence[TailEvent],
    group: TailGroup,
    *,
    commit: bool,
    before: Callable[[], None] | None = None,
) -> TailDone:
    """The tail of a group in one call of ``deliverydesk_tail`` (PostgreSQL): it takes the tail lock,
    gives the records their positions, chains the events and the group's link, moves both heads; with
    ``commit`` the COMMIT goes in the same round trip, so the lock is held only while PostgreSQL works.
    Returns the group's number, its last position, its stored answer's text and the time the call
    waited for the lock and held it (inside PostgreSQL, the COMMIT left out). Errors come out as
    SQLAlchemy's (a racing duplicate group id is an IntegrityError the push retries).

    ``before`` makes the group's own writes (statements whose results are not read) on
    ``connection``: they are queued in the same pipeline, ahead of the call, so they cost no round
    trip of their own; if one fails, neither the call nor the COMMIT runs."""
    import psycopg

    parameter = tail_parameter(token, records, events, group)
    raw = connection.connection.driver_connection
    try:
        with raw.pipeline():  # type: ignore[union-attr]
            if before is not None:
                before()
            cursor = raw.execute(_TAIL_CALL, (parameter,))  # type: ignore[union-attr]
            if commit:
                raw.commit()  # type: ignore[union-attr]
        row = cursor.fetchone()
    except psycopg.Error as exc:
        raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc
    assert row is not None
    return TailDone(int(row[0]), int(row[1]), str(row[2]), float(row[3]), float(row[4]))


def tail_parameter(
    token: str, records: Sequence[TailRecord], events: Sequence[TailEvent], group: TailGroup
) -> str:
    """``deliverydesk_tail``'s one parameter (its shape: migration 0018's docstring): JSON text,
    timestamps as ISO 8601 in UTC without an offset (``UTCDateTime``'s stored form). Not ASCII-escaped:
    a text that cannot be UTF-8 fails here, as it did when psycopg dumped it."""

    def naive(when: datetime) -> str:
        return when.astimezone(UTC).replace(tzinfo=None).isoformat()

    tail = {
        "t": token,
        "records": [
            {
                "entity": r.entity,
                "record_id": r.record_id,
                "new": r.new,
                "scope": r.scope,
                "version": r.version,
                "created_by": r.created_by,
                "field_versions": r.field_versions,
            }
            for r in records
        ],
        "events": [
            {
                "occurred_at": naive(e.draft.occurred_at),
                "actor": e.draft.actor,
                "entity": e.draft.entity,
                "record_id": e.draft.record_id,
                "project_id": e.draft.project_id,
                "action": str(e.draft.action),
                "changes": e.draft.changes,
                "content": e.content,
            }
            for e in events
        ],
        "group": {
            "group_id": group.group_id,
            "user_id": group.user_id,
            "device_id": group.device_id,
            "received_at": naive(group.received_at),
            "status": group.status,
            "adopt": group.adopt,
            "payload_sha256": group.payload_sha256,
            "payload": group.payload,
            "event_hashes": group.event_hashes,
            "answer": group.answer,
            "link": group.link,
        },
    }
    return json.dumps(tail, ensure_ascii=False, separators=(",", ":"))


_READ_HEAD = select(HEAD.c.last_position, HEAD.c.last_group_seq, HEAD.c.last_group_hash).where(
    HEAD.c.id == SERVER_HEAD_ID
)


def read_head(connection: Connection) -> Head:
    found = driver_rows(connection, _READ_HEAD)
    if not found:
        return Head(0, 0, GENESIS_HASH)
    return Head(*found[0])


def write_head(connection: Connection, head: Head) -> None:
    """Move the head (its row exists: ``take_tail_lock`` made it when missing)."""
    values_ = {
        "_last_position": head.last_position,
        "_last_group_seq": head.last_group_seq,
        "_last_group_hash": head.last_group_hash,
    }
    connection.execute(_WRITE_HEAD, values_)


def stored_answer(connection: Connection, group_id: str) -> str | None:
    return connection.scalar(_STORED_ANSWER, {"group_id": group_id})


def stored_answers(connection: Connection, group_ids: Sequence[str]) -> dict[str, str]:
    """group id -> stored answer, for those of these groups answered before."""
    found: dict[str, str] = {}
    for chunk in chunks(sorted(set(group_ids))):
        found.update({row[0]: row[1] for row in connection.execute(_STORED_ANSWERS, {"ids": list(chunk)})})
    return found


def device_has_pushed(connection: Connection, device_id: str) -> bool:
    """Whether the device has had a group answered that was not its joining history."""
    query = select(GROUPS.c.seq).where(GROUPS.c.device_id == device_id, GROUPS.c.adopt.is_(False)).limit(1)
    return connection.scalar(query) is not None


def insert_group(connection: Connection, values_: Mapping[str, Any]) -> None:
    connection.execute(insert(GROUPS), dict(values_))


def group_links(connection: Connection, batch: int = 1000) -> Iterable[dict[str, Any]]:
    query = select(GROUPS).order_by(GROUPS.c.seq)
    for row in connection.execute(query, execution_options={"yield_per": batch}).mappings():
        yield dict(row)


_GROUP_ORIGINS_SQL = (
    "SELECT g.seq, g.group_id, u.name, d.name FROM server_group g"
    " JOIN server_user u ON u.id = g.user_id JOIN server_device d ON d.id = g.device_id"
    " WHERE g.seq = ANY(%s::bigint[])"
)


def group_origins(connection: Connection, seqs: Iterable[int]) -> dict[int, tuple[str, str, str]]:
    """group seq -> (group id, user name, device name)."""
    wanted = sorted(set(seqs))
    found: dict[int, tuple[str, str, str]] = {}
    if connection.dialect.name == "postgresql" and wanted:  # through the driver (``current_rows``)
        for seq, group_id, user, device in _driver_fetch(connection, _GROUP_ORIGINS_SQL, (wanted,)):
            found[seq] = (group_id, user, device)
        return found
    for chunk in chunks(wanted):
        query = (
            select(GROUPS.c.seq, GROUPS.c.group_id, USERS.c.name, DEVICES.c.name.label("device"))
            .join(USERS, USERS.c.id == GROUPS.c.user_id)
            .join(DEVICES, DEVICES.c.id == GROUPS.c.device_id)
            .where(GROUPS.c.seq.in_(chunk))
        )
        found.update({row.seq: (row.group_id, row.name, row.device) for row in connection.execute(query)})
    return found


def insert_conflicts(connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        connection.execute(insert(CONFLICTS), list(rows))


def resolve_conflicts(connection: Connection, ids: Sequence[str], group_id: str, when: datetime) -> None:
    if ids:
        connection.execute(
            update(CONFLICTS)
            .where(CONFLICTS.c.id.in_(list(ids)), CONFLICTS.c.status == "open")
            .values(status="resolved", resolved_at=when, resolved_by_group=group_id)
        )


# --- pull pages --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    entity: str
    record_id: str
    scope: str
    position: int
    version: int
    field_versions: dict[str, FieldVersion]
    created_group: int | None


def _change(row: Any) -> Change:
    state = _state(row)
    return Change(
        state.entity,
        state.record_id,
        state.scope,
        state.position,
        state.version,
        state.field_versions,
        state.created_group,
    )


_CHANGE_COLUMNS = "r.entity, r.record_id, r.scope, r.position, r.version, r.field_versions, r.created_group"


def _change_of(row: Sequence[Any]) -> Change:
    """A ``Change`` from a driver row of ``_CHANGE_COLUMNS``."""
    entity, record_id, scope, position, version, versions, created_group = row
    return Change(entity, record_id, scope, position, version, _field_versions(versions), created_group)


def changes_after(connection: Connection, cursors: Mapping[str, int], head: int, limit: int) -> list[Change]:
    """Records whose newest change lies after their scope's cursor (and at most at ``head``), in
    position order, at most ``limit``. Scopes are grouped by cursor (after a sync most share one)."""
    if not cursors:
        return []
    by_cursor: dict[int, list[str]] = {}
    for scope, after in cursors.items():
        by_cursor.setdefault(after, []).append(scope)
    if connection.dialect.name == "postgresql":  # through the driver (``current_rows``)
        ordered = sorted(by_cursor.items())
        either = " OR ".join("(r.scope = ANY(%s) AND r.position > %s)" for _ in ordered)
        sql = f"SELECT {_CHANGE_COLUMNS} FROM server_record r WHERE ({either}) AND r.position <= %s"
        params = [value for after, scopes in ordered for value in (sorted(scopes), after)]
        rows = _driver_fetch(connection, f"{sql} ORDER BY r.position LIMIT %s", (*params, head, limit))
        return [_change_of(row) for row in rows]
    windows = [
        and_(RECORDS.c.scope.in_(sorted(scopes)), RECORDS.c.position > after)
        for after, scopes in sorted(by_cursor.items())
    ]
    query = (
        select(RECORDS)
        .where(or_(*windows), RECORDS.c.position <= head)
        .order_by(RECORDS.c.position)
        .limit(limit)
    )
    return [_change(row) for row in connection.execute(query)]


def changes_of(connection: Connection, keys: Iterable[tuple[str, str]]) -> list[Change]:
    wanted = sorted(set(keys))
    found: list[Change] = []
    if connection.dialect.name == "postgresql" and wanted:  # through the driver (``current_rows``)
        sql = (
            f"SELECT {_CHANGE_COLUMNS} FROM server_record r"
            " JOIN unnest(%s::text[], %s::text[]) AS k(entity, record_id)"
            " ON r.entity = k.entity AND r.record_id = k.record_id"
        )
        entities, ids = [e for e, _ in wanted], [i for _, i in wanted]
        return [_change_of(row) for row in _driver_fetch(connection, sql, (entities, ids))]
    for chunk in chunks(wanted):
        query = select(RECORDS).where(tuple_(RECORDS.c.entity, RECORDS.c.record_id).in_(chunk))
        found += [_change(row) for row in connection.execute(query)]
    return found


def reference_targets(entity: str, row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(table, id) of the bundled records a canonical row links to."""
    return [(target, str(row[name])) for name, target in _links(entity) if row.get(name)]


@lru_cache(maxsize=64)
def _links(entity: str) -> tuple[tuple[str, str], ...]:
    """(column, bundled table) of a table's references by id (a pull asks for every row it sends)."""
    return tuple(
        (col.name, fk.column.table.name)
        for col in TABLES[entity].columns
        for fk in col.foreign_keys
        if fk.column.table.name in TABLES and fk.column.name == "id"
    )


def file_digests(entity: str, row: Mapping[str, Any]) -> list[str]:
    """The stored files a canonical row names (an attachment's bytes, a letter's PDFs)."""
    if entity == "attachment":
        return [row["sha256"]]
    if entity == "letter":
        return [d for d in (row.get("pdf_sha256"), row.get("signed_pdf_sha256")) if d]
    return []


def table_order() -> dict[str, int]:
    return {name: i for i, name in enumerate(BUNDLED_TABLES)}


# --- files ---------------------------------------------------------------------------------------


def missing_blobs(connection: Connection, digests: Iterable[str]) -> list[str]:
    wanted = sorted(set(digests))
    present: set[str] = set()
    for chunk in chunks(wanted):
        present |= set(connection.scalars(select(BLOB_TABLE.c.sha256).where(BLOB_TABLE.c.sha256.in_(chunk))))
    return [d for d in wanted if d not in present]


def put_blob(connection: Connection, digest: str, data: bytes) -> bool:
    """Store a file once; False when it was there already."""
    if connection.scalar(select(BLOB_TABLE.c.sha256).where(BLOB_TABLE.c.sha256 == digest)) is not None:
        return False
    connection.execute(insert(BLOB_TABLE).values(sha256=digest, size=len(data), data=data))
    return True


def blob(connection: Connection, digest: str) -> bytes | None:
    return connection.scalar(select(BLOB_TABLE.c.data).where(BLOB_TABLE.c.sha256 == digest))


def blob_scopes(connection: Connection, digest: str) -> set[str]:
    """The scopes of the records that name a file (attachments, letters)."""
    attachment, letter = TABLES["attachment"], TABLES["letter"]
    ids = union_all(
        select(attachment.c.id).where(attachment.c.sha256 == digest),
        select(letter.c.id).where(or_(letter.c.pdf_sha256 == digest, letter.c.signed_pdf_sha256 == digest)),
    ).subquery()
    query = select(RECORDS.c.scope).where(RECORDS.c.record_id.in_(select(ids.c.id)))
    return set(connection.scalars(query))


def blob_bytes(connection: Connection, digest: str) -> int | None:
    return connection.scalar(select(BLOB_TABLE.c.size).where(BLOB_TABLE.c.sha256 == digest))


# --- letter reservations ---------------------------------------------------------------------------


def letter_versions_taken(connection: Connection, project_id: str, ref: str) -> set[int]:
    letter = TABLES["letter"]
    issued = select(letter.c.version).where(letter.c.project_id == project_id, letter.c.ref == ref)
    reserved = select(RESERVATIONS.c.version).where(
        RESERVATIONS.c.project_id == project_id, RESERVATIONS.c.ref == ref
    )
    return set(connection.scalars(issued)) | set(connection.scalars(reserved))


def letter_version_of(connection: Connection, letter_id: str) -> tuple[str, str, int] | None:
    """(project id, reference, version) of a letter the server holds."""
    letter = TABLES["letter"]
    query = select(letter.c.project_id, letter.c.ref, letter.c.version).where(letter.c.id == letter_id)
    found = connection.execute(query).first()
    return None if found is None else (str(found[0]), str(found[1]), int(found[2]))


def letter_in_language(
    connection: Connection, project_id: str, ref: str, version: int, language: str
) -> str | None:
    """The id of the letter of this reference and version in ``language``, if the server holds one."""
    letter = TABLES["letter"]
    query = select(letter.c.id).where(
        letter.c.project_id == project_id,
        letter.c.ref == ref,
        letter.c.version == version,
        letter.c.language == language,
    )
    return connection.scalar(query)


def reservation_holder(connection: Connection, project_id: str, ref: str, version: int) -> str | None:
    query = select(RESERVATIONS.c.device_id).where(
        RESERVATIONS.c.project_id == project_id, RESERVATIONS.c.ref == ref, RESERVATIONS.c.version == version
    )
    return connection.scalar(query)


def reserve_letter(connection: Connection, values_: Mapping[str, Any]) -> None:
    connection.execute(insert(RESERVATIONS).values(**values_))


# --- registration of records written outside the server, checks -----------------------------------


def unregistered_or_stale(connection: Connection, entity: str) -> list[tuple[str, int]]:
    """(id, row version) of the records of a table that the server's bookkeeping does not match."""
    table = TABLES[entity]
    joined = table.outerjoin(
        RECORDS, and_(RECORDS.c.entity == literal(entity), RECORDS.c.record_id == table.c.id)
    )
    query = (
        select(table.c.id, table.c.row_version)
        .select_from(joined)
        .where(or_(RECORDS.c.record_id.is_(None), RECORDS.c.version != table.c.row_version))
    )
    return [(row[0], row[1]) for row in connection.execute(query)]


def record_scope_rows(connection: Connection, entity: str, ids: Sequence[str]) -> dict[str, str]:
    """id -> scope computed from the records themselves (for registering existing data)."""
    table = TABLES[entity]
    found: dict[str, str] = {}
    for chunk in chunks(list(ids)):
        if entity == "category":
            found.update({i: SHARED_SCOPE for i in chunk})
        elif entity == "client":
            found.update({i: client_scope(i) for i in chunk})
        elif entity == "contact":
            rows = connection.execute(select(table.c.id, table.c.client_id).where(table.c.id.in_(chunk)))
            found.update({r.id: client_scope(r.client_id) for r in rows})
        elif entity == "project":
            found.update({i: project_scope(i) for i in chunk})
        elif entity == "milestone_change":
            milestone = TABLES["milestone"]
            rows = connection.execute(
                select(table.c.id, milestone.c.project_id)
                .join(milestone, milestone.c.id == table.c.milestone_id)
                .where(table.c.id.in_(chunk))
            )
            found.update({r.id: project_scope(r.project_id) for r in rows})
        else:
            rows = connection.execute(select(table.c.id, table.c.project_id).where(table.c.id.in_(chunk)))
            found.update({r.id: project_scope(r.project_id) for r in rows})
    return found


def register_existing(
    connection: Connection,
    entity: str,
    rows: Sequence[tuple[str, int]],
    scopes: Mapping[str, str],
    head: Head,
) -> Head:
    """Give records written outside the server a position (and their current version)."""
    existing: set[str] = set()
    for chunk in chunks([record_id for record_id, _ in rows]):
        query = select(RECORDS.c.record_id).where(RECORDS.c.entity == entity, RECORDS.c.record_id.in_(chunk))
        existing |= set(connection.scalars(query))
    position, new = head.last_position, []
    for record_id, version in rows:
        position += 1
        values = {"position": position, "version": version, "scope": scopes[record_id]}
        if record_id in existing:
            connection.execute(
                update(RECORDS)
                .where(RECORDS.c.entity == entity, RECORDS.c.record_id == record_id)
                .values(values)
            )
        else:
            new.append({"entity": entity, "record_id": record_id, "field_versions": "{}", **values})
    for start in range(0, len(new), 5000):
        connection.execute(insert(RECORDS), new[start : start + 5000])
    return Head(position, head.last_group_seq, head.last_group_hash)


def server_counts(connection: Connection) -> dict[str, int]:
    return {
        "users": connection.scalar(select(func.count()).select_from(USERS)) or 0,
        "devices": connection.scalar(
            select(func.count()).select_from(DEVICES).where(DEVICES.c.revoked_at.is_(None))
        )
        or 0,
        "groups": connection.scalar(select(func.count()).select_from(GROUPS)) or 0,
        "records": connection.scalar(select(func.count()).select_from(RECORDS)) or 0,
        "open_conflicts": connection.scalar(
            select(func.count()).select_from(CONFLICTS).where(CONFLICTS.c.status == "open")
        )
        or 0,
    }


# --- across the team -----------------------------------------------------------------------------


def team_category_counts(connection: Connection, since: date, until: date) -> list[dict[str, Any]]:
    """Per category: distinct clients and issues reported in the period, over the whole team (live
    issues of live projects). Counts only: no client, project or issue is named."""
    query = (
        select(
            CategoryRow.id,
            CategoryRow.name_en,
            CategoryRow.name_zh,
            func.count(func.distinct(ProjectRow.client_id)).label("clients"),
            func.count(IssueRow.id).label("issues"),
        )
        .join(IssueRow, IssueRow.category_id == CategoryRow.id)
        .join(ProjectRow, ProjectRow.id == IssueRow.project_id)
        .where(
            IssueRow.archived_at.is_(None),
            ProjectRow.archived_at.is_(None),
            CategoryRow.archived_at.is_(None),
            IssueRow.reported_on >= since,
            IssueRow.reported_on <= until,
        )
        .group_by(CategoryRow.id, CategoryRow.name_en, CategoryRow.name_zh)
        .order_by(func.count(func.distinct(ProjectRow.client_id)).desc(), CategoryRow.name_en)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def schema_revision(connection: Connection) -> str | None:
    return current_revision(connection)


__all__ = ["DBAPIError", "new_id"]
