"""The floor the app is compared with: the same facts read with plain ``sqlite3`` and hand-written SQL.

No DeliveryDesk import here: the bare window (a separate process) uses this module too. Each query
returns what the app shows for the same operation, so the ratio measures the app's layers (SQLAlchemy,
services, dataclasses, the task runner, Qt models), not a different amount of work.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

PAGE = 200  # the navigator's page size
LOG_PAGE = 100  # the Log page's page size
OPEN_MS = "m.project_id = p.id AND m.archived_at IS NULL AND m.status NOT IN ('done', 'accepted')"
MS_DATE = "coalesce(m.actual_date, m.forecast_date, m.baseline_date)"
NAVIGATOR_COLUMNS = f"""
    p.id, p.code, p.name, c.name, p.status,
    (SELECT m.name || ' · ' || {MS_DATE} FROM milestone m WHERE {OPEN_MS}
        ORDER BY {MS_DATE}, m.ref LIMIT 1),
    (SELECT count(*) FROM milestone m WHERE {OPEN_MS} AND {MS_DATE} < :today),
    (SELECT count(*) FROM milestone m WHERE {OPEN_MS} AND m.status = 'waiting_on_client'),
    (SELECT count(*) FROM change_request r WHERE r.project_id = p.id AND r.archived_at IS NULL
        AND r.decision IN ('pending', 'pending_approval'))
"""
NAVIGATOR_FROM = """
    FROM project p JOIN client c ON c.id = p.client_id
    WHERE p.archived_at IS NULL
      AND (:pattern IS NULL OR p.code LIKE :pattern ESCAPE '\\' OR p.name LIKE :pattern ESCAPE '\\'
           OR c.name LIKE :pattern ESCAPE '\\')
"""


def connect(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def like_pattern(text: str) -> str | None:
    if not text.strip():
        return None
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def navigator_page(db: sqlite3.Connection, text: str = "", offset: int = 0) -> tuple[list[Any], int]:
    """One page of the project list (code order) with next milestone and attention counts, and the total."""
    params = {"pattern": like_pattern(text), "today": date.today().isoformat()}
    total = db.execute(f"SELECT count(*) {NAVIGATOR_FROM}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT {NAVIGATOR_COLUMNS} {NAVIGATOR_FROM} ORDER BY p.code LIMIT {PAGE} OFFSET {int(offset)}",
        params,
    ).fetchall()
    return rows, total


def overview_facts(db: sqlite3.Connection, project_id: str) -> dict[str, Any]:
    """What the Overview page shows: project and client, milestone health, tallies, contacts."""
    project = db.execute(
        "SELECT p.*, c.name FROM project p JOIN client c ON c.id = p.client_id WHERE p.id = ?", (project_id,)
    ).fetchone()
    client_id = project[2]
    today = date.today().isoformat()
    milestones = db.execute(
        f"SELECT m.status, {MS_DATE} < ? FROM milestone m WHERE m.project_id = ? AND m.archived_at IS NULL",
        (today, project_id),
    ).fetchall()
    expectations = db.execute(
        "SELECT status, count(*) FROM expectation WHERE project_id = ? AND archived_at IS NULL GROUP BY 1",
        (project_id,),
    ).fetchall()
    changes = db.execute(
        "SELECT decision, scope_check, effort_hours FROM change_request"
        " WHERE project_id = ? AND archived_at IS NULL",
        (project_id,),
    ).fetchall()
    client = db.execute("SELECT * FROM client WHERE id = ?", (client_id,)).fetchone()
    contacts = db.execute("SELECT * FROM contact WHERE client_id = ? ORDER BY name", (client_id,)).fetchall()
    return {
        "project": project,
        "late_milestones": sum(
            1 for status, late in milestones if late and status not in ("done", "accepted")
        ),
        "milestones": len(milestones),
        "expectations": dict(expectations),
        "decisions": _tally(decision for decision, _check, _hours in changes),
        "hours": sum(hours for _d, _c, hours in changes),
        "client": client,
        "contacts": contacts,
    }


def _tally(values: Any) -> dict[Any, int]:
    counts: dict[Any, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def log_page(db: sqlite3.Connection, project_id: str, offset: int) -> tuple[list[Any], int]:
    """A page of a project's log, newest first, each entry with its newest correction, and the total."""
    total = db.execute("SELECT count(*) FROM log_entry WHERE project_id = ?", (project_id,)).fetchone()[0]
    rows = db.execute(
        "SELECT id, occurred_at, kind, participants, summary, details FROM log_entry WHERE project_id = ?"
        f" ORDER BY occurred_at DESC, created_at DESC, id DESC LIMIT {LOG_PAGE} OFFSET {int(offset)}",
        (project_id,),
    ).fetchall()
    ids = [row[0] for row in rows]
    marks = ",".join("?" * len(ids))
    corrections = dict(
        db.execute(
            f"SELECT correction_of_id, max(id) FROM log_entry WHERE correction_of_id IN ({marks}) GROUP BY 1",
            ids,
        ).fetchall()
    )
    return [(*row, corrections.get(row[0])) for row in rows], total


def biggest_log_project(db: sqlite3.Connection) -> tuple[str, int]:
    """The project with the most log entries (the log-paging benchmark pages through it)."""
    row = db.execute(
        "SELECT project_id, count(*) FROM log_entry GROUP BY project_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    return row[0], row[1]
