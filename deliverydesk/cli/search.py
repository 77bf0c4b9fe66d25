"""``deliverydesk search TEXT``: find records in the log, change requests, expectations and issues.

Like ``cli.evidence``: ``COMMANDS`` is what ``cli.commands`` adds to its parser, ``handlers(...)``
what ``cli.handlers`` adds to its table. One line per record found, newest first: kind, project,
ref, date and the text around the match (the match between » «); ``--json`` for scripts.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.output import one_line, say

if TYPE_CHECKING:
    from deliverydesk.domain.search import SearchHit
    from deliverydesk.services.storage import OpenOptions, Workspace

WorkspaceOpener = Callable[..., AbstractContextManager["Workspace"]]
Handler = Callable[[argparse.Namespace, "OpenOptions"], int]
KINDS = {
    "log": "log_entry",
    "change-request": "change_request",
    "expectation": "expectation",
    "issue": "issue",
}


def handlers(workspace: WorkspaceOpener, report: Callable[[str], None]) -> dict[str, Handler]:
    def search(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.domain.search import SearchKind
        from deliverydesk.services.records.projects import get_project_by_code
        from deliverydesk.services.search import MAX_MATCHES, search_records

        with workspace(options, reading=True) as opened:
            project_id = get_project_by_code(opened.ctx, args.project).id if args.project else None
            kinds = [SearchKind(KINDS[kind]) for kind in args.kind or ()]
            page = search_records(
                opened.ctx,
                args.text,
                project_id=project_id,
                kinds=kinds,
                include_archived=args.all,
                limit=args.limit,
            )
        if args.json:
            say(json.dumps([_as_json(hit) for hit in page.rows], ensure_ascii=False, indent=1))
        else:
            for hit in page.rows:
                say(hit_line(hit))
            more = f"more than {MAX_MATCHES}" if page.total > MAX_MATCHES else str(page.total)
            report(f"{len(page.rows)} of {more} record(s) shown")
        return 0

    return {"search": search}


def hit_line(hit: SearchHit) -> str:
    """kind, project, ref, when (local time), found text: fields two spaces apart, each on one line."""
    when = hit.when
    shown = when.astimezone().strftime("%Y-%m-%d %H:%M") if isinstance(when, datetime) else str(when or "")
    marks = " (correction)" if hit.is_correction else " (corrected)" if hit.corrected else ""
    found = "".join(f"»{part.text}«" if part.matched else part.text for part in hit.snippet)
    fields = (f"{hit.kind.value}{marks}", hit.project_code, hit.ref or "-", shown, found)
    return "  ".join(one_line(field) for field in fields)


def _as_json(hit: SearchHit) -> dict[str, Any]:
    data = asdict(hit)
    data["kind"] = hit.kind.value
    data["when"] = hit.when.isoformat() if hit.when is not None else None
    data["snippet"] = [{"text": part.text, "matched": part.matched} for part in hit.snippet]
    return data


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", metavar="TEXT", help='words or "a phrase", Chinese or English; all must match'
    )
    parser.add_argument("--project", metavar="CODE", help="only this project (default: all projects)")
    parser.add_argument(
        "--kind", action="append", choices=list(KINDS), help="only records of this kind (repeatable)"
    )
    parser.add_argument("--all", action="store_true", help="include archived records and projects")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N records (50)")
    parser.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "search": ("find text in the log, change requests, expectations and issues", _arguments),
}
