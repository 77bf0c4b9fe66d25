"""Keep a copy of the letters issued before DeliveryDesk kept one, while they still print byte for byte.

Letters issued by the first release (databases upgraded from revision 0001) have no stored PDF:
``letter_pdf`` prints them again from their snapshot and refuses once a reportlab or font upgrade
changes the bytes. Printed again now, while the bytes still match the recorded SHA-256, their copy
is kept for good. One unit of work per letter: an interrupted run keeps what it has done."""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import ReadOnlyStorageError
from deliverydesk.i18n import msg
from deliverydesk.reports.documents.data import CertificateData, ReportData
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.letters import missing_copies_in, render_pdf
from deliverydesk.store.copy_queries import (
    any_letter_without_copy,
    count_issued_letters,
    letters_without_copy,
)
from deliverydesk.store.records import add_blob


@dataclass(frozen=True)
class KeptCopies:
    kept: int  # letters whose missing copies were all stored now
    already_kept: int  # letters that had every copy before
    not_reproducible: tuple[str, ...]  # "REF version N": printing again no longer gives their bytes

    @property
    def exit_code(self) -> int:
        return 1 if self.not_reproducible else 0


@dataclass(frozen=True)
class _Missing:
    name: str
    copies: tuple[tuple[str, tuple[ReportData, CertificateData | None]], ...]  # (SHA-256, what printed it)


def copies_missing(ctx: ServiceContext) -> bool:
    """True when some issued letter has no stored copy (a cheap query, asked after every open)."""
    with ctx.db.unit_of_work() as session:
        return any_letter_without_copy(session)


def keep_issued_copies(ctx: ServiceContext) -> KeptCopies:
    """Store the PDF of every issued letter that has none yet, when printing it again gives the
    issued bytes; name the letters that no longer print the same."""
    if ctx.db.readonly:
        raise ReadOnlyStorageError(
            msg("The database is open read-only: the copies of the issued letters cannot be kept."),
            hint=msg("Open it for writing (close the window that holds it, check the file's permissions)."),
        )
    with ctx.db.unit_of_work() as session:
        letter_ids = letters_without_copy(session)  # ids only: one letter in memory at a time
        issued = count_issued_letters(session)
    lost = [name for name in (_keep_one(ctx, letter_id) for letter_id in letter_ids) if name]
    return KeptCopies(len(letter_ids) - len(lost), issued - len(letter_ids), tuple(lost))


def _keep_one(ctx: ServiceContext, letter_id: str) -> str | None:
    """Keep the letter's missing copies that print again byte for byte; its name when one does not."""
    missing = _missing_copies(ctx, letter_id)
    pdfs = [render_pdf(*printed) for _sha256, printed in missing.copies]
    same = [
        pdf for (sha256, _data), pdf in zip(missing.copies, pdfs, strict=True) if sha256_hex(pdf) == sha256
    ]
    if same:
        with ctx.db.unit_of_work() as session:
            for pdf in same:
                add_blob(session, pdf)
    return None if len(same) == len(pdfs) else missing.name


def _missing_copies(ctx: ServiceContext, letter_id: str) -> _Missing:
    """What to print again, read in its own short unit of work (printing is slow: not inside it)."""
    with ctx.db.unit_of_work() as session:
        return _Missing(*missing_copies_in(ctx, session, letter_id))
