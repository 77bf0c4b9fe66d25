"""``import-msproject``, ``export-msproject``, ``export-ical`` and ``import-scope``: the tools clients and
offices already use (Microsoft Project, calendars, spreadsheets). Like ``cli/csv_export``: ``COMMANDS``
for the parser, ``handlers(...)`` for the table; the services load only when a command runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.cli.exits import EXIT_ERROR, EXIT_OK, UsageError
from deliverydesk.cli.output import one_line, say

if TYPE_CHECKING:
    from deliverydesk.services.interchange.changes import ImportOutcome, Line
    from deliverydesk.services.storage import OpenOptions, Workspace

WorkspaceOpener = Callable[..., AbstractContextManager["Workspace"]]
Handler = Callable[[argparse.Namespace, "OpenOptions"], int]
Configure = Callable[[argparse.ArgumentParser], None]
EXIT_REFUSED = EXIT_ERROR  # an import refused as a whole (the lines printed say why)


def handlers(workspace: WorkspaceOpener, report: Callable[[str], None]) -> dict[str, Handler]:
    def import_msproject(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.services.interchange import msproject

        plan = msproject.read_plan(args.file)  # before opening: a refused file locks nothing
        choices = msproject.PlanChoices(frozenset(args.scope_task), args.all_tasks_as_scope)
        with workspace(options) as opened:
            project_id = msproject.project_id_for_code(opened.ctx, args.project)
            run = msproject.preview_plan_import if args.dry_run else msproject.import_plan
            outcome = run(opened.ctx, project_id, plan, choices)
        _show(outcome, dry_run=args.dry_run)
        report(_summary(outcome, dry_run=args.dry_run))
        return EXIT_OK

    def export_msproject(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.services.interchange.msproject_export import export_msproject

        with workspace(options, reading=True) as opened:
            done = export_msproject(opened.ctx, args.project, args.out)
        report(
            f"Exported {done.project_code}: {done.milestones} milestones, {done.scope_items} scope items and "
            f"{done.non_working_days} non-working days to {done.path} ({done.size:,} bytes)."
        )
        return EXIT_OK

    def export_ical(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.services.interchange.calendar_file import export_calendar

        with workspace(options, reading=True) as opened:
            done = export_calendar(opened.ctx, None if args.all else [args.project], args.out)
        report(
            f"Wrote {done.events} milestones and {done.todos} to-dos of {done.projects} project(s) "
            f"to {done.path} ({done.size:,} bytes)."
        )
        return EXIT_OK

    def import_scope(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.services.interchange import scope_import

        table = scope_import.read_spreadsheet(args.file, sheet=args.sheet)
        with workspace(options) as opened:
            project_id = scope_import.project_id_for_code(opened.ctx, args.project)
            mapping = scope_import.mapping_for(opened.ctx, project_id, table, _mapping(args.map))
            request = scope_import.ScopeRequest(project_id, table, mapping, args.kind)
            outcome = scope_import.preview_scope_import(opened.ctx, request)
            if outcome.counts.errors or args.dry_run:
                _show(outcome, dry_run=True)
                if outcome.counts.errors:
                    errors = outcome.counts.errors
                    say(
                        f"deliverydesk: error: {errors} row(s) cannot be imported; nothing was imported.",
                        err=True,
                    )
                    return EXIT_REFUSED
                return EXIT_OK
            outcome = scope_import.import_scope(opened.ctx, request)
        _show(outcome, dry_run=False)
        report(_summary(outcome, dry_run=False))
        return EXIT_OK

    return {
        "import-msproject": import_msproject,
        "export-msproject": export_msproject,
        "export-ical": export_ical,
        "import-scope": import_scope,
    }


def _mapping(pairs: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        field, equals, column = pair.partition("=")
        if not equals or not field.strip():
            raise UsageError(f"--map takes FIELD=COLUMN (e.g. title=Deliverable), not {pair!r}")
        found[field.strip().lower()] = column.strip()
    return found


def _line_text(line: Line) -> str:
    ref = f" {line.ref}" if line.ref else ""
    detail = "; ".join(str(part) for part in (line.message, *line.changes) if part)
    return f"  {line.key:>5}  {line.action.value:<9}  {line.kind.value}{ref}: {one_line(line.name)}" + (
        f"  ({one_line(detail)})" if detail else ""
    )


def _show(outcome: ImportOutcome, *, dry_run: bool) -> None:
    for line in outcome.lines:
        say(_line_text(line))
    for note in outcome.notes:
        say(f"  note: {note!s}")


def _summary(outcome: ImportOutcome, *, dry_run: bool) -> str:
    counts = outcome.counts
    verb = "Would import" if dry_run else "Imported"
    return (
        f"{verb} {outcome.file_name} (SHA-256 {outcome.sha256[:12]}…) into {outcome.project_code}: "
        f"{counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged, {counts.skipped} skipped"
        + (f", {counts.errors} with errors (not imported)" if counts.errors else "")
        + ("; nothing was written." if dry_run else ".")
    )


def _uid(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a task UID (a whole number)")
    return int(text)


def _import_msproject_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the plan: Microsoft Project XML (.xml)")
    parser.add_argument("--project", required=True, metavar="CODE", help="the project to import into")
    parser.add_argument(
        "--scope-task",
        type=_uid,
        action="append",
        default=[],
        metavar="UID",
        help="also import this plan task as a scope item (repeatable)",
    )
    parser.add_argument(
        "--all-tasks-as-scope",
        action="store_true",
        help="import every plan task (not milestones) as a scope item",
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")


def _export_msproject_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", required=True, metavar="CODE", help="the project's code")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="the .xml file to write")


def _export_ical_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--project", metavar="CODE", help="one project")
    which.add_argument("--all", action="store_true", help="every live project")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE.ics", help="the calendar file to write"
    )


def _import_scope_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="a spreadsheet: .xlsx or .csv (UTF-8, UTF-8 with BOM, GBK)"
    )
    parser.add_argument("--project", required=True, metavar="CODE", help="the project to import into")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="which column holds a field (kind, title, description, acceptance, effort, due); "
        "repeatable; default: the columns last used for the client, else recognised headers",
    )
    parser.add_argument("--sheet", metavar="NAME", help="the worksheet of an .xlsx (default: the first)")
    parser.add_argument(
        "--kind",
        choices=["scope", "exclusion", "milestone"],
        default="scope",
        help="what a row is when no kind column says (default: scope)",
    )
    parser.add_argument("--dry-run", action="store_true", help="show each row's verdict, write nothing")


COMMANDS: dict[str, tuple[str, Configure]] = {
    "import-msproject": (
        "import milestones, tasks and calendar exceptions from a Microsoft Project XML plan",
        _import_msproject_arguments,
    ),
    "export-msproject": (
        "write the project's milestones and scope items as a Microsoft Project XML plan",
        _export_msproject_arguments,
    ),
    "export-ical": (
        "write milestones, open commitments and review follow-ups as an iCalendar file",
        _export_ical_arguments,
    ),
    "import-scope": (
        "import scope items, exclusions and milestones from a spreadsheet (all or nothing)",
        _import_scope_arguments,
    ),
}
