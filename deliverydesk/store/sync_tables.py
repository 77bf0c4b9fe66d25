"""The team server's tables (``server_*``) and the laptop's sync bookkeeping (``sync_*``).

One Alembic history serves both sides (revision 0013), so every database has all of them and each
side uses its own: a laptop never writes ``server_*``, the server never writes ``sync_*``. None of
them is a record: they never travel in bundles or syncs and are not audited (the group chain is the
server's own hash chain). docs/sync.md describes what each holds.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from deliverydesk.store.sync_state import SYNC_STATE_TABLE
from deliverydesk.store.tables import Base

# --- the laptop --------------------------------------------------------------------------------


class SyncStateRow(Base):
    """One row (id 1) once the laptop has joined a team server."""

    __tablename__ = SYNC_STATE_TABLE
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    server_url: Mapped[str]
    user_name: Mapped[str] = mapped_column(default="")
    display_name: Mapped[str] = mapped_column(default="")
    role: Mapped[str] = mapped_column(String(16), default="")
    device_name: Mapped[str] = mapped_column(default="")
    replica_id: Mapped[str] = mapped_column(String(36), default="")  # this copy, made when it joined
    configured_at: Mapped[datetime]
    last_sync_at: Mapped[datetime | None] = mapped_column(default=None)  # the last complete sync
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(default="")  # "" after a complete sync
    offline: Mapped[bool] = mapped_column(Boolean, default=False)  # the last attempt found no server
    roster_etag: Mapped[str] = mapped_column(default="")  # the server's validator of the roster mirrored


class SyncOutboxRow(Base):
    """A group: what one local user action changed, waiting to be pushed (or its fate)."""

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_status_ord", "status", "ord"),)
    group_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ord: Mapped[int] = mapped_column(BigInteger, unique=True)  # push order
    made_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))  # pending accepted conflict refused superseded
    event_hashes: Mapped[str] = mapped_column(default="[]")  # JSON: this action's audit event hashes
    resolves: Mapped[str] = mapped_column(default="[]")  # JSON: conflict ids this group settles
    answer: Mapped[str] = mapped_column(default="")  # JSON: the server's final answer
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    adopt: Mapped[bool] = mapped_column(Boolean, default=False)  # records this laptop had when it joined


class SyncOutboxChangeRow(Base):
    """One record's change inside a group (``payload``: the row of a create, ``{field: [old, new]}``
    of an update, canonical JSON)."""

    __tablename__ = "sync_outbox_change"
    __table_args__ = (Index("ix_sync_outbox_change_record", "entity", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("sync_outbox.group_id", ondelete="CASCADE"), index=True
    )
    idx: Mapped[int] = mapped_column(Integer)  # order inside the group
    entity: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    project_id: Mapped[str | None] = mapped_column(String(36), default=None)
    op: Mapped[str] = mapped_column(String(8))  # create | update
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[str]


class SyncKnownRow(Base):
    """The server version a record's local copy is based on (absent: never seen on the server)."""

    __tablename__ = "sync_known"
    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class SyncCursorRow(Base):
    """How far the laptop has pulled one scope (``p:<project id>``, ``c:<client id>``, ``shared``)."""

    __tablename__ = "sync_cursor"
    scope: Mapped[str] = mapped_column(String(48), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger)


class SyncConflictRow(Base):
    """A conflict (or a refused group) kept until the user resolves it."""

    __tablename__ = "sync_conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the server's conflict id
    group_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # conflict | refused
    entity: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    project_id: Mapped[str | None] = mapped_column(String(36), default=None)
    fields: Mapped[str] = mapped_column(default="[]")  # JSON: [{field, base, mine, theirs, choice?}]
    theirs_version: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class SyncNoticeRow(Base):
    """Something a sync has to say once (a renumbered reference, an approval received...)."""

    __tablename__ = "sync_notice"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    params: Mapped[str] = mapped_column(default="{}")  # JSON
    shown: Mapped[bool] = mapped_column(Boolean, default=False)  # said once (status bar, command line)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)  # Home: the user has seen it there


class SyncReservationRow(Base):
    """A letter reference and version the server reserved for this laptop (issuing needs one)."""

    __tablename__ = "sync_reservation"
    project_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ref: Mapped[str] = mapped_column(String(48), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    reserved_at: Mapped[datetime]


# --- the server --------------------------------------------------------------------------------


class ServerUserRow(Base):
    __tablename__ = "server_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(default="")
    role: Mapped[str] = mapped_column(String(16))  # engineer | manager | admin
    hours_per_change: Mapped[float] = mapped_column(default=8.0)
    cost_cents_per_change: Mapped[int] = mapped_column(BigInteger, default=500_00)
    goodwill_hours_per_project: Mapped[float] = mapped_column(default=16.0)
    cost_currency: Mapped[str] = mapped_column(String(3), default="CNY")  # of cost_cents_per_change
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None] = mapped_column(default=None)


class ServerGrantRow(Base):
    """A project granted to a user; ``project_id`` NULL grants every project (``--all``)."""

    __tablename__ = "server_grant"
    __table_args__ = (UniqueConstraint("user_id", "project_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("server_user.id", ondelete="CASCADE"))
    project_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    granted_at: Mapped[datetime]


class ServerDeviceRow(Base):
    """A device token: only its SHA-256 is kept (the token is printed once)."""

    __tablename__ = "server_device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("server_user.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str]
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)


class ServerGroupRow(Base):
    """Every final answer to a group, in the chain of groups (``seq``; each link hashed with the previous)."""

    __tablename__ = "server_group"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    group_id: Mapped[str] = mapped_column(String(36), unique=True)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))  # accepted | conflict | refused
    adopt: Mapped[bool] = mapped_column(Boolean, default=False)  # a joining laptop's history
    payload_sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str]  # the group as it came (canonical JSON): every value it carried is kept
    event_hashes: Mapped[str] = mapped_column(default="[]")  # the pushing device's audit event hashes
    answer: Mapped[str]  # canonical JSON, returned again for a repeated group id
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ServerHeadRow(Base):
    """One row (id 1): the last position handed out and the newest link of the chain of groups."""

    __tablename__ = "server_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_position: Mapped[int] = mapped_column(BigInteger)
    last_group_seq: Mapped[int] = mapped_column(BigInteger)
    last_group_hash: Mapped[str] = mapped_column(String(64))


class ServerRosterRow(Base):
    """One row (id 1): the roster's version, bumped with every change of a user in the same transaction,
    and a random tag made once per server database. Together they are the roster's validator (ETag)."""

    __tablename__ = "server_roster"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)
    tag: Mapped[str] = mapped_column(String(36))


class ServerRecordRow(Base):
    """Every record the server holds: its scope, the position of its newest change, its version, and
    per field the version, device and group of the last change (JSON ``{field: [version, device, seq]}``)."""

    __tablename__ = "server_record"
    __table_args__ = (
        Index("ix_server_record_scope_position", "scope", "position"),
        # Who may read a client they made (``access_of``, every push and pull page): without it the
        # lookup filtered every client's row. Partial on both dialects (migration 0019); only
        # SQLite's clause is written here: a ``postgresql_where`` makes SQLAlchemy import its
        # PostgreSQL dialect to check the argument, ~2.3 MiB and ~12 ms in every desktop process.
        Index("ix_server_record_client_creator", "created_by", sqlite_where=text("entity = 'client'")),
    )
    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scope: Mapped[str] = mapped_column(String(48))
    position: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer)
    created_group: Mapped[int | None] = mapped_column(BigInteger, default=None)  # group seq
    created_by: Mapped[str | None] = mapped_column(String(36), default=None)  # user id
    field_versions: Mapped[str] = mapped_column(default="{}")


class ServerConflictRow(Base):
    __tablename__ = "server_conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(36), index=True)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    scope: Mapped[str] = mapped_column(String(48))
    fields: Mapped[str]  # JSON [{field, base, mine, theirs}]
    theirs_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by_group: Mapped[str | None] = mapped_column(String(36), default=None)


class ServerLetterReservationRow(Base):
    """A letter's reference and version, reserved by one device before it issues the letter."""

    __tablename__ = "server_letter_reservation"
    project_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ref: Mapped[str] = mapped_column(String(48), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(String(36))
    reserved_at: Mapped[datetime]


SERVER_HEAD_ID = 1
SERVER_ROSTER_ID = 1
LAPTOP_TABLES = tuple(
    row.__tablename__
    for row in (
        SyncStateRow,
        SyncOutboxRow,
        SyncOutboxChangeRow,
        SyncKnownRow,
        SyncCursorRow,
        SyncConflictRow,
        SyncNoticeRow,
        SyncReservationRow,
    )
)
SERVER_TABLES = tuple(
    row.__tablename__
    for row in (
        ServerUserRow,
        ServerGrantRow,
        ServerDeviceRow,
        ServerGroupRow,
        ServerHeadRow,
        ServerRosterRow,
        ServerRecordRow,
        ServerConflictRow,
        ServerLetterReservationRow,
    )
)
