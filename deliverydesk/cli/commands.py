"""The commands of the command line, thin on purpose: parse, call one service, show the answer.

A problem the user can fix (or the environment caused) prints one line on stderr and exits 1;
anything else is a bug: its traceback goes to the log file in the data folder and the one line says
where. Reading commands fall back to a read-only open while the window holds the database.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from deliverydesk import __version__
from deliverydesk.cli.output import (
    backup_line,
    bundle_export_line,
    bundle_import_line,
    one_line,
    project_line,
    projects_json,
    say,
)
from deliverydesk.domain.enums import ProjectStatus
from deliverydesk.domain.models import ProjectSummary
from deliverydesk.errors import DatabaseLockedError, DeliveryDeskError, ReadOnlyStorageError, StorageError
from deliverydesk.logsetup import configure_logging, log_written
from deliverydesk.paths import DATA_DIR_ENV, DB_URL_ENV, data_paths
from deliverydesk.services.bundle import export_bundle, import_bundle
from deliverydesk.services.demo import create_demo
from deliverydesk.services.projects import list_projects
from deliverydesk.services.storage import (
    OpenOptions,
    Workspace,
    backup_now,
    check_database,
    database_exists,
    list_backups,
    open_workspace,
    restore_backup,
)

PROG = "deliverydesk"
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNHEALTHY, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
EPILOG = f"""\
--data-dir and --db-url may come before or after the command name.

exit codes:
  0    done (check: the database is healthy)
  1    a problem you can fix or the environment caused; one line on stderr says what
  2    the command line is wrong
  3    check: the database is NOT healthy
  4    an unexpected error (a bug): its details are in the log file in the data folder
  130  interrupted

environment:
  {DB_URL_ENV}    same as --db-url
  {DATA_DIR_ENV}  same as --data-dir
"""

log = logging.getLogger(__name__)
Handler = Callable[[argparse.Namespace, OpenOptions], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, not the whole usage text."""
        self.exit(EXIT_USAGE, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


def _storage_options(*, after_command: bool) -> _Parser:
    # After the command name the defaults are SUPPRESSed, so they never overwrite a value given before it.
    default = argparse.SUPPRESS if after_command else None
    parent = _Parser(add_help=False)
    group = parent.add_argument_group("storage options")
    group.add_argument("--data-dir", metavar="DIR", type=Path, default=default, help="the data folder to use")
    group.add_argument("--db-url", metavar="URL", default=default, help=f"a database URL (env {DB_URL_ENV})")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="DeliveryDesk: project-delivery records for field engineers, from the command line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_storage_options(after_command=False)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = [_storage_options(after_command=True)]
    for name, (summary, handler, configure) in _COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary, parents=common)
        configure(sub)
        sub.set_defaults(handler=handler)
    return parser


# --- commands ----------------------------------------------------------------------------------


@contextmanager
def _workspace(options: OpenOptions, *, reading: bool = False) -> Iterator[Workspace]:
    workspace = _open(options, reading)
    try:
        for notice in workspace.notices:
            say(f"{PROG}: note: {notice}", err=True)
        yield workspace
    finally:
        workspace.close()


def _open(options: OpenOptions, reading: bool) -> Workspace:
    """Open for writing (upgrade, daily backup); a reading command falls back to read-only when the
    window holds the database or the storage is read-only."""
    try:
        return open_workspace(options)
    except (DatabaseLockedError, ReadOnlyStorageError):
        if not reading:
            raise
        return open_workspace(replace(options, readonly=True))


def _demo(args: argparse.Namespace, options: OpenOptions) -> int:
    with _workspace(replace(options, create=True)) as workspace:
        create_demo(workspace.ctx)
        total = list_projects(workspace.ctx, limit=1).total
    _report(f"Demo data ready: {total} projects in {_where(workspace)}.")
    return EXIT_OK


def _check(args: argparse.Namespace, options: OpenOptions) -> int:
    result = check_database(options)
    for line in result.lines:
        say(line)
    return EXIT_OK if result.ok else EXIT_UNHEALTHY


def _backup(args: argparse.Namespace, options: OpenOptions) -> int:
    # Read-only: an open for writing could take the daily backup first, giving two at once.
    with _workspace(replace(options, readonly=True)) as workspace:
        info = backup_now(workspace)
    _report(f"Backup taken: {backup_line(info)}")
    return EXIT_OK


def _backups(args: argparse.Namespace, options: OpenOptions) -> int:
    paths = data_paths(options.data_dir)
    backups = list_backups(paths)
    if not backups:
        say(f"No backups yet in {paths.backups}.")
    for info in backups:
        say(backup_line(info))
    return EXIT_OK


def _restore(args: argparse.Namespace, options: OpenOptions) -> int:
    if args.latest == (args.backup is not None):
        raise _UsageError("restore needs either --latest or a backup FILE (not both)")
    backup = args.backup
    if args.latest:
        backups = list_backups(data_paths(options.data_dir))
        if not backups:
            raise StorageError(f"There are no backups in {data_paths(options.data_dir).backups} to restore.")
        backup = max(backups, key=lambda info: info.taken_at).path
    safety = restore_backup(options, backup)
    _report(f"Restored {backup}.")
    if safety is not None:
        say(f"The database it replaced was kept as {safety.path}.")
    return EXIT_OK


def _list_projects(args: argparse.Namespace, options: OpenOptions) -> int:
    with _workspace(options, reading=True) as workspace:
        rows = _all_projects(workspace, args)
    if args.json:
        say(projects_json(rows))
    else:
        for row in rows:
            say(project_line(row))
    return EXIT_OK


def _all_projects(workspace: Workspace, args: argparse.Namespace) -> list[ProjectSummary]:
    rows: list[ProjectSummary] = []
    while True:
        page = list_projects(
            workspace.ctx, text=args.text, status=args.status, include_archived=args.all, offset=len(rows)
        )
        rows.extend(page.rows)
        if not page.has_more or not page.rows:
            return rows


def _export(args: argparse.Namespace, options: OpenOptions) -> int:
    with _workspace(options, reading=True) as workspace:
        summary = export_bundle(workspace.ctx, args.project, args.out)
    _report(bundle_export_line(summary))
    return EXIT_OK


def _import(args: argparse.Namespace, options: OpenOptions) -> int:
    created = not database_exists(options)
    with _workspace(replace(options, create=True)) as workspace:
        summary = import_bundle(workspace.ctx, args.file)
    _report(bundle_import_line(summary))
    if created:
        say(f"(A new database was created in {_where(workspace)}.)")
    return EXIT_OK


def _where(workspace: Workspace) -> str:
    return str(workspace.paths.database) if workspace.is_sqlite else "the server database"


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    return None


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", nargs="?", type=Path, metavar="FILE", help="the backup file to restore")
    parser.add_argument("--latest", action="store_true", help="restore the newest backup in the data folder")


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")
    parser.add_argument(
        "--status", choices=[s.value for s in ProjectStatus], help="only projects in this state"
    )
    parser.add_argument("--text", default="", help="only projects whose code, name or client contain TEXT")
    parser.add_argument("--all", action="store_true", help="include archived projects")


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project", required=True, metavar="CODE", help="the project's code, e.g. DD-2026-014"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="the bundle file to write")


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the bundle file to import")


_COMMANDS: dict[str, tuple[str, Handler, Callable[[argparse.ArgumentParser], None]]] = {
    "demo": ("create a bilingual demo database (only into an empty one)", _demo, _no_arguments),
    "check": ("check identity, integrity and foreign keys (exit 0 only when healthy)", _check, _no_arguments),
    "backup": ("take a verified backup now", _backup, _no_arguments),
    "backups": ("list the backups in the data folder, newest first", _backups, _no_arguments),
    "restore": ("replace the database by a backup (--latest or FILE)", _restore, _restore_arguments),
    "list-projects": ("one line per project, beginning with its code", _list_projects, _list_arguments),
    "export-bundle": ("write one project with all its records to a bundle file", _export, _export_arguments),
    "import-bundle": ("import a bundle: validated first, then all or nothing", _import, _import_arguments),
}


# --- running -----------------------------------------------------------------------------------


class _UsageError(Exception):
    """A combination of arguments argparse cannot express."""


def _report(text: str) -> None:
    """A result worth keeping in the log too (what was imported, restored, backed up)."""
    say(text)
    log.info("%s", text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    options = OpenOptions(data_dir=args.data_dir, db_url=args.db_url)
    log_file = configure_logging(data_paths(options.data_dir))
    try:
        return int(args.handler(args, options))
    except DeliveryDeskError as exc:
        log.info("%s refused: %s", args.command, exc)
        say(f"{PROG}: error: {one_line(str(exc))}", err=True)
        return exc.exit_code
    except _UsageError as exc:
        say(f"{PROG}: error: {exc} (see '{PROG} {args.command} --help')", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        say(f"{PROG}: interrupted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `deliverydesk list-projects | head -1`: the reader left
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:
        log.exception("unexpected error in %s", args.command)
        where = f"details are in {log_file}" if log_written(log_file) else "the log file could not be written"
        say(f"{PROG}: error: unexpected {type(exc).__name__} (a bug); {where}", err=True)
        return EXIT_BUG
