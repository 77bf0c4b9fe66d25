"""The read-only health report behind ``deliverydesk check``: never modifies the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing, suppress
from functools import partial
from pathlib import Path

from deliverydesk.domain.audit import ChainHead
from deliverydesk.errors import DeliveryDeskError, DiskFullError
from deliverydesk.paths import sqlite_url
from deliverydesk.store.audit import record_label, trail_lines, trail_missing
from deliverydesk.store.audit_state import Witness, blob_lines, letter_witnesses, record_lines, witness_lines
from deliverydesk.store.backups import list_backups, newest_good_backup
from deliverydesk.store.database import make_engine
from deliverydesk.store.health import HealthReport, full_report
from deliverydesk.store.identity import disk_full, full_disk_error, identify, probe
from deliverydesk.store.migrate import head_revision, known_revisions
from deliverydesk.store.search_tables import search_index_line

FIRST_REVISION = "0001"  # the schema before the audit trail


def check_file(database: Path, backups: Path, migrations_dir: Path | None = None) -> HealthReport:
    """Identity, integrity, foreign keys, schema revision, the audit trail against the records and its
    witnesses, and backups, one line each."""
    ok, lines = _file_lines(database, backups, migrations_dir)
    return HealthReport(ok=ok, lines=(*lines, *_backup_lines(backups, healthy=ok)))


def _file_lines(database: Path, backups: Path, migrations_dir: Path | None) -> tuple[bool, list[str]]:
    if not database.exists():
        return False, [f"database: {database} does not exist"]
    lines = [f"database: {database}"]
    try:
        identity = identify(database)
        lines.append(f"identity: DeliveryDesk database, schema generation {identity.user_version}")
        with probe(database) as connection:
            health = full_report(connection)
            search_ok, search_line = search_index_line(connection.execute)
    except DiskFullError:
        raise  # not the file's fault: check says so and exits 1, the database is not called unhealthy
    except DeliveryDeskError as exc:
        return False, [*lines, f"identity: REFUSED: {exc}"]
    except sqlite3.DatabaseError as exc:
        if disk_full(database.parent):
            raise full_disk_error(database) from exc
        return False, [*lines, f"integrity: DAMAGED ({exc})"]
    revision_ok, revision_line = _revision_line(identity.revision, migrations_dir)
    expected = identity.revision not in (None, FIRST_REVISION)  # the audit tables came with 0002
    witnesses = backup_witnesses(backups)
    audit_ok, audit_lines = (
        check_trail(sqlite_url(database), expected=expected, witnesses=witnesses) if health.ok else (True, [])
    )
    ok = health.ok and revision_ok and search_ok and audit_ok
    return ok, [*lines, *health.lines, revision_line, search_line, *audit_lines]


def check_trail(
    url: str, *, expected: bool = True, witnesses: Sequence[Witness] = ()
) -> tuple[bool, list[str]]:
    """The audit trail of the database at ``url`` (a file or a server), read-only: its hash chain,
    every audited record against the trail's newest state of it, the stored files against their
    SHA-256, and the heads witnessed by backups and issued documents."""
    engine = make_engine(url, readonly=True)
    try:
        with engine.connect() as connection:
            ok, lines = trail_lines(connection, expected=expected)
            if trail_missing(connection):
                return ok, lines
            label = partial(record_label, connection)
            for part in (
                record_lines(connection, label),
                blob_lines(connection),
                witness_lines(connection, [*witnesses, *letter_witnesses(connection)]),
            ):
                ok, lines = ok and part[0], [*lines, *part[1]]
            return ok, lines
    finally:
        engine.dispose()


def backup_witnesses(backups: Path) -> list[Witness]:
    """The trail head each backup holds (a verified backup is a copy of the whole file, anchor
    included); backups without an audit trail or unreadable ones give none."""
    found = []
    for info in list_backups(backups):
        with (
            suppress(sqlite3.Error),
            closing(
                sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            ) as connection,
        ):
            row = connection.execute("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").fetchone()
            if row is not None:
                found.append(Witness(ChainHead(int(row[0]), str(row[1])), f"backup {info.path.name}"))
    return found


def _revision_line(revision: str | None, migrations_dir: Path | None) -> tuple[bool, str]:
    head = head_revision(migrations_dir)
    if revision == head:
        return True, f"schema revision: {revision} (current)"
    if revision in known_revisions(migrations_dir):
        return True, f"schema revision: {revision} (will be upgraded to {head} on the next open)"
    return False, f"schema revision: {revision} is UNKNOWN (written by a newer DeliveryDesk?)"


def _backup_lines(backups: Path, *, healthy: bool) -> list[str]:
    found = list_backups(backups)
    lines = [f"backups: {len(found)}" + (f", newest {found[0].path.name}" if found else "")]
    if not healthy and found:
        good = newest_good_backup(backups)
        lines.append(f"newest good backup: {good}" if good else "newest good backup: none")
    return lines
