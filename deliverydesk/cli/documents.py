"""Client documents from the command line: ``export``, ``sign`` (paper, e-mail, refusal) and ``verify``.

``COMMANDS`` (summary and arguments) is what ``cli.commands`` adds to its parser; ``handlers(...)`` is
what ``cli.handlers`` adds to its table, with its own workspace opener and result reporter so these
commands behave exactly like the others. Services load only when a command runs.

verify exit codes (``services.documents.verify``): 0 EXACT or SAME CONTENT; 5 MODIFIED; 6 SUPERSEDED;
7 UNKNOWN; 1 the file or the database cannot be read; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.exits import UsageError
from deliverydesk.cli.output import add_language_option, one_line, say
from deliverydesk.domain.enums import LetterKind, SignMethod
from deliverydesk.errors import StorageError
from deliverydesk.i18n import msg

if TYPE_CHECKING:
    from deliverydesk.domain.models import LetterItem
    from deliverydesk.services.documents.verify import SignatureReport, VerifyResult
    from deliverydesk.services.storage import OpenOptions, Workspace

WorkspaceOpener = Callable[..., AbstractContextManager["Workspace"]]
Handler = Callable[[argparse.Namespace, "OpenOptions"], int]
Configure = Callable[[argparse.ArgumentParser], None]

KINDS = {
    "letter": LetterKind.EXPECTATION_CONFIRMATION,
    "change": LetterKind.CHANGE_DECISION,
    "summary": LetterKind.PROGRESS_SUMMARY,
    "handover": LetterKind.HANDOVER,
}
METHODS = {"paper": SignMethod.ON_PAPER, "email": SignMethod.BY_EMAIL, "refused": SignMethod.REFUSED}
MEDIA_TYPES = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
VERIFY_EPILOG = """\
verdicts and exit codes:
  0  EXACT         byte for byte the stored copy (issued, signed, exported) or the paper-signed scan
  0  SAME CONTENT  re-saved by another program: every page shows the same text and picture
  5  MODIFIED      claims to be a document of this database, but pages differ (named, with lines)
  6  SUPERSEDED    an issued version that a newer version replaced, or that was withdrawn
  7  UNKNOWN       nothing in this database
  1  the file or the database cannot be read;  2  the command line is wrong
The PDF's signature (PAdES) and the audit trail head it witnesses are reported too.
"""


def handlers(workspace: WorkspaceOpener, report: Callable[[str], None]) -> dict[str, Handler]:
    """The handlers ``cli.handlers`` registers, using its workspace opener and result reporter."""

    def export(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.services.documents.build import document_kind

        if document_kind(KINDS[args.kind]).about_change_request and not args.ref:
            raise UsageError(f"export {args.kind} needs --ref, e.g. --ref CR-3")
        return _export(workspace, report, args, options)

    def sign(args: argparse.Namespace, options: OpenOptions) -> int:
        if (args.scan is not None) != (args.method == "paper"):
            raise UsageError("--scan FILE goes with --method paper (and only with it)")
        return _sign(workspace, report, args, options)

    def verify(args: argparse.Namespace, options: OpenOptions) -> int:
        return _verify(workspace, args, options)

    def export_issued(args: argparse.Namespace, options: OpenOptions) -> int:
        return _export_issued(workspace, args, options)

    return {"export": export, "export-issued": export_issued, "sign": sign, "verify": verify}


# --- export --------------------------------------------------------------------------------------


def quick_export(args: argparse.Namespace) -> int | None:
    """``export`` of a draft (the letter) from a SQLite file on a local disk, read without SQLAlchemy
    (``services.documents.draft_export``: the same data and report, so the same file); None when
    this export must go the usual way (issuing, a document not read that way, another database, or a
    file that cannot be read that way: missing, foreign, damaged, to be upgraded)."""
    if args.issue:
        return None
    from deliverydesk.services.context import local_today
    from deliverydesk.services.documents.draft_export import DatabaseOptions, NeedsFullOpen, export_draft

    where = DatabaseOptions(data_dir=args.data_dir, db_url=args.db_url)
    try:
        result = export_draft(where, KINDS[args.kind], args.project, args.lang, args.out, local_today())
    except NeedsFullOpen:
        return None
    say(_draft_line(result.path, result.size))
    return 0


def _export(
    workspace: WorkspaceOpener, report: Callable[[str], None], args: argparse.Namespace, options: Any
) -> int:
    from deliverydesk.services.documents.build import DocumentRequest, SummaryNarrative, document_kind
    from deliverydesk.services.documents.export import change_request_id_by_ref, export_document
    from deliverydesk.services.records.projects import get_project_by_code

    kind = KINDS[args.kind]
    with workspace(options, reading=not args.issue) as opened:
        ctx = opened.ctx
        project = get_project_by_code(ctx, args.project)
        request = DocumentRequest(project.id, kind, language=args.lang)
        if document_kind(kind).about_change_request:
            request = replace(request, change_request_id=change_request_id_by_ref(ctx, project.id, args.ref))
        if args.period_from or args.period_to:  # the period of a summary; other documents have none
            request = replace(
                request, narrative=SummaryNarrative(period_start=args.period_from, period_end=args.period_to)
            )
        result = export_document(ctx, request, args.out, issue=args.issue)
    if result.letter is not None:
        report(
            f"Issued {_letter_name(result.letter)}, fingerprint {result.letter.fingerprint}:"
            f" wrote {result.path}."
        )
    else:
        say(_draft_line(result.path, result.size))
    return 0


def _draft_line(path: Path, size: int) -> str:
    return f"Wrote a draft (not issued) to {path} ({size:,} bytes)."


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=list(KINDS), help="which document")
    parser.add_argument(
        "--project", required=True, metavar="CODE", help="the project's code, e.g. DD-2026-014"
    )
    parser.add_argument("--ref", metavar="REF", help="change: the change request, e.g. CR-3")
    add_language_option(parser, help="default: the project's")
    parser.add_argument(
        "--from", dest="period_from", type=_iso_date, metavar="DATE", help="summary: period start"
    )
    parser.add_argument("--to", dest="period_to", type=_iso_date, metavar="DATE", help="summary: period end")
    parser.add_argument(
        "--issue", action="store_true", help="issue the next version (sealed, stored) and write it"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF file to write")


# --- export-issued --------------------------------------------------------------------------------


def _export_issued(workspace: WorkspaceOpener, args: argparse.Namespace, options: Any) -> int:
    """An issued letter's PDF byte for byte as issued (the signed copy when there is one): what a
    dispute is settled with, checked against the fingerprint recorded when it was issued."""
    from deliverydesk.services.documents.export import export_letter
    from deliverydesk.services.documents.letters import find_letter
    from deliverydesk.services.records.projects import get_project_by_code

    with workspace(options, reading=True) as opened:
        project = get_project_by_code(opened.ctx, args.project)
        letter = find_letter(opened.ctx, project.id, args.letter, args.version, args.lang)
        result = export_letter(opened.ctx, letter.id, args.out, signed=not args.unsigned)
    copy = "the signed copy" if letter.signed_pdf_sha256 and not args.unsigned else "as issued"
    say(f"Wrote {_letter_name(letter)}, {copy}, to {result.path} ({result.size:,} bytes).")
    return 0


def _letter_arguments(parser: argparse.ArgumentParser) -> None:
    """Which issued letter: the project, the letter's reference, its version and its language."""
    parser.add_argument("--project", required=True, metavar="CODE", help="the project's code")
    parser.add_argument(
        "--letter", required=True, metavar="REF", help="the letter's reference, e.g. DD-2026-014-EL"
    )
    parser.add_argument("--version", type=int, metavar="N", help="default: the newest version")
    add_language_option(
        parser, help="a translation of the version in this language (default: the version itself)"
    )


def _export_issued_arguments(parser: argparse.ArgumentParser) -> None:
    _letter_arguments(parser)
    parser.add_argument(
        "--unsigned", action="store_true", help="the copy as issued, even when a signed copy exists"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF file to write")


# --- sign ----------------------------------------------------------------------------------------


def _sign(
    workspace: WorkspaceOpener, report: Callable[[str], None], args: argparse.Namespace, options: Any
) -> int:
    from deliverydesk.services.documents.letters import find_letter, sign_letter
    from deliverydesk.services.documents.signing import SignRequest
    from deliverydesk.services.records.projects import get_project_by_code

    method = METHODS[args.method]
    scan = _read(args.scan) if args.scan is not None else None
    with workspace(options) as opened:
        project = get_project_by_code(opened.ctx, args.project)
        letter = find_letter(opened.ctx, project.id, args.letter, args.version, args.lang)
        request = SignRequest(
            letter.id,
            method,
            args.name,
            signer_title=args.title,
            place=args.place,
            signed_on=args.signed_on,
            scan=scan,
            scan_filename=args.scan.name if args.scan else "",
            note=args.note,
            scan_media_type=MEDIA_TYPES.get(args.scan.suffix.lower(), "application/octet-stream")
            if args.scan
            else "",
            log_entry_id=args.log_entry,
        )
        result = sign_letter(opened.ctx, request)
    for warning in result.warnings:
        say(f"note: {warning}", err=True)
    event = result.letter.signatures[-1] if method is SignMethod.REFUSED else result.letter.client_signature
    assert event is not None
    verb = "Refused" if method is SignMethod.REFUSED else "Signed"
    confirmed = f" Confirmed: {', '.join(result.confirmed)}." if result.confirmed else ""
    report(
        f"{verb}: {_letter_name(result.letter)} by {one_line(event.signer_name)} ({args.method}), "
        f"on {event.signed_on.isoformat()}.{confirmed}"
    )
    return 0


def _sign_arguments(parser: argparse.ArgumentParser) -> None:
    _letter_arguments(parser)
    parser.add_argument(
        "--method", required=True, choices=list(METHODS), help="how it was signed (or refused)"
    )
    parser.add_argument(
        "--name", required=True, help="who signed: a contact of the client who may sign (or who refused)"
    )
    parser.add_argument("--title", default="", help="their job title")
    parser.add_argument("--place", default="", help="where it was signed")
    parser.add_argument(
        "--signed-on",
        dest="signed_on",
        type=_iso_date,
        metavar="DATE",
        help="the day the client signed (paper: required; e-mail: default the e-mail's day; refused: today)",
    )
    parser.add_argument("--scan", type=Path, metavar="FILE", help="paper: the scan of the signed letter")
    parser.add_argument("--log-entry", metavar="ID", help="email: the id of the log entry holding the e-mail")
    parser.add_argument("--note", default="", help="refused: what happened; otherwise optional")


# --- verify --------------------------------------------------------------------------------------


def _verify(workspace: WorkspaceOpener, args: argparse.Namespace, options: Any) -> int:
    from deliverydesk.services.documents.verify import verify_pdf

    data = _read(args.file)
    with workspace(options, reading=True) as opened:
        result = verify_pdf(opened.ctx, data)
    say(verify_text(args.file, result))
    return result.exit_code


def verify_text(path: Path, result: VerifyResult) -> str:
    """The verdict first (one word a script can match), then the details, the signature and the trail."""
    lines = [_verdict_line(path, result), *(f"  {line}" for line in result.differences)]
    letter = result.letter
    for event in letter.signatures if letter is not None else ():
        lines.append(
            f"{event.party.value} {event.method.value.replace('_', ' ')}: {one_line(event.signer_name)}"
            f" {one_line(event.signer_title)}".rstrip()
            + f", signed on {event.signed_on.isoformat()}"
            + f" (recorded {event.recorded_at:%Y-%m-%d %H:%M} UTC by {one_line(event.recorded_by) or '?'})."
        )
    return "\n".join([*lines, *_signature_lines(result.signature)])


def _verdict_line(path: Path, result: VerifyResult) -> str:
    verdict = result.verdict.value
    if verdict == "unknown":
        return f"UNKNOWN: {path} is not a document of this database."
    name = result.document + (f" of project {result.project_code}" if result.project_code else "")
    letter = result.letter
    issued = (
        f" (issued {letter.issued_at:%Y-%m-%d}; status: {letter.status.value})"
        if letter and letter.issued_at
        else ""
    )
    what = {
        "issued": "as issued",
        "signed": "as signed",
        "scan": "the paper-signed scan of",
        "exported": "as exported",
    }
    copy = what.get(result.outcome.value, "")
    if verdict == "exact":
        return f"EXACT: {path} is byte for byte {copy} {name}{issued}."
    if verdict == "same content":
        return (
            f"SAME CONTENT: {path} shows exactly {copy} {name}{issued} on every page (same text and "
            "pictures), in different bytes: it was saved again by another program."
        )
    if verdict == "superseded":
        newer = f"version {result.replaced_by} replaced it" if result.replaced_by else "it was withdrawn"
        return f"SUPERSEDED: {path} is {name}{issued}, but {newer}: it is no longer in force."
    return f"MODIFIED: {path} claims to be {name}{issued}, but it differs from it:"


def _signature_lines(signature: SignatureReport) -> list[str]:
    state = signature.state.value
    signer = f" (signer: {one_line(signature.signer)})" if signature.signer else ""
    text = {
        "valid": f"signature: valid, covering the whole file{signer}.",
        "earlier revision": f"signature: valid for an earlier revision only: the file was changed after it "
        f"was signed{signer}.",
        "broken": f"signature: BROKEN: the signed bytes were changed{signer}.",
        "none": "signature: none.",
    }[state]
    lines = [text]
    if signature.witness is not None and signature.witness_in_trail is not None:
        event = f"event {signature.witness.seq}"
        lines.append(
            f"audit trail: contains the head this document witnessed ({event})."
            if signature.witness_in_trail
            else f"audit trail: does NOT contain the head this document witnessed ({event}): "
            "events were removed from this database's audit trail after it was issued."
        )
    return lines


def _verify_args(parser: argparse.ArgumentParser) -> None:
    parser.epilog = VERIFY_EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", type=Path, metavar="FILE.pdf", help="the PDF to check")


# --- helpers -------------------------------------------------------------------------------------


def _letter_name(letter: LetterItem) -> str:
    language = f" ({letter.language.value} translation)" if letter.translation_of_id else ""
    return f"{letter.ref} version {letter.version}{language}"


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise StorageError(
            msg("Cannot read {path}: {reason}.", path=path, reason=exc.strerror or str(exc))
        ) from None


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


COMMANDS: dict[str, tuple[str, Configure]] = {
    "export": ("write a client document as PDF (a draft unless --issue)", _export_arguments),
    "export-issued": (
        "write an issued letter's PDF byte for byte as issued (the signed copy when there is one)",
        _export_issued_arguments,
    ),
    "sign": ("record a signature on paper, a confirmation by e-mail, or a refusal", _sign_arguments),
    "verify": ("is this PDF a document of the database, by content? (exit 0, 5, 6, 7)", _verify_args),
}
