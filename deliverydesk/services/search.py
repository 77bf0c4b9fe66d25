"""Search the log, change requests, expectations and issues of one project or of all projects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from deliverydesk.domain.models import Page
from deliverydesk.domain.search import SearchHit, SearchKind, SearchQuery, parse_query, snippet
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page, page_of
from deliverydesk.store.search import SearchScope, record_details, search_documents

MAX_MATCHES = 1000  # listed: the newest this many; a narrower search finds older ones


def search_records(
    ctx: ServiceContext,
    query: str | SearchQuery,
    *,
    project_id: str | None = None,
    kinds: Iterable[SearchKind] | None = None,
    include_archived: bool = False,
    offset: int = 0,
    limit: int = 50,
) -> Page[SearchHit]:
    """Records containing every term of ``query`` (Chinese or English, any case), best match first.

    ``total`` counts at most ``MAX_MATCHES`` + 1 (the newest written): more than ``MAX_MATCHES``
    means "and more". An empty query finds nothing."""
    limit = check_page(offset, limit)
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.is_empty:
        return page_of([], 0, offset, limit)
    scope = SearchScope(
        project_id=project_id,
        kinds=tuple(SearchKind(k).value for k in kinds or ()),
        include_archived=include_archived,
        offset=offset,
        limit=limit,
        max_matches=MAX_MATCHES + 1,
    )
    with ctx.db.reading() as r:
        rows, total = search_documents(r, parsed, scope)
        details = record_details(r, rows)
    hits = [_hit(row, details.get(row["record_id"], {}), parsed) for row in rows]
    return page_of(hits, total, offset, limit)


def _hit(row: dict[str, Any], details: dict[str, Any], query: SearchQuery) -> SearchHit:
    return SearchHit(
        kind=SearchKind(row["kind"]),
        record_id=row["record_id"],
        project_id=row["project_id"],
        project_code=row["project_code"],
        ref=details.get("ref", ""),
        title=details.get("title", ""),
        snippet=snippet(row["body"], query.terms),
        when=details.get("when"),
        archived=bool(row["archived"] or row["project_archived"]),
        is_correction=details.get("is_correction", False),
        corrected=details.get("corrected", False),
    )
