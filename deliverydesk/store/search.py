"""Search queries: the FTS5 trigram index on SQLite, a substring scan of the source tables elsewhere.

Every term is matched with LIKE. At most ``max_matches`` records are taken, the newest written
first (``search_doc.id`` follows the order records were written), and counted: the index hands out
its rows newest first, so a common term stops early instead of visiting every match. (No bm25
relevance: it needs each term's document frequency, i.e. every match, which cost 130-190 ms for a
common term over 300,000 entries against 2-10 ms; see benchmarks/README.md.) A search within one
project scans that project's texts when they are few (``MAX_SCANNED_DOCS``): a few milliseconds,
where the index would walk every match of all projects to find the project's.

PostgreSQL: ``ILIKE`` over the same text of the source tables, without an index (a sequential
scan; tests/integration/search/test_search_postgres.py runs it on a server when one is named). The
later step is a ``pg_trgm`` GIN index on that text, which serves ``ILIKE '%term%'`` for terms of 3+
characters as the trigram index does here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from sqlalchemy import ColumnElement, Table, bindparam, func, literal, select, text, union_all

from deliverydesk.domain.search import LIKE_ESCAPE, SearchQuery, index_pattern, like_pattern
from deliverydesk.store.records import Session, newest_corrections
from deliverydesk.store.search_tables import BODIES
from deliverydesk.store.tables import (
    ChangeRequestRow,
    ExpectationRow,
    IssueRow,
    LogEntryRow,
    ProjectRow,
)

MAX_SCANNED_DOCS = 20_000  # a project with more searchable records than this uses the index
_SOURCE_TABLES: dict[str, Table] = {
    row.__tablename__: row.__table__  # type: ignore[misc]
    for row in (LogEntryRow, ChangeRequestRow, ExpectationRow, IssueRow)
}
_PAGE = """
WITH hits AS (
  SELECT d.id AS id FROM {source} WHERE {conditions} ORDER BY {newest} DESC LIMIT :max_matches
)
SELECT d.kind, d.record_id, d.project_id, d.archived, d.body, p.code AS project_code,
       p.archived_at IS NOT NULL AS project_archived, count(*) OVER () AS total
FROM hits h JOIN search_doc d ON d.id = h.id JOIN project p ON p.id = d.project_id
ORDER BY h.id DESC LIMIT :limit OFFSET :offset
"""
_INDEXED = "search_fts JOIN search_doc d ON d.id = search_fts.rowid", "search_fts.rowid"
_SCANNED = "search_doc d", "d.id"


@dataclass(frozen=True)
class SearchScope:
    """Where to look and which page: one project or all (None), some kinds (table names) or all."""

    project_id: str | None = None
    kinds: tuple[str, ...] = ()
    include_archived: bool = False
    offset: int = 0
    limit: int = 50
    max_matches: int = 1000  # taken (newest first) and counted at most


def search_documents(
    session: Session, query: SearchQuery, scope: SearchScope
) -> tuple[list[dict[str, Any]], int]:
    """One page of the records matching every term, newest first (plain mappings with the record's
    ``body``), and how many matched (at most ``scope.max_matches``)."""
    if session.get_bind().dialect.name != "sqlite":
        return search_source_tables(session, query, scope)
    use_index = bool(query.indexed_terms) and not _few_documents(session, scope.project_id)
    conditions, params = _filters(scope)
    terms_to_check = query.checked_terms if use_index else query.terms
    for number, term in enumerate(query.indexed_terms if use_index else ()):
        conditions.append(f"search_fts.body LIKE :indexed{number}")  # no ESCAPE: the index would not serve it
        params[f"indexed{number}"] = index_pattern(term)
    for number, term in enumerate(terms_to_check):
        conditions.append(f"d.body LIKE :checked{number} ESCAPE '{LIKE_ESCAPE}'")
        params[f"checked{number}"] = like_pattern(term)
    source, newest = _INDEXED if use_index else _SCANNED
    sql = text(_PAGE.format(source=source, conditions=" AND ".join(conditions), newest=newest))
    if scope.kinds:
        sql = sql.bindparams(bindparam("kinds", expanding=True))
    params.update(max_matches=scope.max_matches, limit=scope.limit, offset=scope.offset)
    rows = [dict(row) for row in session.execute(sql, params).mappings()]
    return rows, (rows[0]["total"] if rows else _count_beyond(session, sql, params, scope.offset))


def _few_documents(session: Session, project_id: str | None) -> bool:
    """Whether one project's texts are few enough to scan (cheaper than walking the index)."""
    if project_id is None:
        return False
    sql = text("SELECT count(*) FROM (SELECT 1 FROM search_doc WHERE project_id = :p LIMIT :n)")
    return int(session.scalar(sql, {"p": project_id, "n": MAX_SCANNED_DOCS + 1}) or 0) <= MAX_SCANNED_DOCS


def _filters(scope: SearchScope) -> tuple[list[str], dict[str, Any]]:
    conditions: list[str] = ["1 = 1"]
    params: dict[str, Any] = {}
    if scope.project_id is not None:
        conditions.append("d.project_id = :project_id")
        params["project_id"] = scope.project_id
    if scope.kinds:
        conditions.append("d.kind IN :kinds")
        params["kinds"] = list(scope.kinds)
    if not scope.include_archived:
        conditions.append("d.archived = 0")
        conditions.append("d.project_id NOT IN (SELECT id FROM project WHERE archived_at IS NOT NULL)")
    return conditions, params


def _count_beyond(session: Session, sql: Any, params: dict[str, Any], offset: int) -> int:
    """The total when the page itself is empty (an offset past the end): ask for the first row."""
    if offset == 0:
        return 0
    first = session.execute(sql, {**params, "offset": 0, "limit": 1}).mappings().first()
    return int(first["total"]) if first is not None else 0


def _body(table: Table) -> ColumnElement[str]:
    """The same text the SQLite triggers index, built from the table's columns and separators."""
    separators = {"char(10)": "\n", "' '": " "}
    parts: list[Any] = []
    for piece in (p.strip() for p in BODIES[table.name].split("||")):
        parts.append(table.c[piece.removeprefix("{r}.")] if piece.startswith("{r}.") else separators[piece])
    return reduce(lambda left, right: left + right, parts)


def search_source_tables(
    session: Session, query: SearchQuery, scope: SearchScope
) -> tuple[list[dict[str, Any]], int]:
    """The index-free search (PostgreSQL): ``ILIKE`` every term over the source tables' text, newest
    written first. Runs on SQLite too, which is how it is tested."""
    parts = []
    for kind in scope.kinds or tuple(_SOURCE_TABLES):
        table = _SOURCE_TABLES[kind]
        body = _body(table)
        matches = [body.ilike(like_pattern(term), escape=LIKE_ESCAPE) for term in query.terms]
        part = select(
            literal(kind).label("kind"),
            table.c.id.label("record_id"),
            table.c.project_id,
            table.c.archived_at.is_not(None).label("archived"),
            body.label("body"),
            table.c.created_at,
        ).where(*matches)
        if scope.project_id is not None:
            part = part.where(table.c.project_id == scope.project_id)
        if not scope.include_archived:
            part = part.where(table.c.archived_at.is_(None))
        parts.append(part)
    return _page_of_union(session, union_all(*parts).subquery(), scope)


def _page_of_union(session: Session, found: Any, scope: SearchScope) -> tuple[list[dict[str, Any]], int]:
    project = ProjectRow.__table__
    newest = (
        select(found, project.c.code.label("project_code"))
        .join(project, project.c.id == found.c.project_id)
        .order_by(found.c.created_at.desc(), found.c.record_id.desc())
        .limit(scope.max_matches)
    )
    if not scope.include_archived:
        newest = newest.where(project.c.archived_at.is_(None))
    capped = newest.subquery()
    total = session.scalar(select(func.count()).select_from(capped)) or 0
    page = select(capped).order_by(capped.c.created_at.desc(), capped.c.record_id.desc())
    rows = session.execute(page.offset(scope.offset).limit(scope.limit)).mappings()
    return [{**row, "project_archived": False} for row in rows], total


def record_details(session: Session, hits: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """For each hit's record id: ref, title, when, is_correction, corrected (one query per kind)."""
    ids: dict[str, list[str]] = {}
    for hit in hits:
        ids.setdefault(hit["kind"], []).append(hit["record_id"])
    details: dict[str, dict[str, Any]] = {}
    for kind, record_ids in ids.items():
        details.update(_DETAILS[kind](session, record_ids))
    return details


def _log_details(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = session.execute(
        select(
            LogEntryRow.id, LogEntryRow.summary, LogEntryRow.occurred_at, LogEntryRow.correction_of_id
        ).where(LogEntryRow.id.in_(ids))
    )
    corrected = newest_corrections(session, ids)
    return {
        row.id: {
            "ref": "",
            "title": row.summary,
            "when": row.occurred_at,
            "is_correction": row.correction_of_id is not None,
            "corrected": row.id in corrected,
        }
        for row in rows
    }


def _details_of(row_cls: Any, title: str, when: str) -> Any:
    def details(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
        columns = (row_cls.id, row_cls.ref, getattr(row_cls, title), getattr(row_cls, when))
        rows = session.execute(select(*columns).where(row_cls.id.in_(ids)))
        return {row[0]: {"ref": row[1], "title": row[2], "when": row[3]} for row in rows}

    return details


_DETAILS = {
    "log_entry": _log_details,
    "change_request": _details_of(ChangeRequestRow, "title", "requested_on"),
    "expectation": _details_of(ExpectationRow, "statement", "updated_at"),
    "issue": _details_of(IssueRow, "title", "reported_on"),
}
