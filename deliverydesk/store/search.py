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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, func, literal, select, union_all

from deliverydesk.domain.search import LIKE_ESCAPE, SearchQuery, index_pattern, like_pattern
from deliverydesk.store.plain import Reader, in_list, to_date, to_datetime
from deliverydesk.store.records import Session, corrections_of
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


_PAGE_COLUMNS = (
    "kind",
    "record_id",
    "project_id",
    "archived",
    "body",
    "project_code",
    "project_archived",
    "total",
)


def search_documents(r: Reader, query: SearchQuery, scope: SearchScope) -> tuple[list[dict[str, Any]], int]:
    """One page of the records matching every term, newest first (plain mappings with the record's
    ``body``), and how many matched (at most ``scope.max_matches``). Plain SQL (``store.plain``): a
    search runs as the user types."""
    if not r.sqlite:
        assert r.connection is not None
        return search_source_tables(r.connection, query, scope)
    use_index = bool(query.indexed_terms) and not _few_documents(r, scope.project_id)
    conditions, params = _filters(scope)
    terms_to_check = query.checked_terms if use_index else query.terms
    for number, term in enumerate(query.indexed_terms if use_index else ()):
        conditions.append(f"search_fts.body LIKE :indexed{number}")  # no ESCAPE: the index would not serve it
        params[f"indexed{number}"] = index_pattern(term)
    for number, term in enumerate(terms_to_check):
        conditions.append(f"d.body LIKE :checked{number} ESCAPE '{LIKE_ESCAPE}'")
        params[f"checked{number}"] = like_pattern(term)
    source, newest = _INDEXED if use_index else _SCANNED
    sql = _PAGE.format(source=source, conditions=" AND ".join(conditions), newest=newest)
    params.update(max_matches=scope.max_matches, limit=scope.limit, offset=scope.offset)
    rows = [dict(zip(_PAGE_COLUMNS, row, strict=True)) for row in r.rows(sql, params)]
    return rows, (rows[0]["total"] if rows else _count_beyond(r, sql, params, scope.offset))


def _few_documents(r: Reader, project_id: str | None) -> bool:
    """Whether one project's texts are few enough to scan (cheaper than walking the index)."""
    if project_id is None:
        return False
    sql = "SELECT count(*) FROM (SELECT 1 FROM search_doc WHERE project_id = :p LIMIT :n)"
    return int(r.scalar(sql, {"p": project_id, "n": MAX_SCANNED_DOCS + 1}) or 0) <= MAX_SCANNED_DOCS


def _filters(scope: SearchScope) -> tuple[list[str], dict[str, Any]]:
    conditions: list[str] = ["1 = 1"]
    params: dict[str, Any] = {}
    if scope.project_id is not None:
        conditions.append("d.project_id = :project_id")
        params["project_id"] = scope.project_id
    if scope.kinds:
        conditions.append(f"d.kind IN {in_list('kind', scope.kinds, params)}")
    if not scope.include_archived:
        conditions.append("d.archived = 0")
        conditions.append("d.project_id NOT IN (SELECT id FROM project WHERE archived_at IS NOT NULL)")
    return conditions, params


def _count_beyond(r: Reader, sql: str, params: dict[str, Any], offset: int) -> int:
    """The total when the page itself is empty (an offset past the end): ask for the first row."""
    if offset == 0:
        return 0
    first = r.first(sql, {**params, "offset": 0, "limit": 1})
    return int(first[-1]) if first is not None else 0


def _body(table: Table) -> ColumnElement[str]:
    """The same text the SQLite triggers index, built from the table's columns and separators."""
    separators = {"char(10)": "\n", "' '": " "}
    parts: list[Any] = []
    for piece in (p.strip() for p in BODIES[table.name].split("||")):
        parts.append(table.c[piece.removeprefix("{r}.")] if piece.startswith("{r}.") else separators[piece])
    return reduce(lambda left, right: left + right, parts)


def search_source_tables(
    session: Session | Connection, query: SearchQuery, scope: SearchScope
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


def _page_of_union(
    session: Session | Connection, found: Any, scope: SearchScope
) -> tuple[list[dict[str, Any]], int]:
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


def record_details(r: Reader, hits: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """For each hit's record id: ref, title, when, is_correction, corrected (one query per kind)."""
    ids: dict[str, list[str]] = {}
    for hit in hits:
        ids.setdefault(hit["kind"], []).append(hit["record_id"])
    details: dict[str, dict[str, Any]] = {}
    for kind, record_ids in ids.items():
        details.update(_DETAILS[kind](r, record_ids))
    return details


def _log_details(r: Reader, ids: list[str]) -> dict[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    among = in_list("id", ids, params)
    rows = r.rows(
        f"SELECT id, summary, occurred_at, correction_of_id FROM log_entry WHERE id IN {among}", params
    )
    corrected = corrections_of(r, ids)
    return {
        entry_id: {
            "ref": "",
            "title": summary,
            "when": to_datetime(occurred_at),
            "is_correction": correction_of is not None,
            "corrected": entry_id in corrected,
        }
        for entry_id, summary, occurred_at, correction_of in rows
    }


def _details_of(table: str, title: str, when: str, convert: Callable[[Any], Any]) -> Any:
    def details(r: Reader, ids: list[str]) -> dict[str, dict[str, Any]]:
        params: dict[str, Any] = {}
        sql = f"SELECT id, ref, {title}, {when} FROM {table} WHERE id IN {in_list('id', ids, params)}"
        return {
            row[0]: {"ref": row[1], "title": row[2], "when": convert(row[3])} for row in r.rows(sql, params)
        }

    return details


_DETAILS = {
    "log_entry": _log_details,
    "change_request": _details_of("change_request", "title", "requested_on", to_date),
    "expectation": _details_of("expectation", "statement", "updated_at", to_datetime),
    "issue": _details_of("issue", "title", "reported_on", to_date),
}
