"""The command line's parser and ``main``: parse, hand over to ``handlers``, turn errors into one line.

A problem the user can fix (or the environment caused) prints one line on stderr and exits 1;
anything else is a bug: its traceback goes to the log file in the data folder and the one line says
where.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import NoReturn

from deliverydesk import __version__
from deliverydesk.cli.copies import COMMANDS as COPY_COMMANDS
from deliverydesk.cli.csv_export import COMMANDS as CSV_COMMANDS
from deliverydesk.cli.documents import COMMANDS as DOCUMENT_COMMANDS
from deliverydesk.cli.documents import quick_export
from deliverydesk.cli.evidence import COMMANDS as EVIDENCE_COMMANDS
from deliverydesk.cli.exits import EXIT_BUG, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, PROG, UsageError
from deliverydesk.cli.interchange import COMMANDS as INTERCHANGE_COMMANDS
from deliverydesk.cli.output import one_line, say
from deliverydesk.cli.search import COMMANDS as SEARCH_COMMANDS
from deliverydesk.cli.sync import COMMANDS as SYNC_COMMANDS
from deliverydesk.domain.enums import ProjectStatus
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.logsetup import configure_logging, log_written
from deliverydesk.paths import CERTIFICATE_ENV, CERTIFICATE_PASSWORD_ENV, DATA_DIR_ENV, DB_URL_ENV, data_paths

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
  {CERTIFICATE_ENV}  same as --certificate
  {CERTIFICATE_PASSWORD_ENV}  the certificate's password (asked on a terminal when not set)
"""

log = logging.getLogger(__name__)


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
    group.add_argument(
        "--certificate",
        metavar="FILE.p12",
        type=Path,
        default=default,
        help=f"the company's PKCS#12 certificate to sign issued PDFs with (env {CERTIFICATE_ENV}; its "
        f"password from env {CERTIFICATE_PASSWORD_ENV}, else asked); without one, this database's own seal",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="DeliveryDesk: project-delivery records for field engineers, from the command line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_storage_options(after_command=False)],
    )
    parser.add_argument("--version", action="version", version=f"DeliveryDesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = [_storage_options(after_command=True)]
    for name, (summary, configure) in _COMMANDS.items():
        configure(commands.add_parser(name, help=summary, description=summary, parents=common))
    return parser


# --- arguments ---------------------------------------------------------------------------------


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
    parser.add_argument(
        "--keep-newer",
        action="store_true",
        help="records changed here since the bundle was made keep this database's version "
        "(without it such a bundle is refused, listing them)",
    )


_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "demo": ("create a bilingual demo database (only into an empty one)", _no_arguments),
    "check": (
        "check identity, integrity, foreign keys and the audit trail (exit 0 only when healthy)",
        _no_arguments,
    ),
    "backup": ("take a verified backup now", _no_arguments),
    "backups": ("list the backups in the data folder, newest first", _no_arguments),
    "restore": ("replace the database by a backup (--latest or FILE)", _restore_arguments),
    "list-projects": ("one line per project, beginning with its code", _list_arguments),
    "export-bundle": ("write one project with all its records to a bundle file", _export_arguments),
    "import-bundle": ("import a bundle: validated first, then all or nothing", _import_arguments),
}
_COMMANDS.update(DOCUMENT_COMMANDS)  # export, sign, verify: the client documents (cli/documents.py)
_COMMANDS.update(EVIDENCE_COMMANDS)  # evidence: the evidence pack of a topic (cli/evidence.py)
_COMMANDS.update(CSV_COMMANDS)  # export-csv: issue register, recurring problems (cli/csv_export.py)
_COMMANDS.update(SEARCH_COMMANDS)  # search: the log, change requests, expectations, issues (cli/search.py)
_COMMANDS.update(COPY_COMMANDS)  # keep-copies: copies of letters issued before they were kept (cli/copies.py)
_COMMANDS.update(
    INTERCHANGE_COMMANDS
)  # MS Project in and out, iCalendar, scope from spreadsheets (cli/interchange.py)
_COMMANDS.update(SYNC_COMMANDS)  # sync, conflicts, resolve: the team server (cli/sync.py)


# --- running -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    log_file = configure_logging(data_paths(args.data_dir))
    try:
        quick = quick_export(args) if args.command == "export" else None  # a draft: no SQLAlchemy
        if quick is not None:
            return quick
        from deliverydesk.cli import handlers  # the services load here, not for --help

        return handlers.run(args)
    except DeliveryDeskError as exc:
        log.info("%s refused: %s", args.command, exc)
        say(f"{PROG}: error: {one_line(str(exc))}", err=True)
        return exc.exit_code
    except UsageError as exc:
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
