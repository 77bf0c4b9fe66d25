"""``deliverydesk evidence``: the evidence pack of a change request, an expectation or a date range.

Like ``cli.documents``: ``COMMANDS`` is what ``cli.commands`` adds to its parser, ``handlers(...)``
what ``cli.handlers`` adds to its table (with its workspace opener and result reporter). The
services load only when the command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.documents import _iso_date
from deliverydesk.cli.exits import UsageError
from deliverydesk.cli.output import add_language_option, say

if TYPE_CHECKING:
    from deliverydesk.services.storage import OpenOptions, Workspace

WorkspaceOpener = Callable[..., AbstractContextManager["Workspace"]]
Handler = Callable[[argparse.Namespace, "OpenOptions"], int]


def handlers(workspace: WorkspaceOpener, report: Callable[[str], None]) -> dict[str, Handler]:
    def evidence(args: argparse.Namespace, options: OpenOptions) -> int:
        if args.period_from is not None and args.period_to is None:
            raise UsageError("--from needs --to: the last day of the range")
        if args.period_to is not None and args.period_from is None:
            raise UsageError("--to goes with --from: the first day of the range")
        return _evidence(workspace, args, options)

    return {"evidence": evidence}


def _evidence(workspace: WorkspaceOpener, args: argparse.Namespace, options: Any) -> int:
    from deliverydesk.services.evidence.pack import export_evidence_pack, topic_by_ref
    from deliverydesk.services.records.projects import get_project_by_code

    period = (args.period_from, args.period_to) if args.period_from is not None else None
    language = args.language
    with workspace(options, reading=True) as opened:
        project = get_project_by_code(opened.ctx, args.project)
        topic = topic_by_ref(
            opened.ctx,
            project.id,
            change_request=args.change_request,
            expectation=args.expectation,
            period=period,
        )
        result = export_evidence_pack(opened.ctx, topic, args.out, language)
    say(
        f"Wrote the evidence pack {result.reference} to {result.path} ({result.size:,} bytes; log entries"
        f" {result.entries}, letters {result.letters}, commitments {result.commitments}, attachments"
        f" {result.attachments}); fingerprint {result.fingerprint}."
    )
    return 0


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project", required=True, metavar="CODE", help="the project's code, e.g. DD-2026-014"
    )
    topic = parser.add_mutually_exclusive_group(required=True)
    topic.add_argument("--change-request", metavar="REF", help="the change request, e.g. CR-3")
    topic.add_argument("--expectation", metavar="REF", help="the expectation, e.g. E-2")
    topic.add_argument(
        "--from",
        dest="period_from",
        type=_iso_date,
        metavar="DATE",
        help="the first day of a range (with --to)",
    )
    parser.add_argument(
        "--to", dest="period_to", type=_iso_date, metavar="DATE", help="the last day of the range"
    )
    add_language_option(
        parser, "--language", "--lang", help="en or zh_CN (default: the project's document language)"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF file to write")


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "evidence": (
        "write the evidence pack (chronological record, letters, commitments, attachments) of a change"
        " request, an expectation or a date range as PDF",
        _arguments,
    ),
}
