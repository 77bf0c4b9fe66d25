"""SQLite health checks on a DBAPI connection: quick_check, integrity_check, foreign_key_check."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from deliverydesk.i18n import N_, Message, msg, verbatim

MAX_REPORTED_PROBLEMS = 10
# SQLite's own words for the problems people meet with a damaged or unusable file: translated when a
# message quotes them; anything else (quick_check's page lists) is shown as SQLite wrote it
SQLITE_PROBLEMS = frozenset(
    {
        N_("file is not a database"),
        N_("database disk image is malformed"),
        N_("disk I/O error"),
        N_("unable to open database file"),
        N_("database or disk is full"),
        N_("attempt to write a readonly database"),
    }
)


@dataclass(frozen=True)
class HealthReport:
    ok: bool
    lines: tuple[str, ...]


def _check_rows(connection: sqlite3.Connection, pragma: str) -> list[str]:
    rows = connection.execute(f"PRAGMA {pragma}({MAX_REPORTED_PROBLEMS})").fetchall()
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def sqlite_problem(problem: object) -> Message:
    """What SQLite reported (an exception or its text), for a message: in the reader's language when it
    is one of the usual problems, else as SQLite wrote it."""
    text = str(problem)
    return msg(text) if text in SQLITE_PROBLEMS else verbatim(text)


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """Problems found by ``PRAGMA quick_check`` (empty when healthy). Raises on unreadable files."""
    return _check_rows(connection, "quick_check")


def integrity_check(connection: sqlite3.Connection) -> list[str]:
    """Problems found by the slower, complete ``PRAGMA integrity_check`` (empty when healthy)."""
    return _check_rows(connection, "integrity_check")


def foreign_key_problems(connection: sqlite3.Connection) -> list[str]:
    """One line per table with rows that point at missing records (empty when every link holds)."""
    counts: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk_index in connection.execute("PRAGMA foreign_key_check"):
        counts[(table, parent)] = counts.get((table, parent), 0) + 1
    return [
        f"{count} row(s) of {table} point at missing {parent} records"
        for (table, parent), count in sorted(counts.items())
    ]


def full_report(connection: sqlite3.Connection) -> HealthReport:
    """integrity_check and foreign_key_check as report lines, for ``deliverydesk check``."""
    lines: list[str] = []
    problems = integrity_check(connection)
    lines.append("integrity: ok" if not problems else "integrity: DAMAGED")
    lines += [f"  {problem}" for problem in problems]
    broken = foreign_key_problems(connection) if not problems else []
    lines.append("foreign keys: ok" if not broken else "foreign keys: BROKEN LINKS")
    lines += [f"  {line}" for line in broken]
    return HealthReport(ok=not problems and not broken, lines=tuple(lines))
