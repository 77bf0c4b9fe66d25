"""What signing an expectation confirmation letter also does: each expectation it lists, as printed,
is confirmed (the registry of document kinds, ``services.documents.build``, calls it when such a
letter is signed)."""

from __future__ import annotations

from collections.abc import Callable

from deliverydesk.domain.enums import ExpectationStatus
from deliverydesk.i18n import Message, msg
from deliverydesk.reports.documents.data import ExpectationLetterData, ExpectationRowData, ReportData
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import ExpectationRow, LetterRow

CONFIRMABLE = (ExpectationStatus.DRAFT,)  # met, missed and withdrawn ones keep their status


def confirm_expectations(
    ctx: ServiceContext, session: Session, letter: LetterRow, sealed: Callable[[LetterRow], ReportData]
) -> tuple[tuple[str, ...], tuple[Message, ...]]:
    """A signed expectation letter confirms each expectation it lists, as printed: (refs confirmed,
    warnings for those changed or removed since this version was issued)."""
    printed = sealed(letter)
    assert isinstance(printed, ExpectationLetterData)  # the registry calls this for that kind only
    current, _ = list_rows(session, ExpectationRow, where={"project_id": letter.project_id}, limit=1000)
    by_ref = {row.ref: row for row in current}
    confirmed, changed = [], []
    for line in printed.expectations:
        row = by_ref.get(line.ref)
        if row is None or row.status is ExpectationStatus.WITHDRAWN or not _as_printed(row, line):
            changed.append(line.ref)
            continue
        if row.status in CONFIRMABLE:
            row.status = ExpectationStatus.CONFIRMED
        row.confirmed_by_letter_id, row.updated_at = letter.id, ctx.now()
        confirmed.append(line.ref)
    if not changed:
        return tuple(confirmed), ()
    warning = msg(
        "Not confirmed, because they changed or were removed since {ref} version {version} was issued:"
        " {refs}. Issue a new version and have it signed.",
        ref=letter.ref,
        version=letter.version,
        refs=", ".join(changed),
    )
    return tuple(confirmed), (warning,)


def _as_printed(row: ExpectationRow, line: ExpectationRowData) -> bool:
    return (row.statement, row.measure, row.due_date) == (line.statement, line.measure, line.due)
