"""What signing an expectation confirmation letter also does: each expectation it lists, as printed,
is confirmed (the registry of document kinds, ``services.documents.build``, calls it when such a
letter is signed)."""

from __future__ import annotations

from dataclasses import replace

from deliverydesk.domain.enums import ExpectationStatus
from deliverydesk.domain.models import ExpectationItem, LetterItem
from deliverydesk.i18n import Message, msg
from deliverydesk.reports.documents.data import ExpectationLetterData, ExpectationRowData, ReportData
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.document_rows import project_expectations, save_confirmation
from deliverydesk.store.records import Session

CONFIRMABLE = (ExpectationStatus.DRAFT,)  # met, missed and withdrawn ones keep their status


def confirm_expectations(
    ctx: ServiceContext, session: Session, letter: LetterItem, printed: ReportData
) -> tuple[tuple[str, ...], tuple[Message, ...]]:
    """A signed expectation letter confirms each expectation it lists, as ``printed`` (its sealed data):
    (refs confirmed, warnings for those changed or removed since this version was issued)."""
    assert isinstance(printed, ExpectationLetterData)  # the registry calls this for that kind only
    by_ref = {item.ref: item for item in project_expectations(session, letter.project_id)}
    confirmed, changed = [], []
    for line in printed.expectations:
        item = by_ref.get(line.ref)
        if item is None or item.status is ExpectationStatus.WITHDRAWN or not _as_printed(item, line):
            changed.append(line.ref)
            continue
        status = ExpectationStatus.CONFIRMED if item.status in CONFIRMABLE else item.status
        save_confirmation(ctx.now(), session, replace(item, status=status, confirmed_by_letter_id=letter.id))
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


def _as_printed(item: ExpectationItem, line: ExpectationRowData) -> bool:
    return (item.statement, item.measure, item.due_date) == (line.statement, line.measure, line.due)
