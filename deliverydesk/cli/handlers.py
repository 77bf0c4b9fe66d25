"""What each command does, thin on purpose: open the workspace, call one service, show the answer.

Reading commands fall back to a read-only open while the window holds the database.

Imported only once a command has been parsed, so ``--help`` does not load the services (SQLAlchemy,
Alembic...); the bundle and demo services (jsonschema, the bundle row mappings) load only in the
commands that use them."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from deliverydesk.cli.copies import handlers as copy_handlers
from deliverydesk.cli.csv_export import handlers as csv_handlers
from deliverydesk.cli.documents import handlers as document_handlers
from deliverydesk.cli.evidence import handlers as evidence_handlers
from deliverydesk.cli.exits import EXIT_OK, EXIT_UNHEALTHY, PROG, UsageError
from deliverydesk.cli.interchange import handlers as interchange_handlers
from deliverydesk.cli.output import (
    backup_line,
    bundle_export_line,
    bundle_import_line,
    project_line,
    projects_json,
    say,
)
from deliverydesk.cli.search import handlers as search_handlers
from deliverydesk.cli.sync import handlers as sync_handlers
from deliverydesk.domain.models import ProjectSummary
from deliverydesk.errors import DatabaseLockedError, ReadOnlyStorageError, StorageError
from deliverydesk.i18n import msg
from deliverydesk.paths import CERTIFICATE_ENV, CERTIFICATE_PASSWORD_ENV, data_paths
from deliverydesk.services.records.projects import list_projects
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

log = logging.getLogger(__name__)
Handler = Callable[[argparse.Namespace, OpenOptions], int]


def run(args: argparse.Namespace) -> int:
    """Run the parsed command."""
    certificate = args.certificate or (
        Path(os.environ[CERTIFICATE_ENV]) if os.environ.get(CERTIFICATE_ENV) else None
    )
    options = OpenOptions(
        data_dir=args.data_dir,
        db_url=args.db_url,
        certificate=certificate,
        certificate_password=_certificate_password(certificate),
    )
    return HANDLERS[args.command](args, options)


def _certificate_password(certificate: Path | None) -> bytes | None:
    """From the environment, else asked on the terminal (never on the command line: it would show in
    the process list and the shell's history)."""
    if certificate is None:
        return None
    if CERTIFICATE_PASSWORD_ENV in os.environ:
        return os.environ[CERTIFICATE_PASSWORD_ENV].encode("utf-8")
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Password of {certificate.name}: ").encode("utf-8") or None


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


def demo(args: argparse.Namespace, options: OpenOptions) -> int:
    from deliverydesk.services.demo.build import create_demo  # only this command needs the demo data

    with _workspace(replace(options, create=True)) as workspace:
        create_demo(workspace.ctx)
        total = list_projects(workspace.ctx, limit=1).total
    report(f"Demo data ready: {total} projects in {_where(workspace)}.")
    return EXIT_OK


def check(args: argparse.Namespace, options: OpenOptions) -> int:
    result = check_database(options)
    for line in result.lines:
        say(line)
    return EXIT_OK if result.ok else EXIT_UNHEALTHY


def backup(args: argparse.Namespace, options: OpenOptions) -> int:
    # Read-only: an open for writing could take the daily backup first, giving two at once.
    with _workspace(replace(options, readonly=True)) as workspace:
        info = backup_now(workspace)
    report(f"Backup taken: {backup_line(info)}")
    return EXIT_OK


def backups(args: argparse.Namespace, options: OpenOptions) -> int:
    paths = data_paths(options.data_dir)
    backups = list_backups(paths)
    if not backups:
        say(f"No backups yet in {paths.backups}.")
    for info in backups:
        say(backup_line(info))
    say(COPYING_NOTE)
    return EXIT_OK


COPYING_NOTE = (
    "To copy the database elsewhere while DeliveryDesk runs, use 'deliverydesk backup': a copy of the "
    ".db file alone can miss the newest changes (they may still be in the -wal file beside it)."
)


def restore(args: argparse.Namespace, options: OpenOptions) -> int:
    if args.latest == (args.backup is not None):
        raise UsageError("restore needs either --latest or a backup FILE (not both)")
    backup = args.backup
    if args.latest:
        backups = list_backups(data_paths(options.data_dir))
        if not backups:
            raise StorageError(
                msg(
                    "There are no backups in {backups} to restore.",
                    backups=data_paths(options.data_dir).backups,
                )
            )
        backup = max(backups, key=lambda info: info.taken_at).path
    safety = restore_backup(options, backup)
    report(f"Restored {backup}.")
    if safety is not None:
        say(f"The database it replaced was kept as {safety.path}.")
    return EXIT_OK


def list_projects_command(args: argparse.Namespace, options: OpenOptions) -> int:
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


def export_bundle_command(args: argparse.Namespace, options: OpenOptions) -> int:
    from deliverydesk.services.bundle.transfer import export_bundle  # jsonschema and the bundle rows: ~0.5 s

    with _workspace(options, reading=True) as workspace:
        summary = export_bundle(workspace.ctx, args.project, args.out)
    report(bundle_export_line(summary))
    return EXIT_OK


def import_bundle_command(args: argparse.Namespace, options: OpenOptions) -> int:
    from deliverydesk.services.bundle.transfer import import_valid_bundle, read_bundle

    bundle = read_bundle(args.file)  # before opening: a refused file creates and locks nothing
    created = not database_exists(options)
    with _workspace(replace(options, create=True)) as workspace:
        summary = import_valid_bundle(workspace.ctx, bundle, keep_newer=args.keep_newer)
    report(bundle_import_line(summary))
    if created:
        say(f"(A new database was created in {_where(workspace)}.)")
    return EXIT_OK


def _where(workspace: Workspace) -> str:
    return str(workspace.paths.database) if workspace.is_sqlite else "the server database"


def report(text: str) -> None:
    """A result worth keeping in the log too (what was imported, restored, backed up)."""
    say(text)
    log.info("%s", text)


HANDLERS: dict[str, Handler] = {
    "demo": demo,
    "check": check,
    "backup": backup,
    "backups": backups,
    "restore": restore,
    "list-projects": list_projects_command,
    "export-bundle": export_bundle_command,
    "import-bundle": import_bundle_command,
}
HANDLERS.update(document_handlers(_workspace, report))  # export, sign, verify (cli/documents.py)
HANDLERS.update(evidence_handlers(_workspace, report))  # evidence (cli/evidence.py)
HANDLERS.update(csv_handlers(_workspace, report))  # export-csv (cli/csv_export.py)
HANDLERS.update(search_handlers(_workspace, report))  # search (cli/search.py)
HANDLERS.update(copy_handlers(_workspace, report))  # keep-copies (cli/copies.py)
HANDLERS.update(
    interchange_handlers(_workspace, report)
)  # MS Project, iCalendar, spreadsheets (cli/interchange.py)
HANDLERS.update(sync_handlers(_workspace, report))  # sync, conflicts, resolve (cli/sync.py)
