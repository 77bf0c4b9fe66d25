"""Expectations (E-n): what the client will see, how we will know, agreed with whom."""

from __future__ import annotations

from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.domain.enums import ExpectationStatus
from deliverydesk.domain.models import ExpectationItem
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_expectation
from deliverydesk.services.records.common import check_contact_link
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import mapping
from deliverydesk.store.records import Session, contact_names
from deliverydesk.store.tables import ExpectationRow, ProjectRow


def _items(session: Session, rows: list[ExpectationRow]) -> list[ExpectationItem]:
    names = contact_names(session, [r.agreed_with_id for r in rows if r.agreed_with_id])
    return [mapping.expectation_item(r, agreed_with_name=names.get(r.agreed_with_id or "", "")) for r in rows]


def _check_links(
    session: Session, draft: ExpectationDraft, project: ProjectRow, row: ExpectationRow | None
) -> None:
    """``agreed_with_id`` must be a current contact of the project's client (checked when it changes)."""
    if row is None or draft.agreed_with_id != row.agreed_with_id:
        check_contact_link(session, "agreed_with_id", draft.agreed_with_id, project)


def _apply_update(_session: Session, row: ExpectationRow, draft: ExpectationDraft) -> None:
    confirmed_wording = _wording(row) if row.status is ExpectationStatus.CONFIRMED else None
    mapping.write_expectation(row, draft)
    if confirmed_wording is not None and _wording(row) != confirmed_wording:
        row.status = ExpectationStatus.DRAFT  # the client confirmed other words: confirm again
        row.confirmed_by_letter_id = None


def _wording(row: ExpectationRow) -> tuple[object, ...]:
    """What the client confirmed; changing any of it voids the confirmation (a new letter is due)."""
    return (row.statement, row.measure, row.due_date, row.agreed_with_id)


EXPECTATIONS = ProjectRecords(
    ExpectationRow,
    "expectation",
    validate=lambda _ctx, draft: validate_expectation(draft),
    write=mapping.write_expectation,
    to_items=_items,
    ref_prefix=RefPrefix.EXPECTATION,
    check_links=_check_links,
    apply_update=_apply_update,
)

create_expectation = EXPECTATIONS.create
update_expectation = EXPECTATIONS.update
get_expectation = EXPECTATIONS.get
list_expectations = EXPECTATIONS.list  # status=ExpectationStatus filters
archive_expectation = EXPECTATIONS.archive
restore_expectation = EXPECTATIONS.restore
