"""``export-csv``: the issue register or the recurring-problems table as a CSV file (UTF-8 with BOM).

``COMMANDS`` is what ``cli.commands`` adds to its parser; ``handlers(...)`` what ``cli.handlers`` adds
to its table (with its own workspace opener and reporter). Services load only when the command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.cli.exits import UsageError
from deliverydesk.cli.output import add_language_option

if TYPE_CHECKING:
    from deliverydesk.services.context import ServiceContext
    from deliverydesk.services.storage import OpenOptions, Workspace

WorkspaceOpener = Callable[..., AbstractContextManager["Workspace"]]
Handler = Callable[[argparse.Namespace, "OpenOptions"], int]
Configure = Callable[[argparse.ArgumentParser], None]


def handlers(workspace: WorkspaceOpener, report: Callable[[str], None]) -> dict[str, Handler]:
    def export_csv(args: argparse.Namespace, options: OpenOptions) -> int:
        _check(args)
        with workspace(options, reading=True) as opened:
            data, what = _build(opened.ctx, args)
            from deliverydesk.services.learning.csv_export import write_csv

            write_csv(args.out, data)
        report(f"Wrote {what} to {args.out} ({len(data):,} bytes).")
        return 0

    return {"export-csv": export_csv}


def _check(args: argparse.Namespace) -> None:
    if args.issues and (args.since or args.until or args.min_clients is not None or args.asks):
        raise UsageError("--since, --until, --min-clients and --asks go with --recurrence")
    if args.recurrence and args.project:
        raise UsageError("--project goes with --issues (recurrence looks across all clients)")


def _build(ctx: ServiceContext, args: argparse.Namespace) -> tuple[bytes, str]:
    from deliverydesk.services.learning import csv_export, recurrence
    from deliverydesk.services.records.projects import get_project_by_code
    from deliverydesk.services.records.settings import get_settings

    language = args.lang
    if args.issues:
        project = get_project_by_code(ctx, args.project) if args.project else None
        language = language or (project.language if project else get_settings(ctx).default_language)
        data = csv_export.issue_register_csv(
            ctx, project_id=project.id if project else None, language=language
        )
        return data, f"the issue register of {project.code if project else 'every project'}"
    from deliverydesk.domain.recurrence import RECURRENCE_MIN_CLIENTS  # dateutil, the domain models

    since, until = _period(ctx, args)
    rows = recurrence.recurring_problems(
        ctx,
        kind="asks" if args.asks else "issues",
        since=since,
        until=until,
        min_clients=args.min_clients or RECURRENCE_MIN_CLIENTS,
    )
    data = csv_export.recurrence_csv(rows, language or get_settings(ctx).default_language)
    return data, f"{len(rows)} recurring {'extra asks' if args.asks else 'problems'} ({since} to {until})"


def _period(ctx: ServiceContext, args: argparse.Namespace) -> tuple[date, date]:
    from deliverydesk.domain.recurrence import default_period

    default_since, default_until = default_period(ctx.today())
    return args.since or default_since, args.until or default_until


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


def _arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--issues", action="store_true", help="the issue register")
    what.add_argument("--recurrence", action="store_true", help="categories met at several clients")
    parser.add_argument("--project", metavar="CODE", help="issues: only this project (default: all)")
    parser.add_argument("--asks", action="store_true", help="recurrence: of extra asks, not of issues")
    parser.add_argument(
        "--since", type=_iso_date, metavar="DATE", help="recurrence: first day (default: a year ago)"
    )
    parser.add_argument(
        "--until", type=_iso_date, metavar="DATE", help="recurrence: last day (default: today)"
    )
    parser.add_argument(
        "--min-clients",
        type=_positive,
        metavar="N",
        help="recurrence: at least N distinct clients (default 3)",
    )
    add_language_option(parser, help="header and labels")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="the CSV file to write")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


COMMANDS: dict[str, tuple[str, Configure]] = {
    "export-csv": ("write the issue register or the recurring problems as CSV (opens in Excel)", _arguments),
}
