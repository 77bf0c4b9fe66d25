"""The read-only health report behind ``deliverydesk check``: never modifies the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.paths import sqlite_url
from deliverydesk.store.audit import trail_lines
from deliverydesk.store.backups import list_backups, newest_good_backup
from deliverydesk.store.database import make_engine
from deliverydesk.store.health import HealthReport, full_report
from deliverydesk.store.identity import identify, probe
from deliverydesk.store.migrate import head_revision, known_revisions
from deliverydesk.store.search_tables import search_index_line


def check_file(database: Path, backups: Path, migrations_dir: Path | None = None) -> HealthReport:
    """Identity, integrity, foreign keys, schema revision and backups, one line each."""
    ok, lines = _file_lines(database, migrations_dir)
    return HealthReport(ok=ok, lines=(*lines, *_backup_lines(backups, healthy=ok)))


def _file_lines(database: Path, migrations_dir: Path | None) -> tuple[bool, list[str]]:
    if not database.exists():
        return False, [f"database: {database} does not exist"]
    lines = [f"database: {database}"]
    try:
        identity = identify(database)
        lines.append(f"identity: DeliveryDesk database, schema generation {identity.user_version}")
        with probe(database) as connection:
            health = full_report(connection)
            search_ok, search_line = search_index_line(connection.execute)
    except DeliveryDeskError as exc:
        return False, [*lines, f"identity: REFUSED: {exc}"]
    except sqlite3.DatabaseError as exc:
        return False, [*lines, f"integrity: DAMAGED ({exc})"]
    revision_ok, revision_line = _revision_line(identity.revision, migrations_dir)
    audit_ok, audit_lines = check_trail(sqlite_url(database)) if health.ok else (True, [])
    ok = health.ok and revision_ok and search_ok and audit_ok
    return ok, [*lines, *health.lines, revision_line, search_line, *audit_lines]


def check_trail(url: str) -> tuple[bool, list[str]]:
    """The audit trail's hash chain of the database at ``url`` (a file or a server), read-only."""
    engine = make_engine(url, readonly=True)
    try:
        with engine.connect() as connection:
            return trail_lines(connection)
    finally:
        engine.dispose()


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
