"""The rows behind the window's Undo and Redo: an edit written back onto its record's row (the columns
an item shares with its row, by name: the edit is a list of changed fields), read first so the service
can tell whether the record is still as the edit left it. The rules (what may be undone, the messages)
are ``services.records.undo``'s; voiding a log entry is ``store.log_rows``'."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import inspect

from deliverydesk.domain import models
from deliverydesk.store.kinds import RowKind
from deliverydesk.store.record_rows import get_editable, save_changes
from deliverydesk.store.records import Session, StoredRow
from deliverydesk.store.tables import (
    ChangeRequestRow,
    ClientRow,
    CommitmentRow,
    ContactRow,
    ExclusionRow,
    ExpectationRow,
    HandoverItemRow,
    IssueRow,
    MilestoneRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
    ScopeItemRow,
)

# The table rows behind the record kinds whose edits the window's Undo writes back.
EDITABLE_ROWS: dict[type[models.RecordItem], type[StoredRow]] = {
    models.ProjectItem: ProjectRow,
    models.ClientItem: ClientRow,
    models.ContactItem: ContactRow,
    models.ScopeEntry: ScopeItemRow,
    models.ExclusionItem: ExclusionRow,
    models.MilestoneItem: MilestoneRow,
    models.ExpectationItem: ExpectationRow,
    models.ChangeRequestItem: ChangeRequestRow,
    models.IssueItem: IssueRow,
    models.ReviewItem: ReviewRow,
    models.ReviewActionItem: ReviewActionRow,
    models.HandoverEntry: HandoverItemRow,
    models.CommitmentItem: CommitmentRow,
}


def _kind(record_type: type[models.RecordItem], what: str) -> RowKind[StoredRow]:
    return RowKind(EDITABLE_ROWS[record_type], what)


def _columns(row_cls: type[StoredRow]) -> list[str]:
    """The row's column attributes (an item's computed fields, such as a client's name, are none)."""
    return [attribute.key for attribute in inspect(row_cls).column_attrs]


def stored_values(
    session: Session, record_type: type[models.RecordItem], what: str, record_id: str
) -> dict[str, object]:
    """Column name -> value of the record as stored now (``row_version`` included); NotFoundError or
    RuleError (archived: read-only until restored) naming it ``what``."""
    kind = _kind(record_type, what)
    row = get_editable(session, kind, record_id)
    return {name: getattr(row, name) for name in _columns(kind.row_cls)}


def write_back(
    now: datetime,
    session: Session,
    record_type: type[models.RecordItem],
    what: str,
    record_id: str,
    values: Mapping[str, object],
) -> int:
    """Write ``values`` (column name -> value) onto the record as one audited edit; its new row version."""
    kind = _kind(record_type, what)
    row = get_editable(session, kind, record_id)
    columns = set(_columns(kind.row_cls))
    unknown = sorted(set(values) - columns)
    if unknown:
        raise ValueError(f"not columns of {kind.row_cls.__name__}: {unknown}")
    for name, value in values.items():
        setattr(row, name, value)
    save_changes(now, session, row)
    return row.row_version
