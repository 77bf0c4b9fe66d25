"""``keep-copies``: keep a copy of the letters issued before DeliveryDesk kept one of every issued PDF,
while they still print byte for byte (services/documents/copies.py). The window does the same on its own
after opening a database for writing; this command is for scripts and for a database the window does
not open.

``COMMANDS`` is what ``cli.commands`` adds to its parser; ``handlers(...)`` what ``cli.handlers`` adds
to its table. Services load only when the command runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deliverydesk.services.documents.copies import KeptCopies
    from deliverydesk.services.storage import OpenOptions, Workspace

WorkspaceOpener = Callable[..., AbstractContextManager["Workspace"]]
Handler = Callable[[argparse.Namespace, "OpenOptions"], int]
Configure = Callable[[argparse.ArgumentParser], None]

NOT_REPRODUCIBLE = (
    "no longer prints byte for byte, so no copy could be kept (issue a new version to have one; "
    "the client's copy can still be checked with 'deliverydesk verify')"
)


def handlers(workspace: WorkspaceOpener, report: Callable[[str], None]) -> dict[str, Handler]:
    def keep_copies(args: argparse.Namespace, options: OpenOptions) -> int:
        from deliverydesk.services.documents.copies import keep_issued_copies

        with workspace(options) as opened:  # for writing: the copies are stored
            result = keep_issued_copies(opened.ctx)
        for name in result.not_reproducible:
            report(f"{name}: {NOT_REPRODUCIBLE}")
        report(summary(result))
        return result.exit_code

    return {"keep-copies": keep_copies}


def summary(result: KeptCopies) -> str:
    letters = "letter" if result.kept == 1 else "letters"
    line = (
        f"Kept a copy of {result.kept} {letters} issued without one; {result.already_kept} already had theirs"
    )
    if result.not_reproducible:
        line += f"; {len(result.not_reproducible)} could not be kept"
    return line + "."


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    return None


COMMANDS: dict[str, tuple[str, Configure]] = {
    "keep-copies": (
        "keep a copy of the letters issued before copies were kept, while they still print the same "
        "(exit 1 when some no longer do)",
        _no_arguments,
    ),
}
