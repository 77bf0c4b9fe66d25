"""``deliverydesk sync``, ``conflicts`` and ``resolve``: the team server from the command line.

The first ``sync`` takes ``--server URL --token T`` and keeps them (the token in the operating
system's keyring, else in a file only the user can read, with a warning); on an empty data folder it
creates the database and fills it with what the user is granted. ``conflicts`` prints one line per
conflict, beginning with the project code and the record's reference; ``resolve`` settles one.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import TYPE_CHECKING

from deliverydesk.cli.output import say
from deliverydesk.i18n import msg

if TYPE_CHECKING:
    from deliverydesk.services.storage import OpenOptions, Workspace
    from deliverydesk.services.sync.client import SyncReport
    from deliverydesk.services.sync.transport import HttpTransport

WorkspaceOpener = Callable[..., AbstractContextManager["Workspace"]]
Handler = Callable[[argparse.Namespace, "OpenOptions"], int]


def _sync_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", metavar="URL", help="the team server (first sync; kept afterwards)")
    parser.add_argument("--token", metavar="TOKEN", help="this device's token (first sync; kept afterwards)")


def _conflicts_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array (for scripts)")


def _resolve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conflict", metavar="ID", help="the conflict's id (or its first characters)")
    parser.add_argument("--keep", choices=("mine", "theirs"), help="keep my value or the server's")
    parser.add_argument("--field", metavar="NAME", help="only this field (repeat the command per field)")
    parser.add_argument("--value", metavar="TEXT", help="a third value for --field (dates as YYYY-MM-DD)")
    parser.add_argument("--retry", action="store_true", help="send a change the server refused again")


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "sync": ("sync with the team server: push what waits, pull what changed", _sync_arguments),
    "conflicts": (
        "one line per sync conflict, beginning with the project code and reference",
        _conflicts_arguments,
    ),
    "resolve": ("settle a sync conflict: --keep mine|theirs, or --field F --value V", _resolve_arguments),
}


def _transport(workspace: Workspace, url: str | None = None, token: str | None = None) -> HttpTransport:
    from deliverydesk.errors import RuleError
    from deliverydesk.services.sync.client import sync_status
    from deliverydesk.services.sync.credentials import TokenStore
    from deliverydesk.services.sync.transport import HttpTransport

    if url and token:
        return HttpTransport(url, token)
    status = sync_status(workspace.ctx)
    if not status.joined:
        raise RuleError(
            msg("This data folder has not joined a team server."),
            msg("Run: deliverydesk sync --server URL --token TOKEN"),
        )
    stored = TokenStore(workspace.paths.root).load(status.server_url)
    if not stored:
        raise RuleError(
            msg("There is no device token for {url} on this computer.", url=status.server_url),
            msg("Run: deliverydesk sync --token TOKEN (ask your administrator for one)."),
        )
    return HttpTransport(status.server_url, stored)


def _summary(report: SyncReport) -> str:
    parts = [f"{report.pushed} change(s) sent", f"{report.pulled} record(s) received"]
    if report.conflicts:
        parts.append(f"{report.conflicts} new conflict(s)")
    if report.refused:
        parts.append(f"{report.refused} change(s) refused")
    if report.held_back:
        parts.append(f"{report.held_back} change(s) waiting behind a conflict")
    return "Synced: " + ", ".join(parts) + "."


def handlers(workspace: WorkspaceOpener, report: Callable[[str], None]) -> dict[str, Handler]:
    def sync(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.cli.exits import UsageError
        from deliverydesk.services.sync.client import join_team, list_conflicts, sync_now
        from deliverydesk.services.sync.credentials import TokenStore

        if args.server and not args.token:
            raise UsageError("--server needs --token the first time")
        with workspace(replace(options, create=True)) as opened:
            if args.token:
                transport = _transport(opened, args.server or _joined_url(opened), args.token)
            else:
                transport = _transport(opened)
            try:
                if args.token:
                    joined = join_team(opened.ctx, transport)
                    warning = TokenStore(opened.paths.root).save(transport.url, args.token)
                    report(f"Joined {transport.url} as {joined.user} ({joined.role}).")
                    if warning:
                        say(f"deliverydesk: warning: {warning}", err=True)
                result = sync_now(opened.ctx, transport)
            finally:
                transport.close()
            open_conflicts = len(list_conflicts(opened.ctx))
        report(_summary(result))
        for notice in result.notices:
            say(f"note: {notice}")
        if open_conflicts:
            say(f"{open_conflicts} conflict(s) wait for you: deliverydesk conflicts")
        return 0

    def conflicts(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.services.sync.client import list_conflicts

        with workspace(options, reading=True) as opened:
            found = list_conflicts(opened.ctx)
        if args.json:
            say(json.dumps([_as_json(c) for c in found], ensure_ascii=False, indent=1, default=str))
        for conflict in found if not args.json else ():
            say(conflict.line())
        return 0

    def resolve(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.cli.exits import UsageError
        from deliverydesk.services.sync.client import (
            Choice,
            list_conflicts,
            resolve_conflict,
            retry_refused,
            undo_refused,
            value_from_text,
        )

        if args.value is not None and (args.field is None or args.keep is not None):
            raise UsageError("--value goes with --field (and without --keep)")
        if args.value is None and args.keep is None and not args.retry:
            raise UsageError("say --keep mine|theirs, --field F --value V, or --retry")
        with workspace(options) as opened:
            kind = next((c for c in list_conflicts(opened.ctx) if c.id.startswith(args.conflict)), None)
            if args.retry:
                view = retry_refused(opened.ctx, args.conflict)
            elif kind is not None and kind.kind == "refused":
                if args.keep != "theirs":
                    raise UsageError(
                        "a refused change can only be undone (--keep theirs) or sent again (--retry)"
                    )
                transport = _transport(opened)
                try:
                    view = undo_refused(opened.ctx, transport, args.conflict)
                finally:
                    transport.close()
            elif args.value is not None:
                if kind is None:
                    raise UsageError(f"there is no open conflict {args.conflict}")
                value = value_from_text(kind.entity, args.field, args.value)
                view = resolve_conflict(opened.ctx, args.conflict, {args.field: Choice("value", value)})
            elif args.field is not None:
                view = resolve_conflict(opened.ctx, args.conflict, {args.field: Choice(args.keep)})
            else:
                view = resolve_conflict(opened.ctx, args.conflict, {}, default=Choice(args.keep))
        if view.open_fields:
            report(f"Noted. Still to choose: {', '.join(view.open_fields)} ({view.line()})")
        else:
            report(f"Resolved: {view.line()}")
        return 0

    return {"sync": sync, "conflicts": conflicts, "resolve": resolve}


def _joined_url(workspace: Workspace) -> str:
    from deliverydesk.errors import RuleError
    from deliverydesk.services.sync.client import sync_status

    status = sync_status(workspace.ctx)
    if not status.joined:
        raise RuleError(msg("The first sync needs --server URL as well as --token."))
    return status.server_url


def _as_json(conflict: object) -> dict[str, object]:
    from dataclasses import asdict

    return {**asdict(conflict), "line": conflict.line()}  # type: ignore[call-overload, attr-defined]
