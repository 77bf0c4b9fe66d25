"""Plain SQL about issued letters that more than one read asks, for SQLite and PostgreSQL alike: the
newest issued version of a letter kind, and whether an expectation letter still lists the project's
expectations as they are (Today's report across projects, the Documents page for one)."""

from __future__ import annotations

from collections.abc import Iterable

from deliverydesk.domain.enums import ExpectationStatus, LetterKind, LetterStatus
from deliverydesk.store.plain import quoted

ISSUED = (LetterStatus.ISSUED, LetterStatus.SIGNED, LetterStatus.SUPERSEDED)


def newest_issued(project: str, kind: LetterKind) -> str:
    """The id of the newest issued version of ``kind`` in ``project`` (an SQL expression), a subquery."""
    return (
        f"SELECT n.id FROM letter n WHERE n.project_id = {project}"
        f" AND n.kind = '{kind.value}' AND n.archived_at IS NULL AND n.status IN ({quoted(*ISSUED)})"
        " ORDER BY n.issued_at DESC, n.version DESC LIMIT 1"
    )


def expectations_differ(sqlite: bool, statuses: Iterable[ExpectationStatus]) -> str:
    """True when the expectations printed on letter ``l`` are no longer its project's live ones in
    ``statuses``: one edited, added or dropped. The current ones are distinct (refs are unique in a
    project), so the lists are the same exactly when as many were printed as there are now and every
    current one matches a printed entry: one pass over the printed list counts both."""
    wanted = quoted(*statuses)
    live = f"project_id = l.project_id AND archived_at IS NULL AND status IN ({wanted})"
    now = f"(SELECT count(*) FROM expectation WHERE {live})"
    if sqlite:
        printed = "json_each(l.content_json, '$.expectations') printed"
        field = "json_extract(printed.value, '$.{}')".format
    else:
        printed = "json_array_elements(CAST(l.content_json AS json) -> 'expectations') AS printed(value)"
        field = "(printed.value ->> '{}')".format
    return (
        f"(SELECT count(*) != {now} OR count(DISTINCT e.id) != {now} FROM {printed}"
        " LEFT OUTER JOIN expectation e ON e.project_id = l.project_id AND e.archived_at IS NULL"
        f" AND e.status IN ({wanted})"
        f" AND {field('ref')} = e.ref AND {field('statement')} = e.statement"
        f" AND {field('measure')} = e.measure"
        f" AND coalesce({field('due')}, '') = coalesce(CAST(e.due_date AS TEXT), '')) IS TRUE"
    )
